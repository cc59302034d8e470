import datetime
import importlib
import pkgutil

import pytest
from django import forms
from django.utils import translation

import inspir
from inspir.core.forms import (
    DateField,
    HiddenStateMixin,
    validate_date_in_range,
)
from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory


class ArchiveForm(forms.Form):
    day = DateField()


@pytest.mark.parametrize("typed", ["1899-12-31", "2101-01-01", "0001-01-01", "9999-12-31"])
def test_a_date_outside_the_platforms_range_is_refused_in_the_readers_language(typed):
    with translation.override("fr"):
        form = ArchiveForm({"day": typed})

        assert form.errors["day"] == [
            "Saisissez une date entre le 1 janvier 1900 et le 31 décembre 2100."
        ]


@pytest.mark.parametrize("typed", ["1900-01-01", "2026-03-29", "2100-12-31"])
def test_a_date_inside_the_range_is_accepted(typed):
    form = ArchiveForm({"day": typed})

    assert form.is_valid()
    assert form.cleaned_data["day"] == datetime.date.fromisoformat(typed)


def _platform_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(inspir.__path__, "inspir."):
        if module.name.endswith(".forms") or ".forms." in module.name:
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("inspir.") and ".tests." not in subclass.__module__:
                found.append(subclass)
    return found


def test_every_date_field_of_the_platform_keeps_dates_in_range():
    unbounded = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _platform_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DateField | forms.DateTimeField)
        and validate_date_in_range not in field.validators
    ]

    assert _platform_forms(), "no form found"
    assert unbounded == []


def test_every_form_with_hidden_state_says_when_it_is_altered():
    silent = [
        f"{form.__module__}.{form.__name__}"
        for form in _platform_forms()
        if any(field.widget.is_hidden for field in form.base_fields.values())
        and not issubclass(form, HiddenStateMixin)
    ]

    assert silent == []


class VersionedForm(HiddenStateMixin, forms.Form):
    title = forms.CharField()
    version = forms.IntegerField(widget=forms.HiddenInput)


def test_an_unreadable_hidden_field_is_named_and_replaced_by_the_current_value():
    with translation.override("fr"):
        form = VersionedForm({"title": "Budget", "version": "abc"}, initial={"version": 7})

        assert not form.is_valid()
        assert form.non_field_errors() == [
            "Cette page n’est plus à jour ; en voici la version actuelle."
        ]
    assert "version" not in form.errors
    assert form["version"].value() == "7"
    assert form["title"].value() == "Budget"


def test_a_valid_hidden_field_is_left_alone():
    form = VersionedForm({"title": "Budget", "version": "3"}, initial={"version": 7})

    assert form.is_valid()
    assert form.cleaned_data["version"] == 3


class NetworksForm(forms.Form):
    # Django's own field: inspir/core/lookups.py keeps its query from failing.
    networks = forms.ModelMultipleChoiceField(queryset=Network.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["99999999999999999999", "-99999999999999999999"])
def test_an_id_too_large_for_the_database_is_an_unknown_choice(typed):
    network = NetworkFactory()

    form = NetworksForm({"networks": [str(network.pk), typed]})

    assert not form.is_valid()
    assert form.errors["networks"][0].startswith("Select a valid choice.")
