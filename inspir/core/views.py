import functools
import hmac
import logging
import sys
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_POST, require_safe

from inspir.core import actions, figures, mail, navigation
from inspir.core import search as platform_search
from inspir.core.access import audit_networks, may_oversee_mail
from inspir.core.forms import AuditFilterForm, SearchForm, report_resend
from inspir.core.health import health_report
from inspir.core.models import OutgoingEmail
from inspir.core.page_cache import public_page, shared_fragment
from inspir.core.selectors import (
    AuditFilters,
    audit_action_prefixes,
    audit_entries,
    undelivered_emails,
)
from inspir.core.submit_once import submit_once


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's, files)."""
    return redirect(static("core/favicon.svg"))


@public_page
def home(request: HttpRequest) -> HttpResponse:
    # Each app's figures, registered from its AppConfig (core/figures.py).
    return render(
        request,
        "core/home.html",
        {
            "figures": figures.key_figures(),
            "cards": navigation.explore_cards(),
            # What the apps above core add: the latest news, the newsletter (navigation.py),
            # the same for every reader, so kept for all of them (`{% shared_part %}`) and
            # read only when the kept part is stale.
            "sections": functools.partial(navigation.home_sections, request),
        },
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """One search over everything the reader may open, grouped by kind; with `kind`, one
    kind's hits page by page (decision 0022)."""
    form = SearchForm(request.GET or None)
    form.is_valid()  # a query too long is said so; an unknown kind searches every kind
    query = form.cleaned_data.get("q", "") if form.is_bound else ""
    kind = form.cleaned_data.get("kind", "") if form.is_bound else ""
    terms = platform_search.query_terms(query)
    context: dict[str, object] = {
        "form": form,
        "query": query,
        "site_search_query": query,
        "searched": bool(query.strip()),
        "too_short": bool(query.strip()) and not platform_search.is_searchable(terms),
        "min_length": platform_search.MIN_QUERY_LENGTH,
    }
    provider = platform_search.provider_for(kind) if kind else None
    if provider is not None:
        entries = platform_search.search_entries(request.user, query, kind=kind)
        page = Paginator(entries, settings.SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(
            provider=provider,
            page_obj=page,
            hits=[platform_search.hit_of(entry) for entry in page.object_list],
        )
    elif context["searched"] and not context["too_short"]:
        # Readers whose visibility is built alike share the rendered results of the same
        # query (decision 0022; page_cache.shared_fragment), as they share the results.
        user = request.user

        def grouped() -> str:
            results = platform_search.search(user, query)
            return render_to_string(
                "core/search.html#grouped",
                {"results": results, "query": query, "request": request},
            )

        sharing = platform_search.sharing_key(user, query)
        context["grouped"] = (
            shared_fragment("search-results", (sharing, request.GET.urlencode()), grouped)
            if sharing is not None
            else mark_safe(grouped())  # noqa: S308 - rendered by the template, escaped
        )
    return render(request, "core/search.html", context)


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    """Coordinators read the log of what was done in their networks; nobody edits it."""
    # Who reads which network's log is the permission vocabulary's answer (core/access.py).
    networks = audit_networks(request.user)
    network_list = list(networks.order_by("level", "name")) if networks is not None else []
    if networks is None or not network_list:
        raise Http404
    is_staff = bool(request.user.is_staff)
    visible = audit_entries(networks=networks, include_unattached=is_staff, filters=AuditFilters())
    form = AuditFilterForm(
        request.GET or None, actions=audit_action_prefixes(visible), networks=network_list
    )
    entries = audit_entries(
        networks=networks, include_unattached=is_staff, filters=form.to_filters()
    )
    page = Paginator(entries, settings.AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    readable = actions.describe(page.object_list, user=request.user)
    return render(
        request, "core/audit_list.html", {"form": form, "page_obj": page, "entries": readable}
    )


@login_required
@require_safe
def undelivered_mail(request: HttpRequest) -> HttpResponse:
    """The platform's e-mail that did not arrive, or may not have, for those who look after
    it: each can be sent again or set aside."""
    if not may_oversee_mail(request.user):
        raise Http404
    page = Paginator(undelivered_emails(), settings.UNDELIVERED_EMAIL_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "core/undelivered_mail.html", {"page_obj": page})


def _overseen_email(request: HttpRequest, pk: int) -> OutgoingEmail:
    if not may_oversee_mail(request.user):
        raise Http404
    return get_object_or_404(OutgoingEmail, pk=pk)


@login_required
@require_POST
@submit_once
def undelivered_mail_resend(request: HttpRequest, pk: int) -> HttpResponse:
    outgoing = _overseen_email(request, pk)
    report_resend(
        request,
        lambda: mail.outgoing_resend(outgoing=outgoing, actor=request.user),
        success=_("The message to %(recipient)s is being sent again.")
        % {"recipient": outgoing.recipient},
        needless=_("This message was already sent again or needs no resending."),
    )
    return redirect("core:undelivered_mail")


@login_required
@require_POST
@submit_once
def undelivered_mail_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    outgoing = _overseen_email(request, pk)
    if mail.outgoing_dismiss(outgoing=outgoing, actor=request.user):
        messages.success(
            request,
            _("The message to %(recipient)s was removed from the list.")
            % {"recipient": outgoing.recipient},
        )
    return redirect("core:undelivered_mail")


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """The platform's health for a load balancer (503 when the database does not answer, 200
    otherwise) and for monitoring: the overall status for everyone, each component's for a
    request with the HEALTH_TOKEN (inspir/core/health.py). No session, no language."""
    report = health_report()
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    token = settings.HEALTH_TOKEN
    detailed = bool(token) and hmac.compare_digest(given.encode(), token.encode())
    return JsonResponse(report.as_dict(detailed), status=200 if report.serving else 503)


# ---------------------------------------------------------------------------------------------
# Error pages (config.urls handler400…handler500, CSRF_FAILURE_VIEW): the platform's own, in
# the reader's language, saying what happened and what to do next. Nothing technical is shown.

logger = logging.getLogger(__name__)


def _is_anonymous(request: HttpRequest) -> bool:
    # An error raised before the authentication middleware ran leaves no user on the request.
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _login_url(request: HttpRequest) -> str:
    """The log-in page, coming back to the requested address afterwards."""
    return f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()}, safe='/')}"


def _standalone_error(template: str, status: int) -> HttpResponse:
    """A page that needs neither the database nor the context processors: the error may come
    from either. Should even the template fail, a plain sentence still answers."""
    html: str
    try:
        html = render_to_string(template, {"language": get_language() or settings.LANGUAGE_CODE})
    except Exception:
        logger.exception("The %s error page could not be rendered", status)
        html = "<!DOCTYPE html><title>INSP!R</title><h1>INSP!R</h1>"
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Raised for requests the platform refuses to read (unknown host, too many fields): the
    # request itself is not to be trusted, so the page uses none of it.
    return _standalone_error("400.html", 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    anonymous = _is_anonymous(request)
    context = {"login_url": _login_url(request) if anonymous else None}
    return render(request, "403.html", context, status=403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Scoped lookups answer 404 for what a visitor may not see, so an anonymous visitor is
    # offered the log-in on every missing page, whether or not something is there.
    anonymous = _is_anonymous(request)
    context = {"login_url": _login_url(request) if anonymous else None}
    return render(request, "404.html", context, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this handler while the error is being handled. A database that does not
    # answer (stopped, restarting, locked) is an outage rather than a fault of this page: the
    # same page, as 503 with a time to come back, tells proxies and monitoring so.
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        response = _standalone_error("500.html", 503)
        response["Retry-After"] = "60"
        return response
    return _standalone_error("500.html", 500)


@requires_csrf_token
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its protection token: usually a page left open for long, or a
    browser refusing cookies. The form's page, reloaded, works again."""
    # Forms post to their own page: the address of the refused request shows the form again.
    back = request.path if request.method == "POST" else None
    return render(request, "403_csrf.html", {"back_url": back}, status=403)
