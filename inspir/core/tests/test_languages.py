import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

PAGES = ["/{}/", "/{}/networks/", "/{}/organisations/", "/{}/map/", "/{}/accounts/login/"]


@pytest.mark.parametrize("language", ["fr", "en", "es"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_in_each_language(client, page, language):
    response = client.get(page.format(language))

    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").html["lang"] == language


@pytest.mark.parametrize(
    ("accept", "expected"), [("es-BO,es;q=0.9", "/es/"), ("fr-BE,fr", "/fr/"), ("de", "/en/")]
)
def test_the_root_address_follows_the_browsers_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_the_language_switcher_leads_to_the_same_page_in_each_language(client):
    page = BeautifulSoup(client.get("/fr/organisations/?country=BJ").content, "html.parser")

    links = {a["hreflang"]: a["href"] for a in page.select("nav.languages a")}

    assert links == {
        "fr": "/fr/organisations/?country=BJ",
        "en": "/en/organisations/?country=BJ",
        "es": "/es/organisations/?country=BJ",
    }
    assert page.select_one("nav.languages a[aria-current]")["hreflang"] == "fr"


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("fr", "La protection sociale est un droit, pas un privilège"),
        ("es", "La protección social es un derecho, no un privilegio"),
        ("en", "Social protection is a right, not a privilege"),
    ],
)
def test_the_interface_is_translated(client, language, heading):
    page = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")

    assert page.h1.get_text(strip=True) == heading


@pytest.mark.parametrize(
    "language, empty_choice",
    [("fr", "- Choisir une option -"), ("es", "- Elija una opción -")],
)
def test_strings_of_django_itself_are_translated_too(client, language, empty_choice):
    """Django 6.1's Spanish catalogue lacks the empty choice of a drop-down; ours fills it."""
    from inspir.accounts.models import Role
    from inspir.accounts.tests.factories import user_with_role
    from inspir.network.tests.factories import NetworkFactory

    client.force_login(user_with_role(NetworkFactory(), Role.COORDINATOR))

    page = BeautifulSoup(client.get(f"/{language}/accounts/invitations/").content, "html.parser")

    assert page.select_one("select[name=network] option").get_text() == empty_choice
