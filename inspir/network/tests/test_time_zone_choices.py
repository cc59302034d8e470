"""The time zones a person chooses from: canonical ones only, their country's first."""

import pytest

from inspir.network.forms import time_zone_choices
from inspir.network.models import Country
from inspir.network.reference import canonical_zones

pytestmark = pytest.mark.django_db


def offered(groups) -> list[str]:
    return [zone for _label, zones in groups for zone, _name in zones]


def test_only_canonical_zones_are_offered_never_obsolete_aliases():
    zones = canonical_zones()

    assert {"UTC", "Africa/Porto-Novo", "America/La_Paz", "Asia/Kolkata"} <= set(zones)
    assert not {"Asia/Calcutta", "US/Eastern", "Europe/Kiev", "GB", "Etc/GMT+5"} & set(zones)


def test_the_countrys_zones_come_first_then_the_networks_countries_each_zone_once():
    benin = Country(code="BJ", time_zones=["Africa/Porto-Novo"])
    togo = Country(code="TG", time_zones=["Africa/Lome"])

    groups = time_zone_choices(country=benin, network_countries=[benin, togo])

    assert [zone for zone, _name in groups[0][1]] == ["Africa/Porto-Novo"]
    assert [zone for zone, _name in groups[1][1]] == ["Africa/Lome"]
    zones = offered(groups)
    assert len(zones) == len(set(zones)) == len(canonical_zones())


def test_an_obsolete_zone_already_chosen_stays_offered():
    groups = time_zone_choices(country=None, network_countries=[], keep="Asia/Calcutta")

    assert "Asia/Calcutta" in offered(groups)
