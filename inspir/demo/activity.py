"""The demo's governance at work: the founding meeting in Geneva, meetings of the
intercontinental steering committee, a proposal that came up from Benin, decisions with their
consent records, and follow-ups that went back down to the networks.

The founding meeting follows the 2020 report (Geneva, the two days after the ILO's Global
Social Protection Week of 25-28 November 2019, 40 people from organisations in 16 countries
on 4 continents). The 2020 meeting and its two decisions follow the 2020 report too (the
Global Fund for Social Protection and the COVID-19 position); the texts, the votes, the
reports back, the Benin proposal and the next meeting are plausible choices, written for the
demo. Dates of the
next meeting are relative to the day the demo is loaded, so that it is always upcoming.

Rows are written directly, as elsewhere in the demo (no e-mails, no audit entries), and
keyed so that loading again updates them in place and creates nothing new."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone, translation

from inspir.accounts.models import User
from inspir.core.models import TextOriginal, TextStatus, TextTranslation
from inspir.demo import data
from inspir.governance.models import (
    AgendaInput,
    AgendaItem,
    Attendance,
    Capacity,
    Committee,
    ConsentRecord,
    Consultation,
    Decision,
    Domain,
    FollowUp,
    FollowUpStatus,
    Mandate,
    Meeting,
    MeetingFormat,
    MeetingKind,
    Outcome,
    Participant,
    Position,
    Proposal,
    ProposalEvent,
    ProposalEventKind,
    ProposalStatus,
)
from inspir.governance.selectors.consent import voices
from inspir.network.models import Network, Person

UTC = datetime.UTC
BENIN = "inspir-benin"


@dataclass(frozen=True)
class ActivitySummary:
    meetings: int
    proposals: int
    decisions: int


def load_activity(
    networks: dict[str, Network], people: dict[str, Person], now: datetime.datetime | None = None
) -> ActivitySummary:
    now = now or timezone.now()
    committee = Committee.objects.get(network=networks[data.INTERCONTINENTAL])
    members = list(
        Person.objects.filter(mandates__in=Mandate.objects.current().filter(committee=committee))
        .distinct()
        .order_by("name")
    )
    coordinator = User.objects.filter(email=f"coordinator@{data.EMAIL_DOMAIN}").first()
    continental_coordinator = User.objects.filter(
        email=f"continental.coordinator@{data.EMAIL_DOMAIN}"
    ).first()
    focal_point = User.objects.filter(email=f"focal.point@{data.EMAIL_DOMAIN}").first()

    _founding_meeting(committee, members, coordinator)
    review = _meeting(
        committee,
        title="Steering committee — 2020 annual review",
        starts_at=datetime.datetime(2020, 12, 10, 13, 0, tzinfo=UTC),
        minutes=(
            "Present: the committee's members, except Luis Lopez Cortez (excused). "
            "The committee reviewed the year's advocacy work: the position on COVID-19 "
            "vaccines and the criteria for a Global Fund for Social Protection, submitted to "
            "the UN Special Rapporteur on extreme poverty and human rights and relayed by the "
            "GCSPF to the G20. Two decisions were taken (below)."
        ),
        published=True,
        created_by=coordinator,
    )
    _participants(review, members, excused=frozenset({"Luis Lopez Cortez"}))
    fund_item = _item(
        review,
        1,
        "Global Fund for Social Protection: the network's criteria",
        "Read the draft list of criteria and bring your continent's comments.",
    )
    covid_item = _item(
        review,
        2,
        "COVID-19: inequalities in health care and the vaccines",
        "How the pandemic hits informal workers in your countries; the 'No profit on "
        "pandemic' campaign.",
    )
    continents = [
        networks[slug]
        for slug in (
            data.WEST_AFRICA,
            data.CENTRAL_AFRICA,
            data.LATIN_AMERICA,
            data.ASIA,
            data.BELGIUM_EUROPE,
        )
    ]
    fund = _decision(
        review,
        fund_item,
        title="Support a Global Fund for Social Protection",
        statement=(
            "INSP!R supports the creation of a Global Fund for Social Protection and adopts "
            "its list of indispensable criteria. Each continental network relays the position "
            "to its governments and regional institutions before the next G20."
        ),
        domain=Domain.ADVOCACY,
        concerns=continents,
        recorded_by=coordinator,
        consents=_consents(members, abstain=frozenset({"Santiago Fischer"})),
    )
    # The secretariat in Brussels wrote this one in French: it is recorded as written in
    # French, and the other networks read it through its translations.
    with translation.override("fr"):
        covid = _decision(
            review,
            covid_item,
            title="Position sur la COVID-19 : égal accès aux soins et aux vaccins",
            statement=(
                "INSP!R demande des équipements de protection, des tests fiables et une "
                "vaccination sûre pour toutes et tous, la transparence des contrats de "
                "vaccins, et rejoint la campagne européenne « No profit on pandemic »."
            ),
            domain=Domain.ADVOCACY,
            concerns=[],
            recorded_by=coordinator,
            consents=_consents(members),
        )
    _follow_ups(fund, networks, continental_coordinator, now)

    upcoming_start = (now + datetime.timedelta(days=21)).replace(
        hour=13, minute=0, second=0, microsecond=0
    )
    upcoming = _meeting(
        committee,
        title="Steering committee — regular meeting",
        starts_at=upcoming_start,
        minutes="",
        published=False,
        created_by=coordinator,
        agenda_published_at=now - datetime.timedelta(days=2),
        preparation_deadline=upcoming_start - datetime.timedelta(days=3),
    )
    _participants(upcoming, members)
    proposal = _benin_proposal(networks, focal_point, continental_coordinator, coordinator, now)
    exchange_item = _item(
        upcoming,
        1,
        proposal.title,
        "The proposal from INSP!R Bénin, endorsed by West Africa: would your network host or "
        "send a delegation, and which organisations?",
        proposal=proposal,
    )
    website_item = _item(
        upcoming,
        2,
        "Communication: one website for the whole network",
        "Which continental blogs and newsletters should move to the new website first?",
    )
    consultations = {
        network.slug: Consultation.objects.get_or_create(meeting=upcoming, network=network)[0]
        for network in continents
    }
    Consultation.objects.get_or_create(
        meeting=upcoming,
        network=networks[BENIN],
        defaults={"parent": consultations[data.WEST_AFRICA]},
    )
    # West Africa writes in French.
    with translation.override("fr"):
        _input(
            exchange_item,
            networks[data.WEST_AFRICA],
            "L'Afrique de l'Ouest soutient les visites et propose Cotonou et Lomé comme "
            "villes d'accueil la première année ; les mutuelles de Thiès se joindraient.",
            continental_coordinator,
        )
        _input(
            exchange_item,
            networks[BENIN],
            "Trois mutuelles de Cotonou sont prêtes à accueillir ; il nous faut de l'aide "
            "pour des interprètes pour les délégations d'Amérique latine.",
            focal_point,
        )
    # Latin America writes in Spanish: its texts are recorded as written in Spanish
    # (core/texts.py takes the language of the interface they are saved from).
    with translation.override("es"):
        _input(
            exchange_item,
            networks[data.LATIN_AMERICA],
            "América Latina apoya la propuesta y propone enviar una delegación de mutuales de "
            "Bolivia y Perú.",
            None,
        )
        _input(
            website_item,
            networks[data.LATIN_AMERICA],
            "Proponemos migrar primero el boletín continental.",
            None,
        )
        _latin_american_proposal(networks, now)
    _consent_round(
        committee,
        title="Endorse the civil society call for a Global Fund for Social Protection",
        statement=(
            "INSP!R signs the joint call of the Global Coalition for Social Protection Floors "
            "for a Global Fund for Social Protection, on the basis of the criteria adopted on "
            "10 December 2020, and relays it to the UN Special Rapporteur."
        ),
        opened_at=now - datetime.timedelta(days=2),
        closes_at=(now + datetime.timedelta(days=5)).replace(minute=0, second=0, microsecond=0),
        opened_by=coordinator,
        positions={
            "Issa Sissouma": (Position.AGREE, ""),
            "Niwa Soulima": (Position.AGREE, ""),
            "Luis Lopez Cortez": (
                Position.CONCERN,
                "The call should name informal workers explicitly.",
            ),
        },
    )
    return ActivitySummary(meetings=3, proposals=2, decisions=len([fund, covid]))


def _meeting(
    committee: Committee,
    *,
    title: str,
    starts_at: datetime.datetime,
    minutes: str,
    published: bool,
    created_by: User | None,
    agenda_published_at: datetime.datetime | None = None,
    preparation_deadline: datetime.datetime | None = None,
) -> Meeting:
    meeting, _ = Meeting.objects.update_or_create(
        committee=committee,
        title=title,
        defaults={
            "starts_at": starts_at,
            "ends_at": starts_at + datetime.timedelta(hours=2),
            "time_zone": "Europe/Brussels",
            "video_url": "https://meet.example.org/inspir-steering-committee",
            "minutes": minutes,
            "agenda_published_at": agenda_published_at or (starts_at if published else None),
            # Circulated to the members when it was published (the demo's agendas are both).
            "agenda_circulated_at": agenda_published_at or (starts_at if published else None),
            "preparation_deadline": preparation_deadline,
            "minutes_published_at": starts_at + datetime.timedelta(days=7) if published else None,
            "minutes_status": "published" if published else "draft",
            "created_by": created_by,
        },
    )
    return meeting


# The founding meeting's title and minutes, written in French by the secretariat in Brussels,
# and their translations.
FOUNDING_TITLE = {
    "fr": "Réunion fondatrice du réseau international INSP!R, Genève",
    "en": "Founding meeting of the INSP!R international network, Geneva",
    "es": "Reunión fundacional de la red internacional INSP!R, Ginebra",
}
FOUNDING_MINUTES = {
    "fr": (
        "Quarante personnes d'organisations de 16 pays sur 4 continents, réunies à Genève "
        "après la Semaine mondiale de la protection sociale de l'OIT, ont fixé les objectifs "
        "du réseau international et son mode de fonctionnement, défini une vision et une "
        "stratégie communes sur le droit à la protection sociale et mis en place le comité de "
        "pilotage intercontinental. Partant d'une analyse des parties prenantes, d'une "
        "cartographie des pouvoirs et d'une analyse du contexte par continent, elles ont "
        "choisi les actions prioritaires des quatre domaines du réseau."
    ),
    "en": (
        "Forty people from organisations in 16 countries on 4 continents, gathered in Geneva "
        "after the ILO's Global Social Protection Week, set the international network's "
        "objectives and way of working, agreed a common vision and strategy on the right to "
        "social protection and set up the intercontinental steering committee. Starting from "
        "a stakeholder analysis, a power mapping and a context analysis per continent, they "
        "chose the priority actions of the network's four domains."
    ),
    "es": (
        "Cuarenta personas de organizaciones de 16 países de 4 continentes, reunidas en "
        "Ginebra después de la Semana Mundial de la Protección Social de la OIT, fijaron los "
        "objetivos de la red internacional y su forma de trabajar, definieron una visión y una "
        "estrategia comunes sobre el derecho a la protección social y constituyeron el comité "
        "de pilotaje intercontinental. A partir de un análisis de actores, un mapeo de poder y "
        "un análisis del contexto de cada continente, eligieron las acciones prioritarias de "
        "los cuatro ámbitos de la red."
    ),
}


def _founding_meeting(committee: Committee, members: list[Person], created_by: User | None) -> None:
    """Geneva, 29-30 November 2019, in person: where the network began. Keyed on its kind
    (a network is founded once), so loading again updates it in place."""
    geneva = "Europe/Zurich"
    starts_at = datetime.datetime(2019, 11, 29, 8, 0, tzinfo=UTC)  # 09:00 in Geneva
    with translation.override("fr"):
        meeting, _ = Meeting.objects.update_or_create(
            committee=committee,
            kind=MeetingKind.FOUNDING,
            defaults={
                "title": FOUNDING_TITLE["fr"],
                "format": MeetingFormat.IN_PERSON,
                "starts_at": starts_at,
                "ends_at": datetime.datetime(2019, 11, 30, 16, 0, tzinfo=UTC),  # 17:00
                "time_zone": geneva,
                "location": "Genève",
                "video_url": "",
                "minutes": FOUNDING_MINUTES["fr"],
                "agenda_published_at": starts_at - datetime.timedelta(days=14),
                "agenda_circulated_at": starts_at - datetime.timedelta(days=21),
                "minutes_published_at": starts_at + datetime.timedelta(days=21),
                "minutes_status": "published",
                "created_by": created_by,
            },
        )
    _translations_set(meeting, "title", FOUNDING_TITLE)
    _translations_set(meeting, "minutes", FOUNDING_MINUTES)
    # Those who sit on the committee today were among the forty.
    _participants(meeting, members)


def _translations_set(obj: models.Model, field_name: str, texts: dict[str, str]) -> None:
    """`texts` (language → text) as the translations of `obj`'s `field_name`, made from its
    current revision; loading again unchanged writes nothing."""
    original = TextOriginal.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=obj.pk,
        field=field_name,
    ).first()
    if original is None:
        return
    existing = {made.language: made for made in TextTranslation.objects.filter(original=original)}
    for language, text in texts.items():
        if language == original.language:
            continue
        wanted = {
            "text": text,
            "status": TextStatus.TRANSLATED,
            "machine": False,
            "source_revision": original.revision,
            "source_text": getattr(obj, field_name),
        }
        current = existing.get(language)
        if current is not None and all(getattr(current, k) == v for k, v in wanted.items()):
            continue
        TextTranslation.objects.update_or_create(
            original=original, language=language, defaults=wanted
        )


def _participants(
    meeting: Meeting, members: list[Person], excused: frozenset[str] = frozenset()
) -> None:
    held = meeting.minutes_published_at is not None
    for person in members:
        if not held:
            attendance = Attendance.INVITED
        elif person.name in excused:
            attendance = Attendance.EXCUSED
        else:
            attendance = Attendance.PRESENT
        Participant.objects.update_or_create(
            meeting=meeting, person=person, defaults={"attendance": attendance}
        )


def _item(
    meeting: Meeting, position: int, title: str, description: str, proposal: Proposal | None = None
) -> AgendaItem:
    item, _ = AgendaItem.objects.update_or_create(
        meeting=meeting,
        position=position,
        defaults={"title": title, "description": description, "proposal": proposal},
    )
    return item


def _consents(
    members: list[Person], abstain: frozenset[str] = frozenset()
) -> list[tuple[Person, str]]:
    return [
        (person, Position.ABSTAIN if person.name in abstain else Position.AGREE)
        for person in members
        if person.name != "Luis Lopez Cortez"  # excused that day
    ]


def _decision(
    meeting: Meeting,
    item: AgendaItem,
    *,
    title: str,
    statement: str,
    domain: str,
    concerns: list[Network],
    recorded_by: User | None,
    consents: list[tuple[Person, str]],
) -> Decision:
    decision, _ = Decision.objects.update_or_create(
        meeting=meeting,
        title=title,
        defaults={
            "committee": meeting.committee,
            "item": item,
            "outcome": Outcome.ADOPTED,
            "statement": statement,
            "domain": domain,
            "recorded_by": recorded_by,
            # Dated with the meeting, as every decision taken in one.
            "decided_at": meeting.starts_at,
            "recorded_at": meeting.ends_at,
        },
    )
    decision.concerns.set(concerns)
    # Heard in the meeting and recorded by the secretariat, each in their seat's capacity.
    capacities = {voice.person.pk: voice.capacity for voice in voices(decision)}
    for person, position in consents:
        ConsentRecord.objects.update_or_create(
            decision=decision,
            person=person,
            defaults={
                "position": position,
                "capacity": capacities.get(person.pk, Capacity.GUEST),
                "given_orally": True,
                "recorded_by": recorded_by,
            },
        )
    return decision


def _consent_round(
    committee: Committee,
    *,
    title: str,
    statement: str,
    opened_at: datetime.datetime,
    closes_at: datetime.datetime,
    opened_by: User | None,
    positions: dict[str, tuple[str, str]],
) -> Decision:
    """A round between meetings, still open, with the positions some members already gave
    from their own accounts (the others, the demo's steering-committee member among them,
    find it on "my work")."""
    decision, _ = Decision.objects.update_or_create(
        committee=committee,
        meeting=None,
        title=title,
        defaults={
            "statement": statement,
            "outcome": "",
            "domain": Domain.ADVOCACY,
            "recorded_by": opened_by,
            "opened_at": opened_at,
            "closes_at": closes_at,
            "decided_at": closes_at,
            "recorded_at": opened_at,
            "closing_reminder_sent_at": None,
        },
    )
    capacities = {voice.person.pk: voice.capacity for voice in voices(decision)}
    for person in Person.objects.filter(name__in=positions):
        position, reason = positions[person.name]
        ConsentRecord.objects.update_or_create(
            decision=decision,
            person=person,
            defaults={
                "position": position,
                "reason": reason,
                "capacity": capacities.get(person.pk, Capacity.GUEST),
                "given_orally": False,
                "recorded_by": None,
                "updated_at": opened_at + datetime.timedelta(hours=6),
            },
        )
    return decision


def _follow_ups(
    decision: Decision,
    networks: dict[str, Network],
    reporter: User | None,
    now: datetime.datetime,
) -> None:
    reports = {
        data.WEST_AFRICA: (
            FollowUpStatus.DONE,
            "Position presented to ECOWAS social affairs officials and to the ministers of "
            "labour of Benin, Togo and Senegal.",
        ),
        data.LATIN_AMERICA: (
            FollowUpStatus.IN_PROGRESS,
            "Carta enviada a los ministerios de trabajo de Bolivia y Perú; reuniones en curso.",
        ),
        data.ASIA: (
            FollowUpStatus.DONE,
            "Shared with the ASEAN Services Employees Trade Unions Council and KSBSI's members.",
        ),
        data.CENTRAL_AFRICA: (FollowUpStatus.PENDING, ""),
        data.BELGIUM_EUROPE: (
            FollowUpStatus.IN_PROGRESS,
            "Meeting with the Belgian development cooperation planned.",
        ),
    }
    # Due a month from now, and two weeks for the national follow-up passed down: the
    # networks still acting on it see the date on the board and in "my work".
    due_on = (now + datetime.timedelta(days=30)).date()
    Decision.objects.filter(pk=decision.pk).update(follow_up_due_on=due_on)
    follow_ups = {}
    for slug, (status, report) in reports.items():
        reported = status != FollowUpStatus.PENDING
        with translation.override("es" if slug == data.LATIN_AMERICA else "en"):
            follow_ups[slug], _ = FollowUp.objects.update_or_create(
                decision=decision,
                network=networks[slug],
                defaults={
                    "status": status,
                    "report": report,
                    "reported_by": reporter if reported else None,
                    "reported_at": now - datetime.timedelta(days=30) if reported else None,
                    "due_on": due_on,
                },
            )
    FollowUp.objects.update_or_create(
        decision=decision,
        network=networks[BENIN],
        defaults={
            "parent": follow_ups[data.WEST_AFRICA],
            "status": FollowUpStatus.IN_PROGRESS,
            "report": "Letter sent to the Ministry of Labour; hearing requested.",
            "reported_at": now - datetime.timedelta(days=20),
            "due_on": (now + datetime.timedelta(days=14)).date(),
        },
    )


def _input(item: AgendaItem, network: Network, text: str, author: User | None) -> None:
    AgendaInput.objects.update_or_create(
        item=item, network=network, defaults={"text": text, "author": author}
    )


def _benin_proposal(
    networks: dict[str, Network],
    author: User | None,
    continental: User | None,
    coordinator: User | None,
    now: datetime.datetime,
) -> Proposal:
    benin, west_africa = networks[BENIN], networks[data.WEST_AFRICA]
    top = networks[data.INTERCONTINENTAL]
    proposal, _ = Proposal.objects.update_or_create(
        title="Exchange visits between mutual health organisations of Africa and Latin America",
        defaults={
            "text": (
                "Mutual health organisations of Benin want to learn from the Bolivian and "
                "Peruvian mutuals how they negotiated with the public health insurance, and to "
                "share their own experience of covering informal workers. We propose two "
                "exchange visits a year, one in each direction, prepared with the continental "
                "networks."
            ),
            "domain": Domain.LEARNING,
            "origin_network": benin,
            "network": top,
            "status": ProposalStatus.ON_AGENDA,
            "author": author,
        },
    )
    ProposalEvent.objects.filter(proposal=proposal).delete()
    steps = [
        (ProposalEventKind.CREATED, benin, None, author, 40),
        (ProposalEventKind.SUBMITTED, benin, None, author, 38),
        (ProposalEventKind.ENDORSED, benin, west_africa, continental, 30),
        (ProposalEventKind.ENDORSED, west_africa, top, continental, 20),
        (ProposalEventKind.SCHEDULED, top, None, coordinator, 3),
    ]
    for kind, network, to_network, actor, days_ago in steps:
        ProposalEvent.objects.create(
            proposal=proposal,
            kind=kind,
            network=network,
            to_network=to_network,
            actor=actor,
            at=now - datetime.timedelta(days=days_ago),
        )
    return proposal


def _latin_american_proposal(networks: dict[str, Network], now: datetime.datetime) -> None:
    latin_america = networks[data.LATIN_AMERICA]
    proposal, _ = Proposal.objects.update_or_create(
        title="Propuesta conjunta a la Unión Europea: salud de las trabajadoras informales",
        defaults={
            "text": (
                "Preparar con las redes nacionales una propuesta conjunta de financiación a la "
                "Unión Europea para ampliar la cobertura de salud de las trabajadoras de la "
                "economía informal."
            ),
            "domain": Domain.FINANCING,
            "origin_network": latin_america,
            "network": latin_america,
            "status": ProposalStatus.SUBMITTED,
        },
    )
    ProposalEvent.objects.filter(proposal=proposal).delete()
    for kind, days_ago in ((ProposalEventKind.CREATED, 9), (ProposalEventKind.SUBMITTED, 8)):
        ProposalEvent.objects.create(
            proposal=proposal,
            kind=kind,
            network=latin_america,
            at=now - datetime.timedelta(days=days_ago),
        )
