from typing import Any


def count_at_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from inspir.notifications.selectors import unread_count_refresh

    unread_count_refresh(user.pk)
