from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from inspir.core.views import favicon, health

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", favicon, name="favicon"),
    # For load balancers and monitoring: no language, no log-in (inspir/core/health.py).
    path("health/", health, name="health"),
    # The sitemap and feeds' site-wide addresses, in no language (inspir/website/root_urls.py).
    path("", include("inspir.website.root_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("inspir.core.urls")),
    path("", include("inspir.network.urls")),
    path("governance/", include("inspir.governance.urls")),
    path("accounts/", include("inspir.accounts.urls")),
    path("notifications/", include("inspir.notifications.urls")),
    path("translations/", include("inspir.translations.urls")),
    path("plan/", include("inspir.planning.urls")),
    path("advocacy/", include("inspir.advocacy.urls")),
    path("library/", include("inspir.learning.urls")),
    path("financing/", include("inspir.financing.urls")),
    path("", include("inspir.website.urls")),
    path("newsletter/", include("inspir.newsletters.urls")),
    path("brand/", include("inspir.identity.urls")),
    path("reports/", include("inspir.reports.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

# The platform's own error pages, in the reader's language (inspir/core/views.py).
handler400 = "inspir.core.views.bad_request"
handler403 = "inspir.core.views.permission_denied"
handler404 = "inspir.core.views.page_not_found"
handler500 = "inspir.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
