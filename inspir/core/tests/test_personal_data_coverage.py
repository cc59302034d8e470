"""Every model that holds data about a person is in "download all my data" and in the
erasure: the platform's models are walked, as the permission matrix walks its URLs."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

from inspir.core.personal_data import covered_models, providers

ADDRESS_FIELD_NAMES = {"email", "recipient"}


def _points_at_a_person(model: type[models.Model]) -> list[str]:
    """The fields of `model` that lead to a person: a link to an account or to a person of
    the registry, or an e-mail address."""
    people = {get_user_model(), apps.get_model("network", "Person")}
    fields = []
    for field in model._meta.get_fields():
        if not isinstance(field, models.Field):
            continue  # reverse relations are walked from the model that holds them
        if field.is_relation and field.related_model in people:
            fields.append(field.name)
        elif isinstance(field, models.EmailField) or field.name in ADDRESS_FIELD_NAMES:
            fields.append(field.name)
        elif field.name.endswith("_email"):
            fields.append(field.name)
    return fields


def _personal_models() -> dict[str, list[str]]:
    return {
        model._meta.label: fields
        for model in apps.get_models()
        if (fields := _points_at_a_person(model))
    }


def test_every_model_that_points_at_a_person_is_exported_and_erased():
    uncovered = {
        label: fields
        for label, fields in _personal_models().items()
        if label not in covered_models()
    }

    assert not uncovered, (
        "These models hold data about a person but no personal-data provider declares them "
        f"(core/personal_data.py; register one from the app's AppConfig): {uncovered}"
    )


def test_the_walk_finds_what_a_person_wrote_and_decided_in_governance():
    found = _personal_models()

    assert {
        "governance.Proposal",
        "governance.ProposalComment",
        "governance.ConsentRecord",
        "governance.AvailableHours",
        "governance.CalendarFeed",
        "core.OutgoingEmail",
        "network.Person",
    } <= found.keys()


def test_every_declared_model_exists_and_every_provider_exports_and_erases():
    installed = {model._meta.label for model in apps.get_models()}

    assert covered_models() <= installed
    assert {p.name for p in providers()} >= {"core", "network", "accounts", "governance"}
    for provider in providers():
        assert callable(provider.export) and callable(provider.erase)


@pytest.mark.django_db
def test_each_provider_exports_different_files():
    from inspir.accounts.privacy import personal_data
    from inspir.accounts.tests.factories import UserFactory

    data = personal_data(UserFactory())

    assert {"account", "person", "activity", "proposals", "consent_positions"} <= data.keys()
