from django.urls import path

from inspir.governance.views import calendar

urlpatterns = [
    path(
        "meetings/<int:pk>/meeting.ics",
        calendar.meeting_ics_download,
        name="meeting_ics",
    ),
    path(
        "committees/<slug:slug>/calendar.ics",
        calendar.committee_feed,
        name="committee_feed",
    ),
    path("calendar/", calendar.calendar_feed_settings, name="calendar_feed_settings"),
    path("calendar/<str:token>.ics", calendar.person_feed, name="person_feed"),
]
