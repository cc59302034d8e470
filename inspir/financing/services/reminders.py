"""The reminders of the funding proposals' deadlines, run from the worker's schedule
(`send_funding_reminders`, every hour) and by the command of that name.

A proposal still being prepared (idea, drafting) with a submission deadline: its team (the
people on it with an active account) is told 7 days before (stage "deadline7") and 1 day
before ("deadline1"), each stage once: the notice's key names the stage
("funding-proposal:12:deadline7") and the pair (person, key) is unique, however often the
job runs and on however many workers. A proposal first seen within a day of its deadline
gets the one-day reminder only. Submitted or decided proposals are not reminded."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from inspir.accounts.models import User
from inspir.financing.models import FundingProposal
from inspir.financing.notices import REMINDER_DEADLINE
from inspir.financing.rules import IN_PREPARATION, REMINDER_STAGES
from inspir.notifications.services import notify_users


def deadline_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind the teams whose proposals are due within 7 days; how many notices were made.
    Three queries and one write per proposal reminded."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=max(days for _stage, days in REMINDER_STAGES))
    proposals = list(
        FundingProposal.objects.filter(
            status__in=IN_PREPARATION, deadline__gte=today, deadline__lte=horizon
        ).order_by("deadline", "pk")
    )
    if not proposals:
        return 0
    team: dict[int, list[User]] = defaultdict(list)
    members = FundingProposal.team.through.objects.filter(
        fundingproposal_id__in=[proposal.pk for proposal in proposals],
        person__user__isnull=False,
        person__user__is_active=True,
    ).select_related("person__user")
    for member in members:
        team[member.fundingproposal_id].append(member.person.user)  # type: ignore[attr-defined]
    told = 0
    for proposal in proposals:
        users = team.get(proposal.pk)
        if not users or proposal.deadline is None:
            continue
        left = (proposal.deadline - today).days
        stage = next(name for name, days in REMINDER_STAGES if left <= days)
        with transaction.atomic():
            told += len(
                notify_users(
                    kind=REMINDER_DEADLINE,
                    users=users,
                    context={"proposal": proposal.pk, "stage": stage},
                    key=f"funding-proposal:{proposal.pk}:{stage}",
                    network_id=proposal.network_id,
                )
            )
    return told
