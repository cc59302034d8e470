from django.urls import path

from inspir.governance.views import committees

urlpatterns = [
    path("", committees.committee_list, name="committee_list"),
]
