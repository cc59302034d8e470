from django.urls import URLPattern, path

from inspir.governance.views import slots

urlpatterns: list[URLPattern] = [
    path("committees/<slug:slug>/slots/", slots.slot_finder, name="slot_finder"),
    path("my-hours/", slots.available_hours, name="available_hours"),
]
