"""The newsletter's section of the annual report (core/report_sections.py): the issues the
scope's networks sent during the year, and how many people received the network's newsletter
at the year's end (a count: no address leaves the newsletter).

An issue counts in the year it was sent (`sent_at`, in UTC, the platform's zone). A
subscriber counts when their confirmation came before the year's end and they had not left
by then; whom they chose to hear from is as it stands today (the choice is not dated)."""

import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from inspir.core.report_sections import (
    Part,
    ReportScope,
    ReportSection,
    figure,
    register_report_section,
    text_data,
)
from inspir.core.site import site_url
from inspir.core.texts import shown_many
from inspir.newsletters.models import Issue, IssueStatus, Subscriber


def year_issues(scope: ReportScope) -> list[Issue]:
    """The issues of the scope's networks sent during the year, oldest first, each with how
    many subscribers it was handed to (`recipient_count`): one query."""
    start, next_year = scope.moments()
    return list(
        Issue.objects.filter(
            status=IssueStatus.SENT,
            sent_at__gte=start,
            sent_at__lt=next_year,
            network_id__in=scope.network_ids,
        )
        .select_related("network")
        .annotate(
            recipient_count=Count("deliveries", filter=Q(deliveries__handed_over_at__isnull=False))
        )
        .order_by("sent_at", "pk")
    )


def subscribers_at_year_end(scope: ReportScope) -> int:
    """How many confirmed subscribers received the network's newsletter at the year's end:
    those who chose no network (every issue), or the network or one below it (as
    `selectors.issues.recipients` says for an issue). One query."""
    _start, next_year = scope.moments()
    through = Subscriber.networks.through
    chose_any = through.objects.filter(subscriber_id=OuterRef("pk"))
    chose_here = chose_any.filter(network_id__in=scope.network_ids)
    return (
        Subscriber.objects.filter(confirmed_at__lt=next_year)
        .filter(Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=next_year))
        .filter(~Exists(chose_any) | Exists(chose_here))
        .count()
    )


def sent_on(moment: datetime.datetime | None) -> dict[str, str]:
    """The day an issue was sent (UTC), for reading in the active language and for
    `<time datetime>`."""
    if moment is None:
        return {"date": "", "iso": ""}
    day = timezone.localtime(moment, datetime.UTC).date()
    return {"date": formats.date_format(day, "DATE_FORMAT"), "iso": day.isoformat()}


def issues_data(scope: ReportScope) -> dict[str, Any] | None:
    """The year's issues and the subscribers at its end: four queries."""
    issues = year_issues(scope)
    subscribers = subscribers_at_year_end(scope)
    if not issues and not subscribers:
        return None
    titles = shown_many(issues, "title")
    return {
        "count": len(issues),
        # A national report's issues are all its own: no column naming the network then.
        "several_networks": len({issue.network_id for issue in issues}) > 1,
        "issues": [
            {
                "title": text_data(titles[issue.pk]),
                "network": issue.network.name,
                "url": site_url(issue.get_public_url()),
                "recipients": issue.recipient_count,  # type: ignore[attr-defined]
                **sent_on(issue.sent_at),
            }
            for issue in issues
        ],
        "subscribers": subscribers,
        "figures": [
            figure("newsletters.issues", len(issues), _("newsletter issues sent")),
            figure("newsletters.subscribers", subscribers, _("newsletter subscribers")),
        ],
    }


def register_report_sections() -> None:
    register_report_section(
        ReportSection(
            key="newsletters.issues",
            part=Part.OPERATIONAL,
            order=36,
            title=_("Newsletter"),
            collect=issues_data,
            template="newsletters/report/issues.html",
        )
    )
