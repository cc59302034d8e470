"""Migration accounts.0005: the editor role becomes the focal point's, for roles held and
invitations pending, and back when the migration is reversed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from inspir.accounts.models import Invitation, NetworkRole
from inspir.accounts.tests.factories import UserFactory
from inspir.network.tests.factories import NetworkFactory

BEFORE = [("accounts", "0004_encrypt_authenticator_secrets")]
AFTER = [("accounts", "0005_focal_point_role")]


def migrate(targets) -> None:
    MigrationExecutor(connection).migrate(targets)


def roles() -> tuple[list[str], list[str]]:
    return (
        list(NetworkRole.objects.order_by("role").values_list("role", flat=True)),
        list(Invitation.objects.values_list("role", flat=True)),
    )


@pytest.mark.django_db(transaction=True)
def test_editors_become_focal_points_and_back():
    network = NetworkFactory()
    # The tables are alike before and after (only the role's choices change): the rows of
    # the role that existed then are written with today's models.
    migrate(BEFORE)
    NetworkRole.objects.create(user=UserFactory(), network=network, role="editor")
    NetworkRole.objects.create(user=UserFactory(), network=network, role="member")
    Invitation.objects.create(
        network=network,
        email="next@example.org",
        role="editor",
        token_digest="x" * 64,
        expires_at=timezone.now(),
    )

    migrate(AFTER)
    assert roles() == (["focal_point", "member"], ["focal_point"])

    migrate(BEFORE)
    assert roles() == (["editor", "member"], ["editor"])

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert roles() == (["focal_point", "member"], ["focal_point"])
