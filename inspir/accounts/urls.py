from django.urls import include, path

from inspir.accounts import views

urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("invitations/", views.invitation_list, name="accounts_invitations"),
    path(
        "invitations/<int:pk>/withdraw/",
        views.invitation_revoke,
        name="accounts_invitation_revoke",
    ),
    path("invitation/<str:token>/", views.invitation_accept, name="accounts_invitation_accept"),
    path("", include("allauth.urls")),
]
