import datetime
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation

from inspir.accounts.tests.factories import UserFactory
from inspir.core.versioning import EditConflict
from inspir.financing.models import Currency, FundingProposal, ProposalStatus
from inspir.financing.selectors.access import readable_proposals
from inspir.financing.selectors.proposals import totals
from inspir.financing.services.proposals import proposal_create, proposal_move, proposal_update
from inspir.financing.tests.factories import FundingProposalFactory
from inspir.network.tests.factories import PersonFactory, member_of

pytestmark = pytest.mark.django_db

# Amounts no other figure of the pages may contain.
EUR_2020 = (Decimal("111111"), Decimal("222222"))
USD_2020 = Decimal("333333")
EUR_2021 = Decimal("444444")


def url(name: str, **kwargs: object) -> str:
    with translation.override("en"):
        return reverse(f"financing:{name}", kwargs=kwargs or None)


def digits(amount: Decimal) -> str:
    return str(int(amount))


def page_text(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200
    # Amounts may be shown with a thousands separator: compare the bare digits.
    return response.content.decode().replace(",", "").replace("\u202f", "").replace("\xa0", "")


@pytest.fixture
def pipeline(w):
    """Bénin's proposals: two in EUR and one in USD counting in 2020 (one EUR granted),
    one in EUR counting in 2021, and one in USD of Togo (the Bénin coordinator does not
    read it)."""
    granted = FundingProposalFactory(
        network=w.benin,
        funder=w.funder,
        lead_organisation=w.union,
        amount_requested=EUR_2020[0],
        amount_granted=Decimal("100000"),
        status=ProposalStatus.GRANTED,
        submitted_on=datetime.date(2020, 3, 1),
        decided_on=datetime.date(2020, 9, 1),
        title="Health mutuals in Borgou",
    )
    drafting = FundingProposalFactory(
        network=w.benin,
        funder=w.funder,
        lead_organisation=w.union,
        amount_requested=EUR_2020[1],
        deadline=datetime.date(2020, 11, 30),
        title="Radio programmes",
        team=[w.teammate.person],
    )
    dollars = FundingProposalFactory(
        network=w.benin,
        funder=w.funder,
        lead_organisation=w.union,
        amount_requested=USD_2020,
        currency=Currency.USD,
        status=ProposalStatus.SUBMITTED,
        submitted_on=datetime.date(2020, 6, 1),
        title="Pensions study",
    )
    later = FundingProposalFactory(
        network=w.benin,
        funder=w.funder,
        lead_organisation=w.union,
        amount_requested=EUR_2021,
        deadline=datetime.date(2021, 2, 1),
        status=ProposalStatus.IDEA,
        title="Exchange visit",
    )
    FundingProposalFactory(
        network=w.togo,
        funder=w.funder,
        lead_organisation=w.partner,
        amount_requested=Decimal("999999"),
        currency=Currency.USD,
        title="Togo's own",
    )
    return {"granted": granted, "drafting": drafting, "dollars": dollars, "later": later}


def test_totals_are_summed_per_year_and_currency_never_mixed(w, pipeline, client):
    found = totals(w.coordinator, readable_proposals(w.coordinator))
    rows = {(row.year, row.currency): row for row in found.rows}
    assert set(rows) == {(2021, "EUR"), (2020, "EUR"), (2020, "USD")}
    assert rows[(2020, "EUR")].requested == sum(EUR_2020)
    assert rows[(2020, "EUR")].count == 2
    assert rows[(2020, "EUR")].granted == Decimal("100000")
    assert rows[(2020, "EUR")].granted_count == 1
    assert rows[(2020, "USD")].requested == USD_2020
    assert rows[(2020, "USD")].granted == 0
    assert rows[(2021, "EUR")].requested == EUR_2021
    assert found.left_out == 0  # Togo's is not read at all, so not "left out"

    client.force_login(w.coordinator)
    text = page_text(client, url("totals"))
    assert digits(sum(EUR_2020)) in text
    assert digits(USD_2020) in text
    assert digits(sum(EUR_2020) + USD_2020) not in text  # never added together
    assert "may not see" not in text


def test_staff_totals_count_every_network_in_its_currency(w, pipeline):
    staff = UserFactory(is_staff=True)
    found = totals(staff, readable_proposals(staff))
    rows = {(row.year, row.currency): row for row in found.rows}
    assert rows[(2020, "USD")].requested == USD_2020 + Decimal("999999")
    assert rows[(2020, "USD")].count == 2


def test_a_reader_without_budget_rights_sees_no_amount_anywhere(w, pipeline, client):
    client.force_login(w.member)
    pages = [
        url("board"),
        url("totals"),
        url("funder_detail", pk=w.funder.pk),
        *(url("proposal_detail", pk=p.pk) for p in pipeline.values()),
    ]
    for address in pages:
        text = page_text(client, address)
        for amount in (*EUR_2020, USD_2020, EUR_2021, Decimal("100000")):
            assert digits(amount) not in text, (address, amount)
    text = page_text(client, url("totals"))
    assert "4 proposals whose amounts you may not see are not counted" in text
    assert "amount visible to the team and the coordinators" in page_text(
        client, url("proposal_detail", pk=pipeline["granted"].pk)
    )
    # The focal point acts for Bénin (may edit) without seeing amounts: the form has none.
    client.force_login(w.focal_point)
    form = page_text(client, url("proposal_edit", pk=pipeline["later"].pk))
    assert "amount_requested" not in form
    assert digits(EUR_2021) not in form


def test_a_team_member_sees_their_proposal_amounts_and_only_theirs(w, pipeline, client):
    client.force_login(w.teammate)
    text = page_text(client, url("proposal_detail", pk=pipeline["drafting"].pk))
    assert digits(EUR_2020[1]) in text
    board = page_text(client, url("board"))
    assert digits(EUR_2020[1]) in board
    assert digits(USD_2020) not in board
    totals_page = page_text(client, url("totals"))
    assert digits(EUR_2020[1]) in totals_page
    assert "3 proposals whose amounts you may not see are not counted" in totals_page


def test_a_team_member_outside_the_network_reads_the_proposal(w, pipeline, client):
    """Someone of Togo on a Bénin proposal's team reads it and its amounts, not the others."""
    w.togo_member.person = PersonFactory(organisation=w.partner)
    w.togo_member.save()
    proposal = pipeline["later"]
    proposal.partner_organisations.add(w.partner)
    proposal.team.add(w.togo_member.person)
    client.force_login(w.togo_member)
    assert digits(EUR_2021) in page_text(client, url("proposal_detail", pk=proposal.pk))
    response = client.get(url("proposal_detail", pk=pipeline["dollars"].pk))
    assert response.status_code == 404


def test_the_pipeline_refuses_moves_out_of_order(w, pipeline):
    idea = pipeline["later"]
    with pytest.raises(Exception, match="cannot go from"):
        proposal_move(proposal=idea, actor=w.coordinator, version=idea.version, status="submitted")
    idea.refresh_from_db()
    assert idea.status == ProposalStatus.IDEA
    granted = pipeline["granted"]
    with pytest.raises(Exception, match="cannot go from"):
        proposal_move(
            proposal=granted, actor=w.coordinator, version=granted.version, status="drafting"
        )
    # Step by step it goes; a grant needs its amount; a refused one may be reworked.
    idea = proposal_move(proposal=idea, actor=w.coordinator, version=1, status="drafting")
    idea = proposal_move(
        proposal=idea,
        actor=w.coordinator,
        version=idea.version,
        status="submitted",
        on=datetime.date(2021, 1, 20),
    )
    assert idea.year == 2021
    with pytest.raises(Exception, match="amount granted"):
        proposal_move(proposal=idea, actor=w.coordinator, version=idea.version, status="granted")
    idea = proposal_move(
        proposal=idea,
        actor=w.coordinator,
        version=idea.version,
        status="refused",
        on=datetime.date(2022, 3, 1),
    )
    assert (idea.status, idea.year) == ("refused", 2022)
    idea = proposal_move(
        proposal=idea, actor=w.coordinator, version=idea.version, status="drafting"
    )
    assert idea.decided_on is None and idea.submitted_on is None


def test_the_focal_point_may_not_record_a_grant_without_seeing_amounts(w, pipeline):
    dollars = pipeline["dollars"]
    with pytest.raises(Exception, match="team and the coordinators"):
        proposal_move(
            proposal=dollars,
            actor=w.focal_point,
            version=dollars.version,
            status="granted",
            amount_granted=Decimal("10"),
        )


def test_a_stale_edit_is_refused_and_what_was_typed_kept(w, pipeline, client):
    proposal = pipeline["later"]
    proposal_update(
        proposal=proposal, actor=w.coordinator, version=1, data={"title": "Exchange visits"}
    )
    with pytest.raises(EditConflict):
        proposal_update(proposal=proposal, actor=w.coordinator, version=1, data={"title": "X"})
    client.force_login(w.coordinator)
    response = client.post(
        url("proposal_edit", pk=proposal.pk),
        {
            "title": "My own title",
            "funder": w.funder.pk,
            "lead_organisation": w.union.pk,
            "amount_requested": "5",
            "currency": "EUR",
            "version": 1,
        },
    )
    assert response.status_code == 200
    assert "My own title" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.title == "Exchange visits"


def test_the_team_is_made_of_the_organisations_people(w):
    stranger = PersonFactory(name="Someone else")
    with pytest.raises(Exception, match="Someone else"):
        proposal_create(
            actor=w.focal_point,
            network=w.benin,
            data={
                "title": "Study",
                "funder": w.funder,
                "lead_organisation": w.union,
                "amount_requested": Decimal("10"),
                "currency": "EUR",
            },
            links={"team": [stranger]},
        )
    assert not FundingProposal.objects.exists()
    with pytest.raises(Exception, match="Only organisations of this network"):
        proposal_create(
            actor=w.focal_point,
            network=w.benin,
            data={
                "title": "Study",
                "funder": w.funder,
                "lead_organisation": w.partner,  # of Togo, beside Bénin
                "amount_requested": Decimal("10"),
                "currency": "EUR",
            },
        )
    partner = member_of(w.benin, name="Caisse rurale")
    proposal = proposal_create(
        actor=w.focal_point,
        network=w.benin,
        data={
            "title": "Study",
            "funder": w.funder,
            "lead_organisation": w.union,
            "amount_requested": Decimal("10"),
            "currency": "EUR",
            "deadline": datetime.date(2021, 5, 1),
        },
        links={"team": [w.teammate.person], "partner_organisations": [partner]},
    )
    assert proposal.status == "idea" and proposal.year == 2021
    assert list(proposal.team.all()) == [w.teammate.person]


def test_others_may_not_change_a_proposal(w, pipeline, client):
    client.force_login(w.member)
    response = client.get(url("proposal_edit", pk=pipeline["later"].pk))
    assert response.status_code == 404
    client.force_login(w.teammate)  # on the team of "drafting", a plain member otherwise
    assert client.get(url("proposal_edit", pk=pipeline["drafting"].pk)).status_code == 200
    assert client.get(url("proposal_edit", pk=pipeline["later"].pk)).status_code == 404


def _grow(w, size: int) -> None:
    for index in range(size):
        person = PersonFactory(organisation=w.union)
        FundingProposalFactory(
            network=w.benin,
            funder=w.funder,
            lead_organisation=w.union,
            status=list(ProposalStatus)[index % 5],
            amount_granted=Decimal("5") if index % 5 == 3 else None,
            currency=[Currency.EUR, Currency.USD, Currency.XOF][index % 3],
            team=[person],
        )


@pytest.mark.parametrize("name", ["board", "totals", "proposal_detail", "funder_detail"])
def test_query_counts_do_not_grow_with_the_data(
    w, pipeline, client, name, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kwargs = {
        "proposal_detail": {"pk": pipeline["drafting"].pk},
        "funder_detail": {"pk": w.funder.pk},
    }
    address = url(name, **kwargs.get(name, {}))
    counts = []
    for size in (3, 30):
        _grow(w, size)
        proposal = pipeline["drafting"]
        proposal.partner_organisations.add(w.partner)
        client.force_login(w.teammate)
        client.get(address)  # warm the session and caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


# --- The board's and the totals' kept parts ----------------------------------------------------
# `{% shared_part %}` (decision 0021): amounts differ from reader to reader (a proposal's team
# sees its amounts), so what was kept for one reader is never served to another who may not
# see them, and a change to a team shows at once.

TEAM_AMOUNT = digits(EUR_2020[1])  # of "drafting", whose team is the teammate
PAGES = ("board", "totals")


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()


@pytest.mark.parametrize("name", PAGES)
def test_a_team_members_kept_page_is_not_served_to_a_reader_without_the_amounts(
    w, pipeline, page_cache, client, name
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(w.teammate)
    with CaptureQueriesContext(connection) as rendered:
        assert TEAM_AMOUNT in page_text(client, url(name))
    with CaptureQueriesContext(connection) as kept:
        assert TEAM_AMOUNT in page_text(client, url(name))
    assert len(kept) < len(rendered)  # served from what was kept

    client.force_login(w.member)  # same network and role, not on the team
    text = page_text(client, url(name))
    assert TEAM_AMOUNT not in text
    client.force_login(w.focal_point)  # acts for Bénin, sees no budget
    assert TEAM_AMOUNT not in page_text(client, url(name))


@pytest.mark.parametrize("name", PAGES)
def test_a_readers_kept_page_does_not_hide_the_amounts_from_the_team(
    w, pipeline, page_cache, client, name
):
    client.force_login(w.member)
    assert TEAM_AMOUNT not in page_text(client, url(name))

    client.force_login(w.teammate)
    assert TEAM_AMOUNT in page_text(client, url(name))
    assert digits(EUR_2021) not in page_text(client, url(name))


@pytest.mark.parametrize("name", PAGES)
def test_the_same_filters_kept_for_one_reader_are_not_served_to_another(
    w, pipeline, page_cache, client, name
):
    query = f"?funder={w.funder.pk}&network=benin"
    client.force_login(w.coordinator)
    assert digits(EUR_2021) in page_text(client, url(name) + query)

    client.force_login(w.teammate)
    text = page_text(client, url(name) + query)
    assert TEAM_AMOUNT in text and digits(EUR_2021) not in text


@pytest.mark.parametrize("name", PAGES)
def test_joining_a_team_shows_its_amounts_at_once(w, pipeline, page_cache, client, name):
    client.force_login(w.teammate)
    assert digits(EUR_2021) not in page_text(client, url(name))

    pipeline["later"].team.add(w.teammate.person)

    assert digits(EUR_2021) in page_text(client, url(name))
    pipeline["later"].team.remove(w.teammate.person)
    assert digits(EUR_2021) not in page_text(client, url(name))
