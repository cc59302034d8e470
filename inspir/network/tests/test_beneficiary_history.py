"""An organisation's number of direct beneficiaries is kept year by year: the profile holds the
latest figure, and a new year's figure leaves the earlier ones for the reports of their year."""

import datetime
import importlib

import pytest
from django.apps import apps

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.network.models import BeneficiaryCount, Network
from inspir.network.selectors import key_figures
from inspir.network.services import organisation_update
from inspir.network.tests.factories import CountryFactory, continental, member_of, national

pytestmark = pytest.mark.django_db

END_OF = {year: datetime.date(year, 12, 31) for year in (2019, 2020, 2021, 2022)}


@pytest.fixture
def benin():
    return national(continental(), name="Benin network")


@pytest.fixture
def union(benin):
    """A member with its 2020 figure saved through its profile."""
    organisation = member_of(benin, country=CountryFactory(code="BJ"), beneficiaries=None)
    profile_save(organisation, benin, beneficiaries=18_500, beneficiaries_year=2020)
    organisation.refresh_from_db()
    return organisation


def profile_save(organisation, network, **data):
    organisation.refresh_from_db()
    return organisation_update(
        organisation=organisation,
        actor=user_with_role(network, Role.COORDINATOR),
        version=organisation.version,
        data=data,
    )


def beneficiaries_on(year: int, network: Network | None = None) -> int:
    scope = None if network is None else [network.pk]
    return key_figures(on=END_OF[year], network_ids=scope).direct_beneficiaries


def test_the_profile_keeps_its_figure_under_its_year(union):
    assert list(union.beneficiary_counts.values_list("year", "beneficiaries")) == [(2020, 18_500)]


def test_a_2021_figure_leaves_the_2020_key_figures_as_they_were(benin, union):
    before = key_figures(on=END_OF[2020])

    profile_save(union, benin, beneficiaries=21_000, beneficiaries_year=2021)

    assert key_figures(on=END_OF[2020]) == before
    assert beneficiaries_on(2020) == 18_500
    assert beneficiaries_on(2021) == beneficiaries_on(2022) == 21_000
    assert beneficiaries_on(2019) == 0  # no figure for 2019 or before
    assert list(union.beneficiary_counts.values_list("year", "beneficiaries")) == [
        (2021, 21_000),
        (2020, 18_500),
    ]


def test_a_figure_corrected_for_its_year_replaces_it(benin, union):
    profile_save(union, benin, beneficiaries=19_000)

    assert list(union.beneficiary_counts.values_list("year", "beneficiaries")) == [(2020, 19_000)]
    assert beneficiaries_on(2020) == 19_000


def test_an_edit_without_a_figure_keeps_the_years_kept(benin, union):
    profile_save(union, benin, beneficiaries=None, beneficiaries_year=None, acronym="UC")

    assert BeneficiaryCount.objects.filter(organisation=union).count() == 1
    assert beneficiaries_on(2020) == 18_500


def test_a_figure_written_outside_the_profile_still_counts_for_its_year(benin):
    # The demo's loader and bulk copies write the profile's columns only.
    member_of(benin, beneficiaries=500, beneficiaries_year=2021)

    assert (beneficiaries_on(2020), beneficiaries_on(2021)) == (0, 500)


def test_the_beneficiaries_are_summed_within_the_networks_given(benin, union):
    elsewhere = national(continental(benin.parent.parent))
    member_of(elsewhere, beneficiaries=700, beneficiaries_year=2020)

    assert beneficiaries_on(2020) == 19_200
    assert beneficiaries_on(2020, benin) == 18_500


def test_the_migration_copies_the_figures_the_profiles_held(benin):
    kept = member_of(benin, beneficiaries=4_300, beneficiaries_year=2019)
    member_of(benin, beneficiaries=None, beneficiaries_year=None)
    migration = importlib.import_module("inspir.network.migrations.0010_beneficiary_counts_copy")

    migration.copy_figures(apps, None)
    migration.copy_figures(apps, None)  # again: nothing doubled

    assert list(BeneficiaryCount.objects.values_list("organisation", "year", "beneficiaries")) == [
        (kept.pk, 2019, 4_300)
    ]
