"""Naming a translator: the people offered say which languages they write (their profile)."""

import pytest
from django.utils import translation

from inspir.accounts.models import User
from inspir.accounts.tests.factories import UserFactory
from inspir.network.tests.factories import PersonFactory
from inspir.translations.forms import TranslatorForm

pytestmark = pytest.mark.django_db


def test_the_people_offered_say_which_languages_they_write():
    writer = UserFactory(person=PersonFactory(name="Awa Diop", writes_languages=["fr", "es"]))
    silent = UserFactory(person=PersonFactory(name="Kofi Mensah"))

    with translation.override("es"):
        form = TranslatorForm(candidates=User.objects.filter(pk__in=[writer.pk, silent.pk]))
        labels = {str(label) for _pk, label in list(form.fields["user"].choices)[1:]}

    assert f"Awa Diop ({writer.email}) — escribe francés, español" in labels
    assert f"Kofi Mensah ({silent.email})" in labels
