"""What the newsletter's pages and e-mails read: an issue's contents in one language, the
archive, the recipients of an issue and how its sending stands. Each reads a fixed number of
queries whatever the number of issues, items or subscribers."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from inspir.core.i18n import current_language
from inspir.core.models import OutgoingEmail, TextOriginal, TextTranslation
from inspir.core.texts import MISSING, ORIGINAL, Shown, key, shown_all, shown_many
from inspir.network.models import Network, top_down
from inspir.newsletters import sources
from inspir.newsletters.models import (
    Delivery,
    Issue,
    IssueItem,
    IssueStatus,
    Subscriber,
    SubscriberStatus,
)

ARCHIVE_PAGE_SIZE = 20
DELIVERIES_PAGE_SIZE = 50

Status = OutgoingEmail.Status


def below_ids(network_id: int) -> QuerySet[Any]:
    """The network and those below it, as a subquery (no query of its own)."""
    return Network.objects.subtree_of([network_id]).values("pk")


def subscription_networks() -> QuerySet[Network]:
    """The networks one may choose to hear from: the continental and national ones."""
    return Network.objects.exclude(level="intercontinental").order_by(top_down(), "name")


# --- An issue's contents -----------------------------------------------------------------------


@dataclass
class Entry:
    kind: str
    record: Any
    title: Shown
    summary: Shown
    url: str  # its public address (a path), "" when it has none
    date: datetime.date | datetime.datetime | None
    network_name: str


@dataclass
class Section:
    kind: str
    label: Any
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Contents:
    issue: Issue
    title: Shown
    introduction: Shown
    sections: list[Section]

    @property
    def entries(self) -> list[Entry]:
        return [entry for section in self.sections for entry in section.entries]


def issue_contents(issue: Issue, language: str | None = None) -> Contents:
    """The issue as a reader of `language` reads it: its title and introduction, and its
    items in their order, under a heading for each run of items of one kind. An item whose
    record is no longer public (withdrawn, unpublished) is left out. Five queries at most."""
    items = list(IssueItem.objects.filter(issue=issue).order_by("order", "pk"))
    found = sources.records(
        ((item.kind, item.object_id) for item in items), below_ids(issue.network_id)
    )
    kept = [
        (item, found[(item.kind, item.object_id)])
        for item in items
        if (item.kind, item.object_id) in found
    ]
    pairs: list[tuple[Any, str]] = [(issue, "title"), (issue, "introduction")]
    for item, record in kept:
        source = sources.SOURCES[item.kind]
        pairs += [(record, source.title_field), (record, source.summary_field)]
    texts = shown_all(pairs, language)
    sections: list[Section] = []
    for item, record in kept:
        source = sources.SOURCES[item.kind]
        entry = Entry(
            kind=item.kind,
            record=record,
            title=texts[key(record, source.title_field)],
            summary=texts[key(record, source.summary_field)],
            url=source.public_url(record),
            date=source.date(record),
            network_name=sources.network_of(record).name,
        )
        if not sections or sections[-1].kind != item.kind:
            sections.append(Section(kind=item.kind, label=source.label))
        sections[-1].entries.append(entry)
    return Contents(
        issue=issue,
        title=texts[key(issue, "title")],
        introduction=texts[key(issue, "introduction")],
        sections=sections,
    )


# --- The archive -------------------------------------------------------------------------------


def sent_issues() -> QuerySet[Issue]:
    return Issue.objects.filter(status=IssueStatus.SENT).select_related("network")


def archive_page(*, network: Network | None = None, page: Any = None) -> Page:
    """A page of the sent issues (of `network` only, when given), newest first, their titles
    in the reader's language (`issue.shown_title`)."""
    issues = sent_issues().order_by("-sent_at", "-pk")
    if network is not None:
        issues = issues.filter(network=network)
    return _page_with_titles(issues, page)


def public_issue(*, pk: int) -> Issue:
    """A sent issue, for anyone (DoesNotExist otherwise)."""
    return sent_issues().get(pk=pk)


def latest_issue(language: str | None = None) -> Issue | None:
    """The latest sent issue, its title in the reader's language (`shown_title`): one query,
    the title's original language and its current translation read with it (the home page
    draws it for every visitor)."""
    language = language or current_language()
    kind = ContentType.objects.get_for_model(Issue)
    original = TextOriginal.objects.filter(
        content_type=kind, object_id=OuterRef("pk"), field="title"
    )
    current = TextTranslation.objects.filter(
        original__content_type=kind,
        original__object_id=OuterRef("pk"),
        original__field="title",
        language=language,
        source_revision__gte=F("original__revision"),
    )
    issue = (
        sent_issues()
        .annotate(
            title_language=Subquery(original.values("language")[:1]),
            title_translation=Subquery(current.values("text")[:1]),
            title_status=Subquery(current.values("status")[:1]),
        )
        .order_by("-sent_at", "-pk")
        .first()
    )
    if issue is None:
        return None
    written_in = issue.title_language  # type: ignore[attr-defined]
    if issue.title_translation is not None:  # type: ignore[attr-defined]
        seen = Shown(
            text=issue.title_translation,  # type: ignore[attr-defined]
            language=language,
            original_language=written_in,
            status=issue.title_status,  # type: ignore[attr-defined]
            reader_language=language,
        )
    elif written_in is None:
        seen = Shown(text=issue.title, language=None, original_language=None, status=ORIGINAL)
    else:
        seen = Shown(
            text=issue.title,
            language=written_in,
            original_language=written_in,
            status=ORIGINAL if written_in == language else MISSING,
            reader_language=language,
        )
    issue.shown_title = seen  # type: ignore[attr-defined]
    return issue


def archive_networks() -> QuerySet[Network]:
    """The networks that have sent at least one issue, for the archive's filter."""
    sent = Issue.objects.filter(network=OuterRef("pk"), status=IssueStatus.SENT)
    return Network.objects.filter(Exists(sent)).order_by(top_down(), "name")


# --- Editors' lists ----------------------------------------------------------------------------


def issues_page(issues: QuerySet[Issue], *, page: Any = None) -> Page:
    return _page_with_titles(issues.select_related("network").order_by("-created_at", "-pk"), page)


def _page_with_titles(issues: QuerySet[Issue], page: Any) -> Page:
    """A page of `issues`, each with its title in the reader's language (`shown_title`)."""
    result = Paginator(issues, ARCHIVE_PAGE_SIZE).get_page(page)
    listed = list(result.object_list)
    titles = shown_many(listed, "title")
    for issue in listed:
        issue.shown_title = titles[issue.pk]  # type: ignore[attr-defined]
    result.object_list = listed
    return result


# --- Recipients and sending --------------------------------------------------------------------


def recipients(issue: Issue) -> QuerySet[Subscriber]:
    """Who receives `issue`: the confirmed subscribers who chose its network, or a network
    below it, or chose none (everything)."""
    through = Subscriber.networks.through
    chose_any = through.objects.filter(subscriber_id=OuterRef("pk"))
    chose_this = chose_any.filter(network_id__in=below_ids(issue.network_id))
    return Subscriber.objects.filter(status=SubscriberStatus.ACTIVE).filter(
        ~Exists(chose_any) | Exists(chose_this)
    )


@dataclass(frozen=True)
class Progress:
    total: int
    handed_over: int
    skipped: int
    sent: int
    failed: int
    uncertain: int

    @property
    def waiting(self) -> int:
        return self.total - self.skipped - self.sent - self.failed - self.uncertain

    @property
    def done(self) -> int:
        """Those whose outcome is known (sent, failed, uncertain or left out)."""
        return self.sent + self.failed + self.uncertain + self.skipped


def progress(issue: Issue) -> Progress:
    """How the sending of `issue` stands: one query."""
    counts = Delivery.objects.filter(issue=issue).aggregate(
        total=Count("pk"),
        handed_over=Count("pk", filter=Q(handed_over_at__isnull=False)),
        # Left out: its subscriber left before it was handed over, or before it was sent.
        skipped=Count(
            "pk", filter=Q(skipped_at__isnull=False) | Q(outgoing__status=Status.DROPPED)
        ),
        sent=Count("pk", filter=Q(outgoing__status=Status.SENT)),
        failed=Count("pk", filter=Q(outgoing__status=Status.FAILED)),
        uncertain=Count("pk", filter=Q(outgoing__status=Status.UNCERTAIN)),
    )
    return Progress(**counts)


def deliveries_page(issue: Issue, *, page: Any = None) -> Page:
    """A page of the issue's deliveries with their address and how each went: two queries."""
    deliveries = (
        Delivery.objects.filter(issue=issue).select_related("subscriber", "outgoing").order_by("pk")
    )
    return Paginator(deliveries, DELIVERIES_PAGE_SIZE).get_page(page)


def stalled_issue_ids(*, before: datetime.datetime) -> list[int]:
    """Issues being sent whose task has not moved on since `before`."""
    return list(
        Issue.objects.filter(status=IssueStatus.SENDING)
        .filter(Q(progress_at__lt=before) | Q(progress_at__isnull=True))
        .values_list("pk", flat=True)
    )
