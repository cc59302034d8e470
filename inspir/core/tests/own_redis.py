"""A Redis server of the test's own, on a free loopback port, that the test may stop, start,
or cut off (it stops answering on its port but keeps its data, as behind a broken network)
without touching the Redis other tests and processes share."""

import shutil
import subprocess
import time

import pytest
import redis

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
