"""The report's pages as each reader meets them: a visitor sees the published editions
only; a member reads the report of their networks; those who own the plan produce it."""

import pytest
from django.core.files.base import ContentFile

from inspir.reports.models import Edition, EditionStatus, ReportText
from inspir.reports.tests.helpers import YEAR, signed_in, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return world()


def _ready_edition(w, *, published: bool) -> Edition:
    edition = Edition.objects.create(
        network=w.top, year=YEAR, language="fr", fingerprint="a" * 64, snapshot={}
    )
    edition.pdf.save("inspir-2020-fr.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    edition.status = EditionStatus.READY
    edition.pages = 12
    edition.size = 13
    if published:
        from django.utils import timezone

        edition.published_at = timezone.now()
    edition.save()
    return edition


def test_a_visitor_downloads_a_published_edition_and_nothing_else(w):
    published = _ready_edition(w, published=True)
    visitor = signed_in(None)

    listing = visitor.get("/fr/reports/")
    assert listing.status_code == 200
    assert f"/fr/reports/editions/{published.pk}/" in listing.content.decode()
    download = visitor.get(f"/fr/reports/editions/{published.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")

    Edition.objects.filter(pk=published.pk).update(published_at=None)
    assert visitor.get(f"/fr/reports/editions/{published.pk}/").status_code == 404
    assert visitor.get(f"/fr/reports/inspir/{YEAR}/").status_code == 302  # to log in


def test_a_member_reads_the_report_of_the_networks_above_them_but_cannot_produce_it(w):
    member = signed_in(w.member)
    page = member.get(f"/en/reports/inspir/{YEAR}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Annual report 2020 — INSP!R" in html
    assert "Make the editions" not in html
    assert member.post(f"/en/reports/inspir/{YEAR}/generate/").status_code == 404
    assert member.get(f"/en/reports/inspir/{YEAR}/texts/").status_code == 404
    unpublished = _ready_edition(w, published=False)
    assert member.get(f"/en/reports/editions/{unpublished.pk}/").status_code == 200


def test_a_year_outside_the_network_s_years_is_not_found(w):
    member = signed_in(w.member)
    assert member.get("/en/reports/inspir/2018/").status_code == 404
    assert member.get("/en/reports/benin/2020/").status_code == 404  # national: no report


def test_the_coordinator_writes_the_introduction_and_makes_the_editions(w):
    coordinator = signed_in(w.coordinator)
    form = coordinator.get(f"/es/reports/inspir/{YEAR}/texts/")
    assert form.status_code == 200
    saved = coordinator.post(
        f"/es/reports/inspir/{YEAR}/texts/",
        {"introduction": "Un año en línea.", "credits": "Fotos: la red.", "version": 0},
    )
    assert saved.status_code == 302
    assert ReportText.objects.get(network=w.top, year=YEAR).introduction == "Un año en línea."

    made = coordinator.post(f"/es/reports/inspir/{YEAR}/generate/", follow=True)
    assert Edition.objects.filter(network=w.top, year=YEAR).count() == 3
    assert "Make the editions" not in made.content.decode()  # the page is in Spanish
    page = coordinator.get(f"/es/reports/inspir/{YEAR}/").content.decode()
    assert "Un año en línea." in page and "<progress" in page

    again = coordinator.post(f"/es/reports/inspir/{YEAR}/generate/", follow=True)
    assert Edition.objects.filter(network=w.top, year=YEAR).count() == 3
    assert again.status_code == 200


def test_the_editions_alone_for_htmx_while_one_is_being_laid_out(w):
    Edition.objects.create(network=w.top, year=YEAR, language="en", fingerprint="b" * 64)
    response = signed_in(w.coordinator).get(
        f"/en/reports/inspir/{YEAR}/", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="editions"')
    assert 'data-hx-trigger="every 3s"' in html


def test_a_conflicting_edit_keeps_what_the_coordinator_typed(w):
    coordinator = signed_in(w.coordinator)
    coordinator.post(f"/en/reports/inspir/{YEAR}/texts/", {"introduction": "First", "version": 0})
    response = coordinator.post(
        f"/en/reports/inspir/{YEAR}/texts/", {"introduction": "Mine, typed meanwhile", "version": 0}
    )
    assert response.status_code == 200
    assert "Mine, typed meanwhile" in response.content.decode()
    assert ReportText.objects.get(network=w.top, year=YEAR).introduction == "First"
