import pytest


@pytest.fixture
def demo(db):
    """The 2020 demo network, loaded into the test database."""
    from inspir.demo.loader import load_demo

    load_demo()
