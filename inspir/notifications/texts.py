"""Which fields of the notices hold prose to translate (core/texts.py): none; a notice's
words are rendered in each reader's language from its kind."""

from inspir.core.texts import not_prose


def declare_texts() -> None:
    from inspir.notifications.models import NoticePreference, NoticeSettings, Notification

    not_prose(Notification, "kind", "key", reason="codes; the words come from the kind")
    not_prose(NoticePreference, "kind", reason="a code")
    not_prose(NoticeSettings, "unsubscribe_secret", reason="a secret")
