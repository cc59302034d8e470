from django.urls import path

from inspir.governance.views import committees

urlpatterns = [
    path("", committees.committee_list, name="committee_list"),
    path("committees/<slug:slug>/", committees.committee_detail, name="committee_detail"),
    path(
        "committees/<slug:slug>/mandates/new/",
        committees.mandate_create,
        name="mandate_create",
    ),
    path(
        "committees/<slug:slug>/mandates/",
        committees.committee_mandates,
        name="committee_mandates",
    ),
    path("mandates/<int:pk>/end/", committees.mandate_end, name="mandate_end"),
    path("mandates/<int:pk>/withdraw/", committees.mandate_withdraw, name="mandate_withdraw"),
    path(
        "committees/<slug:slug>/rules/new/",
        committees.seat_rule_create,
        name="seat_rule_create",
    ),
    path("rules/<int:pk>/edit/", committees.seat_rule_edit, name="seat_rule_edit"),
    path(
        "committees/<slug:slug>/quorum/",
        committees.committee_quorum,
        name="committee_quorum",
    ),
]
