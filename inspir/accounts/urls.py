from django.urls import include, path

from inspir.accounts import views

urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("profile/edit/", views.profile_edit, name="accounts_profile_edit"),
    path("my-data/", views.my_data, name="accounts_my_data"),
    path("my-data/download/", views.my_data_download, name="accounts_my_data_download"),
    path("invitations/", views.invitation_list, name="accounts_invitations"),
    path(
        "invitations/<int:pk>/withdraw/",
        views.invitation_revoke,
        name="accounts_invitation_revoke",
    ),
    path(
        "invitations/<int:pk>/send-again/",
        views.invitation_resend,
        name="accounts_invitation_resend",
    ),
    path("invitation/<str:token>/", views.invitation_accept, name="accounts_invitation_accept"),
    path("", include("allauth.urls")),
]
