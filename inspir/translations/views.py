"""The translations pages: one's requests and queues, a network's queue in a language, the
side-by-side editor, the translators of a network, the coverage figures, and the XLIFF
exchange with translation agencies. Who may see what is `permissions.py`'s."""

import functools
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inspir.accounts.permissions import permission_key
from inspir.core.errors import found_or_404
from inspir.core.forms import add_service_errors, report_service_call
from inspir.core.history import line_diff
from inspir.core.models import TextOriginal
from inspir.core.submit_once import submit_once
from inspir.core.time import reader_zone
from inspir.network.models import Network
from inspir.translations import selectors, services
from inspir.translations.forms import (
    AskForm,
    ReviewForm,
    TranslationForm,
    TranslatorForm,
    XliffImportForm,
)
from inspir.translations.machine import machine_translator
from inspir.translations.models import Translator
from inspir.translations.permissions import (
    LANGUAGE_CODES,
    coordinated_ids,
    translating_ids,
)
from inspir.translations.xliff import MAX_BYTES, Unit, xliff_write


def _language(language: str) -> str:
    if language not in LANGUAGE_CODES:
        raise Http404
    return language


def _queue_network(request: HttpRequest, slug: str, language: str) -> Network:
    """The network whose queue the reader works on in `language`, or 404."""
    network = Network.objects.filter(slug=slug).first()
    allowed = translating_ids(request.user, language)
    if network is None or (allowed is not None and network.pk not in allowed):
        raise Http404
    return network


def _coordinated_network(request: HttpRequest, slug: str) -> Network:
    network = Network.objects.filter(slug=slug).first()
    allowed = coordinated_ids(request.user)
    if network is None or (allowed is not None and network.pk not in allowed):
        raise Http404
    return network


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """One's requests, and for a translator or a coordinator the networks with texts
    waiting in each of their languages."""
    queues = [
        (
            network,
            [
                (
                    language,
                    selectors.waiting_below(request.user, network=network, language=language),
                )
                for language in languages
            ],
        )
        for network, languages in selectors.queue_networks(request.user)
    ]
    return render(
        request,
        "translations/home.html",
        {
            "queues": queues,
            "requests": selectors.my_requests(request.user),
            "coordinates": coordinated_ids(request.user) != frozenset(),
        },
    )


def _page(request: HttpRequest) -> int:
    number = request.GET.get("page", "1")
    return int(number) if number.isdigit() and len(number) < 7 else 1


@login_required
@require_POST
@submit_once
def ask(request: HttpRequest) -> HttpResponse:
    form = AskForm(request.POST)
    back = request.POST.get("next", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("translations:home")
    if not form.is_valid():
        messages.error(request, _("This request for a translation could not be read."))
        return HttpResponseRedirect(back)
    data = form.cleaned_data
    report_service_call(
        request,
        lambda: services.translation_ask(
            actor=request.user, original_id=data["original"], language=data["language"]
        ),
        success=_(
            "Your request was sent to the translators. You will be told when the "
            "translation is there."
        ),
    )
    return HttpResponseRedirect(back)


@login_required
@require_GET
def queue(request: HttpRequest, network: str, language: str) -> HttpResponse:
    language = _language(language)
    found = _queue_network(request, network, language)
    page = _page(request)
    return render(
        request,
        "translations/queue.html",
        {
            # Read only when the kept part is stale (`{% shared_part %}`, decision 0021).
            "queue_of": functools.partial(
                selectors.queue, request.user, network=found, language=language, page=page
            ),
            "page": page,
            "network": found,
            "language": language,
            "zone": reader_zone(request.user),
            "now": timezone.now(),
        },
    )


@login_required
@require_GET
def export(request: HttpRequest, network: str, language: str) -> HttpResponse:
    """The queue's texts to translate as an XLIFF 1.2 file, for a translation agency."""
    language = _language(language)
    found = _queue_network(request, network, language)
    pending = selectors.for_export(request.user, network=found, language=language)
    units = [
        Unit(
            original_id=entry.original.pk,
            revision=entry.original.revision,
            source=entry.text,
            source_language=entry.original.language,
            # A draft goes out to be finished; an outdated translation goes out as a note,
            # so that a tool does not take it for a finished one.
            target=entry.translation.text if entry.translation and entry.status == "draft" else "",
            note=_previous_note(entry),
        )
        for entry in pending
    ]
    data = xliff_write(units, target_language=language, original=f"inspir-{found.slug}")
    response = HttpResponse(data, content_type="application/x-xliff+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inspir-{found.slug}-{language}.xlf"'
    return response


def _previous_note(entry: selectors.Entry) -> str:
    if entry.status != "outdated" or entry.translation is None:
        return entry.label
    return _("%(label)s. Translation of an earlier version: %(previous)s") % {
        "label": entry.label,
        "previous": entry.translation.text,
    }


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def import_file(request: HttpRequest, network: str, language: str) -> HttpResponse:
    language = _language(language)
    found = _queue_network(request, network, language)
    form = XliffImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            form.add_error("file", _("This file is too large to be a translation of this queue."))
            return render(
                request,
                "translations/import.html",
                {"form": form, "network": found, "language": language, "result": None},
            )
        try:
            result = services.xliff_import(
                actor=request.user,
                network=found,
                language=language,
                data=upload.read(),
                skip_refused=form.cleaned_data["skip_refused"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not result.refused:
                imported = _("%(count)s translations were imported.") % {"count": result.applied}
                if result.untranslated:
                    imported += " " + _(
                        "%(count)s texts left untranslated in the file stay in the queue."
                    ) % {"count": len(result.untranslated)}
                messages.success(request, imported)
                if not result.problems:
                    return redirect("translations:queue", network=found.slug, language=language)
    return render(
        request,
        "translations/import.html",
        {"form": form, "network": found, "language": language, "result": result},
    )


def _entry(request: HttpRequest, original: int, language: str) -> selectors.Entry:
    language = _language(language)
    return found_or_404(
        selectors.entry_get, user=request.user, original_id=original, language=language
    )


def _editor(
    request: HttpRequest, entry: selectors.Entry, language: str, form: TranslationForm
) -> HttpResponse:
    translation = entry.translation
    changes = None
    if translation is not None and translation.source_revision < entry.original.revision:
        changes = line_diff(translation.source_text, entry.text)
    may_review = (
        translation is not None
        and entry.status in ("draft", "translated")
        and translation.translated_by_id != request.user.pk
    )
    return render(
        request,
        "translations/edit.html",
        {
            "entry": entry,
            "language": language,
            "form": form,
            "changes": changes,
            "review_form": ReviewForm(
                initial={"seen_version": translation.version if translation else 0}
            ),
            "may_review": may_review,
            "machine": machine_translator(),
        },
    )


def _initial(entry: selectors.Entry) -> dict[str, Any]:
    translation = entry.translation
    return {
        "text": translation.text if translation else "",
        "seen_revision": entry.original.revision,
        "seen_version": translation.version if translation else 0,
    }


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def edit(request: HttpRequest, original: int, language: str) -> HttpResponse:
    entry = _entry(request, original, language)
    if request.method != "POST":
        return _editor(request, entry, language, TranslationForm(initial=_initial(entry)))
    form = TranslationForm(request.POST, initial=_initial(entry))
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.translation_save(
                actor=request.user,
                original_id=entry.original.pk,
                language=language,
                text=data["text"],
                finished="finish" in request.POST,
                seen_revision=data["seen_revision"],
                seen_version=data["seen_version"],
            )
        except ValidationError as error:
            # Show what changed meanwhile; keep what the translator typed.
            entry = _entry(request, original, language)
            posted = request.POST.copy()
            posted.update({k: str(v) for k, v in _initial(entry).items() if k.startswith("seen_")})
            form = TranslationForm(posted, initial=_initial(entry))
            form.is_valid()
            add_service_errors(form, error)
        else:
            if saved.translation.status == "translated":
                messages.success(request, _("The translation was saved."))
                return redirect(
                    "translations:queue",
                    network=_network_slug(entry.original),
                    language=language,
                )
            messages.success(request, _("The draft was saved."))
            return redirect("translations:edit", original=entry.original.pk, language=language)
    return _editor(request, entry, language, form)


def _network_slug(original: TextOriginal) -> str:
    network = Network.objects.filter(pk=original.network_id or 0).only("slug").first()
    return network.slug if network else ""


@login_required
@require_POST
@submit_once
def review(request: HttpRequest, original: int, language: str) -> HttpResponse:
    entry = _entry(request, original, language)
    form = ReviewForm(request.POST)
    seen = form.cleaned_data["seen_version"] if form.is_valid() else None
    done = report_service_call(
        request,
        lambda: services.translation_review(
            actor=request.user, original_id=entry.original.pk, language=language, seen_version=seen
        ),
        success=_("The translation was marked reviewed."),
    )
    if done:
        return redirect(
            "translations:queue", network=_network_slug(entry.original), language=language
        )
    return redirect("translations:edit", original=entry.original.pk, language=language)


@login_required
@require_POST
@submit_once
def machine(request: HttpRequest, original: int, language: str) -> HttpResponse:
    entry = _entry(request, original, language)
    form = ReviewForm(request.POST)
    seen = form.cleaned_data["seen_version"] if form.is_valid() else None
    report_service_call(
        request,
        lambda: services.machine_draft(
            actor=request.user, original_id=entry.original.pk, language=language, seen_version=seen
        ),
        success=_(
            "A machine draft was written. Read it against the original: it shows as a "
            "machine translation until someone reviews it."
        ),
    )
    return redirect("translations:edit", original=entry.original.pk, language=language)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def translators(request: HttpRequest, slug: str) -> HttpResponse:
    found = _coordinated_network(request, slug)
    candidates = selectors.translator_candidates(request.user, found)
    form = TranslatorForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.translator_name(
                actor=request.user,
                network=found,
                user_id=form.cleaned_data["user"].pk,
                languages=form.cleaned_data["languages"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The translator was named."))
            return redirect("translations:translators", slug=found.slug)
    return render(
        request,
        "translations/translators.html",
        {"network": found, "translators": selectors.translators_of(found), "form": form},
    )


@login_required
@require_POST
@submit_once
def translator_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = _coordinated_network(request, slug)
    translator = Translator.objects.filter(network=found, pk=pk).first()
    if translator is None:
        raise Http404
    report_service_call(
        request,
        lambda: services.translator_remove(actor=request.user, translator=translator),
        success=_("The translator was removed."),
    )
    return redirect("translations:translators", slug=found.slug)


@login_required
@require_GET
def coverage(request: HttpRequest) -> HttpResponse:
    if coordinated_ids(request.user) == frozenset():
        raise Http404
    page = _page(request)
    return render(
        request,
        "translations/coverage.html",
        {
            # Read only when the kept part is stale (`{% shared_part %}`, decision 0021); the
            # last 90 days move with the date.
            "coverage_of": functools.partial(selectors.coverage, request.user, page=page),
            # What the reader's permissions rest on, a few values whatever the networks'
            # number (their roles), rather than every network they coordinate.
            "permissions": permission_key(request.user),
            "page": page,
            "today": timezone.now().date(),
            "days": selectors.COVERAGE_DAYS,
            "language_codes": LANGUAGE_CODES,
        },
    )
