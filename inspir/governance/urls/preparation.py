from django.urls import path

from inspir.governance.views import preparation

urlpatterns = [
    path(
        "meetings/<int:pk>/circulate-agenda/",
        preparation.agenda_circulate,
        name="agenda_circulate",
    ),
    path(
        "meetings/<int:pk>/publish-agenda/",
        preparation.agenda_publish,
        name="agenda_publish",
    ),
    path(
        "meetings/<int:pk>/inputs/<slug:network>/",
        preparation.input_edit,
        name="input_edit",
    ),
    path(
        "meetings/<int:pk>/inputs/<slug:network>/consult/",
        preparation.consultation_create,
        name="consultation_create",
    ),
]
