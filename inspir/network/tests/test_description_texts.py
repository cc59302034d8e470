"""A network's and an organisation's description is a text read in every language
(network/texts.py, decision 0027): kept in the language it was written in, for the
translators of the network it belongs to, with its translations beside it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core.models import TextOriginal, TextTranslation
from inspir.core.texts import shown
from inspir.network.models import Organisation
from inspir.network.tests.factories import (
    CountryFactory,
    MembershipFactory,
    OrganisationFactory,
    continental,
    member_of,
    national,
)
from inspir.network.texts import description_translations_set

pytestmark = pytest.mark.django_db


def original_of(organisation: Organisation) -> TextOriginal:
    return TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=organisation.pk,
        field="description",
    )


def test_an_organisations_description_goes_to_the_translators_of_the_network_it_joins():
    benin = national(continental(), name="INSP!R Bénin")
    organisation = OrganisationFactory(description="A health mutual.")
    assert original_of(organisation).network_id is None  # in no network yet

    membership = MembershipFactory(organisation=organisation, network=benin)
    assert original_of(organisation).network_id == benin.pk

    membership.delete()
    assert original_of(organisation).network_id is None


def test_translations_loaded_again_unchanged_are_not_written_again():
    with translation.override("fr"):
        organisation = OrganisationFactory(description="Une mutuelle.")
    given = {"fr": "Ignored: the original's language.", "en": "A mutual.", "es": ""}

    assert description_translations_set(organisation, given) == 1
    assert description_translations_set(organisation, given) == 0
    assert dict(TextTranslation.objects.values_list("language", "text")) == {"en": "A mutual."}
    assert shown(organisation, "description", "es").status == "missing"
    assert organisation.description == "Une mutuelle."


def test_the_edit_form_says_which_language_the_description_is_kept_in(client):
    benin = national(continental())
    with translation.override("es"):
        member_of(benin, slug="union", country=CountryFactory(code="BJ"), description="Sindicato.")
    client.force_login(user_with_role(benin, Role.COORDINATOR))

    page = BeautifulSoup(client.get("/en/organisations/union/edit/").text, "html.parser")

    assert page.select_one("#id_description")["lang"] == "es"
    assert "The original, in Spanish" in page.get_text()
