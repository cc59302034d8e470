"""Producing the report: its texts, its editions (one per language, a new one only when the
data changed), their layout in the background, publishing them."""

import datetime

import pytest
from django.utils import translation

from inspir.core.errors import Invalid, Refused
from inspir.core.models import AuditEntry
from inspir.core.versioning import EditConflict
from inspir.network.tests.factories import MembershipFactory
from inspir.reports import selectors, services
from inspir.reports.models import Edition, EditionStatus, ReportText
from inspir.reports.tests.helpers import YEAR, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def test_asking_for_the_editions_makes_one_per_language_with_the_data_it_was_made_from(w):
    generated = services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)

    assert sorted(edition.language for edition in generated.new) == ["en", "es", "fr"]
    assert generated.unchanged == []
    french = Edition.objects.get(network=w.top, year=YEAR, language="fr")
    assert french.status == EditionStatus.QUEUED
    assert french.snapshot["network"]["name"] == "INSP!R"
    assert french.snapshot["language"] == "fr"
    assert french.fingerprint == selectors.fingerprint(french.snapshot)
    assert AuditEntry.objects.filter(action="reports.edition.requested").count() == 3


def test_asking_again_without_a_change_makes_no_new_edition(w):
    services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    again = services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)

    assert again.new == []
    assert len(again.unchanged) == 3
    assert Edition.objects.count() == 3


def test_a_changed_introduction_makes_a_new_edition_in_every_language(w):
    services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    with translation.override("fr"):  # written in French
        services.report_text_save(
            network=w.top, year=YEAR, actor=w.coordinator, version=0, introduction="Une année."
        )
    again = services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)

    # The French original is read in English and Spanish too, marked as such: all three change.
    assert sorted(edition.language for edition in again.new) == ["en", "es", "fr"]
    assert Edition.objects.filter(language="fr").count() == 2
    latest = Edition.objects.filter(language="en").order_by("-pk").first()
    assert latest.snapshot["texts"]["introduction"]["text"] == "Une année."
    assert latest.snapshot["texts"]["introduction"]["in_reader_language"] is False


def test_a_later_member_changes_the_later_report_not_the_earlier_one(w):
    services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    services.editions_request(network=w.top, year=2021, actor=w.coordinator)
    MembershipFactory(network=w.benin, start_date=datetime.date(2021, 3, 1))

    earlier = services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    later = services.editions_request(network=w.top, year=2021, actor=w.coordinator)

    assert earlier.new == [] and len(earlier.unchanged) == 3
    assert len(later.new) == 3


def test_a_failed_layout_is_queued_again_not_duplicated(w):
    services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    Edition.objects.filter(language="fr").update(status=EditionStatus.FAILED, failure="Boom")

    again = services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)

    assert [edition.language for edition in again.new] == ["fr"]
    assert Edition.objects.filter(language="fr").count() == 1
    assert Edition.objects.get(language="fr").status == EditionStatus.QUEUED


def test_only_those_who_own_the_plan_produce_the_report(w):
    with pytest.raises(Refused):
        services.editions_request(network=w.top, year=YEAR, actor=w.focal_point)
    with pytest.raises(Refused):
        services.editions_request(network=w.top, year=YEAR, actor=w.africa_coordinator)
    assert services.editions_request(network=w.africa, year=YEAR, actor=w.africa_coordinator).new
    with pytest.raises(Refused):
        services.report_text_save(
            network=w.africa, year=YEAR, actor=w.member, version=0, introduction="x"
        )


def test_no_report_before_the_network_was_founded_nor_after_this_year(w):
    with pytest.raises(Invalid):
        services.editions_request(network=w.top, year=2018, actor=w.coordinator)
    with pytest.raises(Invalid):
        services.editions_request(network=w.top, year=2100, actor=w.coordinator)


def test_texts_are_versioned_and_a_concurrent_edit_is_refused(w):
    text = services.report_text_save(
        network=w.top, year=YEAR, actor=w.coordinator, version=0, introduction="First"
    )
    services.report_text_save(
        network=w.top, year=YEAR, actor=w.coordinator, version=text.version, introduction="Second"
    )
    with pytest.raises(EditConflict):
        services.report_text_save(
            network=w.top, year=YEAR, actor=w.coordinator, version=text.version, credits="Mine"
        )
    saved = ReportText.objects.get(network=w.top, year=YEAR)
    assert (saved.introduction, saved.credits) == ("Second", "")
    assert AuditEntry.objects.filter(action="reports.text.updated").count() == 2


def test_a_layout_that_stopped_is_queued_again_once(w, django_capture_on_commit_callbacks):
    services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    Edition.objects.update(progress_at=long_ago)

    with django_capture_on_commit_callbacks() as queued:
        first = services.stalled_resume()
    second = services.stalled_resume()

    assert len(first) == 3 and len(queued) == 3
    assert second == []


def test_publishing_needs_a_ready_edition(w):
    services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    edition = Edition.objects.get(language="en")
    with pytest.raises(Invalid):
        services.edition_publish(edition=edition, actor=w.coordinator, publish=True)
    Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.READY, pdf="reports/x.pdf")

    published = services.edition_publish(edition=edition, actor=w.coordinator, publish=True)
    assert published.published_at is not None
    assert selectors.published_editions() == [published]
    with pytest.raises(Refused):
        services.edition_publish(edition=edition, actor=w.africa_coordinator, publish=False)
    services.edition_publish(edition=edition, actor=w.coordinator, publish=False)
    assert selectors.published_editions() == []
