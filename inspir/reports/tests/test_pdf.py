"""The PDF as a reader holds it: laid out in the background from the edition's frozen data,
with its cover, contents and numbered pages, and no character drawn as an empty box."""

import pytest
from django.utils import translation

from inspir.reports import services
from inspir.reports.models import Edition, EditionStatus
from inspir.reports.pdf import write_pdf
from inspir.reports.tests.helpers import YEAR, world
from inspir.reports.tests.pdf_pages import missing_glyph_boxes, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.document]


def test_the_worker_lays_out_each_edition_once_from_its_frozen_data(
    django_capture_on_commit_callbacks,
):
    w = world()
    with translation.override("fr"):
        services.report_text_save(
            network=w.top, year=YEAR, actor=w.coordinator, version=0, introduction="Une année."
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)

    spanish = Edition.objects.get(language="es")
    assert spanish.status == EditionStatus.READY
    assert spanish.progress == 100
    assert spanish.pages and spanish.pages >= 3
    content = spanish.pdf.read()
    assert content.startswith(b"%PDF")
    assert spanish.size == len(content)
    text = pdf_text(content)
    assert "INSP!R" in text and "2020" in text
    assert "Une année." in text  # the French original, in the Spanish edition
    assert f"1 / {spanish.pages}" not in text  # the cover carries no page number
    assert f"2 / {spanish.pages}" in text
    # Laid out once: running the task again finds nothing to do.
    assert services.edition_render_run(edition_id=spanish.pk) == "nothing to lay out"


def test_a_layout_that_fails_is_marked_failed_and_keeps_no_file(monkeypatch):
    w = world()
    services.editions_request(network=w.top, year=YEAR, actor=w.coordinator)
    edition = Edition.objects.get(language="en")

    def broken(*args, **kwargs):
        raise ValueError("no room on the page")

    monkeypatch.setattr("inspir.reports.pdf.render_pdf", broken)
    assert services.edition_render_run(edition_id=edition.pk) == "failed"
    edition.refresh_from_db()
    assert edition.status == EditionStatus.FAILED
    assert "no room on the page" in edition.failure
    assert not edition.pdf


def test_the_box_search_finds_characters_no_font_of_the_report_has():
    # Ol Chiki and Ethiopic: scripts of no country of the network, in none of its fonts.
    html = "<p>Santali ᱚᱛᱟᱝ and Amharic ሰላም, beside Hindi सुनीता and Khmer សុខា.</p>"
    content, _pages = write_pdf(html)

    boxes = missing_glyph_boxes(content)

    assert list(boxes) == [1]
    assert len(boxes[1]) >= 2


def test_the_box_search_finds_nothing_in_the_scripts_the_report_carries():
    html = "<p>Hindi सुनीता शर्मा, Bengali রিনা আক্তার, Khmer ជា សុខា, Ñandú, Ōsaka, Łódź.</p>"
    content, _pages = write_pdf(html)

    assert missing_glyph_boxes(content) == {}
