"""The notices' pages: one's list (newest first, unread marked), opening a notice (marked
read, then its page), one's preferences, and the unsubscribe link of the e-mails (RFC 8058:
a mail program POSTs to it without a session or a CSRF token)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inspir.core.forms import save_form
from inspir.core.page_cache import own_data_version, shared_fragment
from inspir.core.submit_once import submit_once
from inspir.core.time import local, reader_zone
from inspir.notifications import selectors, services
from inspir.notifications.forms import PREFIX, PreferencesForm
from inspir.notifications.kinds import notice_kind
from inspir.notifications.models import NoticeSettings
from inspir.notifications.tokens import DIGEST_KIND, token_read

PAGE_SIZE = 20
# Sent by the unsubscribe page's own button, not by a mail program's one-click POST.
CONFIRM = "confirm"


@login_required
@require_safe
def notice_list(request: HttpRequest) -> HttpResponse:
    user = request.user

    def listed() -> str:
        page = Paginator(selectors.notices_for(user), PAGE_SIZE).get_page(request.GET.get("page"))
        notices = list(page.object_list)
        texts = selectors.notice_texts(notices, user)
        zone = reader_zone(user)
        rows = [
            {"notice": n, "text": texts[n.pk], "when": local(n.created_at, zone)} for n in notices
        ]
        context = {"page_obj": page, "rows": rows, "request": request}
        return render_to_string("notifications/notice_list.html#notices", context)

    # Kept for the reader until a notice is added or read (their own version), the registry
    # changes (what the notices tell about, the reader's zone) or PUBLIC_PAGE_CACHE_SECONDS.
    version = own_data_version(selectors.notices_name(int(user.pk or 0)))
    varies_on = (user.pk, getattr(user, "person_id", None), version, request.GET.urlencode())
    context = {
        "notices": shared_fragment("notices", varies_on, listed) if version else listed(),
        "unread": selectors.unread_count(user),
    }
    return render(request, "notifications/notice_list.html", context)


@login_required
@require_safe
def notice_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks one's notice read, then goes where it tells to (the list when it is gone)."""
    notice = get_object_or_404(selectors.notices_for(request.user), pk=pk)
    services.notice_read(notice=notice)
    url = selectors.notice_texts([notice], request.user)[notice.pk].url
    safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not url or not safe:
        if not url:
            messages.info(request, _("What this notice was about no longer exists."))
        return redirect("notifications:list")
    return redirect(url)


@login_required
@require_POST
@submit_once
def notice_read_all(request: HttpRequest) -> HttpResponse:
    if services.notices_read_all(user=request.user):
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def preferences(request: HttpRequest) -> HttpResponse:
    zone = reader_zone(request.user).key
    user_id = int(request.user.pk or 0)
    row = services.notice_settings_for([user_id])[user_id]
    initial: dict[str, object] = {"digest_hour": row.digest_hour}
    initial.update({PREFIX + code: d for code, d in services.deliveries_for(user_id).items()})
    form = PreferencesForm(request.POST or None, zone=zone, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = save_form(
            request,
            form,
            lambda: services.preferences_save(
                user=request.user,
                deliveries=form.deliveries(),
                digest_hour=form.cleaned_data["digest_hour"],
            ),
            success=_("Your notification settings were saved."),
            then="notifications:preferences",
        )
        if done is not None:
            return done
    return render(request, "notifications/preferences.html", {"form": form})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@submit_once
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page that asks to confirm (a link checker opening the link stops nothing).
    POST, from that page or from a mail program's one-click button (RFC 8058, body
    "List-Unsubscribe=One-Click"): stops that kind of e-mail, and says so."""
    found = token_read(token)
    if found is None:
        raise Http404
    user_id, kind, secret = found
    row = NoticeSettings.objects.filter(user_id=user_id, user__is_active=True).first()
    if row is None or row.unsubscribe_secret != secret:
        raise Http404
    if kind == DIGEST_KIND:
        label = _("the daily digest")
    else:
        try:
            label = str(notice_kind(kind).label)
        except KeyError:
            raise Http404 from None
    if request.method == "POST":
        services.unsubscribe(user_id=user_id, kind=kind)
        if CONFIRM in request.POST:  # the page's own button: back to the page, which says so
            return redirect(request.path)
        done = True  # a mail program's one-click POST: answered 200 at once
    else:
        done = services.unsubscribed(user_id=user_id, kind=kind)
    return render(request, "notifications/unsubscribe.html", {"label": label, "done": done})
