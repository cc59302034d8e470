from typing import Any

from allauth.account.internal.flows.login import record_authentication
from allauth.core import ratelimit
from allauth.core.internal import ratelimit as limiter
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from inspir.accounts import privacy, selectors, services
from inspir.accounts.forms import (
    AcceptInvitationForm,
    EraseAccountForm,
    InvitationForm,
    ProfileForm,
)
from inspir.accounts.models import Invitation, NetworkRole
from inspir.accounts.permissions import (
    Action,
    may_oversee_mail,
    network_ids_where,
    networks_where,
)
from inspir.core.collation import name_order
from inspir.core.forms import report_resend
from inspir.core.my_work import next_profile_step_url
from inspir.core.submit_once import submit_once
from inspir.core.versioning import save_edit
from inspir.network import selectors as network_selectors


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    roles = (
        NetworkRole.objects.filter(user_id=request.user.pk or 0)
        .select_related("network")
        .order_by("network__level", name_order("network__"))
    )
    # Coordinators both invite people and read the activity log.
    is_coordinator = networks_where(request.user, Action.MANAGE_MEMBERS).exists()
    person = (
        network_selectors.person_with_details(pk=request.user.person_id)  # type: ignore[union-attr]
        if request.user.person_id  # type: ignore[union-attr]
        else None
    )
    context = {
        "roles": roles,
        "is_coordinator": is_coordinator,
        "oversees_mail": may_oversee_mail(request.user),
        "person": person,
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def invitation_list(request: HttpRequest) -> HttpResponse:
    networks = networks_where(request.user, Action.MANAGE_MEMBERS)
    if not networks.exists():
        raise Http404
    initial = {"language": translation.get_language()}
    form = InvitationForm(request.POST or None, networks=networks, initial=initial)
    if request.method == "POST" and form.is_valid():
        invitation, _token = services.invitation_create(actor=request.user, **form.cleaned_data)
        messages.success(
            request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
        )
        return redirect("accounts_invitations")
    context = {"form": form, "invitations": selectors.invitations_for(networks=networks)}
    return render(request, "accounts/invitation_list.html", context)


def _managed_invitation(request: HttpRequest, pk: int) -> Invitation:
    """An invitation into a network where the reader manages members; 404 otherwise."""
    networks = networks_where(request.user, Action.MANAGE_MEMBERS)
    return get_object_or_404(
        Invitation.objects.select_related("network"), pk=pk, network__in=networks
    )


@login_required
@require_POST
@submit_once
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _managed_invitation(request, pk)
    services.invitation_revoke(invitation=invitation, actor=request.user)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("accounts_invitations")


@login_required
@require_POST
@submit_once
def invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    """Send again an invitation e-mail that was not delivered, or may not have been."""
    invitation = _managed_invitation(request, pk)
    report_resend(
        request,
        lambda: services.invitation_resend(invitation=invitation, actor=request.user),
        success=_("The invitation to %(email)s is being sent again.") % {"email": invitation.email},
        needless=_("This invitation's e-mail needs no resending."),
    )
    return redirect("accounts_invitations")


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    # The link's token is the secret here: guessing it, even by merely opening links, is
    # throttled like a password (allauth's limiter, which leaves GET alone unless asked).
    if not limiter.consume(
        request, app="allauth.account", action="invitation_accept", limit_get=True
    ):
        return ratelimit.respond_429(request)
    try:
        invitation = services.invitation_get_by_token(token)
    except services.InvitationUnusableError as unusable:
        return render(
            request, "accounts/invitation_unusable.html", {"reason": unusable.reason}, status=410
        )
    logged_in = request.user.is_authenticated
    form = None if logged_in else AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and (form is None or form.is_valid()):
        data = form.cleaned_data if form is not None else {}
        try:
            user = services.invitation_accept(
                invitation=invitation,
                user=request.user if logged_in else None,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                password=data.get("password1", ""),
            )
        except services.InvitationUnusableError as unusable:
            return render(request, "accounts/invitation_unusable.html", {"reason": unusable.reason})
        except ValidationError as weak:
            if form is not None:  # only new accounts choose a password
                form.add_error("password1", weak)
        else:
            if not logged_in:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                # Recorded as allauth records a log-in: the password was chosen a moment
                # ago, so setting up a second factor next does not ask for it again.
                record_authentication(request, user, method="password", email=user.email)
            messages.success(
                request,
                _("Welcome to %(network)s.") % {"network": invitation.network.name},
            )
            # Next, who they are in the network: unless they said so already.
            return redirect("accounts_profile" if user.person_id else "accounts_profile_edit")
    context = {"invitation": invitation, "form": form}
    return render(request, "accounts/invitation_accept.html", context)


def _profile_initial(person: Any) -> dict[str, Any]:
    """The profile form's values for a saved person (also the saved side of an edit conflict)."""
    return {
        "version": person.version,
        "name": person.name,
        "organisation": person.organisation_id,
        "country": person.country_id,
        "time_zone": person.time_zone,
        "languages": list(person.languages),
        "preferred_language": person.languages[0] if person.languages else "",
        "writes_languages": list(person.writes_languages),
        "phone": person.phone,
    }


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def profile_edit(request: HttpRequest) -> HttpResponse:
    """Who one is in the network: completed after accepting an invitation, edited later."""
    user = request.user
    person = user.person if user.person_id else None  # type: ignore[union-attr]
    network_ids = network_ids_where(user, Action.VIEW_INTERNAL)
    if person is not None:
        initial = _profile_initial(person)
    else:
        initial = {"version": 0, "name": user.get_full_name()}  # type: ignore[union-attr]
    form = ProfileForm(
        request.POST or None,
        initial=initial,
        person=person,
        organisations=network_selectors.profile_organisations(
            network_ids=network_ids, keep=person.organisation_id if person else None
        ),
        network_countries=network_selectors.profile_network_countries(network_ids=network_ids),
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, conflict = save_edit(
            request,
            form,
            lambda: services.profile_save(
                user=user, version=form.cleaned_data["version"], **form.profile_data()
            ),
            success=_("Your profile is saved."),
            values=_profile_initial,
        )
        if saved:
            # A profile just completed: on through the steps other apps keep (the hours at
            # which one accepts to meet), then to "my work".
            if person is not None:
                return redirect("accounts_profile")
            user.refresh_from_db(fields=["person"])  # type: ignore[union-attr]  # now linked
            return redirect(next_profile_step_url(user))
    context = {"form": form, "person": person, "conflict": conflict}
    return render(request, "accounts/profile_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request: HttpRequest) -> HttpResponse:
    """Download everything the platform holds about me, or have it erased."""
    if request.method == "POST":  # erasing asks for the password: throttled like a log-in
        too_many = ratelimit.consume_or_429(request, action="reauthenticate", user=request.user)
        if too_many is not None:
            return too_many
    form = EraseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        privacy.account_erase(user=request.user, actor=request.user)  # type: ignore[arg-type]
        logout(request)
        messages.success(request, _("Your personal data was erased. Goodbye."))
        return redirect("core:home")
    return render(request, "accounts/my_data.html", {"form": form})


@login_required
def my_data_download(request: HttpRequest) -> HttpResponse:
    archive = privacy.personal_data_zip(request.user)  # type: ignore[arg-type]
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="inspir-my-data.zip"'
    return response
