"""The branches and principles a resource is classified by: the rows the migration writes
are the reference's, in the Convention's order, named in the reader's language."""

import importlib

import pytest
from django.utils import translation

from inspir.learning.models import Branch, Principle
from inspir.learning.reference import BRANCH_KEYS, PRINCIPLE_KEYS, branch_name

pytestmark = pytest.mark.django_db


def test_the_migration_writes_every_branch_and_principle_in_order():
    migration = importlib.import_module("inspir.learning.migrations.0001_initial")

    assert migration.BRANCHES == BRANCH_KEYS
    assert migration.PRINCIPLES == PRINCIPLE_KEYS
    assert list(Branch.objects.values_list("key", flat=True)) == list(BRANCH_KEYS)
    assert list(Principle.objects.values_list("key", flat=True)) == list(PRINCIPLE_KEYS)


def test_a_branch_reads_as_the_conventions_part_title_in_the_readers_language():
    with translation.override("es"):
        assert str(Branch.objects.get(key="survivors")) == "Prestaciones de sobrevivientes"
    assert branch_name("family", "fr") == "Prestations aux familles"
    assert branch_name("medical_care", "en") == "Medical Care"
