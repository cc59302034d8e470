"""The editors' pages: a network's issues, composing one, its preview in each language, a
test to oneself, sending it (with a confirmation step) and following how the sending goes.
Composing and sending a network's newsletter is `edit_content` of that network."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inspir.core.forms import add_service_errors, save_form
from inspir.core.i18n import current_language
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.network.models import Network
from inspir.newsletters import rules, sources
from inspir.newsletters.forms.issues import (
    ITEM_PREFIX,
    IssueForm,
    SendForm,
    TestSendForm,
    item_field_name,
)
from inspir.newsletters.models import Issue, IssueItem
from inspir.newsletters.selectors import access
from inspir.newsletters.selectors import issues as selectors
from inspir.newsletters.services import issues as services

_NOT_AN_EDITOR = gettext_lazy("You do not compose any network's newsletter.")


def _check_editor(request: HttpRequest) -> None:
    # As the platform's other areas: what a user may not reach is a 404.
    if not access.is_editor(request.user):
        raise Http404(_NOT_AN_EDITOR)


def _candidates(network: Network, issue: Issue | None = None) -> dict:
    """The recent items of the network and below, and those the issue already names."""
    below = selectors.below_ids(network.pk)
    found = sources.candidates(below)
    if issue is not None:
        named = list(IssueItem.objects.filter(issue=issue).values_list("kind", "object_id"))
        offered = {(kind, row.pk) for kind, rows in found.items() for row in rows}
        missing = [pair for pair in named if pair not in offered]
        for (kind, _pk), row in sources.records(missing, below).items():
            found.setdefault(kind, []).append(row)
    return found


@login_required
@require_safe
def issue_list(request: HttpRequest) -> HttpResponse:
    _check_editor(request)
    page = selectors.issues_page(access.edited_issues(request.user), page=request.GET.get("page"))
    return render(request, "newsletters/issue_list.html", {"page_obj": page})


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def issue_create(request: HttpRequest) -> HttpResponse:
    _check_editor(request)
    networks = access.editing_networks(request.user)
    wanted = request.POST.get("network") or request.GET.get("network") or ""
    chosen = networks.filter(pk=int(wanted)).first() if wanted.isdigit() else None
    network = chosen or networks.first()
    if network is None:
        raise Http404(_NOT_AN_EDITOR)
    form = IssueForm(
        request.POST or None,
        networks=networks,
        candidates=_candidates(network),
        initial={"network": network},
    )
    if request.method == "POST" and form.is_valid() and form.cleaned_data["network"] == network:
        done = save_form(
            request,
            form,
            lambda: services.issue_create(
                network=form.cleaned_data["network"],
                actor=request.user,
                title=form.cleaned_data["title"],
                introduction=form.cleaned_data["introduction"],
                items=form.items(),
            ),
            success=_("The issue was saved as a draft."),
            then=lambda issue: issue.get_absolute_url(),
        )
        if done is not None:
            return done
    return render(request, "newsletters/issue_form.html", {"form": form, "network": network})


def _initial(issue: Issue) -> dict:
    initial: dict = {
        "title": issue.title,
        "introduction": issue.introduction,
        "version": issue.version,
    }
    for item in IssueItem.objects.filter(issue=issue):
        initial[item_field_name(item.kind, item.object_id)] = item.order
    return initial


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def issue_edit(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.edited_issue(request.user, pk)
    if not rules.is_editable(issue.status):
        return redirect(issue.get_absolute_url())
    form = IssueForm(
        request.POST or None,
        networks=None,
        candidates=_candidates(issue.network, issue),
        initial=_initial(issue),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.issue_update(
                issue=issue,
                actor=request.user,
                version=form.cleaned_data["version"],
                title=form.cleaned_data["title"],
                introduction=form.cleaned_data["introduction"],
                items=form.items(),
            ),
            success=_("The issue was saved."),
            values=lambda saved: {
                **dict.fromkeys(
                    (name for name in form.fields if name.startswith(ITEM_PREFIX)), None
                ),
                **_initial(saved),
            },
        )
        if saved:
            return redirect(issue.get_absolute_url())
    context = {"form": form, "issue": issue, "network": issue.network, "conflict": conflict}
    return render(request, "newsletters/issue_form.html", context)


@login_required
@require_safe
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The issue for its editors: its contents, the test and send buttons while a draft,
    and how its sending goes (the progress alone for htmx's polling)."""
    issue = access.edited_issue(request.user, pk)
    context = {
        "issue": issue,
        "progress": selectors.progress(issue),
        "editable": rules.is_editable(issue.status),
    }
    if request.headers.get("HX-Request"):
        return render(request, "newsletters/issue_detail.html#progress", context)
    context |= {
        "contents": selectors.issue_contents(issue),
        "deliveries": selectors.deliveries_page(issue, page=request.GET.get("page")),
        "test_form": TestSendForm(initial={"language": current_language()}),
        "preview_languages": settings.LANGUAGES,
    }
    return render(request, "newsletters/issue_detail.html", context)


@login_required
@require_safe
def issue_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The issue as a subscriber reading `language` (?language=es) will read it."""
    issue = access.edited_issue(request.user, pk)
    codes = [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("language")
    if language not in codes:
        language = current_language()
    contents = selectors.issue_contents(issue, language)
    with translation.override(language):
        preview = render_to_string(
            "newsletters/partials/issue_body.html", {"contents": contents, "issue": issue}
        )
    context = {
        "issue": issue,
        "preview": preview,
        "language": language,
        "preview_languages": settings.LANGUAGES,
    }
    return render(request, "newsletters/issue_preview.html", context)


@login_required
@require_POST
@submit_once
def issue_test(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.edited_issue(request.user, pk)
    form = TestSendForm(request.POST)
    if form.is_valid():
        try:
            services.issue_test_send(
                issue=issue, actor=request.user, language=form.cleaned_data["language"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("A test was sent to %(address)s.")
                % {"address": getattr(request.user, "email", "")},
            )
    return redirect(issue.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: how many subscribers it will reach, and the button. POST: sent, in the
    background; the issue's page follows the sending."""
    issue = access.edited_issue(request.user, pk)
    if not rules.is_editable(issue.status):
        return redirect(issue.get_absolute_url())
    form = SendForm(request.POST or None, initial={"version": issue.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.issue_send_request(
                issue=issue, actor=request.user, version=form.cleaned_data["version"]
            )
        except ValidationError as error:  # an edit conflict, or no longer a draft
            add_service_errors(form, error)
        else:
            messages.success(request, _("The issue is being sent to its subscribers."))
            return redirect(issue.get_absolute_url())
    context = {"issue": issue, "form": form, "count": selectors.recipients(issue).count()}
    return render(request, "newsletters/issue_send.html", context)
