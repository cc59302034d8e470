import pytest

from inspir.core.tests.own_redis import own_redis  # noqa: F401 - a Redis of the test's own
from inspir.core.tests.world import build_world


@pytest.fixture
def world(db):
    return build_world()
