"""Which of the report's fields are member-written prose, read in every language
(core/texts.py): a year's introduction and credits go to the network's translators, needed
by the end of January after that year, when the report is due."""

import datetime
from typing import Any

from inspir.core.texts import Context


def _report_text(text: Any) -> Context:
    due = datetime.datetime(text.year + 1, 1, 31, tzinfo=datetime.UTC)
    return Context(network_id=text.network_id, needed_by=due)


def declare_texts() -> None:
    from inspir.core.texts import not_prose, translatable
    from inspir.reports.models import Edition, ReportText

    translatable(ReportText, "introduction", "credits", context=_report_text)
    not_prose(
        Edition,
        "language",
        "fingerprint",
        "status",
        "pdf",
        "failure",
        reason="a language code, a fingerprint, a status, a stored file and a technical error",
    )
