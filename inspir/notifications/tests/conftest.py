from inspir.notifications.tests.fixtures import notice_kind  # noqa: F401
