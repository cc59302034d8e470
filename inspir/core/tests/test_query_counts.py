"""Each page's query count is pinned, within budget, and the same at 1×, 10× and 100× the demo."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from inspir.accounts.models import User
from inspir.demo.scale import build_scaled

pytestmark = pytest.mark.django_db

# page → queries for an anonymous visitor (and for a logged-in member where it differs)
PUBLIC_PAGES = {
    # With the home sections: the latest news (website: the posts, their texts' originals and
    # translations) and the latest newsletter (newsletters).
    "/en/": 8,
    "/en/networks/": 1,
    # With its description in the reader's language (its original and its translation).
    "/en/networks/inspir/": 8,
    "/en/networks/inspir-afrique-de-louest/?page=2": 8,
    "/en/organisations/": 5,
    "/en/organisations/?country=BJ&kind=trade_union&movement=yes&q=union": 5,
    "/en/organisations/?network=inspir-asia&page=2": 5,
    "/en/organisations/wsm/": 4,  # with its description, read as a network's is
    "/en/map/": 2,
    "/en/search/?q=sante": 2,
    "/en/search/?q=benin&kind=network.organisation": 2,
}
MEMBER_PAGES = {
    "/en/": 11,  # with the latest news and the latest newsletter, as above
    "/en/people/": 5,
    "/en/organisations/wsm/": 10,  # with its description (its original, its translation)
    "/en/search/?q=sante": 5,
    "/en/search/?q=sante&kind=network.organisation&page=2": 5,
}
# Governance pages of the demo ({meeting}, {decision}: the demo's upcoming meeting and its
# 2020 decision on the Global Fund for Social Protection).
# Every page showing what members wrote (titles, statements, minutes, reports, inputs) reads
# them in the reader's language in two queries, whatever their number: the originals, and
# their translations into the reader's language (core/texts.py's `shown_all`).
GOVERNANCE_PUBLIC_PAGES = {
    "/en/governance/": 1,
    # The committee with its seat rules, the mandates, who sits on the constituencies'
    # committees, the next meetings, their titles (2).
    "/en/governance/committees/inspir/": 6,
    "/en/governance/meetings/": 5,
    "/en/governance/meetings/{meeting}/": 6,
    "/en/governance/decisions/": 5,
    # The decision, its networks concerned, its positions, the full seats filled that day,
    # the original of its title and statement and their translations in the reader's language
    # (with its meeting's, agenda item's and proposal's titles); the published positions it
    # adopted, with their titles' original and translation (advocacy/related.py).
    "/en/governance/decisions/{decision}/": 9,
    "/en/governance/decisions/{decision}/follow-ups/": 4,
}
GOVERNANCE_MEMBER_PAGES = {
    "/en/governance/": 4,
    # With the consent rounds open, for those who read the committee; the reader's zone is
    # read with the committee.
    "/en/governance/committees/inspir/": 10,
    "/en/governance/meetings/": 10,
    "/en/governance/meetings/{meeting}/": 10,
    "/en/governance/proposals/": 8,
    "/en/governance/decisions/": 9,
    "/en/governance/decisions/{decision}/follow-ups/": 9,
}
# The plan's pages ({action}: the demo's action on the Global Fund; {stakeholder}: the ILO in the
# intercontinental analysis; {suggestion}: Bénin's pending one; {continent}: the context
# analysis of INSP!R Afrique de l'Ouest). The list, the dashboard and the power map are
# within the budget; an action's page reads each kind of link once (partners, indicators,
# decisions, meetings, stakeholders, subsidiarity, suggestions); the printed plan and the
# exports read each link of every action once.
PLANNING_MEMBER_PAGES = {
    # Periods, the networks to filter on, the count, the page of actions, their titles (2).
    "/en/plan/": 9,
    # The reader's zone (today), the figures by domain and network in one read, the actions
    # needing attention in one, their titles (2).
    "/en/plan/dashboard/": 10,
    "/en/plan/suggestions/?show=all": 6,
    "/en/plan/context/": 4,
    "/en/plan/context/{continent}/": 10,
    "/en/plan/context/{continent}/?on=2020-12-31&compare=2019-11-30": 10,
    # With the resources of the library that fulfil it (learning/related.py).
    "/en/plan/actions/{action}/": 15,
    "/en/plan/stakeholders/{stakeholder}/": 8,
    "/en/plan/suggestions/{suggestion}/": 5,
    "/en/plan/print/": 15,
    "/en/plan/export.csv": 13,
    "/en/plan/export.xlsx": 13,
}
# The plan's pages the benchmark measures, held to its budget.
PLANNING_BENCH_PAGES = ("/en/plan/", "/en/plan/dashboard/", "/en/plan/context/{continent}/")

# Every logged-in page spends three queries on the session, the account and the reader's
# reach (their networks, roles, committee seats and second factor, read once for the
# two-factor rule, the navigation and every permission of the page); the meeting page
# gathers five reads besides (the meeting with the reader's zone and its consultations,
# participants, agenda items with their documents, inputs, decisions) and its texts (2).


QUERY_BUDGET = 10


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def counts(client, pages: dict[str, int]) -> dict[str, int]:
    return {url: count_queries(client, url) for url in pages}


# A member's home page, rendered afresh, gathers the sections the apps above core add to it
# (the latest news: its posts and their texts; the newsletter's latest issue). They are the
# same for every reader and kept for all of them in the page cache ({% shared_part %}).
MEMBER_HOME_BUDGET = 11


def test_every_page_stays_within_the_query_budget():
    assert max(PUBLIC_PAGES.values()) <= QUERY_BUDGET
    assert max(count for page, count in MEMBER_PAGES.items() if page != "/en/") <= QUERY_BUDGET
    assert MEMBER_PAGES["/en/"] <= MEMBER_HOME_BUDGET
    assert max(REPORTS_PUBLIC_PAGES.values()) <= QUERY_BUDGET
    assert REPORTS_MEMBER_PAGES["/en/reports/inspir/2020/"] <= QUERY_BUDGET


def governance_urls(pages: dict[str, int]) -> dict[str, str]:
    from inspir.governance.models import Decision, Meeting

    meeting = Meeting.objects.get(title="Steering committee — regular meeting")
    decision = Decision.objects.get(title="Support a Global Fund for Social Protection")
    return {page: page.format(meeting=meeting.pk, decision=decision.pk) for page in pages}


def governance_counts(client, pages: dict[str, int]) -> dict[str, int]:
    urls = governance_urls(pages)
    return {page: count_queries(client, url) for page, url in urls.items()}


def test_governance_pages_stay_within_the_query_budget():
    for page, count in [*GOVERNANCE_PUBLIC_PAGES.items(), *GOVERNANCE_MEMBER_PAGES.items()]:
        assert count <= QUERY_BUDGET, page


def planning_urls(pages: dict[str, int]) -> dict[str, str]:
    from inspir.planning.models import PlanAction, Stakeholder, Suggestion, SuggestionStatus

    action = PlanAction.objects.filter(title__startswith="Global Fund for Social Protection:").get()
    stakeholder = Stakeholder.objects.filter(
        network__slug="inspir", name__startswith="International Labour"
    ).get()
    suggestion = Suggestion.objects.get(status=SuggestionStatus.PENDING)
    values = {
        "action": action.pk,
        "stakeholder": stakeholder.pk,
        "suggestion": suggestion.pk,
        "continent": "inspir-afrique-de-louest",
    }
    return {page: page.format(**values) for page in pages}


def planning_counts(client, urls: dict[str, str]) -> dict[str, int]:
    return {page: count_queries(client, url) for page, url in urls.items()}


def test_planning_pages_the_benchmark_measures_stay_within_the_query_budget():
    for page in PLANNING_BENCH_PAGES:
        assert PLANNING_MEMBER_PAGES[page] <= QUERY_BUDGET, page


def test_query_counts_are_pinned_and_do_not_grow_with_the_network(client, demo):
    member = Client()
    member.force_login(User.objects.get(email="coordinator@example.org"))
    # The demo's own records, found before the copies are made.
    planning = planning_urls(PLANNING_MEMBER_PAGES)
    domains = {
        **planning,
        **advocacy_urls(ADVOCACY_MEMBER_PAGES),
        **learning_urls(LEARNING_MEMBER_PAGES),
        **financing_urls(FINANCING_DEMO_PAGES),
    }
    public_domains = advocacy_urls(ADVOCACY_PUBLIC_PAGES)
    newsletters = newsletters_urls()  # newsletters
    reports_editions()  # reports
    seen = {}
    for factor in (1, 10, 100):
        build_scaled(factor)
        newsletters_grow(factor)  # newsletters
        seen[factor] = (
            {
                **counts(client, PUBLIC_PAGES),
                **governance_counts(client, GOVERNANCE_PUBLIC_PAGES),
                **planning_counts(client, public_domains),
                **counts(client, IDENTITY_PUBLIC_PAGES),  # identity
                **counts(client, WEBSITE_PUBLIC_PAGES),  # website
                **newsletters_counts(client, NEWSLETTERS_PUBLIC_PAGES, newsletters),
                **counts(client, REPORTS_PUBLIC_PAGES),  # reports
            },
            {
                **counts(member, WEBSITE_MEMBER_PAGES),  # website
                **newsletters_counts(member, NEWSLETTERS_MEMBER_PAGES, newsletters),
                **counts(member, REPORTS_MEMBER_PAGES),  # reports
                **counts(member, MEMBER_PAGES),
                **governance_counts(member, GOVERNANCE_MEMBER_PAGES),
                **planning_counts(member, domains),
            },
        )

    for factor, (public, members) in seen.items():
        assert public == {
            **PUBLIC_PAGES,
            **GOVERNANCE_PUBLIC_PAGES,
            **ADVOCACY_PUBLIC_PAGES,
            **IDENTITY_PUBLIC_PAGES,  # identity
            **WEBSITE_PUBLIC_PAGES,  # website
            **NEWSLETTERS_PUBLIC_PAGES,  # newsletters
            **REPORTS_PUBLIC_PAGES,  # reports
        }, f"anonymous at {factor}x"
        assert members == {
            **MEMBER_PAGES,
            **GOVERNANCE_MEMBER_PAGES,
            **PLANNING_MEMBER_PAGES,
            **ADVOCACY_MEMBER_PAGES,
            **LEARNING_MEMBER_PAGES,
            **FINANCING_DEMO_PAGES,
            **WEBSITE_MEMBER_PAGES,  # website
            **NEWSLETTERS_MEMBER_PAGES,  # newsletters
            **REPORTS_MEMBER_PAGES,  # reports
        }, f"coordinator at {factor}x"


# --- identity ---------------------------------------------------------------------------------
# The brand kit (every network's logo and its files, drawn from the charter without a query)
# and a network's own kit: the networks, or the one network, in one query.
IDENTITY_PUBLIC_PAGES = {
    "/en/brand/": 1,
    "/en/brand/inspir-nepal/": 1,
}


# --- reports ----------------------------------------------------------------------------------
# The demo's 2020 report with its editions made (their data frozen), one published. The list
# of published editions: the editions with their networks. A report's page reads its frozen
# edition: the network, its editions. The preview reads the report afresh from every app's
# section, each in a fixed number of queries (its texts in two, as every page): far over the
# page budget, as an export is, and the same at every scale.
REPORTS_PUBLIC_PAGES = {
    "/en/reports/": 1,
}
REPORTS_MEMBER_PAGES = {
    "/en/reports/inspir/2020/": 6,
    "/en/reports/inspir/2020/preview/": 68,
}


def reports_editions() -> None:
    from inspir.network.models import Network
    from inspir.reports import services
    from inspir.reports.models import Edition, EditionStatus

    coordinator = User.objects.get(email="coordinator@example.org")
    top = Network.objects.get(level="intercontinental")
    services.editions_request(network=top, year=2020, actor=coordinator)
    # As if laid out: the pages read the frozen data, never the file.
    Edition.objects.update(status=EditionStatus.READY, pdf="reports/demo.pdf", pages=22)
    services.edition_publish(
        edition=Edition.objects.get(language="en"), actor=coordinator, publish=True
    )


# --- newsletters ------------------------------------------------------------------------------
# The demo's newsletter ({issue}: its December 2020 issue, with a decision and a position),
# with as many more sent issues and ten times as many subscribers, each sent that issue, at
# each factor. The archive: the networks that sent one, the count, the page of issues with
# their networks, their titles (2). An issue's page: the issue, its items, each kind's
# records, the texts (2). The subscribe page: the networks to choose. For its editor: the
# list (the count, the page, the titles) and the issue's page (its progress in one query, a
# page of its deliveries with their messages, its contents).
NEWSLETTERS_PUBLIC_PAGES = {
    "/en/newsletter/": 5,
    "/en/newsletter/issue/{issue}/": 6,
    "/en/newsletter/subscribe/": 1,
}
NEWSLETTERS_MEMBER_PAGES = {
    "/en/newsletter/issues/": 7,
    "/en/newsletter/issues/{issue}/": 12,
}


def newsletters_urls() -> dict[str, str]:
    from django.utils import translation

    from inspir.demo.newsletters import SENT_TITLE, load_newsletters
    from inspir.network.models import Network
    from inspir.newsletters.models import Issue

    with translation.override("en"):
        load_newsletters({network.slug: network for network in Network.objects.all()})
    issue = Issue.objects.get(title=SENT_TITLE)
    pages = {**NEWSLETTERS_PUBLIC_PAGES, **NEWSLETTERS_MEMBER_PAGES}
    return {page: page.format(issue=issue.pk) for page in pages}


def newsletters_grow(factor: int) -> None:
    from django.utils import timezone

    from inspir.demo.newsletters import SENT_TITLE
    from inspir.newsletters.models import Delivery, Issue, Subscriber

    issue = Issue.objects.get(title=SENT_TITLE)
    start = Subscriber.objects.count()
    readers = Subscriber.objects.bulk_create(
        Subscriber(email=f"scaled{start + n}@example.net", language="es", status="active")
        for n in range(10 * factor)
    )
    Delivery.objects.bulk_create(Delivery(issue=issue, subscriber=reader) for reader in readers)
    for n in range(factor):  # one by one: each title's original is recorded, as in use
        Issue.objects.create(
            network=issue.network,
            title=f"Scaled issue {start + n}",
            status="sent",
            sent_at=timezone.now(),
        )


def newsletters_counts(client, pages: dict[str, int], urls: dict[str, str]) -> dict[str, int]:
    return {page: count_queries(client, urls[page]) for page in pages}


# --- website ----------------------------------------------------------------------------------
# The public website: its pages read the public posts of a page (their count, the page, their
# titles and summaries in the reader's language: two queries), the sections with their counts
# in one query, the latest published positions; the feeds and the sitemap likewise. The
# newsroom lists the posts of the networks the coordinator writes for.
WEBSITE_PUBLIC_PAGES = {
    "/en/about/": 0,
    "/en/contact/": 0,
    # The posts, their sections' counts, their texts' originals and translations.
    "/en/news/": 5,
    "/en/news/inspir-afrique-de-louest/": 5,
    "/en/news/feed/": 3,
    "/en/news/inspir-afrique-de-louest/feed/": 4,
    "/en/publications/": 3,
    "/sitemap.xml": 7,  # with the newsletters' archive and sent issues
}
WEBSITE_MEMBER_PAGES = {
    # The posts, their texts' originals and translations, the status counts.
    "/en/newsroom/": 6,
    "/en/newsroom/?status=draft": 6,
}


# --- advocacy ---------------------------------------------------------------------------------
# The positions' pages ({position}: the demo's position on the Global Fund; {campaign}: "No
# profit on pandemic"), as the coordinator and, for the public ones, an anonymous visitor.
# A list: the count, the page, its texts (2); the positions' list also the networks to
# filter on. A position's page: the position with its network and decision, its demands,
# its endorsing networks, its submissions, campaigns and plan actions, and every text (2).
ADVOCACY_MEMBER_PAGES = {
    "/en/advocacy/": 8,
    "/en/advocacy/?status=adopted": 8,
    "/en/advocacy/positions/{position}/": 11,
    "/en/advocacy/campaigns/": 8,
    "/en/advocacy/campaigns/{campaign}/": 8,
    "/en/advocacy/alliances/": 7,
}
ADVOCACY_PUBLIC_PAGES = {
    "/en/advocacy/public/": 4,
    "/en/advocacy/public/{position}/": 5,
}


def advocacy_urls(pages: dict[str, int]) -> dict[str, str]:
    from inspir.advocacy.models import Campaign, Position

    position = Position.objects.get(title__startswith="Global Fund for Social Protection:")
    campaign = Campaign.objects.get(title="No profit on pandemic")
    return {page: page.format(position=position.pk, campaign=campaign.pk) for page in pages}


# The list of undelivered e-mail and the invitations page, whose rows say how their e-mail
# fared: the same queries with 5 messages or 60 (more than a page).
UNDELIVERED_MAIL_PAGE = 5
INVITATIONS_PAGE = 7


def test_mail_delivery_pages_do_not_grow_with_the_messages():
    from inspir.accounts.models import Role
    from inspir.accounts.services import invitation_create
    from inspir.accounts.tests.factories import user_with_role
    from inspir.core.mail import send_email
    from inspir.core.models import OutgoingEmail
    from inspir.network.tests.factories import NetworkFactory, continental, national

    top = NetworkFactory()
    benin = national(continental(top))
    overseer = user_with_role(top, Role.COORDINATOR)
    client = Client()
    client.force_login(overseer)

    def add(count: int) -> None:
        for n in range(count):
            invitation_create(
                network=benin,
                email=f"person{OutgoingEmail.objects.count()}-{n}@example.org",
                role=Role.MEMBER,
                language="fr",
                actor=overseer,
            )
            send_email(subject="Agenda", body="Ready", recipients=[f"someone{n}@example.org"])
        OutgoingEmail.objects.update(status=OutgoingEmail.Status.FAILED)

    seen = []
    for count in (5, 55):
        add(count)
        seen.append(
            (
                count_queries(client, "/en/mail/undelivered/"),
                count_queries(client, "/en/mail/undelivered/?page=2"),
                count_queries(client, "/en/accounts/invitations/"),
            )
        )

    assert seen == [(UNDELIVERED_MAIL_PAGE, UNDELIVERED_MAIL_PAGE, INVITATIONS_PAGE)] * 2


# A record's history and one of its versions: the same queries with 3 saved versions or 60
# (more than a page of 25).
HISTORY_PAGE = 6
REVISION_PAGE = 6


def test_history_pages_do_not_grow_with_the_versions():
    from inspir.accounts.models import Role
    from inspir.accounts.tests.factories import user_with_role
    from inspir.governance.services.meetings import minutes_update
    from inspir.governance.tests.factories import MeetingFactory

    meeting = MeetingFactory()
    governor = user_with_role(meeting.committee.network, Role.COORDINATOR)
    client = Client()
    client.force_login(governor)

    def add(count: int) -> None:
        for n in range(count):
            meeting.refresh_from_db()
            text = f"{meeting.minutes}\nLine {n}."
            minutes_update(meeting=meeting, actor=governor, version=meeting.version, minutes=text)

    seen = []
    for count in (3, 57):
        add(count)
        history = f"/en/history/minutes/{meeting.pk}/"
        seen.append(
            (
                count_queries(client, history),
                count_queries(client, history + "?page=2"),
                count_queries(client, history + "2/"),
            )
        )

    assert seen[1] == (HISTORY_PAGE, HISTORY_PAGE, REVISION_PAGE)
    assert seen[0][0] == HISTORY_PAGE and seen[0][2] == REVISION_PAGE


# financing: its board, totals, funders and one proposal, as a member of Benin on the
# proposal's team: the same queries with 3 proposals per status or 30 (the board reads one
# query per column, one for their counts and two for their titles; the totals one
# aggregate grouped by year and currency).
FINANCING_PAGES = {
    # The networks and funders to filter on, the columns in one read, their titles (2), the
    # calls closing soon.
    "/en/financing/": 9,
    "/en/financing/totals/": 6,
    "/en/financing/funders/": 5,
    # The funder, its calls, the proposals' count and page, the texts (2).
    "/en/financing/funders/{funder}/": 9,
    # The proposal, its partners, team, plan actions and documents, the texts (2).
    "/en/financing/proposals/{proposal}/": 10,
}


def test_financing_pages_do_not_grow_with_the_proposals():
    from inspir.accounts.models import Role
    from inspir.accounts.tests.factories import user_with_role
    from inspir.financing.models import Currency, ProposalStatus
    from inspir.financing.tests.factories import FunderFactory, FundingProposalFactory
    from inspir.network.tests.factories import (
        NetworkFactory,
        PersonFactory,
        continental,
        member_of,
        national,
    )

    benin = national(continental(NetworkFactory()))
    union = member_of(benin)
    reader = user_with_role(benin, Role.MEMBER)
    reader.person = PersonFactory(organisation=union)
    reader.save()
    funder = FunderFactory(network=benin)
    proposal = FundingProposalFactory(
        network=benin, funder=funder, lead_organisation=union, team=[reader.person]
    )
    client = Client()
    client.force_login(reader)

    def add(count: int) -> None:
        for n in range(count):
            for status in ProposalStatus:
                FundingProposalFactory(
                    network=benin,
                    funder=FunderFactory(network=benin) if n % 2 else funder,
                    lead_organisation=union,
                    status=status,
                    amount_granted=1 if status == ProposalStatus.GRANTED else None,
                    currency=[Currency.EUR, Currency.USD, Currency.XOF][n % 3],
                    team=[reader.person] if n % 2 else [],
                )

    seen = []
    for count in (3, 30):
        add(count)
        urls = {
            page: page.format(funder=funder.pk, proposal=proposal.pk) for page in FINANCING_PAGES
        }
        seen.append({page: count_queries(client, url) for page, url in urls.items()})

    assert seen == [FINANCING_PAGES] * 2
    assert max(FINANCING_PAGES.values()) <= QUERY_BUDGET


# "My work" (core/my_work.py) for each demo persona: what is waiting for them is read in the
# same queries at 1x and 10x the demo: the session, the account, the reach, the reader's
# person (their zone and profile), then one query per section (inputs due, proposals awaiting,
# follow-ups, consent rounds, meetings coming with whether the reader gave their meeting
# hours, read apart only when no meeting is coming; invitations for those who invite), and
# the titles of what waits in the reader's language (2).
MY_WORK_PAGE = {
    # With the suggestions to the plans they own (planning, one query).
    "coordinator@example.org": 13,
    "continental.coordinator@example.org": 13,
    "steering.member@example.org": 12,
    "focal.point@example.org": 12,
}
# One query per kind of work (inputs, proposals, follow-ups, consent rounds, meetings,
# suggestions to the plan) and two for their titles besides the session, account and reach;
# read cold only after a change (core/my_work.py). The bench's budget for My work
# (bench/pages.py).
MY_WORK_BUDGET = 13


def test_my_work_reads_the_same_queries_at_1x_and_10x_the_demo(demo):
    seen = {}
    for factor in (1, 10):
        build_scaled(factor)
        seen[factor] = {}
        for email in MY_WORK_PAGE:
            client = Client()
            client.force_login(User.objects.get(email=email))
            seen[factor][email] = count_queries(client, "/en/my-work/")

    assert seen == {1: MY_WORK_PAGE, 10: MY_WORK_PAGE}
    assert max(MY_WORK_PAGE.values()) <= MY_WORK_BUDGET


# The pages of acting for one's network, one's notices and one's profile, as the people who
# use them: the same queries at 1x and 10x the demo ({benin}: the focal point's network;
# {meeting}: the demo's meeting, whose invitation the steering-committee member answers).
OWN_PAGES = {
    # With the language its description is kept in (one query).
    ("focal.point@example.org", "/en/networks/{benin}/edit/"): 5,
    ("focal.point@example.org", "/en/accounts/profile/edit/"): 8,
    ("focal.point@example.org", "/en/notifications/"): 6,
    ("focal.point@example.org", "/en/notifications/preferences/"): 6,
    # With the meeting's title in the reader's language (two queries).
    ("steering.member@example.org", "/en/governance/meetings/{meeting}/answer/"): 7,
}


def own_page_counts() -> dict[tuple[str, str], int]:
    from inspir.accounts.models import NetworkRole, Role
    from inspir.governance.models import Meeting

    benin = NetworkRole.objects.get(user__email="focal.point@example.org", role=Role.FOCAL_POINT)
    meeting = Meeting.objects.get(title="Steering committee — regular meeting")
    seen = {}
    for email, path in OWN_PAGES:
        client = Client()
        client.force_login(User.objects.get(email=email))
        url = path.format(benin=benin.network.slug, meeting=meeting.pk)
        client.get(url)  # the first visit keeps the unread count and the notices' texts
        seen[(email, path)] = count_queries(client, url)
    return seen


def test_ones_own_pages_read_the_same_queries_at_1x_and_10x_the_demo(demo):
    seen = {}
    for factor in (1, 10):
        build_scaled(factor)
        seen[factor] = own_page_counts()

    assert seen[1] == seen[10] == OWN_PAGES
    assert max(OWN_PAGES.values()) <= QUERY_BUDGET


# --- learning: the library ---------------------------------------------------------------------
# The library with its facets (the page of resources, the titles and summaries (2), the
# kinds with the years, which count the results too, the branches, the principles, the
# networks), a resource's page (the resource, each kind of link once, its files, its texts
# (2)) and the networks' needs (the networks, the count, the page with the resources
# answering each, the texts (2)), for a coordinator ({resource}: the exchange between West
# Africa and Latin America).
LEARNING_MEMBER_PAGES = {
    "/en/library/": 10,
    "/en/library/?q=mutuelles&kind=field_visit&branch=medical_care&year=2019": 10,
    "/en/library/?network=inspir-america-latina&principle=rights_based": 10,
    "/en/library/resources/{resource}/": 13,
    "/en/library/needs/": 9,
}


def learning_urls(pages: dict[str, int]) -> dict[str, str]:
    from inspir.learning.models import Resource

    resource = Resource.objects.get(title__startswith="Échange entre l'Afrique de l'Ouest")
    return {page: page.format(resource=resource.pk) for page in pages}


# The demo's funding pages for the coordinator, who sees every amount ({funder}: the ILO;
# {proposal}: the joint proposal to the EU).
FINANCING_DEMO_PAGES = {
    "/en/financing/": 9,
    "/en/financing/totals/": 6,
    "/en/financing/funders/": 5,
    "/en/financing/funders/{funder}/": 9,
    "/en/financing/proposals/{proposal}/": 10,
}


def financing_urls(pages: dict[str, int]) -> dict[str, str]:
    from inspir.financing.models import Funder, FundingProposal

    funder = Funder.objects.get(acronym="ILO")
    proposal = FundingProposal.objects.filter(funder__acronym="EU").order_by("pk").first()
    assert proposal is not None
    return {page: page.format(funder=funder.pk, proposal=proposal.pk) for page in pages}
