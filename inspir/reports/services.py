"""Writes of the annual report: the year's texts, the editions (asked for in the request,
laid out by the worker), publishing them. Keyword-only, atomic, audited."""

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from inspir.core.audit import audit_log
from inspir.core.errors import Invalid, Refused
from inspir.core.tasks import enqueue_with_change
from inspir.core.versioning import EditConflict, lock_version, save_version
from inspir.network.models import Network
from inspir.reports import rules, selectors
from inspir.reports.models import Edition, EditionStatus, ReportText
from inspir.reports.permissions import produces_report_of

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("introduction", "credits")


def _refuse_unless_producer(actor: Any, network: Network) -> None:
    if not produces_report_of(actor, network.pk):
        raise Refused(_("Only those who own the network's plan produce its annual report."))


def _check_year(network: Network, year: int) -> None:
    if year not in rules.years_for(network.start_date):
        raise Invalid(_("There is no report of this network for that year."))


def report_text_save(
    *, network: Network, year: int, actor: Any, version: int | None, **texts: str
) -> ReportText:
    """Save the year's introduction and credits: created when the year has none
    (`version` None or 0), else changed if still at `version` (else `EditConflict`)."""
    _refuse_unless_producer(actor, network)
    _check_year(network, year)
    values = {name: (texts.get(name) or "").strip() for name in TEXT_FIELDS}
    pk = ReportText.objects.filter(network=network, year=year).values_list("pk", flat=True).first()
    with transaction.atomic():
        if pk is None:
            try:
                with transaction.atomic():
                    text = ReportText.objects.create(network=network, year=year, **values)
            except IntegrityError:
                # Someone else wrote the year's texts meanwhile: theirs are kept.
                raise EditConflict(
                    saved=ReportText.objects.get(network=network, year=year)
                ) from None
            before = dict.fromkeys(TEXT_FIELDS, "")
        else:
            text = lock_version(ReportText, pk, version)
            before = {name: getattr(text, name) for name in TEXT_FIELDS}
            if before == values:
                return text
            for name, value in values.items():
                setattr(text, name, value)
            save_version(text)
        audit_log(
            action="reports.text.updated",
            actor=actor,
            obj=text,
            network=network,
            changes={
                **{
                    name: [before[name], values[name]]
                    for name in TEXT_FIELDS
                    if before[name] != values[name]
                },
                "year": [None, year],
            },
        )
    return text


@dataclass(frozen=True)
class Generated:
    """What asking for the editions of a report did, language by language."""

    new: list[Edition]  # queued now
    unchanged: list[Edition]  # an edition of exactly this data already exists


@transaction.atomic
def editions_request(*, network: Network, year: int, actor: Any) -> Generated:
    """Ask for the report of `network` for `year` in every language. The data is read now
    and frozen in the edition; a language whose data has not changed since an edition gets
    no new one (the same data, the same fingerprint: a double click or a retry too). The
    PDF is laid out in the background (`tasks.edition_render`)."""
    _refuse_unless_producer(actor, network)
    _check_year(network, year)
    new, unchanged = [], []
    for language, _name in settings.LANGUAGES:
        data = selectors.report_data(network, year, language)
        digest = selectors.fingerprint(data)
        existing = Edition.objects.filter(
            network=network, year=year, language=language, fingerprint=digest
        ).first()
        if existing is not None and existing.status != EditionStatus.FAILED:
            unchanged.append(existing)
            continue
        now = timezone.now()
        if existing is not None:  # it failed: lay it out again
            Edition.objects.filter(pk=existing.pk).update(
                status=EditionStatus.QUEUED, progress=0, progress_at=now, failure=""
            )
            edition = existing
        else:
            try:
                with transaction.atomic():
                    edition = Edition.objects.create(
                        network=network,
                        year=year,
                        language=language,
                        fingerprint=digest,
                        snapshot=data,
                        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
                        progress_at=now,
                    )
            except IntegrityError:
                # The same request at the same moment made it: one edition.
                unchanged.append(
                    Edition.objects.get(
                        network=network, year=year, language=language, fingerprint=digest
                    )
                )
                continue
        audit_log(
            action="reports.edition.requested",
            actor=actor,
            obj=edition,
            network=network,
            changes={
                "year": [None, year],
                "language": [None, language],
                "fingerprint": [None, digest],
            },
        )
        _enqueue(edition.pk)
        new.append(edition)
    return Generated(new=new, unchanged=unchanged)


def _enqueue(edition_id: int) -> None:
    from inspir.reports.tasks import edition_render

    enqueue_with_change(edition_render, edition_id)


def _progress(edition_id: int, percent: int) -> None:
    Edition.objects.filter(pk=edition_id).update(progress=percent, progress_at=timezone.now())


def edition_render_run(*, edition_id: int) -> str:
    """Lay out one edition's PDF from its frozen data and keep the file. Claimed by a
    compare-and-set, so that two workers given the same edition lay it out once; an edition
    already laid out is left as it is."""
    from inspir.reports.pdf import render_pdf

    claimed = Edition.objects.filter(
        pk=edition_id, status__in=(EditionStatus.QUEUED, EditionStatus.RENDERING)
    ).update(
        status=EditionStatus.RENDERING,
        progress=rules.PROGRESS_COLLECTED,
        progress_at=timezone.now(),
    )
    if not claimed:
        return "nothing to lay out"
    edition = Edition.objects.select_related("network").get(pk=edition_id)
    try:
        content, pages = render_pdf(
            edition.snapshot,
            made_on=timezone.localdate(edition.created_at),
            progress=lambda percent: _progress(edition_id, percent),
        )
    except Exception as error:  # a layout that fails is marked and can be asked for again
        logger.exception("report edition %s failed", edition_id)
        Edition.objects.filter(pk=edition_id).update(
            status=EditionStatus.FAILED, failure=f"{type(error).__name__}: {error}"[:300]
        )
        return "failed"
    stem = slugify(edition.network.name) or "report"
    name = f"{stem}-{edition.year}-{edition.language}-{edition.fingerprint[:8]}.pdf"
    with transaction.atomic():
        current = Edition.objects.select_for_update().get(pk=edition_id)
        if current.status != EditionStatus.RENDERING:
            return "already laid out"
        current.pdf.save(name, ContentFile(content), save=False)
        current.size = len(content)
        current.pages = pages
        current.status = EditionStatus.READY
        current.progress = rules.PROGRESS_DONE
        current.finished_at = timezone.now()
        current.save(update_fields=["pdf", "size", "pages", "status", "progress", "finished_at"])
    return f"{pages} pages"


def stalled_resume(*, now: Any = None) -> list[int]:
    """Queue again the editions whose layout stopped moving on (a worker that died): each
    claimed by moving its `progress_at` on, so that two runs of this job queue it once."""
    now = now or timezone.now()
    queued = []
    for pk in selectors.stalled_edition_ids(before=now - rules.RENDERING_STALLED):
        with transaction.atomic():
            seen = Edition.objects.filter(pk=pk).values_list("progress_at", flat=True).first()
            claimed = Edition.objects.filter(
                pk=pk,
                status__in=(EditionStatus.QUEUED, EditionStatus.RENDERING),
                progress_at=seen,
            ).update(status=EditionStatus.QUEUED, progress_at=now)
            if claimed:
                _enqueue(pk)
                queued.append(pk)
    return queued


@transaction.atomic
def edition_publish(*, edition: Edition, actor: Any, publish: bool) -> Edition:
    """Make a ready edition downloadable by everyone, or take it back."""
    _refuse_unless_producer(actor, edition.network)
    current = Edition.objects.select_for_update().get(pk=edition.pk)
    if current.status != EditionStatus.READY:
        raise Invalid(_("Only an edition that is ready can be published."))
    if bool(current.published_at) == publish:
        return current
    current.published_at = timezone.now() if publish else None
    current.save(update_fields=["published_at"])
    changes = {"year": [None, current.year], "language": [None, current.language]}
    if publish:
        audit_log(
            action="reports.edition.published",
            actor=actor,
            obj=current,
            network=current.network,
            changes=changes,
        )
    else:
        audit_log(
            action="reports.edition.withdrawn",
            actor=actor,
            obj=current,
            network=current.network,
            changes=changes,
        )
    return current
