"""The audit action codes governance writes, as the activity log reads them, and its links
to the proposals, meetings and decisions the reader may open (see `inspir/core/actions.py`)."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from inspir.core.actions import (
    Field,
    model_field,
    register,
    register_group,
    register_link,
    register_reference,
)
from inspir.governance.models import (
    AgendaDocument,
    AgendaItem,
    AvailableHours,
    Committee,
    ConsentRecord,
    Decision,
    FollowUp,
    Mandate,
    Meeting,
    Participant,
    Proposal,
    SeatRule,
)
from inspir.governance.selectors.access import (
    visible_decisions,
    visible_meetings,
    visible_proposals,
)


def _titles(queryset: QuerySet, ids: set[str]) -> Mapping[str, str]:
    return {str(pk): title for pk, title in queryset.filter(pk__in=ids).values_list("pk", "title")}


def _links(queryset: QuerySet, ids: set[str], url_name: str) -> Mapping[str, str]:
    return {
        str(pk): reverse(url_name, args=[pk])
        for pk in queryset.filter(pk__in=ids).values_list("pk", flat=True)
    }


def proposal_links(user: Any, ids: set[str]) -> Mapping[str, str]:
    return _links(visible_proposals(user), ids, "governance:proposal_detail")


def meeting_links(user: Any, ids: set[str]) -> Mapping[str, str]:
    return _links(visible_meetings(user), ids, "governance:meeting_detail")


def decision_links(user: Any, ids: set[str]) -> Mapping[str, str]:
    return _links(visible_decisions(user), ids, "governance:decision_detail")


def register_actions() -> None:
    register_group("governance", _("Governance"))
    register_group("governance.available_hours", _("Governance — acceptable meeting hours"))
    register_group("governance.agenda", _("Governance — agenda"))
    register_group("governance.attendance", _("Governance — attendance"))
    register_group("governance.committee", _("Governance — committee rules"))
    register_group("governance.document", _("Governance — document"))
    register_group("governance.input", _("Governance — input"))
    register_group("governance.invitation", _("Governance — answers to meeting invitations"))
    register_group("governance.minutes", _("Governance — minutes"))
    register_group("governance.round", _("Governance — consent rounds"))
    register_group("governance.position", _("Governance — positions in consent rounds"))
    register_reference("meeting", lambda ids: _titles(Meeting.objects.all(), ids))
    register_reference("decision", lambda ids: _titles(Decision.objects.all(), ids))
    register_reference("proposal", lambda ids: _titles(Proposal.objects.all(), ids))
    register_reference("agenda_item", lambda ids: _titles(AgendaItem.objects.all(), ids))
    register_link("governance.proposal", proposal_links)
    register_link("governance.meeting", meeting_links)
    register_link("governance.decision", decision_links)
    _register_committees()
    _register_meetings()
    _register_preparation()
    _register_proposals()
    _register_decisions()
    _register_minutes_and_publication()


def _register_committees() -> None:
    register(
        "governance.calendar_feed.created",
        sentence=_("%(actor)s created their calendar address"),
    )
    register(
        "governance.calendar_feed.renewed",
        sentence=_("%(actor)s gave their calendar a new address"),
    )
    register(
        "governance.available_hours.updated",
        sentence=_("%(actor)s changed the hours they accept for meetings"),
        fields={
            "earliest": model_field(AvailableHours, "earliest"),
            "latest": model_field(AvailableHours, "latest"),
            "never_before": model_field(AvailableHours, "never_before"),
            "never_after": model_field(AvailableHours, "never_after"),
        },
    )
    mandate = {
        "person": model_field(Mandate, "person"),
        "rule": Field(_("seat")),
        "start_date": model_field(Mandate, "start_date"),
        "end_date": model_field(Mandate, "end_date"),
    }
    register(
        "governance.mandate.created",
        sentence=_("%(actor)s gave %(person)s a seat on the committee of %(network)s"),
        fields=mandate,
    )
    register(
        "governance.mandate.ended",
        sentence=_("%(actor)s ended the mandate %(object)s on %(end_date)s"),
        fields=mandate,
    )
    register(
        "governance.mandate.withdrawn",
        sentence=_(
            "%(actor)s withdrew the mandate %(object)s, entered by mistake: %(withdrawal_reason)s"
        ),
        fields={"withdrawal_reason": model_field(Mandate, "withdrawal_reason")},
    )
    seat_rule = {
        "rule": Field(_("seat")),
        "seats": model_field(SeatRule, "seats"),
        "minimum": model_field(SeatRule, "minimum"),
    }
    register(
        "governance.seat_rule.created",
        sentence=_("%(actor)s added the seats %(object)s to the committee of %(network)s"),
        fields=seat_rule,
    )
    register(
        "governance.seat_rule.updated",
        sentence=_("%(actor)s changed the seats %(object)s on the committee of %(network)s"),
        fields=seat_rule,
    )
    register(
        "governance.committee.quorum_changed",
        sentence=_("%(actor)s changed the quorum of %(object)s"),
        fields={"quorum": model_field(Committee, "quorum")},
    )


def _register_meetings() -> None:
    meeting = {
        name: model_field(Meeting, name)
        for name in (
            "title",
            "kind",
            "format",
            "starts_at",
            "ends_at",
            "location",
            "video_url",
            "time_zone",
            "status",
            "agenda_published_at",
            "preparation_deadline",
            "minutes_published_at",
        )
    }
    register(
        "governance.meeting.created",
        sentence=_("%(actor)s scheduled the meeting %(object)s of %(network)s"),
        fields=meeting,
    )
    register(
        "governance.meeting.updated",
        sentence=_("%(actor)s changed the meeting %(object)s"),
        fields=meeting,
    )
    register(
        "governance.meeting.cancelled",
        sentence=_("%(actor)s cancelled the meeting %(object)s"),
        fields=meeting,
    )
    item = {
        name: model_field(AgendaItem, name) for name in ("title", "description", "duration_minutes")
    }
    register(
        "governance.agenda_item.created",
        sentence=_("%(actor)s added the item %(object)s to an agenda of %(network)s"),
        fields=item,
    )
    register(
        "governance.agenda_item.updated",
        sentence=_("%(actor)s changed the agenda item %(object)s"),
        fields=item,
    )
    register(
        "governance.agenda_item.deleted",
        sentence=_("%(actor)s removed the agenda item %(object)s"),
        fields=item,
        link=False,
    )
    register(
        "governance.agenda_item.moved",
        sentence=_("%(actor)s moved the agenda item %(object)s"),
        fields={"position": Field(_("position"), show=lambda index: index + 1)},
    )
    document = {
        "title": model_field(AgendaDocument, "title"),
        "size": Field(_("size in bytes")),
    }
    register(
        "governance.document.uploaded",
        sentence=_("%(actor)s attached the document %(object)s to an agenda of %(network)s"),
        fields=document,
    )
    register(
        "governance.document.deleted",
        sentence=_("%(actor)s removed the document %(object)s"),
        fields=document,
        link=False,
    )
    register(
        "governance.attendance.recorded",
        sentence=_("%(actor)s recorded who took part in the meeting %(object)s"),
        fields={
            "participant ": Field(
                _("attendance of %(name)s"),
                show=model_field(Participant, "attendance").show,
                ref="person",
                prefix=True,
            )
        },
    )
    register(
        "governance.invitation.answered",
        sentence=_("%(actor)s answered the invitation to the meeting %(object)s"),
        fields={"answer": model_field(Participant, "answer")},
    )
    register(
        "governance.minutes.updated",
        sentence=_("%(actor)s edited the minutes of the meeting %(object)s"),
        fields={"minutes": Field(_("length of the minutes (characters)"))},
    )
    register(
        "governance.minutes.published",
        sentence=_("%(actor)s published the minutes of the meeting %(object)s"),
        fields=meeting,
    )


def _register_preparation() -> None:
    register(
        "governance.agenda.published",
        sentence=_("%(actor)s published the agenda of the meeting %(object)s"),
        fields={
            "agenda_published_at": model_field(Meeting, "agenda_published_at"),
            "preparation_deadline": model_field(Meeting, "preparation_deadline"),
            "consulted": Field(_("networks consulted"), ref="network_slug"),
        },
    )
    register(
        "governance.consultation.opened",
        sentence=_("%(actor)s asked the networks below %(network)s for their input: %(object)s"),
        fields={"consulted": Field(_("networks consulted"), ref="network_slug")},
    )
    register(
        "governance.input.saved",
        sentence=_("%(actor)s wrote the input of %(network)s on %(object)s"),
        fields={"item": Field(_("agenda item"), ref="agenda_item"), "text": Field(_("input"))},
    )


def _register_proposals() -> None:
    proposal = {
        "title": model_field(Proposal, "title"),
        "text": model_field(Proposal, "text"),
        "domain": model_field(Proposal, "domain"),
        "status": model_field(Proposal, "status"),
        "organisation": model_field(Proposal, "origin_organisation"),
        "network": Field(_("held by"), ref="network"),
        "meeting": Field(_("meeting"), ref="meeting"),
        "decision": Field(_("decision"), ref="decision"),
        "comment": Field(_("comment"), hidden=True),
    }
    sentences = {
        "created": _("%(actor)s drafted the proposal %(object)s in %(network)s"),
        "updated": _("%(actor)s edited the proposal %(object)s"),
        "submitted": _("%(actor)s submitted the proposal %(object)s to %(network)s"),
        "forwarded": _(
            "%(actor)s forwarded the proposal %(object)s from %(network_before)s to %(network)s"
        ),
        "taken_up": _("%(actor)s took up the proposal %(object)s in %(network)s"),
        "scheduled": _("%(actor)s put the proposal %(object)s on the agenda of %(meeting)s"),
        "decided": _("%(actor)s recorded the outcome of the proposal %(object)s: %(status)s"),
        "withdrawn": _("%(actor)s withdrew the proposal %(object)s"),
        "commented": _("%(actor)s commented on the proposal %(object)s"),
    }
    for verb, sentence in sentences.items():
        register(f"governance.proposal.{verb}", sentence=sentence, fields=proposal)


def _date(value: Any) -> object:
    """A stored ISO date in the reader's language ("12 March 2027")."""
    try:
        return date_format(datetime.date.fromisoformat(str(value)))
    except ValueError:
        return value


def _register_decisions() -> None:
    register(
        "governance.decision.recorded",
        sentence=_("%(actor)s recorded the decision %(object)s (%(outcome)s)"),
        fields={
            "outcome": model_field(Decision, "outcome"),
            "follow_up_due_on": model_field(Decision, "follow_up_due_on", show=_date),
            "meeting": Field(_("meeting"), ref="meeting"),
            "proposal": Field(_("proposal"), ref="proposal"),
            "concerns": Field(_("networks concerned"), ref="network"),
        },
    )
    round_fields = {
        "closes_at": Field(_("closes")),
        "meeting": Field(_("meeting"), ref="meeting"),
        "proposal": Field(_("proposal"), ref="proposal"),
        "outcome": model_field(Decision, "outcome"),
        "positions": Field(_("positions given by full members")),
        "needed": Field(_("quorum")),
    }
    register(
        "governance.round.opened",
        sentence=_("%(actor)s opened a consent round: %(object)s"),
        fields=round_fields,
    )
    register(
        "governance.round.closed",
        sentence=_("The consent round %(object)s closed: %(outcome)s"),
        fields=round_fields,
    )
    position_fields = {
        "person": Field(_("member"), hidden=True),
        "position": model_field(ConsentRecord, "position"),
    }
    register(
        "governance.position.stated",
        sentence=_("%(actor)s stated their position on %(object)s"),
        fields=position_fields,
    )
    register(
        "governance.position.recorded",
        sentence=_("%(actor)s recorded a position given orally on %(object)s"),
        fields=position_fields,
    )
    follow_up = {
        "decision": Field(_("decision"), ref="decision"),
        "parent": Field(_("follow-up above"), hidden=True),
        "status": model_field(FollowUp, "status"),
        "report": model_field(FollowUp, "report"),
        "due_on": model_field(FollowUp, "due_on", show=_date),
    }
    register(
        "governance.follow_up.opened",
        sentence=_("%(actor)s opened the follow-up %(object)s"),
        fields=follow_up,
    )
    register(
        "governance.follow_up.reported",
        sentence=_("%(actor)s reported back on %(object)s: %(status)s"),
        fields=follow_up,
    )


def _register_minutes_and_publication() -> None:
    """The minutes' way from draft to published and corrected; circulating an agenda to
    the members apart from publishing it; which documents are public. Registered last: the
    codes written before (a document uploaded, an agenda published) are described again
    with what they now record."""
    register_group("governance.minutes", _("Governance — minutes"))
    register(
        "governance.minutes.circulated",
        sentence=_("%(actor)s circulated the minutes of the meeting %(object)s to the members"),
        fields={"minutes_status": model_field(Meeting, "minutes_status")},
    )
    register(
        "governance.minutes.commented",
        sentence=_("%(actor)s commented on the minutes of the meeting %(object)s"),
        fields={"comment": Field(_("comment"), hidden=True)},
    )
    register(
        "governance.minutes.approved",
        sentence=_("%(actor)s recorded the approval of the minutes of the meeting %(object)s"),
        fields={
            "minutes_status": model_field(Meeting, "minutes_status"),
            "meeting": Field(_("approved at the meeting"), ref="meeting"),
            "decision": Field(_("approved by the decision"), ref="decision"),
        },
    )
    register(
        "governance.minutes.corrected",
        sentence=_("%(actor)s corrected the approved minutes of the meeting %(object)s"),
        fields={
            "version": Field(_("version of the minutes")),
            "note": Field(_("what was corrected")),
        },
    )
    register(
        "governance.agenda.circulated",
        sentence=_("%(actor)s circulated the agenda of the meeting %(object)s to the members"),
        fields={
            "agenda_circulated_at": model_field(Meeting, "agenda_circulated_at"),
            "preparation_deadline": model_field(Meeting, "preparation_deadline"),
            "consulted": Field(_("networks consulted"), ref="network_slug"),
        },
    )
    register(
        "governance.agenda.published",
        sentence=_("%(actor)s published the agenda of the meeting %(object)s"),
        fields={
            "agenda_published_at": model_field(Meeting, "agenda_published_at"),
            "preparation_deadline": model_field(Meeting, "preparation_deadline"),
            "consulted": Field(_("networks consulted"), ref="network_slug"),
        },
    )
    document = {
        "title": model_field(AgendaDocument, "title"),
        "size": Field(_("size in bytes")),
        "public": model_field(AgendaDocument, "public"),
    }
    register(
        "governance.document.uploaded",
        sentence=_("%(actor)s attached the document %(object)s to an agenda of %(network)s"),
        fields=document,
    )
    register(
        "governance.document.visibility_changed",
        sentence=_("%(actor)s changed who may download the document %(object)s"),
        fields=document,
    )
