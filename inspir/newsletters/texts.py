"""Which of the newsletter's fields are member-written prose, read in every language
(core/texts.py), and which are addresses, codes or records kept as they were."""

from typing import Any

from inspir.core.texts import Context, not_prose, single_language, translatable


def _issue(obj: Any) -> Context:
    return Context(network_id=obj.network_id)


def declare_texts() -> None:
    from inspir.newsletters import models as newsletters

    translatable(newsletters.Issue, "title", "introduction", context=_issue)
    not_prose(newsletters.Issue, "status", reason="a state code")
    not_prose(newsletters.IssueItem, "kind", reason="a code naming what the item is")
    not_prose(
        newsletters.Subscriber,
        "email",
        "language",
        "status",
        "secret",
        reason="an address, a language code, a state and the secret of its links",
    )
    not_prose(
        newsletters.Consent,
        "source",
        "language",
        reason="the page the consent was given on and the language code of its wording",
    )
    single_language(
        newsletters.Consent,
        "wording",
        reason="the exact words the person agreed to, kept as they were shown to them",
    )
