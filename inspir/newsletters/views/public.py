"""The newsletter's public pages: subscribing (double opt-in), confirming, one's choices and
unsubscribing (reached from the links of the e-mails, without an account), and the archive
of the issues sent, in the reader's language."""

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from inspir.core.errors import found_or_404
from inspir.core.i18n import current_language
from inspir.core.page_cache import public_page
from inspir.core.submit_once import submit_once
from inspir.network.models import Network
from inspir.newsletters import rules, tokens
from inspir.newsletters.forms.subscriptions import PreferencesForm, SubscribeForm
from inspir.newsletters.models import Subscriber, SubscriberStatus
from inspir.newsletters.selectors import issues as selectors
from inspir.newsletters.services import subscriptions as services

# Sent by the unsubscribe page's own button, not by a mail program's one-click POST.
CONFIRM = "confirm"


def _client(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _too_many(request: HttpRequest) -> bool:
    """More than `rules.SUBSCRIBE_PER_HOUR` submissions from this address this hour."""
    key = f"newsletters-subscribe:{_client(request)}"
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 3600)
        count = 1
    return count > rules.SUBSCRIBE_PER_HOUR


@never_cache
@require_http_methods(["GET", "POST"])
@submit_once
def subscribe(request: HttpRequest) -> HttpResponse:
    """The form: an address, a language, networks of interest, and the consent's words
    beside the button. Whatever the address's state, the next page says the same thing."""
    language = current_language()
    form = SubscribeForm(request.POST or None, initial={"language": language})
    status = 200
    if request.method == "POST":
        if _too_many(request):
            form.add_error(None, _("Too many requests from your connection. Try again in an hour."))
            status = 429
        elif form.is_valid():
            if not form.is_robot():
                services.subscription_request(
                    email=form.cleaned_data["email"],
                    language=form.cleaned_data["language"],
                    networks=form.cleaned_data["networks"],
                    wording=services.Wording(
                        text=str(rules.CONSENT_WORDING),
                        language=get_language() or settings.LANGUAGE_CODE,
                        source=f"{rules.SOURCE_FORM} {request.path}",
                    ),
                )
            return redirect("newsletters:subscribe_sent")
    context = {"form": form, "wording": rules.CONSENT_WORDING}
    return render(request, "newsletters/subscribe.html", context, status=status)


@public_page
@require_GET
def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletters/subscribe_sent.html", {"days": rules.CONFIRM_VALID.days})


@never_cache
@require_http_methods(["GET", "POST"])
@submit_once
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with one button (a link checker opening the link confirms nothing).
    POST: the subscription is active."""
    found = tokens.confirm_read(token)
    if found is None:
        raise Http404
    subscriber_id, consent_id, secret = found
    subscriber = None
    if request.method == "POST":
        subscriber = services.subscription_confirm(
            subscriber_id=subscriber_id, consent_id=consent_id, secret=secret
        )
        if subscriber is not None:
            return redirect(
                "newsletters:preferences",
                token=tokens.manage_token(subscriber.pk, subscriber.secret),
            )
        return render(request, "newsletters/confirm.html", {"invalid": True}, status=410)
    return render(request, "newsletters/confirm.html", {"invalid": False})


def _subscriber(token: str) -> Subscriber:
    found = tokens.manage_read(token)
    if found is None:
        raise Http404
    subscriber_id, secret = found
    return get_object_or_404(Subscriber, pk=subscriber_id, secret=secret)


@never_cache
@require_http_methods(["GET", "POST"])
@submit_once
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """One's language and networks, from the link of every issue."""
    subscriber = _subscriber(token)
    if subscriber.status != SubscriberStatus.ACTIVE:
        return render(request, "newsletters/preferences.html", {"subscriber": subscriber})
    initial = {"language": subscriber.language, "networks": list(subscriber.networks.all())}
    form = PreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.preferences_update(
            subscriber=subscriber,
            language=form.cleaned_data["language"],
            networks=form.cleaned_data["networks"],
        )
        messages.success(request, _("Your choices were saved."))
        return redirect(request.path)
    context = {
        "subscriber": subscriber,
        "form": form,
        "token": token,
    }
    return render(request, "newsletters/preferences.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@submit_once
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with one button (a link checker opening the link stops nothing). POST,
    from that button or from a mail program's one-click button (RFC 8058, body
    "List-Unsubscribe=One-Click"): the newsletter stops at once."""
    subscriber = _subscriber(token)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        if CONFIRM in request.POST:  # the page's own button: back to the page, which says so
            return redirect(request.path)
        done = True  # a mail program's one-click POST: answered at once
    else:
        done = subscriber.status == SubscriberStatus.UNSUBSCRIBED
    return render(request, "newsletters/unsubscribe.html", {"done": done})


# --- The archive -------------------------------------------------------------------------------


@public_page
@require_GET
def archive(request: HttpRequest) -> HttpResponse:
    page = selectors.archive_page(page=request.GET.get("page"))
    context = {"page_obj": page, "networks": selectors.archive_networks(), "network": None}
    return render(request, "newsletters/archive.html", context)


@public_page
@require_GET
def network_archive(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_object_or_404(Network, slug=slug)
    page = selectors.archive_page(network=network, page=request.GET.get("page"))
    context = {"page_obj": page, "networks": selectors.archive_networks(), "network": network}
    return render(request, "newsletters/archive.html", context)


@public_page
@require_GET
def public_issue(request: HttpRequest, pk: int) -> HttpResponse:
    issue = found_or_404(selectors.public_issue, pk=pk)
    contents = selectors.issue_contents(issue)
    return render(request, "newsletters/public_issue.html", {"issue": issue, "contents": contents})
