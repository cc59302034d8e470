"""The public website: about, contact, the news of every network and of each, a post's
page, its picture, and the publications. Pages alike for every visitor are kept in the
page cache (core/page_cache.py)."""

import mimetypes

from django.contrib import messages
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from inspir.core.errors import found_or_404
from inspir.core.forms import save_form
from inspir.core.page_cache import public_page
from inspir.core.site import site_url
from inspir.core.submit_once import submit_once
from inspir.website import about as about_texts
from inspir.website import brand, rules, selectors, services
from inspir.website.forms import ContactForm
from inspir.website.permissions import edits_any


@public_page
@require_safe
def about(request: HttpRequest) -> HttpResponse:
    context = {
        "introduction": about_texts.introduction(),
        "mission": about_texts.mission(),
        "vision": about_texts.vision(),
        "principles": about_texts.principles(),
        "values": about_texts.values(),
        "history": about_texts.history(),
    }
    return render(request, "website/about.html", context)


def _client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _throttled(request: HttpRequest) -> bool:
    """Whether this address has sent the contact form too often this hour (counted in the
    shared cache, which falls back to the process's memory: core/cache.py)."""
    key = f"website-contact:{_client_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:
        return False
    return count > rules.CONTACT_PER_HOUR


# Not kept in the page cache: the form carries each visitor's own tokens.
@require_http_methods(["GET", "HEAD", "POST"])
@submit_once
def contact(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = _("Thank you: your message was sent to the network's coordinators.")
        if form.is_robot():  # answered as if sent, so that robots learn nothing
            messages.success(request, sent)
            return redirect("website:contact")
        if _throttled(request):
            form.add_error(
                None, _("Too many messages were sent from your connection; try again in an hour.")
            )
        else:
            done = save_form(
                request,
                form,
                lambda: services.contact_send(
                    **{k: form.cleaned_data[k] for k in ("name", "email", "subject", "message")}
                ),
                success=sent,
                then="website:contact",
            )
            if done:
                return done
    return render(request, "website/contact.html", {"form": form})


@public_page
@require_safe
def news_index(request: HttpRequest) -> HttpResponse:
    context = {
        "page_obj": selectors.news_page(page=request.GET.get("page")),
        "sections": selectors.sections(),
        "edits": edits_any(request.user),
    }
    return render(request, "website/news_index.html", context)


@public_page
@require_safe
def network_news(request: HttpRequest, slug: str) -> HttpResponse:
    network = found_or_404(selectors.section, slug=slug)
    context = {
        "network": network,
        "page_obj": selectors.section_page(network=network, page=request.GET.get("page")),
        "edits": edits_any(request.user),
    }
    return render(request, "website/network_news.html", context)


@public_page
@require_safe
def post_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    page = found_or_404(selectors.public_post, slug=slug, pk=pk)
    post = page.post
    image = site_url(post.image_large_url) if post.has_image else brand.og_image_url(post.network)
    context = {"page": page, "post": post, "og_image": image}
    return render(request, "website/post_detail.html", context)


@require_safe
def post_image(request: HttpRequest, slug: str, pk: int, size: str) -> FileResponse:
    """A post's picture in one of its widths: a public post's for anyone, another's for
    its network's editors (the form's preview); never a public media address."""
    if size not in rules.IMAGE_WIDTHS:
        raise Http404
    post = found_or_404(selectors.post_image, slug=slug, pk=pk, user=request.user)
    stored = getattr(post, f"image_{size}")
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    kind = mimetypes.guess_type(stored.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = (
        "public, max-age=86400" if rules.is_public(post, timezone.now()) else "private, no-store"
    )
    return response


@public_page
@require_safe
def publications(request: HttpRequest) -> HttpResponse:
    return render(
        request, "website/publications.html", {"positions": selectors.published_positions()}
    )
