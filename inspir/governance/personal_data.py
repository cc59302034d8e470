"""What governance holds about a person, for "download all my data" and erasure
(core/personal_data.py's registry).

Erasure keeps the network's record: a proposal, a decision, a meeting, a report or a
consent position stays, because others acted on it and the minutes cite it. What named
the person there was their account or their entry in the registry, and erasure empties
both: the account reads "former member", the person "—". What served the person alone
(their acceptable meeting hours, their calendar feed's secret address) is deleted, and the
note they added to their answer to a meeting invitation is emptied."""

from typing import Any

from inspir.core.personal_data import PersonalDataProvider, Subject
from inspir.governance.models import (
    AgendaDocument,
    AgendaInput,
    AvailableHours,
    CalendarFeed,
    ConsentRecord,
    Decision,
    FollowUp,
    Mandate,
    Meeting,
    MinutesComment,
    MinutesVersion,
    Participant,
    Proposal,
    ProposalComment,
    ProposalEvent,
)


def _export(subject: Subject) -> dict[str, Any]:
    user, person = subject.user, subject.person
    hours = None
    if person is not None:
        hours = (
            AvailableHours.objects.filter(person=person)
            .values("earliest", "latest", "never_before", "never_after")
            .first()
        )
    of_person = {"person": person} if person is not None else None
    return {
        "proposals": list(
            Proposal.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values(
                "created_at",
                "title",
                "text",
                "domain",
                "status",
                "origin_network__name",
                "network__name",
            )
        ),
        "proposal_comments": list(
            ProposalComment.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values("created_at", "proposal__title", "text")
        ),
        "proposal_steps": list(
            ProposalEvent.objects.filter(actor=user)
            .order_by("at", "pk")
            .values("at", "proposal__title", "kind", "network__name", "to_network__name", "note")
        ),
        "consent_positions": []
        if of_person is None
        else list(
            ConsentRecord.objects.filter(**of_person)
            .order_by("decision__decided_at", "pk")
            .values("decision__title", "decision__decided_at", "position", "reason")
        ),
        "acceptable_hours": hours,
        "calendar_feed": CalendarFeed.objects.filter(user=user).values("created_at").first(),
        "mandates": []
        if of_person is None
        else list(
            # Withdrawn ones too: entered by mistake, they are still kept about the person.
            Mandate.all_entered.filter(**of_person)
            .order_by("start_date", "pk")
            .values(
                "committee__network__name",
                "rule__role",
                "start_date",
                "end_date",
                "note",
                "withdrawn_at",
                "withdrawal_reason",
            )
        ),
        "mandates_withdrawn": list(
            Mandate.all_entered.filter(withdrawn_by=user)
            .order_by("withdrawn_at", "pk")
            .values("withdrawn_at", "committee__network__name", "start_date", "withdrawal_reason")
        ),
        "meeting_participation": []
        if of_person is None
        else list(
            Participant.objects.filter(**of_person)
            .order_by("meeting__starts_at", "pk")
            .values(
                "meeting__title",
                "meeting__starts_at",
                "attendance",
                "answer",
                "answered_at",
                "answer_note",
            )
        ),
        "meetings_created": list(
            Meeting.objects.filter(created_by=user)
            .order_by("created_at", "pk")
            .values("created_at", "title", "starts_at")
        ),
        "minutes_comments": list(
            MinutesComment.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values("created_at", "meeting__title", "text")
        ),
        "minutes_versions_written": list(
            MinutesVersion.objects.filter(created_by=user)
            .order_by("created_at", "pk")
            .values("created_at", "meeting__title", "number")
        ),
        "agenda_inputs": list(
            AgendaInput.objects.filter(author=user)
            .order_by("updated_at", "pk")
            .values("updated_at", "item__meeting__title", "item__title", "network__name", "text")
        ),
        "documents_uploaded": list(
            AgendaDocument.objects.filter(uploaded_by=user)
            .order_by("uploaded_at", "pk")
            .values("uploaded_at", "item__meeting__title", "title", "original_name")
        ),
        "decisions_recorded": list(
            Decision.objects.filter(recorded_by=user)
            .order_by("decided_at", "pk")
            .values("decided_at", "meeting__title", "title", "outcome")
        ),
        "follow_up_reports": list(
            FollowUp.objects.filter(reported_by=user)
            .order_by("reported_at", "pk")
            .values("reported_at", "decision__title", "network__name", "status", "report")
        ),
    }


def _erase(subject: Subject) -> None:
    """Deleted: AvailableHours (their acceptable meeting hours), CalendarFeed (the secret
    address of their calendar).

    Kept, no longer naming them (the account reads "former member", the person "—"):
    Proposal and ProposalComment (others replied and decided on them), ProposalEvent (the
    proposal's way up), AgendaInput and AgendaDocument (a meeting's preparation), Meeting
    (`created_by`), MinutesComment and MinutesVersion (the minutes' way to approval and
    their corrections), Decision (`recorded_by`) and ConsentRecord (a decision's record: the
    position and its reason stay, a block must keep its reason), FollowUp (`reported_by`,
    a network's report), Mandate (who held a seat, when; one withdrawn as entered by mistake
    keeps `withdrawn_by` and its reason, the log's) and Participant (who attended; the
    note they wrote with their answer to the invitation is emptied, being theirs alone)."""
    if subject.person is not None:
        AvailableHours.objects.filter(person=subject.person).delete()
        Participant.objects.filter(person=subject.person).exclude(answer_note="").update(
            answer_note=""
        )
    CalendarFeed.objects.filter(user=subject.user).delete()


GOVERNANCE_PROVIDER = PersonalDataProvider(
    name="governance",
    models=(
        "governance.Proposal",
        "governance.ProposalComment",
        "governance.ProposalEvent",
        "governance.ConsentRecord",
        "governance.AvailableHours",
        "governance.CalendarFeed",
        "governance.Mandate",
        "governance.Participant",
        "governance.Meeting",
        "governance.AgendaInput",
        "governance.AgendaDocument",
        "governance.MinutesComment",
        "governance.MinutesVersion",
        "governance.Decision",
        "governance.FollowUp",
    ),
    export=_export,
    erase=_erase,
)
