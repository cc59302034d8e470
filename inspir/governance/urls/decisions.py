from django.urls import path

from inspir.governance.views import decisions

urlpatterns = [
    path("decisions/", decisions.decision_list, name="decision_list"),
    path(
        "meetings/<int:pk>/decisions/new/",
        decisions.decision_create,
        name="decision_create",
    ),
    path("decisions/<int:pk>/", decisions.decision_detail, name="decision_detail"),
    path(
        "decisions/<int:pk>/follow-ups/",
        decisions.follow_up_board,
        name="follow_up_board",
    ),
    path(
        "follow-ups/<int:pk>/report/",
        decisions.follow_up_report,
        name="follow_up_report",
    ),
    path(
        "follow-ups/<int:pk>/cascade/",
        decisions.follow_up_cascade,
        name="follow_up_cascade",
    ),
]
