from django.urls import path

from inspir.translations import views

app_name = "translations"

urlpatterns = [
    path("", views.home, name="home"),
    path("ask/", views.ask, name="ask"),
    path("coverage/", views.coverage, name="coverage"),
    path("text/<int:original>/<str:language>/", views.edit, name="edit"),
    path("text/<int:original>/<str:language>/review/", views.review, name="review"),
    path("text/<int:original>/<str:language>/machine/", views.machine, name="machine"),
    path("translators/<slug:slug>/", views.translators, name="translators"),
    path(
        "translators/<slug:slug>/<int:pk>/remove/",
        views.translator_remove,
        name="translator_remove",
    ),
    path("<slug:network>/<str:language>/", views.queue, name="queue"),
    path("<slug:network>/<str:language>/export/", views.export, name="export"),
    path("<slug:network>/<str:language>/import/", views.import_file, name="import"),
]
