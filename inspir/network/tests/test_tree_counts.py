"""The networks tree says what it counts: a network with networks below it counts the member
organisations of all of them (each once), and says how many belong to it directly."""

import pytest
from bs4 import BeautifulSoup

from inspir.network.tests.factories import MembershipFactory, member_of
from inspir.network.tests.test_pages import tree  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def counts(client, language: str) -> dict[str, str]:
    page = BeautifulSoup(client.get(f"/{language}/networks/").content, "html.parser")
    return {
        li.a.get_text(): " ".join(li.select_one(":scope > span.muted").get_text().split())
        for li in page.select("ul.tree li")
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "INSP!R": "3 member organisations with the networks below, 1 of them directly",
                "INSP!R Afrique": "2 member organisations with the networks below, "
                "1 of them directly",
                "INSP!R Bénin": "2 member organisations",
                "INSP!R-Togo": "0 member organisations",
            },
        ),
        (
            "fr",
            {
                "INSP!R": "3 organisations membres en comptant les réseaux en dessous, "
                "dont 1 directement",
                "INSP!R Afrique": "2 organisations membres en comptant les réseaux en dessous, "
                "dont 1 directement",
                "INSP!R Bénin": "2 organisations membres",
                "INSP!R-Togo": "0 organisation membre",
            },
        ),
        (
            "es",
            {
                "INSP!R": "3 organizaciones miembro contando las redes de abajo, "
                "1 de ellas directamente",
                "INSP!R Afrique": "2 organizaciones miembro contando las redes de abajo, "
                "1 de ellas directamente",
                "INSP!R Bénin": "2 organizaciones miembro",
                "INSP!R-Togo": "0 organizaciones miembro",
            },
        ),
    ],
)
def test_each_network_counts_the_members_below_it_once(client, tree, language, expected):  # noqa: F811
    member_of(tree["benin"], name="Mutuelle de Porto-Novo")
    member_of(tree["world"], name="WSM")
    # A member of two networks of the same branch is counted once above them.
    MembershipFactory(organisation=tree["union"], network=tree["africa"], role="member")

    shown = counts(client, language)

    for network, text in expected.items():
        assert shown[network].endswith(text), (network, shown[network])
