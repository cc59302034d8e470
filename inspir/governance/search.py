"""What governance lets people find in the platform-wide search (core/search.py):
meetings, proposals and decisions, each found only by those who may open it, through the
same scoped querysets as their pages (`selectors/access.py`).

Only what every reader of a record sees goes into its entry: a meeting's title, never its
minutes (a meeting's agenda may be public while its minutes are not)."""

import zoneinfo
from typing import Any

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from inspir.accounts.permissions import AnyUser
from inspir.core.search import SearchDocument, SearchProvider
from inspir.governance.models import Decision, Meeting, Proposal
from inspir.governance.permissions import acting_network_ids, governance_readable_network_ids
from inspir.governance.selectors.access import (
    visible_decisions,
    visible_meetings,
    visible_proposals,
)

LANGUAGES = ("fr", "en", "es")


def readable_key(user: AnyUser) -> Any:
    """What `visible_meetings` and `visible_decisions` are built from."""
    return governance_readable_network_ids(user)


def proposals_key(user: AnyUser) -> Any:
    """What `visible_proposals` is built from: drafts are their author's and those acting for
    the network raising them."""
    if not user.is_authenticated:
        return None
    return (user.pk, governance_readable_network_ids(user), acting_network_ids(user))


def _meeting_line(meeting: Meeting) -> dict[str, str]:
    """ "INSP!R Bénin · 12 March 2026", each language with its own date."""
    try:
        day = meeting.starts_at.astimezone(zoneinfo.ZoneInfo(meeting.time_zone)).date()
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        day = meeting.starts_at.date()
    lines = {}
    for language in LANGUAGES:
        with translation.override(language):
            lines[language] = f"{meeting.committee.network.name} · {date_format(day)}"
    return lines


def meeting_document(meeting: Meeting) -> SearchDocument:
    return SearchDocument(
        object_id=meeting.pk,
        title=meeting.title,
        summaries=_meeting_line(meeting),
        url_name="governance:meeting_detail",
        url_kwargs={"pk": meeting.pk},
    )


def proposal_document(proposal: Proposal) -> SearchDocument:
    return SearchDocument(
        object_id=proposal.pk,
        title=proposal.title,
        text=proposal.text,
        summaries=dict.fromkeys(LANGUAGES, proposal.text),
        url_name="governance:proposal_detail",
        url_kwargs={"pk": proposal.pk},
    )


def decision_document(decision: Decision) -> SearchDocument:
    return SearchDocument(
        object_id=decision.pk,
        title=decision.title,
        text=decision.statement,
        summaries=dict.fromkeys(LANGUAGES, decision.statement),
        url_name="governance:decision_detail",
        url_kwargs={"pk": decision.pk},
    )


PROVIDERS = [
    SearchProvider(
        kind="governance.meeting",
        label=_("Meetings"),
        order=40,
        model=Meeting,
        document=meeting_document,
        visible=visible_meetings,
        visibility_key=readable_key,
        queryset=lambda: Meeting.objects.select_related("committee__network"),
    ),
    SearchProvider(
        kind="governance.proposal",
        label=_("Proposals"),
        order=50,
        model=Proposal,
        document=proposal_document,
        visible=visible_proposals,
        visibility_key=proposals_key,
    ),
    SearchProvider(
        kind="governance.decision",
        label=_("Decisions"),
        order=60,
        model=Decision,
        document=decision_document,
        visible=visible_decisions,
        visibility_key=readable_key,
    ),
]
