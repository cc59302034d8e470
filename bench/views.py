"""The baseline: the cheapest page the stack can serve (one template, one variable, no query),
through the same middleware, template engine and context processors as every real page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def baseline(request: HttpRequest) -> HttpResponse:
    return render(request, "bench/baseline.html", {"message": "Hello from the baseline."})
