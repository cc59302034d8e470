"""The view edge's shared helpers: fetching one record or the 404 page, reporting a button's
service refusal, saving a form and saving an edit of a versioned record."""

from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.test import RequestFactory

from inspir.core.errors import Invalid, Refused, found_or_404
from inspir.core.forms import report_resend, report_service_call, save_form
from inspir.core.mail import NotResendableError
from inspir.core.versioning import EditConflict, save_edit


def _request(data=None):
    request = RequestFactory().post("/", data or {})
    request.session = SessionBase()
    request._messages = FallbackStorage(request)
    return request


def _said(request):
    return [(message.level_tag, str(message)) for message in get_messages(request)]


class _Form(forms.Form):
    title = forms.CharField()
    version = forms.IntegerField(widget=forms.HiddenInput)


def test_found_or_404_gives_what_the_selector_fetched_or_the_404_page():
    assert found_or_404(lambda *, pk: pk * 2, pk=21) == 42

    def missing(**kwargs):
        raise ObjectDoesNotExist

    with pytest.raises(Http404):
        found_or_404(missing, pk=1)


def test_a_button_reports_the_service_refusal_or_its_success():
    request = _request()
    assert report_service_call(request, lambda: None, success="Done.")

    def refuse():
        raise Invalid("Not now.")

    assert not report_service_call(request, refuse, success="Done.")
    assert _said(request) == [("success", "Done."), ("error", "Not now.")]


def test_a_resend_button_says_sent_needless_or_the_refusal():
    request = _request()
    assert report_resend(request, lambda: None, success="Sent again.", needless="No need.")

    def needless():
        raise NotResendableError

    def refuse():
        raise Invalid("Gone.")

    assert not report_resend(request, needless, success="Sent again.", needless="No need.")
    assert not report_resend(request, refuse, success="Sent again.", needless="No need.")
    assert _said(request) == [("success", "Sent again."), ("info", "No need."), ("error", "Gone.")]


def test_a_button_leaves_a_forbidden_call_to_the_403_page():
    def forbid():
        raise Refused

    with pytest.raises(Refused):
        report_service_call(_request(), forbid, success="Done.")
    with pytest.raises(Refused):
        report_resend(_request(), forbid, success="Sent again.", needless="No need.")


def test_save_edit_says_saved_shows_the_conflict_or_puts_the_refusal_on_the_form():
    request = _request({"title": "Mine", "version": "1"})
    form = _Form(request.POST)
    assert form.is_valid()
    assert save_edit(request, form, lambda: None, success="Saved.") == (True, None)
    assert _said(request) == [("success", "Saved.")]

    def conflict():
        raise EditConflict(saved=SimpleNamespace(title="Theirs", version=2))

    saved, table = save_edit(request, form, conflict, success="Saved.", message="Changed.")
    assert not saved and [row.name for row in table] == ["title"]
    assert form.data["version"] == "2" and "Changed." in form.non_field_errors()

    form = _Form(request.POST)
    assert form.is_valid()

    def refuse():
        raise ValidationError({"title": "Too long."})

    assert save_edit(request, form, refuse, success="Saved.") == (False, None)
    assert form.errors["title"] == ["Too long."]


def test_save_form_says_done_and_redirects_or_puts_the_refusal_on_the_form():
    request = _request({"title": "Mine", "version": "1"})
    form = _Form(request.POST)
    assert form.is_valid()
    response = save_form(request, form, lambda: "Mine", success="Saved.", then="/done/")
    assert response.status_code == 302 and response.url == "/done/"
    response = save_form(
        request,
        form,
        lambda: SimpleNamespace(title="New", url="/new/"),
        success=lambda made: f"{made.title} made.",
        then=lambda made: made.url,
    )
    assert response.url == "/new/"
    assert _said(request) == [("success", "Saved."), ("success", "New made.")]

    def refuse():
        raise ValidationError({"title": "Too long.", "other": "Not now."})

    assert save_form(request, form, refuse, success="Saved.", then="/done/") is None
    assert form.errors["title"] == ["Too long."] and "Not now." in form.non_field_errors()


def test_save_form_leaves_a_forbidden_call_to_the_403_page():
    def forbid():
        raise Refused

    form = _Form({"title": "Mine", "version": "1"})
    with pytest.raises(Refused):
        save_form(_request(), form, forbid, success="Saved.", then="/done/")
