"""Whom financing tells, and how each notice reads (`inspir.notifications`).

- A funding proposal still being prepared (idea, drafting) whose submission deadline is near:
  its team (the people on it who have an account), 7 days before and 1 day before, each
  stage told once (key "funding-proposal:<pk>:deadline7", "…:deadline1"), in the app and by
  e-mail as each person chose (`services/reminders.py`, job `send_funding_reminders`).

A notice never names an amount: whoever reads it sees the proposal's page, which shows the
amounts to those who may see them."""

from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inspir.core.mail_kinds import MessageGone
from inspir.core.texts import reading
from inspir.financing.models import FundingProposal
from inspir.notifications.kinds import NoticeKind, NoticeText, register_notice_kind

REMINDER_DEADLINE = "financing.reminder.proposal_deadline"


def _deadline(context: dict[str, Any], user: Any) -> NoticeText:
    proposal = (
        FundingProposal.objects.select_related("funder").filter(pk=context["proposal"]).first()
    )
    if proposal is None or proposal.deadline is None:
        raise MessageGone(f"funding proposal {context['proposal']} is gone or has no deadline")
    values = {
        "title": reading(proposal, "title"),
        "funder": proposal.funder.name,
        "date": formats.date_format(proposal.deadline, "DATE_FORMAT"),
    }
    if context.get("stage") == "deadline1":
        title = _("Tomorrow: the funding proposal “%(title)s” to %(funder)s is due on %(date)s")
    else:
        title = _(
            "Reminder: the funding proposal “%(title)s” to %(funder)s is due in a week, on %(date)s"
        )
    return NoticeText(title=title % values, url=proposal.get_absolute_url())


def register_notice_kinds() -> None:
    register_notice_kind(
        NoticeKind(
            code=REMINDER_DEADLINE,
            label=gettext_lazy("Reminder: a funding proposal I am on the team of is due soon"),
            render=_deadline,
        )
    )
