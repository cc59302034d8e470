from django.urls import path

from inspir.governance.views import meetings

urlpatterns = [
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path(
        "committees/<slug:slug>/meetings/new/",
        meetings.meeting_create,
        name="meeting_create",
    ),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/answer/", meetings.invitation_answer, name="invitation_answer"),
    path("meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/items/new/", meetings.agenda_item_create, name="agenda_item_create"),
    path("items/<int:pk>/edit/", meetings.agenda_item_edit, name="agenda_item_edit"),
    path("items/<int:pk>/delete/", meetings.agenda_item_delete, name="agenda_item_delete"),
    path("items/<int:pk>/move/", meetings.agenda_item_move, name="agenda_item_move"),
    path("items/<int:pk>/documents/new/", meetings.document_upload, name="document_upload"),
    path("documents/<int:pk>/", meetings.document_download, name="document_download"),
    path("documents/<int:pk>/delete/", meetings.document_delete, name="document_delete"),
    path(
        "documents/<int:pk>/visibility/",
        meetings.document_visibility,
        name="document_visibility",
    ),
    path(
        "meetings/<int:pk>/participants/",
        meetings.participants_edit,
        name="participants_edit",
    ),
    path("meetings/<int:pk>/minutes/", meetings.minutes_edit, name="minutes_edit"),
    path(
        "meetings/<int:pk>/minutes/circulate/",
        meetings.minutes_circulate,
        name="minutes_circulate",
    ),
    path(
        "meetings/<int:pk>/minutes/comments/",
        meetings.minutes_comment,
        name="minutes_comment",
    ),
    path(
        "meetings/<int:pk>/minutes/approve/",
        meetings.minutes_approve,
        name="minutes_approve",
    ),
    path(
        "meetings/<int:pk>/minutes/publish/",
        meetings.minutes_publish,
        name="minutes_publish",
    ),
    path(
        "meetings/<int:pk>/minutes/correct/",
        meetings.minutes_correct,
        name="minutes_correct",
    ),
    path(
        "meetings/<int:pk>/minutes/versions/<int:number>/",
        meetings.minutes_version,
        name="minutes_version",
    ),
]
