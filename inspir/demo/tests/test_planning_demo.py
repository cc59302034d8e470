"""The demo's plan 2020–2021 and its context analysis: what the planning pages show on the
demo network (the four domains, subsidiarity, the history of 2020, the suggestions, the
power map in Geneva and at the end of 2020), loaded once however often `load_demo` runs,
and grown by the scale generator."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from inspir.accounts.models import User
from inspir.core import history
from inspir.core.models import Revision, TextOriginal, TextTranslation
from inspir.core.texts import shown
from inspir.demo import data
from inspir.demo.loader import load_demo
from inspir.demo.planning import ACTIONS, STAKEHOLDERS
from inspir.demo.scale import PREFIX, build_scaled
from inspir.governance.models import Domain
from inspir.network.models import Level, Network
from inspir.planning.models import (
    Assessment,
    ContextNote,
    Indicator,
    PlanAction,
    PlanPeriod,
    Stakeholder,
    Suggestion,
    SuggestionStatus,
)
from inspir.planning.permissions import owns_plan_of
from inspir.planning.rules import TRACKED_ACTION_FIELDS, is_overdue, lacks_lead

pytestmark = pytest.mark.django_db

GENEVA = datetime.date(2019, 11, 30)
END_OF_2020 = datetime.date(2020, 12, 31)


def intercontinental_actions():
    return PlanAction.objects.filter(network__slug=data.INTERCONTINENTAL)


def power_map(network: Network, on: datetime.date) -> dict[str, tuple[int, int]]:
    """{stakeholder: (influence, stance)} as assessed on `on` (the latest assessment then)."""
    found: dict[str, tuple[int, int]] = {}
    for assessment in (
        Assessment.objects.filter(stakeholder__network=network, assessed_on__lte=on)
        .select_related("stakeholder")
        .order_by("assessed_on", "pk")
    ):
        found[assessment.stakeholder.name] = (assessment.influence, assessment.stance)
    return found


def test_one_period_2020_2021(demo):
    assert list(PlanPeriod.objects.values_list("name", "starts_on", "ends_on")) == [
        ("2020–2021", datetime.date(2020, 1, 1), datetime.date(2021, 12, 31))
    ]
    assert not PlanAction.objects.exclude(period__name="2020–2021").exists()
    for starts_on, ends_on in PlanAction.objects.values_list("starts_on", "ends_on"):
        assert datetime.date(2020, 1, 1) <= starts_on <= ends_on <= datetime.date(2021, 12, 31)


def test_the_intercontinental_plan_has_actions_in_the_four_domains(demo):
    domains = set(intercontinental_actions().values_list("domain", flat=True))

    assert domains == set(Domain.values)
    titles = " ".join(intercontinental_actions().values_list("title", flat=True))
    for fact in ("Global Fund", "USP2030", "ILO", "No profit on pandemic", "website"):
        assert fact in titles


def test_continental_and_national_networks_have_their_own_actions(demo):
    levels = set(PlanAction.objects.values_list("network__level", flat=True))
    continental = set(
        PlanAction.objects.filter(network__level=Level.CONTINENTAL).values_list(
            "network__slug", flat=True
        )
    )

    assert levels == {Level.INTERCONTINENTAL, Level.CONTINENTAL, Level.NATIONAL}
    assert continental == {
        data.WEST_AFRICA,
        data.CENTRAL_AFRICA,
        data.LATIN_AMERICA,
        data.ASIA,
        data.BELGIUM_EUROPE,
    }
    assert {"inspir-benin", "inspir-guatemala", "inspir-nepal"} <= set(
        PlanAction.objects.values_list("network__slug", flat=True)
    )


def test_international_actions_strengthen_the_networks_below_but_one_or_two(demo):
    actions = intercontinental_actions().prefetch_related("strengthens__network")
    alone = [action.title for action in actions if not action.strengthens.all()]

    assert 1 <= len(alone) <= 2
    for action in actions:
        for other in action.strengthens.all():
            assert other.network.parent_id is not None  # a network below
            assert other.network_id != action.network_id
            assert other.period_id == action.period_id


def test_the_plan_is_mostly_done_with_a_few_actions_overdue_and_one_without_a_lead(demo):
    actions = list(PlanAction.objects.all())
    today = timezone.localdate()
    overdue = [action for action in actions if is_overdue(action, today)]
    closed = [action for action in actions if action.status in ("done", "dropped")]

    assert len(closed) > len(actions) / 2
    assert 1 <= len(overdue) < len(actions) / 3
    assert [action.title for action in actions if lacks_lead(action)] == [
        "New alliances with organisations and donors"
    ]
    assert any(action.status == "dropped" and action.progress < 100 for action in actions)
    assert all(action.progress == 100 for action in actions if action.status == "done")


def test_actions_have_leads_partners_indicators_and_what_produced_them(demo):
    fund = PlanAction.objects.get(title__startswith="Global Fund for Social Protection")

    assert fund.lead_organisation.slug == "wsm"
    assert fund.partner_networks.count() == 5
    assert fund.decisions.get().title == "Support a Global Fund for Social Protection"
    assert fund.meetings.get().title == "Steering committee — 2020 annual review"
    assert {s.name for s in fund.stakeholders.all()} == {
        "UN Special Rapporteur on extreme poverty and human rights",
        "Global Coalition for Social Protection Floors (GCSPF)",
        "G20",
    }
    assert fund.indicators.count() == 2
    covid = PlanAction.objects.get(title__startswith="COVID-19: equal access")
    assert covid.decisions.get().title.startswith("Position sur la COVID-19")
    assert covid.lead_person.name == "Dr Ingrid Mulamba"
    assert Indicator.objects.count() >= 15


def test_targeted_stakeholders_belong_to_the_action_s_line(demo):
    for action in PlanAction.objects.select_related("network").prefetch_related(
        "stakeholders__network"
    ):
        line = {action.network_id, action.network.parent_id}
        parent = action.network.parent
        if parent is not None:
            line.add(parent.parent_id)
        for stakeholder in action.stakeholders.all():
            network = stakeholder.network
            below = network.parent_id == action.network_id or (
                network.parent is not None and network.parent.parent_id == action.network_id
            )
            assert stakeholder.network_id in line or below, (action.title, stakeholder.name)


def test_each_action_s_history_shows_the_plan_evolving_through_2020(demo):
    content_type = ContentType.objects.get_for_model(PlanAction)
    authors = set(
        User.objects.filter(
            email__in=[
                "coordinator@example.org",
                "continental.coordinator@example.org",
                "steering.member@example.org",
            ]
        )
    )
    actions = list(PlanAction.objects.prefetch_related(*TRACKED_ACTION_FIELDS[-6:]))
    several = 0
    for action in actions:
        revisions = list(history.revisions(action))  # newest first
        assert revisions, action.title
        assert revisions[0].version == action.version
        assert [r.version for r in revisions] == list(range(action.version, 0, -1))
        assert revisions[0].snapshot == history.snapshot(action, TRACKED_ACTION_FIELDS)
        assert {r.author for r in revisions} <= authors
        assert all(r.created_at.year in (2020, 2021) for r in revisions)
        dates = [r.created_at for r in reversed(revisions)]
        assert dates == sorted(dates)
        several += len(revisions) >= 3
    assert several >= 10
    in_2020 = Revision.objects.filter(content_type=content_type, created_at__year=2020)
    assert in_2020.count() >= 2 * len(actions)


def test_a_title_was_refined_after_the_committee_s_meeting(demo):
    fund = PlanAction.objects.get(title__startswith="Global Fund for Social Protection")
    revisions = list(history.revisions(fund))

    assert revisions[-1].snapshot["title"] == "Position on a global fund for social protection"
    assert revisions[-1].snapshot["status"] == "planned"
    assert revisions[-1].snapshot["decisions"] == []
    assert revisions[0].snapshot["progress"] == 100
    assert "10 December 2020" in revisions[0].note
    assert [r.snapshot["progress"] for r in reversed(revisions)] == [0, 50, 80, 100]
    assert revisions[0].created_at.date() == datetime.date(2020, 12, 14)
    changes = history.changes(PlanAction, revisions[1].snapshot, revisions[0].snapshot)
    assert {change.name for change in changes} == {
        "title",
        "status",
        "progress",
        "decisions",
        "meetings",
    }


def test_suggestions_in_each_state_from_the_networks_below(demo):
    suggestions = {s.status: s for s in Suggestion.objects.select_related("network", "result")}

    assert set(suggestions) == set(SuggestionStatus.values)
    accepted = suggestions[SuggestionStatus.ACCEPTED]
    assert (accepted.from_network.slug, accepted.network.slug) == ("inspir-benin", data.WEST_AFRICA)
    assert accepted.author.email == "focal.point@example.org"
    assert accepted.decided_by.email == "continental.coordinator@example.org"
    assert (
        history.revisions(accepted.result)
        .last()
        .note.startswith("Ajoutée au plan depuis la suggestion d'INSP!R Bénin")
    )
    merged = suggestions[SuggestionStatus.MERGED]
    assert merged.network.slug == data.INTERCONTINENTAL
    assert merged.from_network.slug == data.LATIN_AMERICA
    assert any("INSP!R América Latina" in r.note for r in history.revisions(merged.result))
    declined = suggestions[SuggestionStatus.DECLINED]
    assert declined.answer and declined.result is None and declined.decided_at.year == 2020
    pending = suggestions[SuggestionStatus.PENDING]
    assert pending.decided_by is None and pending.answer == ""
    assert pending.kind == "change" and pending.action_version == pending.action.version
    owner = User.objects.get(email="continental.coordinator@example.org")
    assert owns_plan_of(owner, pending.network_id)
    assert pending.created_at > timezone.now() - datetime.timedelta(days=30)


def test_context_notes_of_the_four_continental_networks_in_their_languages(demo):
    notes = {
        note.network.slug: note
        for note in ContextNote.objects.filter(network__level=Level.CONTINENTAL)
    }

    assert set(notes) == {data.WEST_AFRICA, data.LATIN_AMERICA, data.ASIA, data.BELGIUM_EUROPE}
    languages = {slug: shown(note, "text", "en").original_language for slug, note in notes.items()}
    assert languages == {
        data.WEST_AFRICA: "fr",
        data.LATIN_AMERICA: "es",
        data.ASIA: "en",
        data.BELGIUM_EUROPE: "fr",
    }
    for note in notes.values():
        revisions = list(history.revisions(note))
        assert [r.version for r in revisions] == [2, 1] == [note.version, 1]
        assert revisions[1].created_at.date() < GENEVA < revisions[0].created_at.date()
        assert note.text.startswith(revisions[1].snapshot["text"])
    assert ContextNote.objects.get(network__slug=data.INTERCONTINENTAL).text.startswith("71%")


def test_texts_are_recorded_in_their_network_s_language_with_some_translations(demo):
    def original(title_start: str) -> str:
        action = PlanAction.objects.get(title__startswith=title_start)
        return shown(action, "title", "en").original_language

    assert original("Porter la position") == "fr"
    assert original("Llevar la posición") == "es"
    assert original("Bring informal workers into Nepal") == "en"
    fund = PlanAction.objects.get(title__startswith="Global Fund for Social Protection")
    assert shown(fund, "title", "es").text.startswith("Fondo Mundial")
    assert shown(fund, "title", "fr").status == "translated"


def test_stakeholders_current_values_are_their_latest_assessment(demo):
    stakeholders = list(Stakeholder.objects.prefetch_related("assessments"))

    assert len(stakeholders) == len(STAKEHOLDERS)
    for stakeholder in stakeholders:
        latest = max(stakeholder.assessments.all(), key=lambda a: a.assessed_on)
        assert (latest.influence, latest.stance, latest.assessed_on) == (
            stakeholder.influence,
            stakeholder.stance,
            stakeholder.assessed_on,
        )
    assessed_twice = [s for s in stakeholders if len(s.assessments.all()) == 2]
    assert len(assessed_twice) >= 10
    for stakeholder in assessed_twice:
        first, second = sorted(stakeholder.assessments.all(), key=lambda a: a.assessed_on)
        assert first.assessed_on <= GENEVA < second.assessed_on <= END_OF_2020
    names = set(Stakeholder.objects.values_list("name", flat=True))
    for institution in ("ILO", "USP2030", "GCSPF", "G20", "UNICEF", "European Commission"):
        assert any(institution in name for name in names), institution
    assert "UN Special Rapporteur on extreme poverty and human rights" in names
    assert "Global Social Justice" in names
    assert set(Stakeholder.objects.values_list("kind", flat=True)) >= {
        "employers",
        "government",
        "eu_institution",
    }


def test_the_power_map_moved_between_geneva_and_the_end_of_2020(demo):
    west_africa = Network.objects.get(slug=data.WEST_AFRICA)
    ministry = "Ministère du Travail et de la Fonction publique (Bénin)"

    before, after = power_map(west_africa, GENEVA), power_map(west_africa, END_OF_2020)

    assert before[ministry] == (4, 0)  # neutral
    assert after[ministry] == (4, 1)  # an ally
    moved = 0
    for network in Network.objects.filter(stakeholders__isnull=False).distinct():
        before, after = power_map(network, GENEVA), power_map(network, END_OF_2020)
        moved += sum(before.get(name) != value for name, value in after.items())
    assert moved >= 10


def test_loading_again_creates_nothing_new(demo):
    def counts() -> dict[str, int]:
        return {
            model.__name__: model.objects.count()
            for model in (
                PlanPeriod,
                PlanAction,
                Indicator,
                Suggestion,
                ContextNote,
                Stakeholder,
                Assessment,
                Revision,
                TextOriginal,
                TextTranslation,
            )
        } | {"links": PlanAction.strengthens.through.objects.count()}

    before = counts()
    versions = dict(PlanAction.objects.values_list("pk", "version"))

    load_demo()

    assert counts() == before
    assert dict(PlanAction.objects.values_list("pk", "version")) == versions
    assert len(versions) == len(ACTIONS)


def test_the_scale_generator_multiplies_the_plan_and_the_stakeholders(demo):
    actions, stakeholders = PlanAction.objects.count(), Stakeholder.objects.count()
    assessments, indicators = Assessment.objects.count(), Indicator.objects.count()
    suggestions = Suggestion.objects.count()
    links = PlanAction.strengthens.through.objects.count()
    copied_texts = TextOriginal.objects.filter(content_type__app_label="planning").exclude(
        content_type__model="contextnote"  # one note per network: not copied
    )
    texts = copied_texts.count()

    summary = build_scaled(3)

    assert (summary.plan_actions, summary.stakeholders) == (2 * actions, 2 * stakeholders)
    assert PlanAction.objects.count() == 3 * actions
    assert Stakeholder.objects.count() == 3 * stakeholders
    assert Assessment.objects.count() == 3 * assessments
    assert Indicator.objects.count() == 3 * indicators
    assert Suggestion.objects.count() == 3 * suggestions
    assert PlanAction.strengthens.through.objects.count() == 3 * links
    assert copied_texts.count() == 3 * texts
    copy = PlanAction.objects.get(title__startswith=f"{PREFIX}3 Global Fund for Social")
    assert copy.network.slug == data.INTERCONTINENTAL
    assert copy.lead_organisation.slug == f"{PREFIX}3-wsm"
    assert {a.title[: len(PREFIX) + 2] for a in copy.strengthens.all()} == {f"{PREFIX}3 "}
    assert {s.name[: len(PREFIX) + 2] for s in copy.stakeholders.all()} == {f"{PREFIX}3 "}
    assert copy.decisions.get().title == "Support a Global Fund for Social Protection"
    assert shown(copy, "title", "es").text.startswith("Fondo Mundial")

    build_scaled(2)

    assert PlanAction.objects.count() == 2 * actions
    assert Stakeholder.objects.count() == 2 * stakeholders
    assert copied_texts.count() == 2 * texts
