from django.urls import path

from inspir.newsletters.views import editors, public

app_name = "newsletters"

urlpatterns = [
    path("", public.archive, name="archive"),
    path("network/<slug:slug>/", public.network_archive, name="network_archive"),
    path("issue/<int:pk>/", public.public_issue, name="public_issue"),
    path("subscribe/", public.subscribe, name="subscribe"),
    path("subscribe/sent/", public.subscribe_sent, name="subscribe_sent"),
    path("confirm/<str:token>/", public.confirm, name="confirm"),
    path("preferences/<str:token>/", public.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("issues/", editors.issue_list, name="issue_list"),
    path("issues/new/", editors.issue_create, name="issue_create"),
    path("issues/<int:pk>/", editors.issue_detail, name="issue_detail"),
    path("issues/<int:pk>/edit/", editors.issue_edit, name="issue_edit"),
    path("issues/<int:pk>/preview/", editors.issue_preview, name="issue_preview"),
    path("issues/<int:pk>/test/", editors.issue_test, name="issue_test"),
    path("issues/<int:pk>/send/", editors.issue_send, name="issue_send"),
]
