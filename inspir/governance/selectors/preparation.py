"""Reads for the bottom-up preparation of meetings."""

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils import timezone

from inspir.accounts.permissions import AnyUser
from inspir.core.collation import name_order
from inspir.core.page_cache import shared_value
from inspir.governance.models import AgendaInput, AgendaItem, Consultation, Meeting, SeatRule
from inspir.governance.permissions import (
    acting_as,
    acting_network_ids,
    acting_networks,
    governance_readable_networks,
    governing_network_ids,
)
from inspir.governance.rules import input_closes_at, inputs_open
from inspir.governance.selectors.access import visible_meetings
from inspir.governance.selectors.meetings import meeting_reader_zone
from inspir.network.models import Level, Network


@dataclass
class Column:
    """A network consulted by the committee, with the national networks it consulted."""

    consultation: Consultation
    children: list[Consultation] = field(default_factory=list)

    @property
    def network(self) -> Network:
        return self.consultation.network


@dataclass
class Cell:
    network: Network
    input: AgendaInput | None
    nested: list[tuple[Network, AgendaInput | None]] = field(default_factory=list)


@dataclass
class Row:
    item: AgendaItem
    cells: list[Cell]
    missing: list[Network]


@dataclass
class Pending:
    network: Network
    given: int


@dataclass
class InputLink:
    network: Network
    url: str
    consult_url: str  # empty when the reader cannot consult networks below it for it
    acting_as: str = ""  # models.ActingAs: how the reader acts for the network


def _inputs_by_item(items: list[AgendaItem]) -> dict[tuple[int, int], AgendaInput]:
    inputs = AgendaInput.objects.filter(item__in=[item.pk for item in items]).select_related(
        "network", "author"
    )
    return {(i.item_id, i.network_id): i for i in inputs}


def _consultations(meeting: Meeting) -> list[Consultation]:
    """The meeting's consultations, the networks' in the reader's order: read with the
    meeting when it was (`selectors.meetings.meeting_get`), else read once for every reader,
    kept until governance changes (core/page_cache.py)."""
    if "consultations" in getattr(meeting, "_prefetched_objects_cache", {}):
        return list(meeting.consultations.all())
    return shared_value(
        "meeting-consultations",
        (meeting.pk,),
        lambda: list(
            Consultation.objects.filter(meeting=meeting)
            .select_related("network")
            .order_by(name_order("network__"), "pk")
        ),
    )


def _reads_committee(meeting: Meeting, user: AnyUser) -> bool:
    # `meeting_get` annotates the answer; ask the permission module otherwise.
    may_read = getattr(meeting, "may_read", None)
    if may_read is not None:
        return bool(may_read)
    return governance_readable_networks(user).filter(pk=meeting.committee.network_id).exists()


def preparation_context(*, meeting: Meeting, user: AnyUser) -> dict[str, Any]:
    """What `governance/partials/meeting_preparation.html` needs on the meeting page, under
    the one key `preparation`.

    A fixed number of queries (at most six) whatever the number of items, consulted networks
    and inputs. Inputs are internal: shown to those who read the committee's governance and
    to those who act for a consulted network; the public sees only that the agenda is
    published and by when inputs are expected. A reader acting for several consulted
    networks gets one input link for each, saying in which capacity they act."""
    committee_network_id = meeting.committee.network_id
    consultations = _consultations(meeting)
    consulted_ids = [c.network_id for c in consultations]
    governed: set[int] = set()
    acting: set[int] = set()
    readable = False
    if user.is_authenticated:
        # The reader's reach is read once per request: no query here.
        concerned = {*consulted_ids, committee_network_id}
        governing = governing_network_ids(user)
        governed = concerned if governing is None else concerned & governing
        acts_for = acting_network_ids(user)
        acting = set(consulted_ids) if acts_for is None else set(consulted_ids) & acts_for
        readable = (
            committee_network_id in governed or bool(acting) or _reads_committee(meeting, user)
        )
    circulated = meeting.agenda_is_circulated  # consulted from the agenda's circulation
    columns: list[Column] = []
    by_pk = {c.pk: Column(c) for c in consultations if c.parent_id is None}
    for consultation in consultations:
        if consultation.parent_id is None:
            columns.append(by_pk[consultation.pk])
        elif consultation.parent_id in by_pk:
            by_pk[consultation.parent_id].children.append(consultation)
    rows: list[Row] = []
    pending: list[Pending] = []
    if readable and consultations:
        # The meeting page has the items already (`meeting_get` prefetches them).
        items = sorted(meeting.items.all(), key=lambda item: (item.position, item.pk))
        inputs = shared_value(
            "meeting-inputs",
            (meeting.pk, [item.pk for item in items]),
            lambda: _inputs_by_item(items),
        )
        given = {c.network_id: 0 for c in consultations}
        for item in items:
            cells = []
            missing = []
            for column in columns:
                own = inputs.get((item.pk, column.network.pk))
                nested = [(c.network, inputs.get((item.pk, c.network_id))) for c in column.children]
                cells.append(Cell(column.network, own, nested))
                for network, given_input in [(column.network, own), *nested]:
                    if given_input is None:
                        missing.append(network)
                    else:
                        given[network.pk] += 1
            rows.append(Row(item, cells, missing))
        pending = [
            Pending(c.network, given[c.network_id])
            for column in columns
            for c in [column.consultation, *column.children]
            if given[c.network_id] < len(items)
        ]
    is_open = inputs_open(meeting)
    links = []
    if is_open:
        for column in columns:
            for consultation in [column.consultation, *column.children]:
                if consultation.network_id not in acting:
                    continue
                kwargs = {"pk": meeting.pk, "network": consultation.network.slug}
                # Consulting the networks below is its committee's business (governing).
                may_consult = (
                    consultation.parent_id is None
                    and consultation.network.level == Level.CONTINENTAL
                    and consultation.network_id in governed
                )
                links.append(
                    InputLink(
                        consultation.network,
                        reverse("governance:input_edit", kwargs=kwargs),
                        reverse("governance:consultation_create", kwargs=kwargs)
                        if may_consult
                        else "",
                        acting_as(user, consultation.network),
                    )
                )
    may_circulate = (
        committee_network_id in governed
        and not circulated
        and not meeting.is_cancelled
        and meeting.starts_at > timezone.now()
    )
    # Publishing to the public is a separate act, once the members have the agenda (or
    # once the meeting has begun, when it can no longer be circulated).
    may_publish = (
        committee_network_id in governed
        and (circulated or meeting.starts_at <= timezone.now())
        and not meeting.agenda_is_published
        and not meeting.is_cancelled
    )
    # One key, so that the meeting page's own context is never shadowed.
    return {
        "preparation": {
            "meeting": meeting,
            "zone": meeting_reader_zone(meeting=meeting, user=user),
            "circulated": circulated,
            "published": meeting.agenda_is_published,
            "closes_at": input_closes_at(meeting) if circulated else None,
            "inputs_open": is_open,
            "may_read_inputs": readable,
            "columns": columns,
            "rows": rows,
            "pending": pending,
            "input_links": links,
            "may_circulate": may_circulate,
            "circulate_url": reverse("governance:agenda_circulate", kwargs={"pk": meeting.pk}),
            "may_publish": may_publish,
            "publish_url": reverse("governance:agenda_publish", kwargs={"pk": meeting.pk}),
        }
    }


def preparation_texts(preparation: dict[str, Any]) -> list[tuple[Any, str]]:
    """The member-written texts the preparation part shows (`preparation_context`'s
    "preparation"), as (record, field) for `selectors.texts.read_texts`: the items' titles and
    the networks' inputs, for those who read them."""
    pairs: list[tuple[Any, str]] = []
    if not preparation["may_read_inputs"]:
        return pairs
    for row in preparation["rows"]:
        pairs.append((row.item, "title"))
        for cell in row.cells:
            pairs.append((cell.input, "text"))
            pairs += [(given, "text") for _network, given in cell.nested]
    return pairs


# --- Pages --------------------------------------------------------------------------------------


def consultation_for(*, user: AnyUser, pk: int, slug: str) -> Consultation:
    """The consultation of the network `slug` on the meeting `pk`, with the meeting, if
    `user` may see the meeting and acts for that network, committee or not
    (Consultation.DoesNotExist otherwise). One query."""
    return (
        Consultation.objects.filter(
            meeting__in=visible_meetings(user).values("pk"),
            network__in=acting_networks(user).values("pk"),
        )
        .select_related("network", "parent__network", "meeting__committee__network")
        .get(meeting_id=pk, network__slug=slug)
    )


@dataclass
class InputEntry:
    item: AgendaItem
    input: AgendaInput | None
    national: list[tuple[Network, AgendaInput | None]]


def input_entries(*, consultation: Consultation) -> list[InputEntry]:
    """Each agenda item with the network's input, and the inputs of the national networks
    it consulted. Three queries."""
    meeting_id = consultation.meeting_id
    items = list(AgendaItem.objects.filter(meeting_id=meeting_id).order_by("position", "pk"))
    children = list(
        consultation.children.select_related("network").order_by(name_order("network__"))
    )
    inputs = _inputs_by_item(items)
    return [
        InputEntry(
            item,
            inputs.get((item.pk, consultation.network_id)),
            [(c.network, inputs.get((item.pk, c.network_id))) for c in children],
        )
        for item in items
    ]


def national_choices(*, consultation: Consultation) -> tuple[list[Network], list[Network]]:
    """(national networks not yet consulted, those already consulted) below the network."""
    consulted = set(
        Consultation.objects.filter(meeting_id=consultation.meeting_id).values_list(
            "network_id", flat=True
        )
    )
    children = list(
        Network.objects.filter(parent_id=consultation.network_id, level=Level.NATIONAL).order_by(
            name_order()
        )
    )
    return (
        [n for n in children if n.pk not in consulted],
        [n for n in children if n.pk in consulted],
    )


def constituency_networks(meeting: Meeting) -> list[Network]:
    """The networks the committee's seats speak for, other than its own network."""
    committee = meeting.committee
    ids = (
        SeatRule.objects.filter(committee=committee, constituency_network__isnull=False)
        .exclude(constituency_network_id=committee.network_id)
        .values("constituency_network_id")
    )
    return list(Network.objects.filter(pk__in=ids).order_by("name"))
