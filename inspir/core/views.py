from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inspir.network.selectors import key_figures


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"figures": key_figures().as_list()})
