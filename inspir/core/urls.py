from django.urls import path

from inspir.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("activity/", views.audit_list, name="audit_list"),
]
