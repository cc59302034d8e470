"""The site-wide files outside the language prefix: /sitemap.xml and /robots.txt."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import reverse
from django.views.decorators.http import require_safe

from inspir.core.page_cache import public_page
from inspir.core.site import site_url
from inspir.website.sitemaps import sitemaps


@public_page
@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    # One page (far below the 50,000 addresses a sitemap may hold): no `?p=` to ask for.
    request.GET = QueryDict()
    response = sitemap_view(request, sitemaps=sitemaps())
    response.render()  # kept whole in the page cache
    return response


@public_page
@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Robots may read the public pages; the members' pages ask for a log-in anyway, and the
    forms and downloads are not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES),
        *(f"Disallow: /{code}/newsroom/" for code, _name in settings.LANGUAGES),
        "",
        f"Sitemap: {site_url(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
