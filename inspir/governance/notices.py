"""The governance events that notify people (`inspir.notifications`): their kinds, how each
reads in the reader's language, and whom each reaches.

The services call the functions at the end of this module inside the transaction of the
change they report; each names its event with a stable key ("proposal:12:decided"), so that
a retry or a second click tells nobody twice. The kinds are registered from
`GovernanceConfig.ready()`. Meeting notices e-mail through governance's own meeting
messages (with the .ics): one e-mail per participant, not a notice and an invitation.
Participants and committee members without an account are still e-mailed directly."""

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Max
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.accounts.models import User
from inspir.core.mail import notify
from inspir.core.mail_kinds import MessageGone, Recipient
from inspir.core.texts import reading
from inspir.core.time import moment_text, reader_zone
from inspir.governance.emails import (
    CONSULTED,
    PROPOSAL_AWAITS,
    meeting_kind,
)
from inspir.governance.models import (
    Consultation,
    Decision,
    FollowUp,
    Mandate,
    Meeting,
    MinutesVersion,
    Outcome,
    Participant,
    Proposal,
)
from inspir.governance.permissions import users_answering_for
from inspir.governance.rules import input_closes_at
from inspir.network.models import Network, Person
from inspir.network.recipients import person_recipient
from inspir.notifications.kinds import NoticeKind, NoticeText, register_notice_kind
from inspir.notifications.services import notify_users

# --- Who is told ----------------------------------------------------------------------------------


def _users(ids: Iterable[int | None]) -> list[User]:
    wanted = {pk for pk in ids if pk}
    if not wanted:
        return []
    return list(User.objects.filter(pk__in=wanted).select_related("person"))


def _without_account(people: Iterable[Person]) -> list[Recipient]:
    """Those of `people` who have no active account: they hear by e-mail only."""
    recipients = []
    for person in people:
        account = getattr(person, "user", None)
        if account is not None and account.is_active:
            continue
        if (recipient := person_recipient(person)) is not None:
            recipients.append(recipient)
    return recipients


# --- How each notice reads ------------------------------------------------------------------------


def _get[T](model: type[T], pk: Any, related: tuple[str, ...] = ()) -> T:
    records = model._default_manager.all()  # type: ignore[attr-defined]
    if related:
        records = records.select_related(*related)
    found = records.filter(pk=pk).first()
    if found is None:
        raise MessageGone(f"{model.__name__} {pk} no longer exists")
    return found


def _network_name(pk: Any) -> str:
    return str(_get(Network, pk).name)


def _moment(moment: datetime.datetime, user: Any) -> str:
    """A moment in the reader's own zone, in their language, with the zone named."""
    return moment_text(moment, reader_zone(user))


def _day(day: datetime.date) -> str:
    return formats.date_format(day, "j F Y")


def _proposal_submitted(context: dict[str, Any], user: Any) -> NoticeText:
    proposal = _get(Proposal, context["proposal"])
    return NoticeText(
        title=_("A proposal awaits %(network)s: %(title)s")
        % {"network": _network_name(context["network"]), "title": reading(proposal, "title")},
        url=proposal.get_absolute_url(),
    )


def _proposal_forwarded(context: dict[str, Any], user: Any) -> NoticeText:
    proposal = _get(Proposal, context["proposal"])
    values = {"network": _network_name(context["network"]), "title": reading(proposal, "title")}
    return NoticeText(
        title=_("Your proposal “%(title)s” was forwarded to %(network)s") % values,
        url=proposal.get_absolute_url(),
    )


def _proposal_scheduled(context: dict[str, Any], user: Any) -> NoticeText:
    proposal = _get(Proposal, context["proposal"])
    meeting = _get(Meeting, context["meeting"])
    return NoticeText(
        title=_("The proposal “%(title)s” is on the agenda of “%(meeting)s”, %(when)s")
        % {
            "title": reading(proposal, "title"),
            "meeting": reading(meeting, "title"),
            "when": _moment(meeting.starts_at, user),
        },
        url=proposal.get_absolute_url(),
    )


def _proposal_decided(context: dict[str, Any], user: Any) -> NoticeText:
    proposal = _get(Proposal, context["proposal"])
    decision = _get(Decision, context["decision"])
    values = {"title": reading(proposal, "title")}
    mine = proposal.author_id == user.pk
    if decision.outcome == Outcome.REJECTED:
        title = (
            _("Your proposal “%(title)s” was rejected")
            if mine
            else _("The proposal “%(title)s” was rejected")
        )
    elif decision.outcome == Outcome.AMENDED:
        title = (
            _("Your proposal “%(title)s” was adopted as amended")
            if mine
            else _("The proposal “%(title)s” was adopted as amended")
        )
    else:
        title = (
            _("Your proposal “%(title)s” was adopted")
            if mine
            else _("The proposal “%(title)s” was adopted")
        )
    return NoticeText(
        title=title % values,
        url=decision.get_absolute_url(),
        body=reading(decision, "statement"),
    )


def _follow_up_opened(context: dict[str, Any], user: Any) -> NoticeText:
    follow_up = _get(FollowUp, context["follow_up"], ("decision", "network"))
    values = {"network": follow_up.network.name, "title": reading(follow_up.decision, "title")}
    title = _("%(network)s is asked to act on the decision “%(title)s”") % values
    if follow_up.due_on is not None:
        title = _("%(network)s is asked to act on the decision “%(title)s” by %(date)s") % {
            **values,
            "date": _day(follow_up.due_on),
        }
    return NoticeText(title=title, url=follow_up.get_absolute_url())


def _follow_up_reported(context: dict[str, Any], user: Any) -> NoticeText:
    follow_up = _get(FollowUp, context["follow_up"], ("decision", "network"))
    return NoticeText(
        title=_("%(network)s reported back on “%(title)s”: %(status)s")
        % {
            "network": follow_up.network.name,
            "title": reading(follow_up.decision, "title"),
            "status": follow_up.get_status_display(),
        },
        url=follow_up.get_absolute_url(),
        body=reading(follow_up, "report"),
    )


def _input_text(title: Callable[[], str]) -> Callable[[dict[str, Any], Any], NoticeText]:
    """A notice about a network's input: `title` (a translated "%(network)s", "%(meeting)s"
    and "%(deadline)s") in the reader's language and zone, leading to the input's form."""

    def render(context: dict[str, Any], user: Any) -> NoticeText:
        consultation = _get(Consultation, context["consultation"], ("meeting", "network"))
        meeting = consultation.meeting
        values = {
            "network": consultation.network.name,
            "meeting": reading(meeting, "title"),
            "deadline": _moment(input_closes_at(meeting), user),
        }
        return NoticeText(
            title=title() % values,
            url=reverse(
                "governance:input_edit",
                kwargs={"pk": meeting.pk, "network": consultation.network.slug},
            ),
        )

    return render


def _meeting_text(title: Callable[[], str]) -> Callable[[dict[str, Any], Any], NoticeText]:
    """A meeting notice: `title` (a translated "%(title)s" and "%(when)s") in the reader's
    language and zone."""

    def render(context: dict[str, Any], user: Any) -> NoticeText:
        meeting = _get(Meeting, context["meeting"])
        values = {"title": reading(meeting, "title"), "when": _moment(meeting.starts_at, user)}
        return NoticeText(title=title() % values, url=meeting.get_absolute_url())

    return render


def _minutes_corrected(context: dict[str, Any], user: Any) -> NoticeText:
    """A correction of approved minutes: what was corrected, said by its note."""
    meeting = _get(Meeting, context["meeting"])
    replaced = (
        MinutesVersion.objects.filter(meeting=meeting, replaced_at__isnull=False)
        .order_by("-number")
        .first()
    )
    return NoticeText(
        title=_("Minutes corrected: “%(title)s”, %(when)s")
        % {"title": reading(meeting, "title"), "when": _moment(meeting.starts_at, user)},
        url=f"{meeting.get_absolute_url()}#minutes",
        body=replaced.correction_note if replaced is not None else "",
    )


# Reminders.


def _meeting_tomorrow(context: dict[str, Any], user: Any) -> NoticeText:
    meeting = _get(Meeting, context["meeting"])
    if meeting.is_cancelled:
        raise MessageGone(f"meeting {meeting.pk} was cancelled since")
    return NoticeText(
        title=_("Tomorrow: “%(title)s”, %(when)s")
        % {"title": reading(meeting, "title"), "when": _moment(meeting.starts_at, user)},
        url=meeting.get_absolute_url(),
    )


def _how_to_answer() -> str:
    return _(
        "Say whether you will attend: “I will attend” or “I cannot attend” on the meeting's "
        "page or on My work, until the meeting starts."
    )


def _meeting_invitation(context: dict[str, Any], user: Any) -> NoticeText:
    meeting = _get(Meeting, context["meeting"])
    values = {"title": reading(meeting, "title"), "when": _moment(meeting.starts_at, user)}
    return NoticeText(
        title=_("Invitation: “%(title)s”, %(when)s") % values,
        url=f"{meeting.get_absolute_url()}#your-answer",
        body=_how_to_answer(),
    )


def _invitation_unanswered(context: dict[str, Any], user: Any) -> NoticeText:
    meeting = _get(Meeting, context["meeting"])
    if meeting.is_cancelled:
        raise MessageGone(f"meeting {meeting.pk} was cancelled since")
    return NoticeText(
        title=_("Reminder: you have not answered the invitation to “%(title)s”, %(when)s")
        % {"title": reading(meeting, "title"), "when": _moment(meeting.starts_at, user)},
        url=f"{meeting.get_absolute_url()}#your-answer",
        body=_how_to_answer(),
    )


def _follow_up_due(context: dict[str, Any], user: Any) -> NoticeText:
    follow_up = _get(FollowUp, context["follow_up"], ("decision", "network"))
    values = {
        "network": follow_up.network.name,
        "title": reading(follow_up.decision, "title"),
        "date": _day(follow_up.due_on) if follow_up.due_on else "",
    }
    if context.get("stage") == "overdue":
        title = _("Overdue: the report of %(network)s on “%(title)s” was due on %(date)s")
    else:
        title = _("Reminder: the report of %(network)s on “%(title)s” is due on %(date)s")
    return NoticeText(title=title % values, url=follow_up.get_absolute_url())


# --- The kinds ------------------------------------------------------------------------------------

# Submitted or forwarded to a network: its people are told (the e-mail they had before).
PROPOSAL_AWAITS_NOTICE = "governance.proposal.awaits"
PROPOSAL_FORWARDED = "governance.proposal.forwarded"
PROPOSAL_SCHEDULED = "governance.proposal.scheduled"
PROPOSAL_DECIDED = "governance.proposal.decided"
FOLLOW_UP_OPENED = "governance.follow_up.opened"
FOLLOW_UP_REPORTED = "governance.follow_up.reported"
CONSULTATION_OPENED = "governance.consultation.opened"
MEETING_SCHEDULED = meeting_kind("scheduled")
MEETING_UPDATED = meeting_kind("updated")
MEETING_CANCELLED = meeting_kind("cancelled")
MINUTES_PUBLISHED = meeting_kind("minutes")
MINUTES_CIRCULATED = meeting_kind("minutes_circulated")
MINUTES_CORRECTED = meeting_kind("minutes_corrected")
REMINDER_INPUT = "governance.reminder.input_deadline"
REMINDER_MEETING = "governance.reminder.meeting_tomorrow"
REMINDER_FOLLOW_UP = "governance.reminder.follow_up_due"
REMINDER_INVITATION = "governance.reminder.invitation_unanswered"

KINDS = (
    NoticeKind(
        code=PROPOSAL_AWAITS_NOTICE,
        label=gettext_lazy("A proposal was submitted or forwarded to a network I act for"),
        render=_proposal_submitted,
        mail_kind=PROPOSAL_AWAITS,
    ),
    NoticeKind(
        code=PROPOSAL_FORWARDED,
        label=gettext_lazy("A proposal I wrote was forwarded to the level above"),
        render=_proposal_forwarded,
    ),
    NoticeKind(
        code=PROPOSAL_SCHEDULED,
        label=gettext_lazy("A proposal of my network was put on an agenda"),
        render=_proposal_scheduled,
    ),
    NoticeKind(
        code=PROPOSAL_DECIDED,
        label=gettext_lazy("A proposal of my network, or one I wrote, was decided"),
        render=_proposal_decided,
    ),
    NoticeKind(
        code=FOLLOW_UP_OPENED,
        label=gettext_lazy("A network I act for is asked to act on a decision"),
        render=_follow_up_opened,
    ),
    NoticeKind(
        code=FOLLOW_UP_REPORTED,
        label=gettext_lazy("A network reported back on a decision mine passed on"),
        render=_follow_up_reported,
    ),
    NoticeKind(
        code=CONSULTATION_OPENED,
        label=gettext_lazy("A network I act for is consulted on a meeting's agenda"),
        render=_input_text(
            lambda: _("The input of %(network)s is asked for on “%(meeting)s”, by %(deadline)s")
        ),
        mail_kind=CONSULTED,
    ),
    NoticeKind(
        code=MEETING_SCHEDULED,
        label=gettext_lazy("I am invited to a meeting"),
        render=_meeting_invitation,
        mail_kind=MEETING_SCHEDULED,
    ),
    NoticeKind(
        code=MEETING_UPDATED,
        label=gettext_lazy("A meeting I am invited to changed"),
        render=_meeting_text(lambda: _("Changed: “%(title)s”, now %(when)s")),
        mail_kind=MEETING_UPDATED,
    ),
    NoticeKind(
        code=MEETING_CANCELLED,
        label=gettext_lazy("A meeting I am invited to was cancelled"),
        render=_meeting_text(lambda: _("Cancelled: “%(title)s”, %(when)s")),
        mail_kind=MEETING_CANCELLED,
    ),
    NoticeKind(
        code=MINUTES_PUBLISHED,
        label=gettext_lazy("The minutes of a meeting of mine were published"),
        render=_meeting_text(lambda: _("Minutes published: “%(title)s”, %(when)s")),
        mail_kind=MINUTES_PUBLISHED,
    ),
    NoticeKind(
        code=MINUTES_CIRCULATED,
        label=gettext_lazy("The minutes of a meeting of mine are circulated for comments"),
        render=_meeting_text(lambda: _("Minutes to comment on: “%(title)s”, %(when)s")),
        mail_kind=MINUTES_CIRCULATED,
    ),
    NoticeKind(
        code=MINUTES_CORRECTED,
        label=gettext_lazy("Approved minutes of a meeting of mine were corrected"),
        render=_minutes_corrected,
        mail_kind=MINUTES_CORRECTED,
    ),
    NoticeKind(
        code=REMINDER_INPUT,
        label=gettext_lazy("Reminder: my network's input is due soon"),
        render=_input_text(
            lambda: _("Reminder: the input of %(network)s on “%(meeting)s” is due by %(deadline)s")
        ),
    ),
    NoticeKind(
        code=REMINDER_MEETING,
        label=gettext_lazy("Reminder: a meeting of mine is tomorrow"),
        render=_meeting_tomorrow,
    ),
    NoticeKind(
        code=REMINDER_INVITATION,
        label=gettext_lazy("Reminder: I have not answered an invitation to a meeting"),
        render=_invitation_unanswered,
    ),
    NoticeKind(
        code=REMINDER_FOLLOW_UP,
        label=gettext_lazy("Reminder: my network's report on a decision is due or overdue"),
        render=_follow_up_due,
    ),
)


def register_notice_kinds() -> None:
    for kind in KINDS:
        register_notice_kind(kind)


# --- The events (called by the services, inside their transactions) -------------------------------


def proposal_awaits(proposal: Proposal, *, network: Network, actor: Any, forwarded: bool) -> None:
    """A proposal was submitted to `network`, or forwarded to it: those who act for it are
    told (its committee members without an account by e-mail), and on a forward its author."""
    context = {"proposal": proposal.pk, "network": network.pk}
    key = f"proposal:{proposal.pk}:submitted"
    if forwarded:
        key = f"proposal:{proposal.pk}:forwarded:{network.pk}"
        notify_users(
            kind=PROPOSAL_FORWARDED,
            users=_users([proposal.author_id]),
            context=context,
            key=key,
            network_id=proposal.origin_network_id,
            actor=actor,
        )
    notify_users(
        kind=PROPOSAL_AWAITS_NOTICE,
        users=users_answering_for(network.pk),
        context=context,
        key=key,
        network_id=network.pk,
        actor=actor,
    )
    _email_without_account(
        _committee_people(network.pk), kind=PROPOSAL_AWAITS, context=context, object_id=proposal.pk
    )


def proposal_scheduled(proposal: Proposal, *, meeting: Meeting, actor: Any) -> None:
    """Its author and the network that raised it hear it is on an agenda."""
    notify_users(
        kind=PROPOSAL_SCHEDULED,
        users=[*_users([proposal.author_id]), *users_answering_for(proposal.origin_network_id)],
        context={"proposal": proposal.pk, "meeting": meeting.pk},
        key=f"proposal:{proposal.pk}:scheduled:{meeting.pk}",
        network_id=proposal.origin_network_id,
        actor=actor,
    )


def proposal_decided(proposal: Proposal, *, decision: Decision, actor: Any) -> None:
    """Its author (and the network that raised it) hear what became of it."""
    notify_users(
        kind=PROPOSAL_DECIDED,
        users=[*_users([proposal.author_id]), *users_answering_for(proposal.origin_network_id)],
        context={"proposal": proposal.pk, "decision": decision.pk},
        key=f"proposal:{proposal.pk}:decided",
        network_id=proposal.origin_network_id,
        actor=actor,
    )


def follow_up_opened(follow_up: FollowUp, *, actor: Any) -> None:
    """A network is asked to act on a decision: those who act for it are told."""
    notify_users(
        kind=FOLLOW_UP_OPENED,
        users=users_answering_for(follow_up.network_id),
        context={"follow_up": follow_up.pk},
        key=f"followup:{follow_up.pk}:opened",
        network_id=follow_up.network_id,
        actor=actor,
    )


def follow_up_reported(follow_up: FollowUp, *, actor: Any) -> None:
    """The network that passed the decision down (else the deciding committee's network)
    hears of each report."""
    if follow_up.parent_id is not None:
        above = FollowUp.objects.values_list("network_id", flat=True).get(pk=follow_up.parent_id)
    else:
        above = Decision.objects.values_list("committee__network_id", flat=True).get(
            pk=follow_up.decision_id
        )
    notify_users(
        kind=FOLLOW_UP_REPORTED,
        users=users_answering_for(above),
        context={"follow_up": follow_up.pk},
        key=f"followup:{follow_up.pk}:reported:{follow_up.version}",
        network_id=above,
        actor=actor,
    )


def networks_consulted(consultations: Iterable[Consultation], *, actor: Any) -> set[int]:
    """Those who act for each consulted network are asked for its input (the e-mail is the
    agenda's, with the link to give the input); returns the people told this way, whom the
    agenda's own e-mail then leaves out."""
    told: set[int] = set()
    for consultation in consultations:
        users = list(users_answering_for(consultation.network_id))
        told.update(user.person_id for user in users if user.person_id)
        notify_users(
            kind=CONSULTATION_OPENED,
            users=users,
            context={
                "consultation": consultation.pk,
                "meeting": consultation.meeting_id,
                "networks": [consultation.network_id],
                "parent": (
                    Consultation.objects.values_list("network_id", flat=True).get(
                        pk=consultation.parent_id
                    )
                    if consultation.parent_id
                    else None
                ),
            },
            key=f"consultation:{consultation.pk}:opened",
            network_id=consultation.network_id,
            actor=actor,
        )
    return told


MEETING_NOTICES = {
    "scheduled": MEETING_SCHEDULED,
    "updated": MEETING_UPDATED,
    "cancelled": MEETING_CANCELLED,
    "minutes": MINUTES_PUBLISHED,
    "minutes_circulated": MINUTES_CIRCULATED,
    "minutes_corrected": MINUTES_CORRECTED,
}


def meeting_changed(
    meeting_pk: int, *, kind: str, previous_start: datetime.datetime | None, actor: Any
) -> None:
    """The participants are told (of the minutes: the committee too), with the meeting's own
    e-mail and its .ics; those without an account get that e-mail directly."""
    meeting = Meeting.objects.only("pk", "sequence", "committee_id").get(pk=meeting_pk)
    people = [
        participant.person
        for participant in Participant.objects.filter(meeting_id=meeting_pk).select_related(
            "person__user"
        )
    ]
    if kind.startswith("minutes"):
        seen = {person.pk for person in people}
        people += [
            person for person in _committee_people_of(meeting.committee_id) if person.pk not in seen
        ]
    users = [
        person.user
        for person in people
        if getattr(person, "user", None) is not None and person.user.is_active
    ]
    key = f"meeting:{meeting_pk}:{kind}"
    if kind == "updated":
        key = f"meeting:{meeting_pk}:updated:{meeting.sequence}"
    if kind == "minutes_corrected":  # each correction is told once
        number = MinutesVersion.objects.filter(meeting_id=meeting_pk).aggregate(last=Max("number"))[
            "last"
        ]
        key = f"meeting:{meeting_pk}:minutes_corrected:{number}"
    context = {
        "meeting": meeting_pk,
        "previous_start": previous_start.isoformat() if previous_start else None,
    }
    notify_users(
        kind=MEETING_NOTICES[kind],
        users=users,
        context=context,
        key=key,
        actor=actor,
    )
    _email_without_account(people, kind=meeting_kind(kind), context=context, object_id=meeting_pk)


# --- E-mail to those without an account -----------------------------------------------------------


def _committee_people_of(committee_id: int) -> list[Person]:
    return [
        mandate.person
        for mandate in Mandate.objects.current()
        .filter(committee_id=committee_id)
        .select_related("person__user")
        .order_by("person__name", "pk")
    ]


def _committee_people(network_id: int) -> list[Person]:
    return [
        mandate.person
        for mandate in Mandate.objects.current()
        .filter(committee__network_id=network_id)
        .select_related("person__user")
        .order_by("person__name", "pk")
    ]


def _email_without_account(
    people: Iterable[Person], *, kind: str, context: dict[str, Any], object_id: Any
) -> None:
    recipients = _without_account(people)
    if recipients:
        notify(kind=kind, recipients=recipients, context=context, topic=kind, object_id=object_id)
