import csv

import pytest

from inspir.network.models import Country
from inspir.network.reference import COUNTRIES_CSV, countries_sync, country_time_zones

pytestmark = pytest.mark.django_db


def test_every_csv_country_is_created_with_its_capital_zone_first():
    count = countries_sync()

    with COUNTRIES_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert count == len(rows) == Country.objects.count() == 30
    for row in rows:
        assert Country.objects.get(code=row["iso2"]).time_zones[0] == row["capital_tz"]


def test_syncing_again_changes_nothing():
    countries_sync()
    before = list(Country.objects.values_list("code", "time_zones"))

    countries_sync()

    assert list(Country.objects.values_list("code", "time_zones")) == before


def test_a_country_gets_its_other_zones_from_tzdata_once_each():
    assert country_time_zones("CD", "Africa/Kinshasa") == ["Africa/Kinshasa", "Africa/Lubumbashi"]
    zones = country_time_zones("ID", "Asia/Jakarta")
    assert zones[0] == "Asia/Jakarta"
    assert {"Asia/Makassar", "Asia/Jayapura"} <= set(zones)
    assert len(zones) == len(set(zones))


def test_a_country_with_one_zone_keeps_its_capital_s_name():
    assert country_time_zones("BJ", "Africa/Porto-Novo") == ["Africa/Porto-Novo"]


def test_an_unknown_zone_is_refused():
    with pytest.raises(ValueError):
        country_time_zones("BJ", "Africa/Atlantis")


def test_names_come_from_cldr_in_the_reader_s_language():
    countries_sync()

    benin = Country.objects.get(code="BJ")
    assert (benin.name_in("fr"), benin.name_in("es"), benin.name_in("en")) == (
        "Bénin",
        "Benín",
        "Benin",
    )
