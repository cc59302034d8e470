"""The shared cache in Redis, degrading instead of failing when Redis cannot be reached.

Redis holds what every app process must agree on (log-in limits, used two-factor codes) and
the public page cache. When it stops answering, the platform carries on without it:

- each call waits at most the socket timeouts (`REDIS_CONNECT_TIMEOUT`, `REDIS_TIMEOUT`);
- after a failure the process stops asking Redis for `REDIS_RETRY_AFTER` seconds (a circuit
  breaker), then lets one call try again; a warning is logged once per period, not per call;
- what each alias does meanwhile is its `when_unreachable` option. `local_memory` (the
  default alias: rate limits, used codes) keeps the data in the process's own memory, so a
  limit still holds, per process, instead of opening; `miss` (the page cache) reads nothing
  and stores nothing, so pages are rendered afresh and never kept where other processes
  cannot invalidate them;
- a `miss` alias remembers the keys it could not write (a changed registry version, say) and
  deletes them in Redis once it answers again, so that no process reads there a value this
  one meant to replace.

Sessions are kept in the database, not here, so log-in works with Redis down."""

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

LOCAL_MEMORY = "local_memory"
MISS = "miss"
# How many keys whose write was lost a process remembers to invalidate; beyond that, the
# values left in Redis simply expire (the page cache keeps nothing longer than
# PUBLIC_PAGE_CACHE_SECONDS).
LOST_KEYS_REMEMBERED = 10_000
# Rate-limit histories per process while Redis is away: large enough that a flood of
# addresses cannot push an account's history out (the memory cache culls when full).
LOCAL_MEMORY_ENTRIES = 50_000


class CircuitBreaker:
    """One per Redis address and process, shared by the threads and the aliases using it."""

    def __init__(self, location: str, retry_after: float):
        self.location = location
        self.retry_after = retry_after
        self._lock = threading.Lock()
        self._open_until: float | None = None  # None: closed, Redis is asked
        self._warned_at: float | None = None
        self._lost_keys: set[str] = set()
        self._lost_overflow = False

    @property
    def is_open(self) -> bool:
        return self._open_until is not None

    def allows_a_call(self) -> bool:
        """Closed: yes. Open: no until the period is over; then one caller tries (the others
        keep going without Redis until it has its answer)."""
        if self._open_until is None:
            return True
        with self._lock:
            now = time.monotonic()
            if self._open_until is None:
                return True
            if now < self._open_until:
                return False
            self._open_until = now + self.retry_after
            return True

    def failed(self, error: BaseException) -> None:
        now = time.monotonic()
        with self._lock:
            self._open_until = now + self.retry_after
            warn = self._warned_at is None or now - self._warned_at >= self.retry_after
            if warn:
                self._warned_at = now
        if warn:
            # The error's class and text name the failure (refused, timed out) and never a
            # password; the address is the operator's own configuration.
            logger.warning(
                "The cache (Redis) cannot be reached (%s: %s); carrying on without it and "
                "trying again in %s s. Public pages are rendered uncached, log-in limits are "
                "held in each process's memory.",
                type(error).__name__,
                error,
                f"{self.retry_after:g}",
            )

    def closed(self) -> None:
        with self._lock:
            was_open = self._open_until is not None
            self._open_until = None
            self._warned_at = None
        if was_open:
            logger.warning("The cache (Redis) answers again and is used again.")

    def remember_lost(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                if len(self._lost_keys) >= LOST_KEYS_REMEMBERED:
                    self._lost_overflow = True
                    break
                self._lost_keys.add(key)

    def take_lost(self) -> tuple[list[str], bool]:
        with self._lock:
            keys, overflow = list(self._lost_keys), self._lost_overflow
            self._lost_keys, self._lost_overflow = set(), False
        return keys, overflow

    def reset(self) -> None:
        """Forget every failure (tests)."""
        with self._lock:
            self._open_until = self._warned_at = None
            self._lost_keys, self._lost_overflow = set(), False


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, retry_after: float) -> CircuitBreaker:
    with _breakers_lock:
        breaker = _breakers.get(location)
        if breaker is None:
            breaker = _breakers[location] = CircuitBreaker(location, retry_after)
        return breaker


def reset_breakers() -> None:
    with _breakers_lock:
        for breaker in _breakers.values():
            breaker.reset()


class DegradingRedisCache(RedisCache):
    """Django's Redis cache that never raises because Redis is unreachable (see the module's
    documentation). OPTIONS: `when_unreachable` (`local_memory` or `miss`), `retry_after`
    (seconds); the others (`socket_connect_timeout`, `socket_timeout`) go to redis-py."""

    def __init__(self, server: str, params: dict[str, Any]):
        options = dict(params.get("OPTIONS", {}))
        self.when_unreachable = options.pop("when_unreachable", LOCAL_MEMORY)
        if self.when_unreachable not in (LOCAL_MEMORY, MISS):
            raise ValueError(f"when_unreachable must be {LOCAL_MEMORY!r} or {MISS!r}")
        retry_after = float(options.pop("retry_after", 30))
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(str(server), retry_after)
        self._memory = LocMemCache(
            f"unreachable-redis:{server}:{self.key_prefix}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": self.key_prefix,
                "VERSION": self.version,
                "KEY_FUNCTION": params.get("KEY_FUNCTION"),
                "OPTIONS": {"MAX_ENTRIES": LOCAL_MEMORY_ENTRIES},
            },
        )

    # -- the one path every operation takes ------------------------------------------------

    def _attempt(
        self,
        call: Callable[[], Any],
        in_memory: Callable[[LocMemCache], Any],
        missed: Callable[[], Any],
        writes: Iterable[str] = (),
        version: int | None = None,
    ) -> Any:
        if self.breaker.allows_a_call():
            recovering = self.breaker.is_open
            try:
                if recovering:
                    self._invalidate_lost_writes()
                result = call()
            except redis.RedisError as error:
                self.breaker.failed(error)
            else:
                if recovering:
                    self.breaker.closed()
                return result
        if self.when_unreachable == LOCAL_MEMORY:
            return in_memory(self._memory)
        self.breaker.remember_lost(self.make_key(key, version=version) for key in writes)
        return missed()

    def _invalidate_lost_writes(self) -> None:
        """Redis answers after a failure: before anything is read there, delete what this
        process's lost writes left stale."""
        keys, overflow = self.breaker.take_lost()
        try:
            if keys:
                self._cache.get_client(None, write=True).delete(*keys)
        except redis.RedisError:
            self.breaker.remember_lost(keys)
            raise
        if overflow:
            logger.warning(
                "More than %s cached values could not be updated while the cache was away; "
                "the others are left to expire.",
                LOST_KEYS_REMEMBERED,
            )

    def probe(self) -> bool:
        """Whether Redis takes a write and gives it back now (the health check). Asks Redis
        even while the breaker is open, and closes it when Redis answers."""
        key = f"health-probe:{time.monotonic_ns()}"
        recovering = self.breaker.is_open
        try:
            if recovering:
                self._invalidate_lost_writes()
            RedisCache.set(self, key, "ok", 10)
            answered = RedisCache.get(self, key) == "ok"
            RedisCache.delete(self, key)
        except redis.RedisError as error:
            self.breaker.failed(error)
            return False
        if recovering:
            self.breaker.closed()
        return answered

    # -- Django's cache interface ----------------------------------------------------------

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # A lost add left nothing to correct: it would not have replaced a value.
        return self._attempt(
            lambda: RedisCache.add(self, key, value, timeout, version),
            lambda memory: memory.add(key, value, timeout, version),
            lambda: False,
        )

    def get(self, key, default=None, version=None):
        return self._attempt(
            lambda: RedisCache.get(self, key, default, version),
            lambda memory: memory.get(key, default, version),
            lambda: default,
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: RedisCache.set(self, key, value, timeout, version),
            lambda memory: memory.set(key, value, timeout, version),
            lambda: None,
            writes=[key],
            version=version,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: RedisCache.touch(self, key, timeout, version),
            lambda memory: memory.touch(key, timeout, version),
            lambda: False,
            writes=[key],
            version=version,
        )

    def delete(self, key, version=None):
        return self._attempt(
            lambda: RedisCache.delete(self, key, version),
            lambda memory: memory.delete(key, version),
            lambda: False,
            writes=[key],
            version=version,
        )

    def get_many(self, keys, version=None):
        return self._attempt(
            lambda: RedisCache.get_many(self, keys, version),
            lambda memory: memory.get_many(keys, version),
            dict,
        )

    def has_key(self, key, version=None):
        return self._attempt(
            lambda: RedisCache.has_key(self, key, version),
            lambda memory: memory.has_key(key, version),
            lambda: False,
        )

    def incr(self, key, delta=1, version=None):
        def not_found() -> int:
            # As for a key Redis does not hold: callers already handle it.
            raise ValueError(f"Key '{key}' not found.")

        return self._attempt(
            lambda: RedisCache.incr(self, key, delta, version),
            lambda memory: memory.incr(key, delta, version),
            not_found,
            writes=[key],
            version=version,
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(
            lambda: RedisCache.set_many(self, data, timeout, version),
            lambda memory: memory.set_many(data, timeout, version),
            lambda: list(data),  # the keys that were not stored
            writes=list(data),
            version=version,
        )

    def delete_many(self, keys, version=None):
        return self._attempt(
            lambda: RedisCache.delete_many(self, keys, version),
            lambda memory: memory.delete_many(keys, version),
            lambda: None,
            writes=list(keys),
            version=version,
        )

    def clear(self):
        self._memory.clear()
        return self._attempt(lambda: RedisCache.clear(self), lambda memory: True, lambda: False)
