"""The reader's own page, "My work": what is waiting for them, from every app
(core/my_work.py). The landing page after log-in (LOGIN_REDIRECT_URL)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from inspir.core.my_work import work_for


@login_required
@require_safe
def my_work(request: HttpRequest) -> HttpResponse:
    sections = work_for(request.user)
    waiting = sum(len(section.items) for section in sections)
    return render(request, "core/my_work.html", {"sections": sections, "waiting": waiting})
