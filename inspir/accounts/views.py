from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from inspir.accounts.models import NetworkRole


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    roles = (
        NetworkRole.objects.filter(user_id=request.user.pk or 0)
        .select_related("network")
        .order_by("network__level", "network__name")
    )
    return render(request, "accounts/profile.html", {"roles": roles})
