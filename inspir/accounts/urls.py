from django.urls import include, path

from inspir.accounts import views

urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("", include("allauth.urls")),
]
