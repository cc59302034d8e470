"""An invited person says who they are in the network: the profile they complete after
accepting the invitation, and edit later from their account."""

import gzip
import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup

from inspir.accounts.models import Role, User
from inspir.accounts.services import invitation_create
from inspir.accounts.tests.factories import PASSWORD, user_with_role
from inspir.core.models import AuditEntry
from inspir.network.models import Country, Person
from inspir.network.selectors import people_visible_to
from inspir.network.tests.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    continental,
    national,
)

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 50_000  # bytes of compressed HTML (docs/benchmarks.md)


@pytest.fixture
def world():
    benin_country, _ = Country.objects.update_or_create(
        code="BJ", defaults={"time_zones": ["Africa/Porto-Novo"]}
    )
    togo_country, _ = Country.objects.update_or_create(
        code="TG", defaults={"time_zones": ["Africa/Lome"]}
    )
    peru_country, _ = Country.objects.update_or_create(
        code="PE", defaults={"time_zones": ["America/Lima"]}
    )
    west_africa = continental(NetworkFactory(name="INSP!R"), name="INSP!R Afrique de l'Ouest")
    west_africa.countries.set([benin_country, togo_country])
    benin = national(west_africa, name="INSP!R Bénin")
    benin.countries.set([benin_country])
    peru = national(continental(west_africa.parent), name="INSP!R Pérou")
    union = OrganisationFactory(name="Union of Cotonou", country=benin_country)
    MembershipFactory(organisation=union, network=benin)
    lima = OrganisationFactory(name="Lima workers", country=peru_country)
    MembershipFactory(organisation=lima, network=peru)
    coordinator = user_with_role(benin, Role.COORDINATOR, email="coord@example.org")
    return {
        "benin": benin,
        "peru": peru,
        "union": union,
        "lima": lima,
        "coordinator": coordinator,
        "togo_country": togo_country,
        "peru_country": peru_country,
    }


def accept_invitation(client, world) -> str:
    """The invited person accepts; returns where the platform sends them."""
    _invitation, token = invitation_create(
        network=world["benin"],
        email="awa@example.org",
        role=Role.MEMBER,
        language="fr",
        actor=world["coordinator"],
    )
    response = client.post(
        f"/fr/accounts/invitation/{token}/",
        {"first_name": "Awa", "last_name": "Diop", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    return response["Location"]


def page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def form_data(soup: BeautifulSoup, **changes) -> dict:
    form = soup.select_one("main form[method=post]")
    data: dict = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        if field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data.setdefault(field["name"], []).append(field["value"])
            continue
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[field["name"]] = chosen["value"] if chosen else ""
        else:
            data[field["name"]] = field.get("value", "")
    data.update(changes)
    return data


def test_an_invited_person_completes_their_profile_and_appears_among_their_networks_people(
    client, world
):
    location = accept_invitation(client, world)
    assert location == "/fr/accounts/profile/edit/"

    form = page(client.get(location))
    assert "Complétez votre profil" in form.h1.text
    # The invited network's country comes first, before every other zone.
    groups = form.select("select[name=time_zone] optgroup")
    assert "Bénin" in groups[0]["label"]
    assert groups[0].select_one("option")["value"] == "Africa/Porto-Novo"
    zones = [option["value"] for option in form.select("select[name=time_zone] option")]
    assert "Asia/Calcutta" not in zones and "Asia/Kolkata" in zones  # no obsolete alias
    assert len(zones) == len(set(zones))  # each zone once
    organisations = {o.text for o in form.select("select[name=organisation] option")}
    assert any("Union of Cotonou" in name for name in organisations)
    assert not any("Lima workers" in name for name in organisations)  # another network's

    response = client.post(
        location,
        form_data(
            form,
            name="Awa Diop",
            organisation=str(world["union"].pk),
            languages=["fr", "en"],
            preferred_language="en",
            phone="+229 97 00 00 00",
        ),
    )

    # On to the profile's next step, the hours at which they accept to meet, then to "my work".
    assert response["Location"] == "/fr/governance/my-hours/?then=profile"
    hours = client.get(response["Location"]).content.decode()
    assert "Votre profil est enregistré." in hours
    assert "Encore une étape" in hours
    response = client.post(
        response["Location"],
        {"earliest": "08:00", "latest": "20:00", "was_earliest": "07:00", "was_latest": "21:00"},
    )
    assert response["Location"] == "/fr/my-work/"
    work = client.get("/fr/my-work/").content.decode()
    assert 'href="/fr/governance/my-hours/"' not in work
    user = User.objects.get(email="awa@example.org")
    person = user.person
    # The country and the zone come from the organisation's country, as suggested.
    assert (person.name, person.organisation, person.country.code, person.time_zone) == (
        "Awa Diop",
        world["union"],
        "BJ",
        "Africa/Porto-Novo",
    )
    assert person.languages == ["en", "fr"]  # the preferred one first
    assert (person.phone, person.email) == ("+229 97 00 00 00", "awa@example.org")
    entry = AuditEntry.objects.get(action="accounts.profile.created")
    assert entry.network_id == world["benin"].pk
    # Editing it later: the organisation's country's zones first, the person's zone chosen.
    again = page(client.get("/fr/accounts/profile/"))
    assert again.find("a", href="/fr/accounts/profile/edit/").text == "Modifier mon profil"
    # The account page names the languages, the preferred one first, in the reader's language.
    assert "anglais, français" in again.find("main").get_text()
    edit = page(client.get("/fr/accounts/profile/edit/"))
    assert "Bénin" in edit.select_one("select[name=time_zone] optgroup")["label"]
    assert edit.select_one("select[name=time_zone] option[selected]")["value"] == (
        "Africa/Porto-Novo"
    )

    client.force_login(world["coordinator"])
    people = client.get("/fr/people/").content.decode()
    assert "Awa Diop" in people


def test_a_person_of_no_member_organisation_still_belongs_to_the_network_they_joined(client, world):
    location = accept_invitation(client, world)
    form = page(client.get(location))

    client.post(
        location,
        form_data(
            form,
            name="Awa Diop",
            organisation="",
            country=str(world["togo_country"].pk),
            time_zone="Africa/Lome",
            languages=["fr"],
        ),
    )

    person = Person.objects.get(name="Awa Diop")
    assert (person.organisation, person.country.code, person.time_zone) == (
        None,
        "TG",
        "Africa/Lome",
    )
    # Among Bénin's people (their role there), so eligible for its committees' seats, which
    # offer the people of the committee's network; not among Peru's.
    assert person in people_visible_to(
        networks=world["benin"].__class__.objects.filter(pk=world["benin"].pk)
    )
    assert person not in people_visible_to(
        networks=world["peru"].__class__.objects.filter(pk=world["peru"].pk)
    )
    client.force_login(world["coordinator"])
    assert "Awa Diop" in client.get("/fr/people/").content.decode()


def test_a_zone_or_an_organisation_from_outside_is_refused_and_what_was_typed_is_kept(
    client, world
):
    location = accept_invitation(client, world)
    form = page(client.get(location))

    response = client.post(
        location,
        form_data(
            form,
            name="Awa Diop",
            organisation=str(world["lima"].pk),
            time_zone="Mars/Olympus_Mons",
            languages=["fr", "wo"],
            phone="+229 97 00 00 00",
        ),
    )

    assert response.status_code == 200
    assert not Person.objects.exists()
    answer = page(response)
    errors = (
        answer.select_one("#id_organisation_error").text
        + answer.select_one("#id_time_zone_error").text
    )
    assert (
        "n’est pas membre de vos réseaux" in errors or "n'est pas membre de vos réseaux" in errors
    )
    assert "Mars/Olympus_Mons" in errors
    assert answer.select_one("input[name=name]")["value"] == "Awa Diop"
    assert answer.select_one("input[name=phone]")["value"] == "+229 97 00 00 00"
    checked = {box["value"] for box in answer.select("input[name=languages][checked]")}
    assert checked == {"fr", "wo"}


def test_without_an_organisation_the_country_must_be_said(client, world):
    location = accept_invitation(client, world)
    form = page(client.get(location))

    response = client.post(location, form_data(form, name="Awa Diop", organisation=""))

    assert response.status_code == 200
    assert not Person.objects.exists()
    assert "Choisissez votre pays" in page(response).select_one("#id_country_error").text


def test_two_saves_of_one_profile_never_overwrite_each_other(client, world):
    location = accept_invitation(client, world)
    client.post(
        location,
        form_data(page(client.get(location)), name="Awa Diop", organisation=str(world["union"].pk)),
    )
    first = form_data(page(client.get(location)), name="Awa D.")
    second = form_data(page(client.get(location)), name="Awa Diop Ahouansou")
    assert client.post(location, first).status_code == 302

    response = client.post(location, second)

    assert response.status_code == 200
    assert Person.objects.get().name == "Awa D."
    table = page(response).select_one("table.edit-conflict").text
    assert "Awa D." in table and "Awa Diop Ahouansou" in table


def test_the_languages_one_writes_are_kept_and_shown_on_the_profile(client, world):
    location = accept_invitation(client, world)
    soup = page(client.get(location))
    assert [box["value"] for box in soup.select("input[name=writes_languages]")] == [
        "fr",
        "en",
        "es",
    ]
    data = form_data(soup, name="Awa Diop", organisation=str(world["union"].pk))
    data["writes_languages"] = ["es", "fr"]
    assert client.post(location, data).status_code == 302

    person = Person.objects.get()
    assert person.writes_languages == ["fr", "es"]  # in the platform's order
    shown = page(client.get("/en/accounts/profile/")).get_text(" ", strip=True)
    assert "Translates into French, Spanish" in shown


def test_the_phone_is_in_the_data_export_and_erased_with_the_account(client, world):
    location = accept_invitation(client, world)
    client.post(
        location,
        form_data(
            page(client.get(location)),
            name="Awa Diop",
            organisation=str(world["union"].pk),
            phone="+229 97 00 00 00",
        ),
    )

    archive = zipfile.ZipFile(io.BytesIO(client.get("/en/accounts/my-data/download/").content))
    assert json.loads(archive.read("person.json"))["phone"] == "+229 97 00 00 00"
    client.post("/en/accounts/my-data/", {"password": PASSWORD, "confirm": "on"})
    person = Person.objects.get()
    assert (person.name, person.phone) == ("—", "")


@pytest.mark.parametrize(
    ("language", "title", "other"),
    [
        ("fr", "Complétez votre profil", "Autre organisation, ou aucune"),
        ("es", "Complete su perfil", "Otra organización, o ninguna"),
        ("en", "Complete your profile", "Other organisation, or none"),
    ],
)
def test_the_profile_page_speaks_the_readers_language_and_stays_light(
    client, world, language, title, other
):
    accept_invitation(client, world)

    response = client.get(f"/{language}/accounts/profile/edit/")

    assert response.status_code == 200
    soup = page(response)
    assert soup.h1.text.strip() == title
    assert soup.select_one("select[name=organisation] option").text == other
    # Every canonical zone is offered, grouped, and the page stays within its weight budget.
    assert len(soup.select("select[name=time_zone] option")) > 400
    weight = len(gzip.compress(response.content, compresslevel=6))
    print(f"profile page, {language}: {len(response.content)} bytes, {weight} compressed")
    assert weight < PAGE_BUDGET


def test_a_role_given_to_someone_puts_them_at_once_among_the_networks_people(
    client, world, settings
):
    from django.core.cache import caches

    from inspir.accounts.tests.factories import NetworkRoleFactory
    from inspir.network.tests.factories import PersonFactory

    settings.PUBLIC_PAGE_CACHE_SECONDS = 300  # the people list is kept (network/views.py)
    caches["pages"].clear()
    someone = user_with_role(world["peru"], Role.MEMBER, email="rosa@example.org")
    someone.person = PersonFactory(name="Rosa Quispe", organisation=world["lima"])
    someone.save()
    client.force_login(world["coordinator"])
    assert "Rosa Quispe" not in client.get("/fr/people/").content.decode()

    NetworkRoleFactory(user=someone, network=world["benin"], role=Role.MEMBER)

    assert "Rosa Quispe" in client.get("/fr/people/").content.decode()
