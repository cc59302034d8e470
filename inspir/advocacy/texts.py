"""Which of advocacy's fields are member-written prose, read in every language
(core/texts.py), and which are names or codes."""

from typing import Any

from inspir.core.texts import Context, not_prose, single_language, translatable


def _network(obj: Any) -> Context:
    return Context(network_id=obj.network_id)


def _position(obj: Any) -> Context:
    return Context(network_id=obj.position.network_id)


def declare_texts() -> None:
    from inspir.advocacy import models as advocacy

    translatable(advocacy.Position, "title", "summary", "body", context=_network)
    translatable(advocacy.Demand, "text", context=_position)
    single_language(
        advocacy.Position,
        "demand_list",
        reason=(
            "the demands as one text, kept for the change history only; each demand is "
            "translated on its own (Demand.text)"
        ),
    )
    translatable(advocacy.Submission, "outcome_notes", "follow_up", context=_position)
    not_prose(advocacy.Submission, "target_name", "ally", reason="an institution's own name")
    translatable(advocacy.Campaign, "title", "description", context=_network)
    not_prose(advocacy.Campaign, "url", reason="a web address")
    translatable(advocacy.Alliance, "brings", "gets", context=_network)
    not_prose(
        advocacy.Alliance, "name", "acronym", "url", reason="a coalition's own name and address"
    )
