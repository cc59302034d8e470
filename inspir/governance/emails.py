"""What governance's e-mails say: the renderers of its kinds of message
(`inspir.core.mail_kinds`), registered from `GovernanceConfig.ready()`.

The services ask for a message by kind with ids (`inspir.core.mail.notify`), inside the
transaction of the change; the worker calls these renderers later, already in the
recipient's language, with the message's context. They read the records as they are then;
a record deleted meanwhile means the message is no longer relevant (`MessageGone`).
"""

import datetime
from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

from inspir.core.mail_kinds import MessageGone, Recipient, Rendered, register_mail_kind
from inspir.core.site import site_url
from inspir.core.texts import reading
from inspir.core.time import local, moment_text
from inspir.governance.calendar import meeting_ics
from inspir.governance.models import (
    Committee,
    InvitationAnswer,
    Meeting,
    MinutesVersion,
    Proposal,
)
from inspir.governance.rules import input_closes_at
from inspir.governance.selectors.texts import plain_texts
from inspir.network.models import Network, Person

# Kind of meeting message -> (template, calendar method of the attached .ics, or None).
MEETING_MESSAGES = {
    "scheduled": ("meeting_scheduled", "REQUEST"),
    "updated": ("meeting_updated", "REQUEST"),
    "cancelled": ("meeting_cancelled", "CANCEL"),
    "minutes": ("minutes_published", None),
    "minutes_circulated": ("minutes_circulated", None),
    "minutes_corrected": ("minutes_corrected", None),
}
PREPARATION_MESSAGES = ("agenda_published", "consultation_opened")


def meeting_kind(kind: str) -> str:
    """The mail kind (and topic) of a meeting message: "governance.meeting.scheduled"."""
    return f"governance.meeting.{kind}"


def _link(name: str, **kwargs: Any) -> str:
    return site_url(reverse(f"governance:{name}", kwargs=kwargs))


def _meeting(context: dict[str, Any]) -> Meeting:
    try:
        return Meeting.objects.select_related("committee__network").get(pk=context["meeting"])
    except Meeting.DoesNotExist:
        raise MessageGone(f"meeting {context['meeting']} no longer exists") from None


def _person(context: dict[str, Any]) -> Person:
    """The person written to: by their id, or (a notice's e-mail) through their account."""
    if "person" not in context and "user" in context:
        found = Person.objects.filter(user__pk=context["user"]).first()
        if found is None:
            raise MessageGone(f"user {context['user']} has no person any more")
        return found
    try:
        return Person.objects.get(pk=context["person"])
    except Person.DoesNotExist:
        raise MessageGone(f"person {context['person']} no longer exists") from None


def _has_account(person: Person) -> bool:
    account = getattr(person, "user", None)
    return account is not None and account.is_active


def _answer_links(meeting: Meeting) -> dict[str, str]:
    """One address per answer ("attending", …): each opens the answer page with that answer
    chosen, and only the person's confirmation there saves it (mail scanners follow links)."""
    page = _link("invitation_answer", pk=meeting.pk)
    return {answer: f"{page}?{urlencode({'answer': answer})}" for answer in InvitationAnswer.values}


def _correction(meeting: Meeting) -> MinutesVersion | None:
    """The version of the minutes the latest correction replaced, with its note."""
    return (
        MinutesVersion.objects.filter(meeting=meeting, replaced_at__isnull=False)
        .order_by("-number")
        .first()
    )


def _render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    subject = render_to_string(f"governance/email/{template}_subject.txt", context)
    body = render_to_string(f"governance/email/{template}_body.txt", context)
    return subject, body


def _meeting_renderer(kind: str) -> Any:
    template, method = MEETING_MESSAGES[kind]

    def render(context: dict[str, Any], recipient: Recipient) -> Rendered:
        meeting = _meeting(context)
        if kind in ("scheduled", "updated") and meeting.is_cancelled:
            raise MessageGone(f"meeting {meeting.pk} was cancelled since")
        person = _person(context)
        previous_start = (
            datetime.datetime.fromisoformat(context["previous_start"])
            if context.get("previous_start")
            else None
        )
        subject, body = _render(
            template,
            {
                "meeting": meeting,
                # In the recipient's language when translated, else marked with its own.
                "title": reading(meeting, "title"),
                "person": person,
                "committee": str(meeting.committee),
                "starts": local(meeting.starts_at, person.zone),
                "ends": local(meeting.ends_at, person.zone),
                "meeting_starts": local(meeting.starts_at, meeting.zone),
                "meeting_ends": local(meeting.ends_at, meeting.zone),
                "previous": local(previous_start, person.zone) if previous_start else None,
                "previous_start": previous_start,
                "link": _link("meeting_detail", pk=meeting.pk),
                # An invitation is answered by its participant, signed in.
                "has_account": kind == "scheduled" and _has_account(person),
                "answer_links": _answer_links(meeting),
                "correction": _correction(meeting) if kind == "minutes_corrected" else None,
            },
        )
        # The calendar file's labels are in the recipient's language too.
        attachments = (
            [("meeting.ics", meeting_ics(meeting, method=method), "text/calendar")]
            if method is not None
            else []
        )
        return Rendered(subject=subject, body=body, attachments=attachments)

    return render


def _preparation_renderer(template: str) -> Any:
    def render(context: dict[str, Any], recipient: Recipient) -> Rendered:
        meeting = _meeting(context)
        person = _person(context)
        networks = {n.pk: n for n in Network.objects.filter(pk__in=context.get("networks", []))}
        parent = (
            Network.objects.filter(pk=context["parent"]).first() if context.get("parent") else None
        )
        items = list(meeting.items.order_by("position", "pk"))
        # The meeting's title and its agenda in the recipient's language when translated,
        # else marked with their own: `plain` on each.
        plain_texts(
            [
                (meeting, "title"),
                *((item, field) for item in items for field in ("title", "description")),
            ]
        )
        subject, body = _render(
            template,
            {
                "person": person,
                "meeting": meeting,
                "title": meeting.plain["title"],  # type: ignore[attr-defined]
                "committee": str(meeting.committee),
                "items": items,
                "starts": moment_text(meeting.starts_at, person.zone),
                "meeting_starts": moment_text(meeting.starts_at, meeting.zone),
                "deadline": moment_text(input_closes_at(meeting), person.zone),
                "meeting_link": _link("meeting_detail", pk=meeting.pk),
                "input_links": [
                    (network, _link("input_edit", pk=meeting.pk, network=network.slug))
                    for pk in context.get("networks", [])
                    if (network := networks.get(pk)) is not None
                ],
                "parent": parent,
            },
        )
        return Rendered(subject=subject, body=body)

    return render


def proposal_awaits_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    """A proposal awaits the committee of `network`."""
    proposal = (
        Proposal.objects.select_related("origin_network").filter(pk=context["proposal"]).first()
    )
    if proposal is None:
        raise MessageGone(f"proposal {context['proposal']} no longer exists")
    network = Network.objects.filter(pk=context["network"]).first()
    if network is None:
        raise MessageGone(f"network {context['network']} no longer exists")
    values = {
        "proposal": proposal,
        "title": reading(proposal, "title"),
        "network": network,
        # A network without a committee is acted for by its focal point and coordinators.
        "has_committee": Committee.objects.filter(network=network).exists(),
        "domain": proposal.get_domain_display(),
        "link": _link("proposal_detail", pk=proposal.pk),
    }
    subject = render_to_string("governance/email/proposal_awaits_subject.txt", values)
    body = render_to_string("governance/email/proposal_awaits_body.txt", values)
    return Rendered(subject=subject, body=body)


PROPOSAL_AWAITS = "governance.proposal.awaits"
# A network asked for its input (the notice's e-mail): the agenda's message when the
# committee consults its constituencies, the consultation's when a continental network
# consults its national ones.
CONSULTED = meeting_kind("consulted")


def consulted_render(context: dict[str, Any], recipient: Recipient) -> Rendered:
    template = "consultation_opened" if context.get("parent") else "agenda_published"
    return _preparation_renderer(template)(context, recipient)


def register_mail_kinds() -> None:
    for kind in MEETING_MESSAGES:
        register_mail_kind(meeting_kind(kind), _meeting_renderer(kind))
    for template in PREPARATION_MESSAGES:
        register_mail_kind(meeting_kind(template), _preparation_renderer(template))
    register_mail_kind(PROPOSAL_AWAITS, proposal_awaits_render)
    register_mail_kind(CONSULTED, consulted_render)
