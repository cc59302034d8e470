from django.urls import path

from inspir.core import history_views, my_work_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("my-work/", my_work_views.my_work, name="my_work"),
    path("activity/", views.audit_list, name="audit_list"),
    path("history/<slug:kind>/<int:pk>/", history_views.history_list, name="history_list"),
    path(
        "history/<slug:kind>/<int:pk>/<int:version>/",
        history_views.revision_detail,
        name="revision_detail",
    ),
    path(
        "history/<slug:kind>/<int:pk>/<int:version>/restore/",
        history_views.revision_restore,
        name="revision_restore",
    ),
    path("mail/undelivered/", views.undelivered_mail, name="undelivered_mail"),
    path(
        "mail/undelivered/<int:pk>/send-again/",
        views.undelivered_mail_resend,
        name="undelivered_mail_resend",
    ),
    path(
        "mail/undelivered/<int:pk>/set-aside/",
        views.undelivered_mail_dismiss,
        name="undelivered_mail_dismiss",
    ),
]
