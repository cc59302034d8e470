from django.urls import path

from inspir.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("activity/", views.audit_list, name="audit_list"),
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
