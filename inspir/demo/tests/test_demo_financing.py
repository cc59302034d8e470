import pytest

from inspir.demo.financing import financing_load, financing_scale, financing_scaled_remove
from inspir.financing.models import Funder, FundingCall, FundingProposal
from inspir.network.models import Network, Person

pytestmark = pytest.mark.django_db


def test_the_demo_loads_twice_and_scales(demo):
    networks = {network.slug: network for network in Network.objects.all()}
    people = {person.email: person for person in Person.objects.all()}
    financing_load(networks, people)
    counts = (Funder.objects.count(), FundingCall.objects.count(), FundingProposal.objects.count())
    financing_load(networks, people)
    assert counts == (
        Funder.objects.count(),
        FundingCall.objects.count(),
        FundingProposal.objects.count(),
    )
    assert counts == (5, 7, 5)
    assert set(FundingProposal.objects.values_list("currency", flat=True)) == {"EUR", "USD", "XOF"}
    assert FundingProposal.objects.filter(team__isnull=False).distinct().count() == 5
    assert FundingProposal.objects.filter(plan_actions__isnull=False).distinct().count() == 4

    summary = financing_scale(
        range(1, 3),
        prefix="zz-",
        batch_size=100,
        organisation_copy=lambda pk, copy: pk,
        person_copy=lambda pk, copy: pk,
    )
    assert summary.proposals == 10
    assert FundingProposal.objects.filter(title__startswith="zz-1 ", team__isnull=False).exists()
    financing_scaled_remove("zz-")
    assert FundingProposal.objects.count() == 5 and Funder.objects.count() == 5
