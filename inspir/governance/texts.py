"""Which fields of governance are member-written prose, read in every language
(core/texts.py): what a committee writes for the networks to read — meetings and their
minutes, agenda items and their documents' titles, inputs, proposals, decisions and the
follow-ups' reports. What members say to each other in the course of a decision stays in
their own words."""

import datetime
from typing import Any

from django.db.models.signals import post_save

from inspir.core.texts import (
    Context,
    context_refresh,
    not_prose,
    page_of,
    single_language,
    translatable,
)

# Where each text belongs (`core.texts.Context`): the committee's network, whose members read
# it, and when it is needed. A meeting's papers are needed at its start; a decision by the day
# its follow-ups are due; a proposal by the meeting it is on the agenda of.


def _meeting_context(meeting: Any) -> Context:
    # A meeting's papers are read on its page.
    return Context(
        network_id=meeting.committee.network_id, needed_by=meeting.starts_at, url=page_of(meeting)
    )


def _proposal_context(proposal: Any) -> Context:
    from inspir.governance.models import AgendaItem

    item = (
        AgendaItem.objects.filter(proposal=proposal, meeting__starts_at__gte=_now())
        .select_related("meeting")
        .order_by("meeting__starts_at")
        .first()
        if proposal.pk
        else None
    )
    return Context(
        network_id=proposal.network_id, needed_by=item.meeting.starts_at if item else None
    )


def _decision_context(decision: Any) -> Context:
    due = decision.follow_up_due_on
    return Context(
        network_id=decision.committee.network_id,
        needed_by=datetime.datetime.combine(due, datetime.time(), datetime.UTC) if due else None,
    )


def _now() -> datetime.datetime:
    from django.utils import timezone

    return timezone.now()


def _meeting_moved(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A meeting rescheduled moves the date its papers are needed by."""
    from inspir.governance.models import AgendaDocument, AgendaInput, AgendaItem

    if kwargs.get("raw"):
        return
    context_refresh(AgendaItem.objects.filter(meeting=instance).select_related("meeting"))
    context_refresh(
        AgendaDocument.objects.filter(item__meeting=instance).select_related("item__meeting")
    )
    context_refresh(
        AgendaInput.objects.filter(item__meeting=instance).select_related("item__meeting")
    )


def declare_texts() -> None:
    from inspir.governance import models as governance

    translatable(governance.Meeting, "title", "minutes", context=_meeting_context)
    translatable(
        governance.AgendaItem,
        "title",
        "description",
        context=lambda item: _meeting_context(item.meeting),
    )
    translatable(
        governance.AgendaDocument,
        "title",
        context=lambda document: _meeting_context(document.item.meeting),
    )
    translatable(
        governance.AgendaInput, "text", context=lambda given: _meeting_context(given.item.meeting)
    )
    translatable(governance.Proposal, "title", "text", context=_proposal_context)
    translatable(governance.Decision, "title", "statement", context=_decision_context)
    # A report is read by the network that decided.
    translatable(
        governance.FollowUp,
        "report",
        context=lambda follow_up: Context(network_id=follow_up.decision.committee.network_id),
    )
    post_save.connect(_meeting_moved, sender=governance.Meeting, dispatch_uid="texts-meeting-moved")
    translatable(
        governance.Committee,
        "description",
        context=lambda committee: Context(network_id=committee.network_id),
    )
    single_language(
        governance.MinutesVersion,
        "text",
        "correction_note",
        reason="a version of the minutes as it was approved, kept as written",
    )
    for model, field in (
        (governance.MinutesComment, "text"),
        (governance.Participant, "answer_note"),
        (governance.ProposalEvent, "note"),
        (governance.ProposalComment, "text"),
        (governance.ConsentRecord, "reason"),
    ):
        single_language(model, field, reason="what a member says to the others, in their words")
    single_language(
        governance.Mandate,
        "note",
        "withdrawal_reason",
        reason="a note for those who manage the committee",
    )
    not_prose(governance.Committee, "time_zone", reason="a zone")
    not_prose(governance.Meeting, "time_zone", "location", reason="a zone and a place")
    not_prose(
        governance.AgendaDocument, "original_name", "content_type", reason="a file's name and type"
    )
    not_prose(governance.CalendarFeed, "token", reason="a secret")
