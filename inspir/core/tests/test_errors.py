"""The services' shared error vocabulary (core/errors.py): each refusal is also the Django
exception the view edge already knows, so an uncaught one gives the right page."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation

from inspir.accounts.services import InvitationUnusableError
from inspir.core.errors import Conflict, Invalid, NotFound, Refused, ServiceError
from inspir.core.forms import add_service_errors
from inspir.core.versioning import EditConflict
from inspir.governance.services.decisions import FollowUpConflictError
from inspir.governance.services.meetings import AttendanceConflictError
from inspir.governance.services.preparation import InputConflictError
from inspir.governance.services.proposals import ProposalEditConflictError


def test_every_refusal_is_a_service_error_and_the_django_exception_the_view_edge_knows():
    assert issubclass(Refused, ServiceError) and issubclass(Refused, PermissionDenied)
    assert issubclass(NotFound, ServiceError) and issubclass(NotFound, Http404)
    assert issubclass(Invalid, ServiceError) and issubclass(Invalid, ValidationError)
    assert issubclass(Conflict, ServiceError) and issubclass(Conflict, ValidationError)
    assert issubclass(EditConflict, Conflict)


@pytest.mark.parametrize(
    "domain_error, family",
    [
        (InputConflictError, Conflict),
        (AttendanceConflictError, Conflict),
        (ProposalEditConflictError, EditConflict),
        (FollowUpConflictError, EditConflict),
        (InvitationUnusableError, Invalid),
    ],
)
def test_the_domains_names_belong_to_the_family(domain_error, family):
    assert issubclass(domain_error, family)


def test_no_app_defines_its_own_permission_or_conflict_exception():
    import inspir.accounts.services as accounts
    import inspir.governance.services.meetings as meetings
    import inspir.network.services as network

    assert not hasattr(accounts, "PermissionDeniedError")
    assert not hasattr(network, "PermissionDeniedError")
    assert not hasattr(network, "EditConflictError")
    assert not hasattr(meetings, "EditConflictError")


def test_an_invalid_carries_field_errors_to_the_form():
    from django import forms

    class Form(forms.Form):
        name = forms.CharField()

    form = Form({"name": "x"})
    assert form.is_valid()
    add_service_errors(form, Invalid({"name": "Too short.", "other": "Elsewhere."}))
    assert form.errors["name"] == ["Too short."]
    assert form.non_field_errors() == ["Elsewhere."]


def test_messages_are_translated_when_read():
    refused, conflict = Refused(), Conflict()
    with translation.override("fr"):
        assert refused.text == "Vous n’avez pas le droit de faire cela."
        assert conflict.text.startswith("Quelqu’un d’autre a enregistré ceci")
    with translation.override("es"):
        assert conflict.text.startswith("Otra persona guardó esto")
    assert Invalid("Bad.").text == "Bad."


def test_an_uncaught_refusal_is_the_403_page_and_not_found_the_404():
    from django.core.handlers.exception import response_for_exception

    request = RequestFactory().get("/")
    assert response_for_exception(request, Refused()).status_code == 403
    assert response_for_exception(request, NotFound()).status_code == 404
