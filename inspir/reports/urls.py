from django.urls import URLPattern, path

from inspir.reports import views

app_name = "reports"

urlpatterns: list[URLPattern] = [
    path("", views.report_list, name="report_list"),
    # Before a network's addresses, so that no network's short address can clash.
    path("editions/<int:pk>/", views.edition_download, name="edition_download"),
    path("editions/<int:pk>/publish/", views.edition_publish, name="edition_publish"),
    path("<slug:slug>/<int:year>/", views.report_detail, name="report_detail"),
    path("<slug:slug>/<int:year>/preview/", views.report_preview, name="report_preview"),
    path("<slug:slug>/<int:year>/texts/", views.report_text_edit, name="report_text_edit"),
    path("<slug:slug>/<int:year>/generate/", views.editions_generate, name="editions_generate"),
]
