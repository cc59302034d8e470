"""The context analysis: a network's note and stakeholders, their assessments over time, the
power map on a date or between two, and who may read and change them."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from inspir.accounts.models import Role
from inspir.accounts.tests.factories import user_with_role
from inspir.core import history
from inspir.core.errors import Invalid, Refused
from inspir.core.models import AuditEntry
from inspir.core.versioning import EditConflict
from inspir.network.tests.factories import NetworkFactory, continental, national
from inspir.planning.models import (
    Assessment,
    ContextNote,
    Stakeholder,
    StakeholderKind,
    StakeholderLevel,
    Stance,
)
from inspir.planning.services.context import (
    assessment_record,
    context_note_save,
    stakeholder_create,
    stakeholder_update,
)
from inspir.planning.tests.factories import (
    ContextNoteFactory,
    PlanActionFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db

JAN = datetime.date(2021, 1, 10)
MAR = datetime.date(2021, 3, 1)
MAY = datetime.date(2021, 5, 1)
JUN = datetime.date(2021, 6, 1)


@pytest.fixture
def world():
    top = NetworkFactory(name="INSP!R International", slug="inspir")
    return {
        "top": top,
        "africa": continental(parent=top, name="INSP!R Africa", slug="africa"),
        "asia": continental(parent=top, name="INSP!R Asia", slug="asia"),
    }


@pytest.fixture
def africa(world):
    return world["africa"]


@pytest.fixture
def owner(africa):
    return user_with_role(africa, Role.COORDINATOR)


@pytest.fixture
def member(africa):
    return user_with_role(africa, Role.MEMBER)


@pytest.fixture
def outsider(world):
    return user_with_role(world["asia"], Role.MEMBER)


def new_stakeholder(network, actor, **data):
    values = {
        "name": "ILO",
        "kind": StakeholderKind.INTERGOVERNMENTAL,
        "level": StakeholderLevel.INTERNATIONAL,
        "influence": 3,
        "stance": Stance.NEUTRAL,
        "assessed_on": MAR,
        "interest": "Social protection floors (Recommendation 202).",
        "notes": "",
    } | data
    return stakeholder_create(network=network, actor=actor, data=values)


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def url(name: str, **kwargs) -> str:
    return reverse(f"planning:{name}", kwargs=kwargs)


# --- Services: who may write ------------------------------------------------------------------


def test_only_the_plans_owners_change_the_analysis(africa, owner, member, outsider):
    stakeholder = new_stakeholder(africa, owner)
    for actor in (member, outsider):
        with pytest.raises(Refused):
            context_note_save(network=africa, actor=actor, version=None, text="Mine.")
        with pytest.raises(Refused):
            new_stakeholder(africa, actor, name="UNICEF")
        with pytest.raises(Refused):
            stakeholder_update(
                stakeholder=stakeholder, actor=actor, version=1, data={"name": "Renamed"}
            )
        with pytest.raises(Refused):
            assessment_record(
                stakeholder=stakeholder, actor=actor, assessed_on=MAY, influence=5, stance=2
            )
    assert not ContextNote.objects.exists()
    assert list(Stakeholder.objects.values_list("name", flat=True)) == ["ILO"]
    assert Assessment.objects.count() == 1
    assert fresh(stakeholder).version == 1


def test_a_coordinator_above_owns_the_analysis_of_a_national_network(africa, owner):
    benin = national(parent=africa, name="INSP!R Bénin", slug="benin")
    note = context_note_save(network=benin, actor=owner, version=None, text="Bénin.")
    assert note.network == benin


# --- Services: the note -----------------------------------------------------------------------


def test_the_note_is_created_then_changed_with_each_version_kept_and_restorable(africa, owner):
    note = context_note_save(network=africa, actor=owner, version=None, text="First text.")
    assert (note.text, note.version) == ("First text.", 1)
    changed = context_note_save(
        network=africa, actor=owner, version=note.version, text="Second text."
    )
    assert changed.version == 2

    revisions = list(history.revisions(changed))
    assert [r.snapshot["text"] for r in revisions] == ["Second text.", "First text."]
    assert [r.author for r in revisions] == [owner, owner]
    assert list(
        AuditEntry.objects.filter(action="planning.context.updated")
        .order_by("pk")
        .values_list("changes", flat=True)
    ) == [{"text": ["", "First text."]}, {"text": ["First text.", "Second text."]}]

    first = history.revisions(changed).get(version=1)
    restored = history.restore(first, obj=changed, actor=owner, version=changed.version)
    assert fresh(restored).text == "First text."
    assert restored.version == 3
    assert history.revisions(restored).first().restored_from == 1
    assert AuditEntry.objects.filter(action="core.revision.restored").count() == 1


def test_a_stale_note_is_refused_and_nothing_is_lost(africa, owner):
    note = context_note_save(network=africa, actor=owner, version=0, text="Ours.")
    context_note_save(network=africa, actor=owner, version=note.version, text="Theirs.")

    with pytest.raises(EditConflict) as refused:
        context_note_save(network=africa, actor=owner, version=note.version, text="Late.")
    assert refused.value.saved.text == "Theirs."
    # Thinking it still had to be written is stale too.
    with pytest.raises(EditConflict):
        context_note_save(network=africa, actor=owner, version=None, text="Late.")
    assert fresh(note).text == "Theirs."


# --- Services: stakeholders -------------------------------------------------------------------


def test_a_new_stakeholder_has_its_first_assessment_history_and_audit(africa, owner):
    stakeholder = new_stakeholder(africa, owner, influence=4, stance=Stance.ALLY)

    (assessment,) = stakeholder.assessments.all()
    assert (assessment.assessed_on, assessment.influence, assessment.stance) == (MAR, 4, 1)
    assert assessment.recorded_by == owner
    (revision,) = history.revisions(stakeholder)
    assert revision.author == owner and revision.snapshot["name"] == "ILO"
    entry = AuditEntry.objects.get(action="planning.stakeholder.created")
    assert entry.network == africa
    assert entry.changes["influence"] == [None, 4]
    assert entry.changes["stance"] == [None, 1]


def test_a_stakeholder_is_edited_kept_in_its_history_and_restored(africa, owner):
    stakeholder = new_stakeholder(africa, owner)
    edited = stakeholder_update(
        stakeholder=stakeholder,
        actor=owner,
        version=stakeholder.version,
        data={"name": "International Labour Organization", "notes": "Met in Geneva."},
    )
    assert edited.version == 2
    entry = AuditEntry.objects.get(action="planning.stakeholder.updated")
    assert entry.changes == {
        "name": ["ILO", "International Labour Organization"],
        "notes": ["", "Met in Geneva."],
    }
    revisions = list(history.revisions(edited))
    assert [r.snapshot["name"] for r in revisions] == ["International Labour Organization", "ILO"]
    assert [r.author for r in revisions] == [owner, owner]

    first = history.revisions(edited).get(version=1)
    restored = history.restore(first, obj=fresh(edited), actor=owner, version=edited.version)
    restored = fresh(restored)
    assert (restored.name, restored.notes, restored.version) == ("ILO", "", 3)
    # Influence and stance are not the history's: they change only by assessment.
    assert (restored.influence, restored.stance) == (3, 0)


def test_a_stale_stakeholder_edit_is_refused(africa, owner):
    stakeholder = new_stakeholder(africa, owner)
    stakeholder_update(stakeholder=stakeholder, actor=owner, version=1, data={"name": "OIT"})
    with pytest.raises(EditConflict):
        stakeholder_update(
            stakeholder=stakeholder, actor=owner, version=1, data={"name": "OIT-ILO"}
        )
    assert fresh(stakeholder).name == "OIT"


# --- Services: assessments --------------------------------------------------------------------


def test_an_assessment_moves_the_current_position_only_when_it_is_the_latest(africa, owner):
    stakeholder = new_stakeholder(africa, owner, influence=3, stance=Stance.NEUTRAL)

    assessment_record(stakeholder=stakeholder, actor=owner, assessed_on=MAY, influence=4, stance=1)
    current = fresh(stakeholder)
    assert (current.influence, current.stance, current.assessed_on) == (4, 1, MAY)
    assert current.version == 2

    # An earlier assessment, recorded late, is kept without changing where it stands now.
    assessment_record(
        stakeholder=stakeholder,
        actor=owner,
        assessed_on=datetime.date(2021, 4, 1),
        influence=2,
        stance=-1,
    )
    current = fresh(stakeholder)
    assert (current.influence, current.stance, current.assessed_on) == (4, 1, MAY)
    assert list(stakeholder.assessments.values_list("assessed_on", "influence", "stance")) == [
        (MAY, 4, 1),
        (datetime.date(2021, 4, 1), 2, -1),
        (MAR, 3, 0),
    ]
    entry = AuditEntry.objects.filter(action="planning.stakeholder.assessed").latest("pk")
    assert entry.changes == {
        "assessed_on": [None, "2021-04-01"],
        "influence": [3, 2],
        "stance": [0, -1],
    }


def test_a_second_assessment_the_same_day_replaces_the_first(africa, owner):
    stakeholder = new_stakeholder(africa, owner)
    assessment_record(stakeholder=stakeholder, actor=owner, assessed_on=MAY, influence=4, stance=1)
    assessment_record(stakeholder=stakeholder, actor=owner, assessed_on=MAY, influence=5, stance=2)

    assert stakeholder.assessments.filter(assessed_on=MAY).count() == 1
    assert stakeholder.assessments.get(assessed_on=MAY).influence == 5
    current = fresh(stakeholder)
    assert (current.influence, current.stance) == (5, 2)
    # The same day of the first assessment, too.
    assessment_record(stakeholder=stakeholder, actor=owner, assessed_on=MAR, influence=1, stance=-2)
    assert stakeholder.assessments.count() == 2
    assert fresh(stakeholder).influence == 5


def test_an_assessment_in_the_future_is_refused(africa, owner):
    stakeholder = new_stakeholder(africa, owner)
    later = timezone.localdate() + datetime.timedelta(days=2)

    with pytest.raises(Invalid) as refused:
        assessment_record(
            stakeholder=stakeholder, actor=owner, assessed_on=later, influence=5, stance=2
        )
    assert "future" in " ".join(refused.value.message_dict["assessed_on"])
    with pytest.raises(Invalid):
        new_stakeholder(africa, owner, name="G20", assessed_on=later)
    assert stakeholder.assessments.count() == 1
    assert not Stakeholder.objects.filter(name="G20").exists()
    # Today is fine.
    assessment_record(
        stakeholder=stakeholder,
        actor=owner,
        assessed_on=timezone.localdate(),
        influence=5,
        stance=2,
    )
    assert fresh(stakeholder).influence == 5


def test_influence_and_stance_out_of_range_are_refused(africa, owner):
    stakeholder = new_stakeholder(africa, owner)
    with pytest.raises(Invalid) as refused:
        assessment_record(
            stakeholder=stakeholder, actor=owner, assessed_on=MAY, influence=6, stance=3
        )
    assert set(refused.value.message_dict) == {"influence", "stance"}


# --- Pages: who sees what ---------------------------------------------------------------------


def test_a_member_reads_the_power_map_and_its_table(client, africa, owner, member):
    ContextNoteFactory(network=africa, text="Social protection covers a tenth of the people.")
    stakeholder = new_stakeholder(africa, owner, name="UNICEF", influence=4, stance=Stance.ALLY)
    client.force_login(member)

    page = client.get(url("context", slug="africa")).content.decode()

    assert "Social protection covers a tenth of the people." in page
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="group"' in svg
    assert f'<a href="{stakeholder.get_absolute_url()}"' in svg
    table = page[page.index("<table") :]
    assert "UNICEF" in table
    assert re.search(r"<td[^>]*>4</td>\s*<td[^>]*>ally</td>", table)
    assert stakeholder.get_absolute_url() in table
    # Not theirs to change.
    assert url("context_note_edit", slug="africa") not in page
    assert url("stakeholder_create", slug="africa") not in page
    detail = client.get(stakeholder.get_absolute_url()).content.decode()
    assert "UNICEF" in detail and "Social protection floors" in detail
    assert url("stakeholder_edit", pk=stakeholder.pk) not in detail
    assert url("stakeholder_assess", pk=stakeholder.pk) not in detail


def test_the_owner_sees_the_links_to_change_it(client, africa, owner):
    note = ContextNoteFactory(network=africa)
    stakeholder = new_stakeholder(africa, owner)
    client.force_login(owner)

    page = client.get(url("context", slug="africa")).content.decode()
    assert url("context_note_edit", slug="africa") in page
    assert url("stakeholder_create", slug="africa") in page
    # The note's history is offered where it is edited.
    edit = client.get(url("context_note_edit", slug="africa")).content.decode()
    assert reverse("core:history_list", kwargs={"kind": "context", "pk": note.pk}) in edit
    detail = client.get(stakeholder.get_absolute_url()).content.decode()
    assert url("stakeholder_edit", pk=stakeholder.pk) in detail
    assert url("stakeholder_assess", pk=stakeholder.pk) in detail
    history_url = reverse("core:history_list", kwargs={"kind": "stakeholder", "pk": stakeholder.pk})
    assert history_url in detail
    assert client.get(history_url).status_code == 200


def test_outsiders_find_nothing(client, africa, owner, member, outsider):
    stakeholder = new_stakeholder(africa, owner)
    client.force_login(outsider)
    for address in (
        url("context", slug="africa"),
        stakeholder.get_absolute_url(),
        url("context_note_edit", slug="africa"),
        url("stakeholder_create", slug="africa"),
        url("stakeholder_edit", pk=stakeholder.pk),
        url("stakeholder_assess", pk=stakeholder.pk),
    ):
        assert client.get(address).status_code == 404, address
    assert "INSP!R Africa" not in client.get(url("context_list")).content.decode()

    # A member reads, but the owners' pages are not found for them either.
    client.force_login(member)
    for address in (
        url("context_note_edit", slug="africa"),
        url("stakeholder_create", slug="africa"),
        url("stakeholder_edit", pk=stakeholder.pk),
        url("stakeholder_assess", pk=stakeholder.pk),
    ):
        assert client.get(address).status_code == 404, address
        assert client.post(address, {}).status_code == 404, address


def test_anonymous_visitors_are_asked_to_log_in(client, africa, owner):
    stakeholder = new_stakeholder(africa, owner)
    for address in (
        url("context_list"),
        url("context", slug="africa"),
        stakeholder.get_absolute_url(),
        url("stakeholder_edit", pk=stakeholder.pk),
    ):
        response = client.get(address)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_the_list_shows_the_networks_with_an_analysis_and_those_one_owns(
    client, world, africa, owner, member
):
    benin = national(parent=africa, name="INSP!R Bénin", slug="benin")
    togo = national(parent=africa, name="INSP!R Togo", slug="togo")
    StakeholderFactory(network=benin)
    StakeholderFactory(network=benin)
    ContextNoteFactory(network=world["top"])

    client.force_login(member)
    page = client.get(url("context_list")).content.decode()
    # Intercontinental, then continental, then national; Togo has nothing yet.
    assert page.index("INSP!R International") < page.index("INSP!R Bénin")
    assert "INSP!R Togo" not in page and "INSP!R Africa" not in page
    assert re.search(r"INSP!R Bénin</a></th>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*>2</td>", page)

    client.force_login(owner)
    page = client.get(url("context_list")).content.decode()
    # The coordinator may start the analysis of the networks they own.
    assert page.index("INSP!R International") < page.index("INSP!R Africa")
    assert page.index("INSP!R Africa") < page.index("INSP!R Bénin") < page.index("INSP!R Togo")
    assert url("context_note_edit", slug=togo.slug) in page


# --- Pages: the map on a date and between two -------------------------------------------------


@pytest.fixture
def moving(africa, owner):
    """UNICEF, neutral in January, an ally from May; the G20 assessed only from June."""
    unicef = new_stakeholder(
        africa, owner, name="UNICEF", influence=2, stance=Stance.OPPONENT, assessed_on=JAN
    )
    assessment_record(stakeholder=unicef, actor=owner, assessed_on=MAY, influence=4, stance=1)
    g20 = new_stakeholder(africa, owner, name="G20", influence=5, stance=0, assessed_on=JUN)
    return unicef, g20


def svg_links(page: str) -> list[tuple[str, str]]:
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    return re.findall(
        r'<a href="([^"]+)" class="powermap-point powermap-(\w+)"><title>([^<]*)', svg
    )


def test_comparing_two_dates_shows_the_moved_stakeholder_at_both_positions(
    client, africa, member, moving
):
    unicef, g20 = moving
    client.force_login(member)

    page = client.get(
        url("context", slug="africa"), {"on": "2021-07-01", "compare": "2021-02-01"}
    ).content.decode()

    marks = svg_links(page)
    at_unicef = {(role, title) for href, role, title in marks if href == unicef.get_absolute_url()}
    assert at_unicef == {
        ("before", f"UNICEF, {date_format(datetime.date(2021, 2, 1))}: influence 2 of 5, opponent"),
        ("now", f"UNICEF, {date_format(datetime.date(2021, 7, 1))}: influence 4 of 5, ally"),
    }
    assert "marker-end" in page  # the arrow between them
    # The G20 was not assessed in February: only where it stands in July.
    assert [role for href, role, _t in marks if href == g20.get_absolute_url()] == ["now"]
    row = re.search(r"UNICEF</a></th>(.*?)</tr>", page, re.S).group(1)
    assert re.findall(r">([^<>]+)</td>", row)[2:6] == ["2", "4", "opponent", "ally"]
    assert "moved" in row
    assert "first assessed in between" in re.search(r"G20</a></th>(.*?)</tr>", page, re.S).group(1)
    assert "1 stakeholder moved between the two dates." in page


def test_the_dates_may_come_in_either_order(client, africa, member, moving):
    unicef, _g20 = moving
    client.force_login(member)
    page = client.get(
        url("context", slug="africa"), {"on": "2021-02-01", "compare": "2021-07-01"}
    ).content.decode()
    roles = {
        role: title for href, role, title in svg_links(page) if href == unicef.get_absolute_url()
    }
    assert "opponent" in roles["before"] and "ally" in roles["now"]


def test_a_stakeholder_not_yet_assessed_on_a_date_is_absent_from_its_map(
    client, africa, member, moving
):
    unicef, g20 = moving
    client.force_login(member)
    page = client.get(url("context", slug="africa"), {"on": "2021-03-01"}).content.decode()
    hrefs = [href for href, _role, _title in svg_links(page)]
    assert hrefs == [unicef.get_absolute_url()]
    assert "influence 2 of 5, opponent" in page
    # Before anyone was assessed: an empty map that says so.
    page = client.get(url("context", slug="africa"), {"on": "2020-12-31"}).content.decode()
    assert svg_links(page) == []
    assert "No stakeholder had been assessed by then." in page


def test_a_date_that_cannot_be_read_is_said_and_the_map_is_of_today(client, africa, member, moving):
    client.force_login(member)
    for bad in ({"on": "2021-02-30"}, {"on": "1800-01-01"}, {"compare": "yesterday"}):
        response = client.get(url("context", slug="africa"), bad)
        page = response.content.decode()
        assert response.status_code == 200
        assert "These dates could not be read" in page
        assert f"Power map of INSP!R Africa on {date_format(timezone.localdate())}" in page
        assert 'aria-invalid="true"' in page


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_map_reads_in_the_readers_language(client, africa, member, moving, language):
    unicef, _g20 = moving
    client.force_login(member)
    with translation.override(language):
        address = url("context", slug="africa")
        july = date_format(datetime.date(2021, 7, 1))
        detail = unicef.get_absolute_url()
    assert address.startswith(f"/{language}/")
    page = client.get(address, {"on": "2021-07-01"}).content.decode()
    assert f'<html lang="{language}"' in page
    assert july in re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert f'<a href="{detail}"' in page


# --- Pages: the forms -------------------------------------------------------------------------


def test_the_owner_writes_the_note_then_a_stale_save_shows_the_conflict(client, africa, owner):
    client.force_login(owner)
    address = url("context_note_edit", slug="africa")
    assert client.get(address).status_code == 200
    response = client.post(address, {"text": "The first analysis.", "version": "0"})
    assert response.status_code == 302
    assert response["Location"] == url("context", slug="africa")
    note = ContextNote.objects.get(network=africa)
    context_note_save(network=africa, actor=owner, version=1, text="A colleague's analysis.")

    response = client.post(address, {"text": "My late analysis.", "version": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else saved this context analysis" in page
    assert "My late analysis." in page  # what they typed is kept
    assert "A colleague&#x27;s analysis." in page  # beside what is saved
    assert fresh(note).text == "A colleague's analysis."


def test_the_owner_adds_edits_and_assesses_a_stakeholder(client, africa, owner):
    client.force_login(owner)
    response = client.post(
        url("stakeholder_create", slug="africa"),
        {
            "name": "European Commission",
            "kind": StakeholderKind.EU_INSTITUTION,
            "level": StakeholderLevel.REGIONAL,
            "influence": "4",
            "stance": "0",
            "assessed_on": "2021-02-01",
            "interest": "The EU's social protection programmes.",
            "notes": "",
        },
    )
    stakeholder = Stakeholder.objects.get(name="European Commission")
    assert response["Location"] == stakeholder.get_absolute_url()
    assert stakeholder.assessments.count() == 1

    edit = url("stakeholder_edit", pk=stakeholder.pk)
    assert client.get(edit).status_code == 200
    form = {
        "name": "European Commission (DG INTPA)",
        "kind": StakeholderKind.EU_INSTITUTION,
        "level": StakeholderLevel.REGIONAL,
        "interest": "Programmes.",
        "notes": "",
        "version": "1",
    }
    assert client.post(edit, form).status_code == 302
    assert fresh(stakeholder).name == "European Commission (DG INTPA)"
    # Sent again from the same old page: the conflict, nothing lost.
    page = client.post(edit, form | {"name": "EC"}).content.decode()
    assert "Someone else saved this stakeholder" in page
    assert 'value="EC"' in page
    assert fresh(stakeholder).name == "European Commission (DG INTPA)"

    assess = url("stakeholder_assess", pk=stakeholder.pk)
    page = client.get(assess).content.decode()
    assert f'value="{timezone.localdate().isoformat()}"' in page
    response = client.post(assess, {"assessed_on": "2021-06-01", "influence": "5", "stance": "2"})
    assert response.status_code == 302
    assert (fresh(stakeholder).influence, fresh(stakeholder).stance) == (5, 2)

    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    page = client.post(assess, {"assessed_on": future, "influence": "1", "stance": "-2"})
    assert "cannot be dated in the future" in page.content.decode()
    assert fresh(stakeholder).influence == 5


def test_the_stakeholder_page_lists_the_actions_that_target_it(client, africa, owner, member):
    stakeholder = new_stakeholder(africa, owner)
    action = PlanActionFactory(network=africa, title="Campaign for a social protection floor")
    action.stakeholders.add(stakeholder)
    PlanActionFactory(network=africa, title="Unrelated action")
    client.force_login(member)
    page = client.get(stakeholder.get_absolute_url()).content.decode()
    assert "Campaign for a social protection floor" in page
    assert action.get_absolute_url() in page
    assert "Unrelated action" not in page


# --- Query counts -----------------------------------------------------------------------------


def populate(network, actor, count: int) -> None:
    for n in range(count):
        stakeholder = StakeholderFactory(
            network=network, name=f"Stakeholder {n}", assessed_on=JAN, influence=1 + n % 5
        )
        Assessment.objects.create(
            stakeholder=stakeholder, assessed_on=MAY, influence=1 + (n + 1) % 5, stance=n % 5 - 2
        )


def queries(client, address: str, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address, params or {})
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"on": "2021-07-01", "compare": "2021-02-01"}])
def test_the_context_page_reads_as_much_with_3_as_with_30_stakeholders(
    client, world, africa, owner, params
):
    asia_owner = user_with_role(world["asia"], Role.COORDINATOR)
    populate(africa, owner, 3)
    populate(world["asia"], asia_owner, 30)
    for network in (africa, world["asia"]):
        ContextNoteFactory(network=network)
    client.force_login(owner)
    small = queries(client, url("context", slug="africa"), params)
    client.force_login(asia_owner)
    large = queries(client, url("context", slug="asia"), params)
    assert small == large


def test_the_list_and_the_stakeholder_page_read_as_much_whatever_their_size(
    client, world, africa, owner
):
    asia_owner = user_with_role(world["asia"], Role.COORDINATOR)
    populate(africa, owner, 3)
    populate(world["asia"], asia_owner, 30)
    small_one = Stakeholder.objects.filter(network=africa).first()
    large_one = Stakeholder.objects.filter(network=world["asia"]).first()
    for when in range(30):
        Assessment.objects.create(
            stakeholder=large_one,
            assessed_on=datetime.date(2019, 1, 1) + datetime.timedelta(days=when),
            influence=3,
            stance=0,
        )
    for _n in range(3):
        PlanActionFactory(network=africa).stakeholders.add(small_one)
    for _n in range(30):
        PlanActionFactory(network=world["asia"]).stakeholders.add(large_one)
    for _level in range(3):
        national(parent=world["asia"])

    client.force_login(owner)
    small = queries(client, small_one.get_absolute_url())
    small_list = queries(client, url("context_list"))
    client.force_login(asia_owner)
    assert queries(client, large_one.get_absolute_url()) == small
    assert queries(client, url("context_list")) == small_list


def test_a_crowded_map_draws_the_most_influential_and_the_list_names_them_all(
    client, africa, owner, member
):
    from inspir.planning.selectors.context import LIST_PAGE, MAP_LIMIT

    for number in range(MAP_LIMIT + 5):
        influence = 5 if number < 5 else 1 + number % 4
        new_stakeholder(africa, owner, name=f"Stakeholder {number:02d}", influence=influence)
    client.force_login(member)

    page = client.get(url("context", slug="africa")).content.decode()

    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert svg.count("<a href=") == MAP_LIMIT
    for number in range(5):  # the most influential are all drawn
        assert f"Stakeholder {number:02d}" in svg
    assert f"show the {MAP_LIMIT} most influential stakeholders" in page
    listed = page[page.index(f"{MAP_LIMIT + 5} stakeholders") :]
    assert listed.count("<li><a href=") == LIST_PAGE
    second = client.get(url("context", slug="africa") + "?page=2").content.decode()
    rest = second[second.index(f"{MAP_LIMIT + 5} stakeholders") :]
    assert rest.count("<li><a href=") == MAP_LIMIT + 5 - LIST_PAGE
