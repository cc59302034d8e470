"""Which fields of the accounts hold prose to translate (core/texts.py): none."""

from inspir.core.texts import not_prose


def declare_texts() -> None:
    from inspir.accounts.models import Invitation, User

    not_prose(User, "password", "first_name", "last_name", reason="a name and a password hash")
    not_prose(Invitation, "language", "token_digest", reason="a language code and a digest")
