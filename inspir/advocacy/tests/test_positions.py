import io

import pypdf
import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from inspir.advocacy.models import Demand, Position, PositionStatus
from inspir.advocacy.services import positions as services
from inspir.core.errors import Invalid, Refused
from inspir.core.models import Revision, TextOriginal, TextStatus, TextTranslation

pytestmark = pytest.mark.django_db

DEMANDS = [
    "Protective equipment for every health worker",
    "Reliable tests within everyone's reach",
    "Safe vaccination for all",
]


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def draft(w, client=None) -> Position:
    client = client or client_for(w.africa_focal_point)
    response = client.post(
        "/en/advocacy/positions/new/?network=afrique",
        {
            "network": w.africa.pk,
            "title": "COVID-19: equal access to health care",
            "summary": "Care and vaccines for all.",
            "body": "The pandemic widened the inequalities in health care.",
            "demands": "\n".join(DEMANDS),
        },
    )
    assert response.status_code == 302, response.content.decode()
    return Position.objects.get(title="COVID-19: equal access to health care")


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def translate(obj, field: str, text: str, language: str = "fr") -> None:
    original = TextOriginal.objects.get(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk, field=field
    )
    TextTranslation.objects.create(
        original=original,
        language=language,
        text=text,
        status=TextStatus.TRANSLATED,
        source_revision=original.revision,
        source_text=getattr(obj, field),
    )


def test_a_draft_is_adopted_by_a_decision_published_and_downloaded_with_its_demands(w):
    position = draft(w)
    assert position.status == PositionStatus.DRAFT
    assert [d.text for d in position.demands.all()] == DEMANDS
    governor = client_for(w.coordinator)

    adopt_page = governor.get(f"/en/advocacy/positions/{position.pk}/adopt/")
    assert "Support a Global Fund for Social Protection" in adopt_page.content.decode()
    assert "A rejected decision" not in adopt_page.content.decode()
    response = governor.post(
        f"/en/advocacy/positions/{position.pk}/adopt/",
        {"version": position.version, "decision": w.decision.pk},
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert position.status == PositionStatus.ADOPTED
    assert position.decision == w.decision
    assert position.adopted_on.isoformat() == "2020-12-10"

    # Not public yet: an anonymous visitor finds neither its page nor its PDF.
    anonymous = client_for(None)
    assert anonymous.get(f"/en/advocacy/public/{position.pk}/").status_code == 404
    assert anonymous.get(f"/en/advocacy/public/{position.pk}/pdf/").status_code == 404

    response = governor.post(
        f"/en/advocacy/positions/{position.pk}/publish/",
        {"version": position.version, "public": "yes"},
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert position.published_at is not None

    page = anonymous.get(f"/en/advocacy/public/{position.pk}/")
    assert page.status_code == 200
    assert "Safe vaccination for all" in page.content.decode()
    assert position.title in anonymous.get("/en/advocacy/public/").content.decode()

    download = anonymous.get(f"/en/advocacy/public/{position.pk}/pdf/")
    assert download["Content-Type"] == "application/pdf"
    text = pdf_text(download.content)
    assert "COVID-19: equal access to health care" in text
    for demand in DEMANDS:
        assert demand in text

    # In French: the demands through their translations, the one not translated marked.
    demands = list(position.demands.all())
    translate(demands[0], "text", "Des équipements de protection pour chaque soignant")
    translate(demands[1], "text", "Des tests fiables à la portée de toutes et tous")
    french = pdf_text(anonymous.get(f"/fr/advocacy/public/{position.pk}/pdf/").content)
    assert "Des équipements de protection pour chaque soignant" in french
    assert "Des tests fiables à la portée de toutes et tous" in french
    assert "Safe vaccination for all" in french
    assert "Protective equipment" not in french


def test_the_decisions_page_lists_the_positions_it_adopted(w):
    position = draft(w)
    services.position_adopt(
        position=position, decision=w.decision, actor=w.coordinator, version=position.version
    )

    page = client_for(w.member).get(w.decision.get_absolute_url().replace("/fr/", "/en/"))

    assert page.status_code == 200
    assert position.title in page.content.decode()


def test_only_an_adopted_decision_of_the_line_adopts_a_position(w):
    position = draft(w)
    with pytest.raises(Invalid):
        services.position_adopt(
            position=position, decision=w.rejected, actor=w.coordinator, version=1
        )
    position.refresh_from_db()
    assert position.status == PositionStatus.DRAFT


def test_a_plain_member_cannot_adopt_nor_publish(w):
    position = draft(w)
    member = client_for(w.member)

    assert member.get(f"/en/advocacy/positions/{position.pk}/").status_code == 200
    assert member.get(f"/en/advocacy/positions/{position.pk}/adopt/").status_code == 404
    response = member.post(
        f"/en/advocacy/positions/{position.pk}/adopt/",
        {"version": position.version, "decision": w.decision.pk},
    )
    assert response.status_code == 404
    with pytest.raises(Refused):
        services.position_adopt(
            position=position, decision=w.decision, actor=w.member, version=position.version
        )
    # Acting for the network is not governing it: its focal point drafts, does not adopt.
    with pytest.raises(Refused):
        services.position_adopt(
            position=position,
            decision=w.decision,
            actor=w.africa_focal_point,
            version=position.version,
        )
    position.refresh_from_db()
    assert position.status == PositionStatus.DRAFT


def test_an_outsider_reads_no_draft_and_anonymous_only_published_positions(w):
    position = draft(w)

    assert (
        client_for(w.latin_member).get(f"/en/advocacy/positions/{position.pk}/").status_code == 404
    )
    assert (
        client_for(w.latin_member).get(f"/en/advocacy/public/{position.pk}/pdf/").status_code == 404
    )
    assert position.title not in client_for(w.latin_member).get("/en/advocacy/").content.decode()
    # Bénin reads the positions of Africa, above it.
    assert (
        client_for(w.focal_point).get(f"/en/advocacy/positions/{position.pk}/").status_code == 200
    )
    anonymous = client_for(None)
    assert anonymous.get(f"/en/advocacy/positions/{position.pk}/").status_code == 302
    assert position.title not in anonymous.get("/en/advocacy/public/").content.decode()

    services.position_adopt(position=position, decision=w.decision, actor=w.coordinator, version=1)
    services.position_publish(position=position, actor=w.coordinator, version=2, public=True)

    assert anonymous.get(f"/en/advocacy/public/{position.pk}/").status_code == 200
    # Published, the outsider reads it too, without the network's submissions.
    page = client_for(w.latin_member).get(f"/en/advocacy/positions/{position.pk}/")
    assert page.status_code == 200
    assert "Record a submission" not in page.content.decode()


def test_an_edit_conflict_is_refused_and_keeps_what_was_typed(w):
    position = draft(w)
    editor = client_for(w.africa_focal_point)
    form = editor.get(f"/en/advocacy/positions/{position.pk}/edit/")
    assert form.status_code == 200
    # Someone else saves meanwhile.
    services.position_update(
        position=position,
        actor=w.coordinator,
        version=1,
        data={"title": "COVID-19: equal access to care"},
        demands=DEMANDS[:2],
    )

    response = editor.post(
        f"/en/advocacy/positions/{position.pk}/edit/",
        {
            "version": 1,
            "title": "COVID-19: what I typed",
            "summary": "My summary.",
            "body": "",
            "demands": "My first demand\nMy second demand",
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this while you were editing it" in html
    assert "COVID-19: what I typed" in html
    assert "My first demand\nMy second demand" in html
    position.refresh_from_db()
    assert position.title == "COVID-19: equal access to care"
    assert [d.text for d in position.demands.all()] == DEMANDS[:2]


def test_every_saved_state_of_the_demands_is_kept_and_can_be_restored(w):
    position = draft(w)
    editor = client_for(w.africa_focal_point)
    response = editor.post(
        f"/en/advocacy/positions/{position.pk}/edit/",
        {
            "version": 1,
            "title": position.title,
            "summary": position.summary,
            "body": position.body,
            "demands": "Safe vaccination for all\nTransparent vaccine contracts",
        },
    )
    assert response.status_code == 302
    position.refresh_from_db()
    assert [d.text for d in position.demands.all()] == [
        "Safe vaccination for all",
        "Transparent vaccine contracts",
    ]
    states = [
        revision.snapshot["demand_list"]
        for revision in Revision.objects.filter(object_id=position.pk).order_by("version")
    ]
    assert states == ["\n".join(DEMANDS), "Safe vaccination for all\nTransparent vaccine contracts"]

    first = Revision.objects.filter(object_id=position.pk).order_by("version").first()
    from inspir.core import history

    history.restore(first, obj=position, actor=w.africa_focal_point, version=position.version)
    assert list(Demand.objects.filter(position=position).values_list("text", flat=True)) == DEMANDS


def test_a_demand_left_unchanged_keeps_its_translation(w):
    position = draft(w)
    kept = position.demands.get(order=3)
    translate(kept, "text", "Une vaccination sûre pour toutes et tous")

    services.position_update(
        position=position,
        actor=w.africa_focal_point,
        version=1,
        data={},
        demands=["Reliable tests", DEMANDS[2]],
    )

    moved = position.demands.get(order=2)
    assert moved.pk == position.demands.get(text=DEMANDS[2]).pk
    assert TextTranslation.objects.filter(
        original__object_id=moved.pk, text__startswith="Une vaccination"
    ).exists()
