import pytest

from inspir.network.models import Network
from inspir.network.tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

TOO_LARGE = 99_999_999_999_999_999_999  # more than any database integer holds


def test_an_id_too_large_for_the_database_matches_nothing_in_a_list():
    network = NetworkFactory()

    assert list(Network.objects.filter(pk__in=[network.pk, TOO_LARGE])) == [network]
    assert list(Network.objects.filter(pk__in=[str(TOO_LARGE), -TOO_LARGE])) == []
    assert list(Network.objects.exclude(pk__in=[TOO_LARGE])) == [network]


def test_a_value_that_is_not_a_number_matches_nothing_in_a_list():
    network = NetworkFactory()

    assert list(Network.objects.filter(pk__in=[str(network.pk), "x" * 10_000, "1e309"])) == [
        network
    ]
    assert list(Network.objects.filter(pk__in=["<script>", ""])) == []
