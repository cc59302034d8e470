import pytest
from django.db import transaction

from inspir.demo.loader import load_demo


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module inside a transaction that is rolled back at
    its end; each test still runs in its own savepoint, so writes never leak."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once, db):
    return demo_once
