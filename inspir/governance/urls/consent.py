from django.urls import path

from inspir.governance.views import consent

urlpatterns = [
    path("committees/<slug:slug>/rounds/new/", consent.round_create, name="round_create"),
    path("decisions/<int:pk>/position/", consent.position_state, name="position_state"),
    path(
        "decisions/<int:pk>/positions/record/",
        consent.position_record,
        name="position_record",
    ),
]
