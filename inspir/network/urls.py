from django.urls import path

from inspir.network import views

app_name = "network"

urlpatterns = [
    path("networks/", views.network_tree, name="network_tree"),
    path("networks/<slug:slug>/", views.network_detail, name="network_detail"),
    path("networks/<slug:slug>/edit/", views.network_edit, name="network_edit"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/export.csv", views.organisation_export, name="organisation_export"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("map/", views.members_map, name="members_map"),
    path("people/", views.person_list, name="person_list"),
]
