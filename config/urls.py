from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("inspir.core.urls")),
    path("", include("inspir.network.urls")),
    path("governance/", include("inspir.governance.urls")),
    path("accounts/", include("inspir.accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
