"""The demo's 2020 annual report, as the network published it by hand: its facts read back
from the PDF the platform lays out, in French, English and Spanish; a continental network's
report too, with names in the scripts of Asia drawn without a missing glyph; and a year's
report left as it was when later years' data changes."""

import datetime

import pytest
from django.utils import translation

from inspir.core.texts import shown_many
from inspir.governance.models import Domain, Mandate
from inspir.network.models import Membership, MembershipRole, Network, Person
from inspir.planning.models import PlanAction
from inspir.reports import selectors
from inspir.reports.pdf import render_pdf
from inspir.reports.templatetags.reports import report_number
from inspir.reports.tests.pdf_pages import missing_glyph_boxes, pdf_text

pytestmark = pytest.mark.django_db

YEAR = 2020

# The 2020 report's own figures (../shared/docs/DOMAIN.md).
SEED_FIGURES = {
    "member_organisations": 97,
    "social_movements": 75,
    "strategic_partners": 8,
    "national_networks": 19,
    "continental_networks": 5,
    "committee_members": 12,
    "direct_beneficiaries": 22_000_000,
    "countries": 24,
}
SEED_NAMES = ["Issa Sissouma", "Gabriela Prudencio", "Sulistri Afrileston", "Santiago Fischer"]
GENEVA = {"fr": "Genève", "en": "Geneva", "es": "Ginebra"}
TWENTY_TWO_MILLION = {"fr": "22 millions", "en": "22 million", "es": "22 millones"}
TIMELINE_YEARS = ["1974", "2007", "2008", "2011", "2013", "2014", "2017", "2019", "2020"]


def _figures(data: dict) -> dict[str, int]:
    return {
        figure["key"]: figure["value"]
        for section in data["sections"]
        for figure in section["data"].get("figures") or ()
    }


def _members_at_year_end(network: Network) -> list[str]:
    end = datetime.date(YEAR, 12, 31)
    mandates = Mandate.objects.filter(committee__network=network, start_date__lte=end).exclude(
        end_date__lt=end
    )
    return sorted({mandate.person.name for mandate in mandates.select_related("person")})


@pytest.mark.document
@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_2020_report_states_the_facts_of_the_year(demo, language):
    top = Network.objects.get(level="intercontinental")
    data = selectors.report_data(top, YEAR, language)
    assert {key: _figures(data)[key] for key in SEED_FIGURES} == SEED_FIGURES

    content, pages = render_pdf(data, made_on=datetime.date(2021, 3, 1))
    text = pdf_text(content)

    assert pages > 10
    with translation.override(language):
        for figure in _figures(data).values():
            assert report_number(figure) in text
    assert TWENTY_TWO_MILLION[language] in text
    # The twelve members of the steering committee by name, the seed's among them.
    members = _members_at_year_end(top)
    assert len(members) >= 12
    for name in [*members, *SEED_NAMES]:
        assert name in text
    # The history, and the founding meeting in Geneva.
    for year in TIMELINE_YEARS:
        assert year in text
    assert GENEVA[language] in text
    # The four domains, each with an action of the plan, in the reader's language.
    actions = PlanAction.objects.filter(network=top, starts_on__lte=datetime.date(YEAR, 12, 31))
    with translation.override(language):
        for domain in Domain:
            assert str(domain.label) in text
            in_domain = list(actions.filter(domain=domain))
            titles = shown_many(in_domain, "title", language)
            assert any(titles[action.pk].text in text for action in in_domain), domain
    # The year's two positions.
    assert "COVID-19" in text


@pytest.mark.document
def test_a_continental_report_draws_names_in_every_script_of_its_countries(demo):
    asia = Network.objects.get(slug="inspir-asia")
    below = Network.objects.subtree_of([asia.pk])
    # Names as the members write them: Bengali, Khmer, Hindi, and accents.
    renamed = {
        "Rina Akter": "রিনা আক্তার",
        "Sokha Chea": "ជា សុខា",
        "Maricel Dela Cruz": "सुनीता देवी",
        "Samy Arokiasamy": "Samy Ñandú Arokiasamy",
    }
    for before, after in renamed.items():
        assert Person.objects.filter(name__startswith=before).update(name=after) == 1

    data = selectors.report_data(asia, YEAR, "en")
    content, _pages = render_pdf(data, made_on=datetime.date(2021, 3, 1))
    text = pdf_text(content)

    assert "INSP!R Asia" in text
    asia_members = Membership.objects.current(datetime.date(YEAR, 12, 31)).filter(
        network__in=below, role=MembershipRole.MEMBER
    )
    expected = asia_members.values("organisation").distinct().count()
    assert _figures(data)["member_organisations"] == expected < 97
    # Its members by network are those of its national networks, each named in the PDF.
    members = next(s["data"] for s in data["sections"] if s["key"] == "network.members")
    national = set(below.filter(level="national").values_list("name", flat=True))
    assert {branch["label"] for branch in members["branches"]} == national
    for name in national:
        assert name in text
    # Its committee, not the intercontinental one.
    for name in _members_at_year_end(asia):
        assert name in text
    assert "Gabriela Prudencio" not in text
    for name in renamed.values():
        assert name in text
    assert missing_glyph_boxes(content) == {}
