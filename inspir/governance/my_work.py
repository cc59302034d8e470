"""What governance has waiting for the reader on their "my work" page (core/my_work.py):
inputs their networks owe, proposals awaiting their committees, follow-ups to report,
consent rounds waiting for their position,
meeting invitations to answer (two buttons, answered from the page), meetings coming, and
the meeting hours they have not given. Registered from
`GovernanceConfig.ready()`; every read is a selector of `selectors/my_work.py`."""

import datetime
from collections.abc import Iterator
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.permissions import permission_key
from inspir.core.my_work import (
    ITEM_LIMIT,
    ProfileStep,
    WorkButton,
    WorkForm,
    WorkItem,
    WorkLink,
    WorkProvider,
    WorkSection,
    earliest,
    limited,
)
from inspir.core.time import local, reader_zone
from inspir.governance.models import InvitationAnswer
from inspir.governance.permissions import acting_network_ids, committee_network_ids
from inspir.governance.rules import follow_up_overdue
from inspir.governance.selectors import my_work as selectors
from inspir.governance.selectors.consent import open_rounds_for
from inspir.governance.selectors.texts import read_texts


def _inputs_section(consultations: list[Any], more: bool, zone: Any) -> WorkSection:
    items = [
        WorkItem(
            text=_title(consultation.meeting),
            detail=_(
                "Input of %(network)s, for the committee of %(committee)s; items answered: "
                "%(answered)d of %(count)d"
            )
            % {
                "network": consultation.network.name,
                "committee": consultation.meeting.committee.network.name,
                "answered": consultation.answered_count,
                "count": consultation.item_count,
            },
            url=reverse(
                "governance:input_edit",
                kwargs={"pk": consultation.meeting_id, "network": consultation.network.slug},
            ),
            action=_("Give its input"),
            when=consultation.closes_at,
            when_label=_("Deadline:"),
            zone=zone,
        )
        for consultation in consultations
    ]
    return WorkSection(
        key="inputs",
        order=10,
        title=gettext_lazy("Inputs due"),
        items=items,
        more_url=reverse("governance:meeting_list") if more else "",
        more_label=gettext_lazy("See every meeting") if more else "",
        # An input is due until its deadline (never after the meeting starts).
        changes_at=earliest(*(consultation.closes_at for consultation in consultations)),
    )


def _proposals_section(proposals: list[Any], more: bool, zone: Any) -> WorkSection:
    items = [
        WorkItem(
            text=_title(proposal),
            detail=_("Awaiting %(network)s; raised by %(origin)s")
            % {"network": proposal.network.name, "origin": proposal.origin_network.name},
            url=proposal.get_absolute_url(),
            action=_("Answer the proposal"),
            when=proposal.updated_at,
            when_label=_("Waiting since:"),
            zone=zone,
        )
        for proposal in proposals
    ]
    return WorkSection(
        key="proposals",
        order=20,
        title=gettext_lazy("Proposals awaiting your network"),
        items=items,
        more_url=f"{reverse('governance:proposal_list')}?awaiting=on" if more else "",
        more_label=gettext_lazy("Every proposal awaiting your network") if more else "",
    )


def _follow_ups_section(follow_ups: list[Any], more: bool, zone: Any) -> WorkSection:
    today = local(timezone.now(), zone).moment.date()
    items = [
        WorkItem(
            text=_title(follow_up.decision),
            detail=_("Report of %(network)s (%(status)s)")
            % {"network": follow_up.network.name, "status": follow_up.get_status_display()},
            url=reverse("governance:follow_up_report", kwargs={"pk": follow_up.pk}),
            action=_("Report on it"),
            when=follow_up.due_on,
            when_label=_("Due:"),
            overdue=follow_up_overdue(follow_up, today),
        )
        for follow_up in follow_ups
    ]
    return WorkSection(
        key="follow-ups",
        order=30,
        title=gettext_lazy("Follow-ups to report"),
        items=items,
        more_url=reverse("governance:decision_list") if more else "",
        more_label=gettext_lazy("See every decision") if more else "",
        # A follow-up becomes overdue when the reader's day turns.
        changes_at=_next_midnight(today, zone) if follow_ups else None,
    )


def _next_midnight(today: datetime.date, zone: Any) -> datetime.datetime:
    return datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), zone)


def _meetings_section(
    meetings: list[Any], more: bool, zone: Any, seated: bool
) -> WorkSection | None:
    if not meetings and not seated:
        return None
    items = [
        WorkItem(
            text=_title(meeting),
            detail=meeting.committee.network.name,
            url=meeting.get_absolute_url(),
            action=_("Open the meeting"),
            when=meeting.starts_at,
            when_label=_("Starts:"),
            zone=zone,
            links=(
                WorkLink(
                    _("Add to my calendar (.ics)"),
                    reverse("governance:meeting_ics", kwargs={"pk": meeting.pk}),
                ),
            ),
        )
        for meeting in meetings
    ]
    return WorkSection(
        key="meetings",
        order=40,
        title=gettext_lazy("Meetings coming"),
        items=items,
        more_url=reverse("governance:meeting_list") if more else "",
        more_label=gettext_lazy("See every meeting") if more else "",
        # A meeting is coming until it ends.
        changes_at=earliest(*(meeting.ends_at for meeting in meetings)),
    )


def _invitations_section(meetings: list[Any], more: bool, zone: Any) -> WorkSection | None:
    """The meetings coming whose invitation waits for the reader's answer."""
    invitations = [meeting for meeting in meetings if meeting.answer_awaited]
    if not invitations:
        return None
    items = [
        WorkItem(
            text=_title(meeting),
            detail=meeting.committee.network.name,
            url=f"{meeting.get_absolute_url()}#your-answer",
            action=_("Open the meeting"),
            when=meeting.starts_at,
            when_label=_("Starts:"),
            zone=zone,
            form=WorkForm(
                url=reverse("governance:invitation_answer", kwargs={"pk": meeting.pk}),
                buttons=(
                    WorkButton(_("I will attend"), "answer", InvitationAnswer.ATTENDING),
                    WorkButton(_("I cannot attend"), "answer", InvitationAnswer.NOT_ATTENDING),
                ),
                hidden=(("back", "my_work"),),
            ),
        )
        for meeting in invitations
    ]
    return WorkSection(
        key="invitations-to-answer",
        order=35,
        title=gettext_lazy("Meeting invitations to answer"),
        items=items,
        more_url=reverse("governance:meeting_list") if more else "",
        more_label=gettext_lazy("See every meeting") if more else "",
        # An invitation waits for its answer until the meeting starts.
        changes_at=earliest(*(meeting.starts_at for meeting in invitations)),
    )


def _rounds_section(rounds: list[Any], zone: Any) -> WorkSection:
    items = [
        WorkItem(
            text=_title(decision),
            detail=_("Consent round of the committee of %(network)s")
            % {"network": decision.committee.network.name},
            url=decision.get_absolute_url() + "#my-position",
            action=_("Give my position"),
            when=decision.closes_at,
            when_label=_("Closes:"),
            zone=zone,
        )
        for decision in rounds
    ]
    return WorkSection(
        key="positions",
        order=25,
        title=gettext_lazy("Your position is asked"),
        items=items,
        # A round waits for the position until it closes.
        changes_at=earliest(*(decision.closes_at for decision in rounds)),
    )


def governance_work(user: Any) -> Iterator[WorkSection]:
    """The reader's governance sections: what the networks they answer for owe (those they
    act for as focal point, coordinator or committee member, and those below them that have
    nobody of their own: `selectors.answering`) when they act for any, their
    meetings when they have a person in the network. The titles they show are read at once,
    in the reader's language (two queries)."""
    zone = reader_zone(user)
    acting = acting_network_ids(user)
    acts = acting is None or bool(acting)
    inputs, more_inputs = limited(selectors.inputs_due(user=user, limit=ITEM_LIMIT) if acts else [])
    proposals, more_proposals = limited(
        selectors.proposals_awaiting(user=user, limit=ITEM_LIMIT) if acts else []
    )
    follow_ups, more_follow_ups = limited(
        selectors.follow_ups_to_report(user=user, limit=ITEM_LIMIT) if acts else []
    )
    person_id = user.person_id
    seated = person_id is not None and bool(committee_network_ids(user))
    rounds: list[Any] = []
    coming: list[Any] = []
    more_coming = False
    if seated:
        rounds, _more = limited(list(open_rounds_for(person_id)[: ITEM_LIMIT + 1]))
    if person_id is not None:
        # One read for both: the invitations to answer are among the meetings coming.
        coming, more_coming = limited(
            selectors.meetings_coming(user=user, person_id=person_id, limit=ITEM_LIMIT)
        )
    read_texts(
        [
            *((consultation.meeting, "title") for consultation in inputs),
            *((proposal, "title") for proposal in proposals),
            *((follow_up.decision, "title") for follow_up in follow_ups),
            *((decision, "title") for decision in rounds),
            *((meeting, "title") for meeting in coming),
        ]
    )
    if acts:
        yield _inputs_section(inputs, more_inputs, zone)
        yield _proposals_section(proposals, more_proposals, zone)
        yield _follow_ups_section(follow_ups, more_follow_ups, zone)
    if person_id is not None:
        if seated:
            yield _rounds_section(rounds, zone)
        invitations = _invitations_section(coming, more_coming, zone)
        if invitations is not None:
            yield invitations
        meetings = _meetings_section(coming, more_coming, zone, seated)
        if meetings is not None:
            yield meetings
        # Read with the meetings coming when there are any.
        hours_given = (
            coming[0].hours_given if coming else selectors.has_available_hours(person_id=person_id)
        )
        if not hours_given:
            yield WorkSection(
                key="profile",
                order=90,
                title=gettext_lazy("Your profile"),
                items=[
                    WorkItem(
                        text=_("You have not said at which hours you accept to meet."),
                        url=reverse("governance:available_hours"),
                        action=_("Give my meeting hours"),
                    )
                ],
            )


def _title(record: Any) -> str:
    """A record's title as the reader sees it (read by `governance_work`): plain in their
    language; the original in another is marked with its language, as pages mark it
    (components/member_title.html)."""
    shown = record.texts["title"]
    if shown.language in (None, shown.reader_language):
        return str(shown.text)
    html = render_to_string("components/member_title.html", {"shown": shown})
    return mark_safe(html.strip())  # noqa: S308 - the template escaped the title


# What the sections rest on besides the data: who the reader is and what they may do.
PROVIDER = WorkProvider(
    name="governance", order=20, sections=governance_work, varies_on=permission_key
)


def _hours_needed(user: Any) -> bool:
    return user.person_id is not None and not selectors.has_available_hours(
        person_id=user.person_id
    )


# After one's profile: the hours at which one accepts to meet (the slot finder's input).
HOURS_STEP = ProfileStep(
    name="available_hours",
    order=20,
    url=lambda: reverse("governance:available_hours"),
    needed=_hours_needed,
)
