"""Committee pages."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inspir.governance.models import Committee


def committee_list(request: HttpRequest) -> HttpResponse:
    committees = Committee.objects.select_related("network")
    return render(request, "governance/committee_list.html", {"committees": committees})
