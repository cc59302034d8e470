"""Networks carry the day they started and, once dissolved, their last day: the report counts
a network only in the years it existed, and the founding skeleton dates every network from
the history its sources tell."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from inspir.network import founding_data
from inspir.network.founding import founding_network_load
from inspir.network.models import Level, Network
from inspir.network.tests.factories import continental, national

pytestmark = pytest.mark.django_db

D = datetime.date


def test_the_networks_that_exist_on_a_day():
    world = continental().parent
    always = national(continental(world))  # no known start: counted from always
    founded = national(world.children.first(), start_date=D(2021, 5, 1))
    dissolved = national(world.children.first(), start_date=D(2011, 1, 1), end_date=D(2020, 6, 30))

    def existing(day: datetime.date) -> set[int]:
        return set(Network.objects.existing(day).values_list("pk", flat=True))

    assert {always.pk, dissolved.pk} <= existing(D(2020, 6, 30))
    assert founded.pk not in existing(D(2020, 12, 31))
    assert dissolved.pk not in existing(D(2020, 7, 1))
    assert founded.pk in existing(D(2021, 5, 1))
    assert Network.objects.existing().filter(pk=founded.pk).exists()  # today, after 2021


def test_a_network_cannot_end_before_it_started():
    network = national(start_date=D(2014, 1, 1))
    network.end_date = D(2013, 12, 31)

    with pytest.raises(ValidationError) as refused:
        network.full_clean()
    assert "end_date" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        network.save()


def test_the_skeleton_dates_each_network_by_the_history_of_its_sources():
    founding_network_load()

    starts = dict(Network.objects.values_list("slug", "start_date"))
    assert starts[founding_data.INTERCONTINENTAL] == D(2019, 11, 29)  # Geneva
    continental = [spec.slug for spec in founding_data.NETWORKS if spec.level == "continental"]
    assert {starts[slug] for slug in continental} == {D(2014, 1, 1)}
    # The national synergies of 2008, then networking in every programme country from 2011.
    assert starts["inspir-benin"] == starts["rnma-ps-rdc"] == D(2008, 1, 1)
    assert starts["inspir-nepal"] == starts["inspir-guatemala"] == D(2008, 1, 1)
    assert starts["inspir-togo"] == starts["inspir-bolivia"] == D(2011, 1, 1)
    assert not Network.objects.filter(end_date__isnull=False).exists()
    # Every level existed at the end of 2020: the report's 19 and 5.
    in_2020 = Network.objects.existing(D(2020, 12, 31))
    assert (
        in_2020.filter(level=Level.NATIONAL).count(),
        in_2020.filter(level=Level.CONTINENTAL).count(),
    ) == (19, 5)
    assert not Network.objects.existing(D(2019, 11, 28)).filter(level=Level.INTERCONTINENTAL)


def test_loading_again_fills_a_missing_start_and_keeps_an_entered_one():
    founding_network_load()
    Network.objects.filter(slug__in=["inspir-togo", "inspir-mali"]).update(start_date=None)
    Network.objects.filter(slug="inspir-nepal").update(start_date=D(2009, 3, 1))
    # An end entered before the sources' start: no start is made up that would contradict it.
    Network.objects.filter(slug="inspir-mali").update(end_date=D(2010, 1, 1))

    summary = founding_network_load()

    starts = dict(Network.objects.values_list("slug", "start_date"))
    assert starts["inspir-togo"] == D(2011, 1, 1)
    assert starts["inspir-nepal"] == D(2009, 3, 1)
    assert starts["inspir-mali"] is None
    assert (summary.networks_created, summary.start_dates_filled) == (0, 1)
    assert founding_network_load().start_dates_filled == 0
