import pytest

from inspir.core.tests.own_redis import cache_down, own_redis, use_redis_at  # noqa: F401
from inspir.core.tests.world import build_world


@pytest.fixture
def world(db):
    return build_world()
