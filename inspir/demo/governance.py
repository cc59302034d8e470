"""Load the demo's committees, seat rules and mandates (`data.COMMITTEES`).

Idempotent like the rest of the demo: a committee is keyed on its network, a rule on its
committee, role, kind and constituency, a mandate on its committee, person, rule and start
date; loading again updates them in place and creates nothing new."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from inspir.demo import data
from inspir.governance.models import Committee, Mandate, SeatRule
from inspir.network.models import Network, Organisation, Person


@dataclass(frozen=True)
class GovernanceSummary:
    committees: int
    rules: int
    mandates: int


def load_governance(
    networks: dict[str, Network], people: dict[str, Person], today: datetime.date | None = None
) -> GovernanceSummary:
    today = today or timezone.localdate()
    organisation_slugs = {
        rule.organisation for spec in data.COMMITTEES for rule in spec.rules if rule.organisation
    }
    organisations = {
        organisation.slug: organisation
        for organisation in Organisation.objects.filter(slug__in=organisation_slugs)
    }
    rule_count = mandate_count = 0
    for spec in data.COMMITTEES:
        committee, _ = Committee.objects.update_or_create(
            network=networks[spec.network], defaults={"time_zone": spec.time_zone}
        )
        rules = []
        for position, rule_spec in enumerate(spec.rules):
            rule, _ = SeatRule.objects.update_or_create(
                committee=committee,
                role=rule_spec.role,
                kind=rule_spec.kind,
                constituency_network=networks[rule_spec.network] if rule_spec.network else None,
                constituency_organisation=(
                    organisations[rule_spec.organisation] if rule_spec.organisation else None
                ),
                defaults={
                    "seats": rule_spec.seats,
                    "minimum": rule_spec.minimum,
                    "from_network_committee": rule_spec.from_network_committee,
                    "position": position,
                    "office": rule_spec.office,
                },
            )
            rules.append(rule)
        rule_count += len(rules)
        for mandate_spec in spec.mandates:
            end_date = (
                today + datetime.timedelta(days=mandate_spec.ends_in_days)
                if mandate_spec.ends_in_days is not None
                else None
            )
            Mandate.objects.update_or_create(
                committee=committee,
                person=people[mandate_spec.person],
                rule=rules[mandate_spec.rule],
                start_date=data.MANDATES_START,
                defaults={"end_date": end_date},
            )
        mandate_count += len(spec.mandates)
    return GovernanceSummary(
        committees=len(data.COMMITTEES), rules=rule_count, mandates=mandate_count
    )
