"""A Redis server of the test's own, on a free loopback port, that the test may stop, start,
or cut off (it stops answering on its port but keeps its data, as behind a broken network)
without touching the Redis other tests and processes share; and the fixtures pointing the
platform's caches at a Redis address (`use_redis_at`) or at one where nothing answers
(`cache_down`)."""

import shutil
import subprocess
import time

import pytest
import redis

from inspir.core.cache import reset_breakers
from inspir.core.tests.app_servers import free_port


class OwnRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self._spare_port: int | None = None
        self._process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self, port: int | None = None) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=port or self.port, socket_timeout=5)

    def start(self) -> None:
        self._process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port)]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_for(self.port)

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=20)
            self._process = None

    def cut(self) -> None:
        """Stop answering on the port, keeping the data: listen elsewhere and drop every
        connection the platform holds."""
        self._spare_port = free_port()
        self.client().config_set("port", self._spare_port)
        self.client(self._spare_port).client_kill_filter(_type="normal", skipme=True)

    def restore(self) -> None:
        assert self._spare_port is not None
        self.client(self._spare_port).config_set("port", self.port)
        self._spare_port = None

    def keys(self) -> list[str]:
        return sorted(key.decode() for key in self.client().keys("*"))

    def _wait_for(self, port: int) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.client(port).ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise AssertionError(f"Redis did not start on port {port}")


@pytest.fixture
def own_redis():
    """A stopped Redis of the test's own: `start()` it when the test wants it up."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed: the production-profile pass has it")
    server = OwnRedis()
    try:
        yield server
    finally:
        server.stop()


def redis_caches(url: str, retry_after: float = 30) -> dict[str, dict]:
    """The production configuration (config/settings/base.py) for a Redis at `url`."""
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "retry_after": retry_after}
    backend = {"BACKEND": "inspir.core.cache.DegradingRedisCache", "LOCATION": url}
    return {
        "default": {
            **backend,
            "KEY_PREFIX": "inspir",
            "OPTIONS": {**options, "when_unreachable": "local_memory"},
        },
        "pages": {
            **backend,
            "KEY_PREFIX": "inspir-pages",
            "OPTIONS": {**options, "when_unreachable": "miss"},
        },
    }


@pytest.fixture
def use_redis_at(settings):
    """Point both cache aliases at a Redis address, with the page cache on."""

    def use(url: str, retry_after: float = 30) -> None:
        reset_breakers()
        settings.CACHES = redis_caches(url, retry_after)
        settings.PUBLIC_PAGE_CACHE_SECONDS = 300

    yield use
    reset_breakers()


@pytest.fixture
def cache_down(use_redis_at):
    use_redis_at(f"redis://127.0.0.1:{free_port()}/0")
