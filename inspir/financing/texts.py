"""Which of financing's fields are member-written prose, read in every language
(core/texts.py), and which are names or codes."""

from typing import Any

from inspir.core.texts import Context, not_prose, translatable


def _network(obj: Any) -> Context:
    return Context(network_id=obj.network_id)


def declare_texts() -> None:
    from inspir.financing import models as financing

    translatable(financing.Funder, "notes", context=_network)
    not_prose(financing.Funder, "name", "acronym", reason="a funder's own name and acronym")
    translatable(
        financing.FundingCall,
        "title",
        "description",
        context=lambda call: Context(network_id=call.funder.network_id),
    )
    translatable(financing.FundingProposal, "title", "summary", context=_network)
    not_prose(
        financing.ProposalDocument,
        "name",
        "content_type",
        reason="a file's name as uploaded and its MIME type",
    )
