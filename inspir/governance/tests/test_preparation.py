"""Bottom-up preparation: circulating an agenda to the members consults the committee's
constituencies, whose committees give their network's input on each item (and may consult
their national networks in turn); the meeting page shows the inputs side by side and who has
not given theirs. Publishing the agenda to the public is a separate act."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from inspir.accounts.models import Role, User
from inspir.accounts.tests.factories import add_second_factor, user_with_role
from inspir.core.models import AuditEntry
from inspir.governance.models import (
    AgendaInput,
    Consultation,
    Meeting,
    MeetingStatus,
    Office,
)
from inspir.governance.selectors.preparation import preparation_context, preparation_texts
from inspir.governance.selectors.texts import read_texts
from inspir.governance.services.preparation import (
    InputConflictError,
    agenda_circulate,
    agenda_publish,
    consultation_open_national,
    input_save,
)
from inspir.governance.tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    MeetingFactory,
    ParticipantFactory,
    SeatRuleFactory,
    seat,
)
from inspir.network.models import Network
from inspir.network.tests.factories import (
    NetworkFactory,
    PersonFactory,
    continental,
    national,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
STARTS = datetime.datetime(2030, 1, 15, 13, 0, tzinfo=UTC)


def committee_member(network: Network, language: str = "en", **person_fields: object) -> User:
    """A user holding an office on `network`'s committee (and nothing else): who governs it."""
    person = PersonFactory(languages=[language], **person_fields)
    seat(CommitteeFactory(network=network), person=person, office=Office.SECRETARIAT)
    user = User.objects.create_user(email=f"seat-{person.pk}@example.org", person=person)
    add_second_factor(user)  # an office needs one, as a coordinator's role does
    return user


@dataclass
class World:
    world: Network
    africa: Network
    benin: Network
    togo: Network
    latam: Network
    meeting: Meeting
    world_gov: User
    africa_gov: User
    latam_gov: User
    benin_gov: User


@pytest.fixture
def w() -> World:
    world = NetworkFactory(name="INSP!R", slug="inspir")
    africa = continental(world, name="Africa", slug="africa")
    benin = national(africa, name="Benin", slug="benin")
    togo = national(africa, name="Togo", slug="togo")
    latam = continental(world, name="Latin America", slug="latam")
    committee = CommitteeFactory(network=world)
    # Two representatives of each continental committee, one for the world network itself
    # (not consulted), and the coordinating organisation (no network).
    for constituency in (africa, latam, world):
        SeatRuleFactory(committee=committee, constituency_network=constituency, seats=2)
    SeatRuleFactory(committee=committee, constituency_network=None)
    world_gov = committee_member(world, "en", time_zone="Europe/Brussels")
    meeting = MeetingFactory(committee=committee, starts_at=STARTS, title="Steering committee")
    ParticipantFactory(meeting=meeting, person=world_gov.person)
    AgendaItemFactory(
        meeting=meeting,
        position=1,
        title="Advocacy at the ILO conference",
        description="Bring your network's two priorities.",
    )
    AgendaItemFactory(meeting=meeting, position=2, title="Budget 2031", description="")
    return World(
        world=world,
        africa=africa,
        benin=benin,
        togo=togo,
        latam=latam,
        meeting=meeting,
        world_gov=world_gov,
        africa_gov=committee_member(africa, "fr", time_zone="Africa/Porto-Novo"),
        latam_gov=committee_member(latam, "es", time_zone="America/La_Paz"),
        benin_gov=committee_member(benin, "fr", time_zone="Africa/Porto-Novo"),
    )


def items(meeting: Meeting) -> list:
    return list(meeting.items.order_by("position"))


def circulate(w: World, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        agenda_circulate(meeting=w.meeting, actor=w.world_gov)
    w.meeting.refresh_from_db()


def input_url(w: World, network: Network) -> str:
    return reverse("governance:input_edit", kwargs={"pk": w.meeting.pk, "network": network.slug})


def page(w: World, user: User | None) -> str:
    context = preparation_context(meeting=w.meeting, user=user or _anonymous())
    # The meeting page reads the texts it shows at once, in the reader's language.
    read_texts(preparation_texts(context["preparation"]))
    return render_to_string("governance/partials/meeting_preparation.html", context)


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


# --- Circulating and publishing ----------------------------------------------------------------


def test_circulating_consults_the_constituencies_and_emails_each_in_their_language_and_zone(
    w, mailbox, django_capture_on_commit_callbacks
):
    circulate(w, django_capture_on_commit_callbacks)

    assert w.meeting.agenda_circulated_at is not None
    assert w.meeting.agenda_published_at is None  # the members have it, not the public
    assert w.meeting.preparation_deadline == STARTS - datetime.timedelta(days=3)
    consulted = Consultation.objects.filter(meeting=w.meeting)
    assert sorted(c.network.slug for c in consulted) == ["africa", "latam"]
    assert AuditEntry.objects.filter(action="governance.agenda.circulated").count() == 1

    # Spanish, La Paz time (UTC−4), and the link to give Latin America's input.
    (latam_mail,) = mailbox.to(w.latam_gov.email)
    body = mailbox.body(latam_mail)
    assert "Advocacy at the ILO conference" in body
    assert "Bring your network's two priorities." in body
    assert "15 de enero de 2030" in body and "09:00" in body
    assert "America/La_Paz, UTC−04:00" in body
    assert "12 de enero de 2030" in body  # the deadline, three days before
    assert f"/es/governance/meetings/{w.meeting.pk}/inputs/latam/" in body

    # French, Porto-Novo time (UTC+1), Africa's link.
    (africa_mail,) = mailbox.to(w.africa_gov.email)
    body = mailbox.body(africa_mail)
    assert "15 janvier 2030" in body and "14:00" in body
    assert "Africa/Porto-Novo, UTC+01:00" in body
    assert f"/fr/governance/meetings/{w.meeting.pk}/inputs/africa/" in body
    assert "/inputs/latam/" not in body

    # The participant is told too; Benin is not consulted yet.
    (participant_mail,) = mailbox.to(w.world_gov.person.email)
    assert "Europe/Brussels, UTC+01:00" in mailbox.body(participant_mail)
    assert mailbox.to(w.benin_gov.email) == []


def test_circulating_is_refused_without_items_once_cancelled_or_twice(
    w, django_capture_on_commit_callbacks
):
    empty = MeetingFactory(committee=w.meeting.committee, starts_at=STARTS)
    with pytest.raises(ValidationError, match="at least one agenda item"):
        agenda_circulate(meeting=empty, actor=w.world_gov)
    cancelled = MeetingFactory(
        committee=w.meeting.committee, starts_at=STARTS, status=MeetingStatus.CANCELLED
    )
    AgendaItemFactory(meeting=cancelled)
    with pytest.raises(ValidationError, match="cancelled"):
        agenda_circulate(meeting=cancelled, actor=w.world_gov)
    with pytest.raises(PermissionDenied):
        agenda_circulate(meeting=w.meeting, actor=w.africa_gov)
    circulate(w, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="already circulated"):
        agenda_circulate(meeting=w.meeting, actor=w.world_gov)
    assert not Meeting.objects.get(pk=empty.pk).agenda_is_circulated


def test_publishing_to_the_public_comes_after_circulating_and_tells_nobody(
    w, client, mailbox, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError, match="Circulate the agenda"):
        agenda_publish(meeting=w.meeting, actor=w.world_gov)
    circulate(w, django_capture_on_commit_callbacks)
    client.logout()
    assert client.get(w.meeting.get_absolute_url()).status_code == 404  # members only
    with pytest.raises(PermissionDenied):
        agenda_publish(meeting=w.meeting, actor=w.africa_gov)
    told = len(mailbox.messages)

    client.force_login(w.world_gov)
    url = reverse("governance:agenda_publish", kwargs={"pk": w.meeting.pk})
    assert "Publish the agenda to the public" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302

    w.meeting.refresh_from_db()
    assert w.meeting.agenda_published_at is not None
    assert AuditEntry.objects.filter(action="governance.agenda.published").count() == 1
    assert len(mailbox.messages) == told  # circulating told the members already
    client.logout()
    assert client.get(w.meeting.get_absolute_url()).status_code == 200
    with pytest.raises(ValidationError, match="already published"):
        agenda_publish(meeting=w.meeting, actor=w.world_gov)


def test_the_circulate_page_takes_a_deadline_in_the_readers_zone(
    w, client, mailbox, django_capture_on_commit_callbacks
):
    url = reverse("governance:agenda_circulate", kwargs={"pk": w.meeting.pk})
    client.force_login(w.africa_gov)
    assert client.get(url).status_code == 404  # governs Africa, not the world committee

    client.force_login(w.world_gov)
    response = client.get(url)
    assert response.status_code == 200
    assert "Europe/Brussels" in response.text
    assert "Africa" in response.text and "Latin America" in response.text  # to be consulted
    # 10 January 2030, 18:00 in Brussels (UTC+1) is 17:00 UTC.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"deadline": "2030-01-10T18:00"})
    assert response.status_code == 302
    w.meeting.refresh_from_db()
    assert w.meeting.preparation_deadline == datetime.datetime(2030, 1, 10, 17, 0, tzinfo=UTC)
    assert len(mailbox.messages) == 3

    response = client.get(url)
    assert "already circulated" in response.text


def test_a_deadline_after_the_meeting_is_refused_and_kept(w, client):
    client.force_login(w.world_gov)
    url = reverse("governance:agenda_circulate", kwargs={"pk": w.meeting.pk})
    response = client.post(url, {"deadline": "2030-02-01T10:00"})
    assert response.status_code == 200
    assert "must not be after the start of the meeting" in response.text
    assert 'value="2030-02-01T10:00"' in response.text
    assert not Meeting.objects.get(pk=w.meeting.pk).agenda_is_circulated


# --- Inputs -------------------------------------------------------------------------------------


def test_a_continental_committee_member_gives_input_and_missing_networks_disappear(
    w, client, django_capture_on_commit_callbacks
):
    circulate(w, django_capture_on_commit_callbacks)
    first, second = items(w.meeting)
    html = page(w, w.world_gov)
    assert "Inputs still expected" in html
    assert 'Africa <span class="muted">(0 of 2 items)' in html

    client.force_login(w.africa_gov)
    response = client.get(input_url(w, w.africa))
    assert response.status_code == 200
    assert "Bring your network&#x27;s two priorities." in response.text
    response = client.post(
        input_url(w, w.africa),
        {
            f"item_{first.pk}": "Universal health coverage for informal workers.",
            f"version_{first.pk}": "",
            f"item_{second.pk}": "",
            f"version_{second.pk}": "",
        },
    )
    assert response.status_code == 302
    saved = AgendaInput.objects.get(item=first, network=w.africa)
    assert saved.author == w.africa_gov and saved.version == 1
    assert not AgendaInput.objects.filter(item=second).exists()
    assert AuditEntry.objects.filter(action="governance.input.saved").count() == 1

    context = preparation_context(meeting=w.meeting, user=w.world_gov)["preparation"]
    row_one, row_two = context["rows"]
    assert [c.network.slug for c in context["columns"]] == ["africa", "latam"]
    assert row_one.cells[0].input.text == "Universal health coverage for informal workers."
    assert [n.slug for n in row_one.missing] == ["latam"]
    assert [n.slug for n in row_two.missing] == ["africa", "latam"]
    html = page(w, w.world_gov)
    assert "Universal health coverage for informal workers." in html
    assert 'Africa <span class="muted">(1 of 2 items)' in html

    for network, user in ((w.africa, w.africa_gov), (w.latam, w.latam_gov)):
        for item in (first, second):
            current = AgendaInput.objects.filter(item=item, network=network).first()
            input_save(
                item=item,
                network=network,
                text=f"{network.name} on {item.title}",
                actor=user,
                version=current.version if current else None,
            )
    html = page(w, w.world_gov)
    assert "Every consulted network has given its input on every item." in html
    assert "Not yet given by" not in html


def test_the_meeting_page_shows_inputs_to_members_and_the_give_link_to_governors(
    w, client, django_capture_on_commit_callbacks
):
    circulate(w, django_capture_on_commit_callbacks)
    first, _second = items(w.meeting)
    input_save(item=first, network=w.latam, text="Pensiones no contributivas.", actor=w.latam_gov)
    url = w.meeting.get_absolute_url()

    client.force_login(w.latam_gov)
    response = client.get(url)
    assert response.status_code == 200
    assert "Pensiones no contributivas." in response.text
    assert "Give Latin America's input" in response.text
    assert "Give Africa's input" not in response.text

    agenda_publish(meeting=w.meeting, actor=w.world_gov)
    client.logout()
    response = client.get(url)  # the agenda is published, so the page is public...
    assert response.status_code == 200
    assert "Pensiones no contributivas." not in response.text  # ...but inputs are internal


def test_national_consultation_and_national_input_shown_nested(
    w, client, mailbox, django_capture_on_commit_callbacks
):
    circulate(w, django_capture_on_commit_callbacks)
    first, _second = items(w.meeting)
    consult_url = reverse(
        "governance:consultation_create", kwargs={"pk": w.meeting.pk, "network": "africa"}
    )
    client.force_login(w.latam_gov)
    assert client.get(consult_url).status_code == 404

    client.force_login(w.africa_gov)
    response = client.get(consult_url)
    assert "Benin" in response.text and "Togo" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(consult_url, {"networks": [w.benin.pk]})
    assert response.status_code == 302
    child = Consultation.objects.get(meeting=w.meeting, network=w.benin)
    assert child.parent.network == w.africa
    assert AuditEntry.objects.filter(action="governance.consultation.opened").count() == 1
    (benin_mail,) = mailbox.to(w.benin_gov.email)
    assert f"/fr/governance/meetings/{w.meeting.pk}/inputs/benin/" in mailbox.body(benin_mail)

    # The national committee gives its input; Africa sees it while giving its own.
    client.force_login(w.benin_gov)
    response = client.post(
        input_url(w, w.benin),
        {f"item_{first.pk}": "Les mutuelles de santé du Bénin d'abord."},
    )
    assert response.status_code == 302
    client.force_login(w.africa_gov)
    assert "Les mutuelles de santé du Bénin" in client.get(input_url(w, w.africa)).text

    context = preparation_context(meeting=w.meeting, user=w.world_gov)["preparation"]
    africa_column = context["columns"][0]
    assert [c.network.slug for c in africa_column.children] == ["benin"]
    cell = context["rows"][0].cells[0]
    assert cell.input is None
    assert [(n.slug, i.text) for n, i in cell.nested] == [
        ("benin", "Les mutuelles de santé du Bénin d'abord.")
    ]
    html = page(w, w.world_gov)
    assert '<dl class="prep-national">' in html and "<dt>Benin</dt>" in html

    # A network is consulted once; only national networks of the continent may be.
    with pytest.raises(ValidationError, match="already consulted"):
        consultation_open_national(
            consultation=child.parent, networks=[w.benin], actor=w.africa_gov
        )
    with pytest.raises(ValidationError, match="not a national network of Africa"):
        consultation_open_national(
            consultation=child.parent, networks=[w.latam], actor=w.africa_gov
        )


def test_inputs_are_refused_after_the_deadline(w, client, django_capture_on_commit_callbacks):
    circulate(w, django_capture_on_commit_callbacks)
    first, _second = items(w.meeting)
    Meeting.objects.filter(pk=w.meeting.pk).update(
        preparation_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    w.meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="that time has passed"):
        input_save(item=first, network=w.africa, text="Too late.", actor=w.africa_gov)

    client.force_login(w.africa_gov)
    response = client.post(input_url(w, w.africa), {f"item_{first.pk}": "Too late."})
    assert response.status_code == 200
    assert "that time has passed" in response.text
    assert "Too late." in response.text  # what was typed is kept
    assert not AgendaInput.objects.exists()
    assert "Give Africa" not in page(w, w.africa_gov)


def test_only_those_who_govern_a_consulted_network_may_give_its_input(
    w, client, django_capture_on_commit_callbacks
):
    first, _second = items(w.meeting)
    client.force_login(w.africa_gov)
    assert client.get(input_url(w, w.africa)).status_code == 404  # not circulated: not consulted
    circulate(w, django_capture_on_commit_callbacks)

    assert client.get(input_url(w, w.latam)).status_code == 404  # another network
    assert client.get(input_url(w, w.benin)).status_code == 404  # not consulted
    client.force_login(user_with_role(w.africa, Role.MEMBER))  # a member, not a governor
    assert client.get(input_url(w, w.africa)).status_code == 404
    client.force_login(user_with_role(w.africa, Role.COORDINATOR))  # a coordinator may
    assert client.get(input_url(w, w.africa)).status_code == 200
    client.logout()
    assert client.get(input_url(w, w.africa)).status_code == 302  # to log in
    with pytest.raises(PermissionDenied):
        input_save(item=first, network=w.africa, text="Not mine.", actor=w.latam_gov)
    assert not AgendaInput.objects.exists()


def test_a_stale_input_is_refused_with_the_text_kept_and_the_difference_shown(
    w, client, django_capture_on_commit_callbacks
):
    circulate(w, django_capture_on_commit_callbacks)
    first, second = items(w.meeting)
    input_save(item=first, network=w.africa, text="First version.", actor=w.africa_gov)
    colleague = committee_member(w.africa, "fr")
    # Both open the form at version 1; the colleague saves first.
    input_save(
        item=first, network=w.africa, text="The colleague's version.", actor=colleague, version=1
    )
    with pytest.raises(InputConflictError):
        input_save(item=first, network=w.africa, text="Mine.", actor=w.africa_gov, version=1)

    client.force_login(w.africa_gov)
    data = {
        f"item_{first.pk}": "My own careful text.",
        f"version_{first.pk}": "1",
        f"item_{second.pk}": "A new input on the budget.",
        f"version_{second.pk}": "",
    }
    response = client.post(input_url(w, w.africa), data)
    assert response.status_code == 200
    assert "Someone else saved this network&#x27;s input" in response.text
    assert "My own careful text." in response.text
    assert "The colleague&#x27;s version." in response.text  # the difference, side by side
    # Nothing was written, not even the item that did not conflict.
    assert AgendaInput.objects.get(item=first, network=w.africa).text == "The colleague's version."
    assert not AgendaInput.objects.filter(item=second).exists()
    # Saving again after seeing the difference is deliberate and goes through.
    assert f'name="version_{first.pk}" value="2"' in response.text
    data[f"version_{first.pk}"] = "2"
    assert client.post(input_url(w, w.africa), data).status_code == 302
    assert AgendaInput.objects.get(item=first, network=w.africa).text == "My own careful text."


# --- Query count --------------------------------------------------------------------------------


def _grow(w: World, count: int) -> None:
    """`count` more items, consulted continental networks (each with a national network
    consulted in turn) and inputs from all of them."""
    committee = w.meeting.committee
    new_items = [AgendaItemFactory(meeting=w.meeting) for _ in range(count)]
    for n in range(count):
        continent = continental(w.world)
        country = national(continent)
        SeatRuleFactory(committee=committee, constituency_network=continent)
        parent = Consultation.objects.create(meeting=w.meeting, network=continent)
        Consultation.objects.create(meeting=w.meeting, network=country, parent=parent)
        for item in new_items[: n + 1]:
            AgendaInput.objects.create(item=item, network=continent, text="Continental input.")
            AgendaInput.objects.create(item=item, network=country, text="National input.")


@pytest.mark.parametrize("viewer", ["world_gov", "africa_gov", "anonymous"])
def test_the_preparation_context_and_partial_take_a_fixed_number_of_queries(
    w, viewer, django_capture_on_commit_callbacks
):
    circulate(w, django_capture_on_commit_callbacks)
    user = _anonymous() if viewer == "anonymous" else getattr(w, viewer)

    def count() -> int:
        meeting = Meeting.objects.select_related("committee__network").get(pk=w.meeting.pk)
        with CaptureQueriesContext(connection) as queries:
            context = preparation_context(meeting=meeting, user=user)
            read_texts(preparation_texts(context["preparation"]))
            render_to_string("governance/partials/meeting_preparation.html", context)
        return len(queries)

    _grow(w, 2)
    few = count()
    _grow(w, 18)
    assert Consultation.objects.filter(meeting=w.meeting).count() == 2 + 2 * 20
    many = count()
    assert few == many
    assert many <= 10


def test_the_input_page_takes_a_fixed_number_of_queries(
    w, client, django_capture_on_commit_callbacks
):
    circulate(w, django_capture_on_commit_callbacks)
    africa = Consultation.objects.get(meeting=w.meeting, network=w.africa)
    client.force_login(w.africa_gov)

    def grow(count: int) -> None:
        for _ in range(count):
            item = AgendaItemFactory(meeting=w.meeting, description="What to prepare.")
            country = national(w.africa)
            Consultation.objects.create(meeting=w.meeting, network=country, parent=africa)
            AgendaInput.objects.create(item=item, network=country, text="National input.")
            AgendaInput.objects.create(item=item, network=w.africa, text="Continental input.")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(input_url(w, w.africa))
        assert response.status_code == 200
        return len(queries)

    grow(2)
    few = count()
    grow(18)
    many = count()
    assert few == many
    assert many <= 10


def test_the_circulate_and_publish_buttons_are_for_those_who_govern_the_committee_only(
    w, django_capture_on_commit_callbacks
):
    assert "Circulate the agenda to the members" in page(w, w.world_gov)
    assert "Publish the agenda to the public" not in page(w, w.world_gov)  # circulate first
    assert "Circulate the agenda" not in page(w, w.africa_gov)
    assert "Circulate the agenda" not in page(w, None)
    circulate(w, django_capture_on_commit_callbacks)
    assert "Circulate the agenda" not in page(w, w.world_gov)
    assert "Publish the agenda to the public" in page(w, w.world_gov)
    assert "Publish the agenda" not in page(w, w.africa_gov)
