from django.urls import path

from inspir.governance.views import proposals

urlpatterns = [
    path("proposals/", proposals.proposal_list, name="proposal_list"),
    path("proposals/new/", proposals.proposal_create, name="proposal_create"),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal_detail"),
    path("proposals/<int:pk>/edit/", proposals.proposal_edit, name="proposal_edit"),
    path("proposals/<int:pk>/comments/", proposals.proposal_comment, name="proposal_comment"),
    # submit, forward, take-up, schedule, withdraw (POST); any other action is not found.
    path("proposals/<int:pk>/<str:action>/", proposals.proposal_action, name="proposal_action"),
]
