"""Governance addresses, one module per part (committees, meetings, calendar, preparation,
proposals, decisions), so that each part's pages sit beside its views."""

from inspir.governance.urls import (
    calendar,
    committees,
    consent,
    decisions,
    meetings,
    preparation,
    proposals,
    slots,
)

app_name = "governance"

urlpatterns = [
    *committees.urlpatterns,
    *meetings.urlpatterns,
    *calendar.urlpatterns,
    *slots.urlpatterns,
    *preparation.urlpatterns,
    *proposals.urlpatterns,
    *decisions.urlpatterns,
    *consent.urlpatterns,
]
