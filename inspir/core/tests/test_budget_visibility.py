"""Who sees a funding proposal's amounts is the table's `view_budgets` row (docs/permissions.md),
role by role: every role that reads the proposal gets its page, and the amounts are on it
exactly for those the table names (and staff); the others read that they are hidden."""

import pytest
from django.urls import reverse

from inspir.core.tests.permission_matrix import READERS, STAFF, holders
from inspir.core.tests.world import clients

pytestmark = [pytest.mark.django_db, pytest.mark.walk]

HIDDEN = "amount visible to the team and the coordinators"


def test_each_reader_sees_the_amounts_exactly_as_the_table_says(world):
    proposal = world["funding_proposal"]
    url = reverse("financing:proposal_detail", kwargs={"pk": proposal.pk})
    client_for = clients(world)
    requested = f"{proposal.amount_requested:,.2f}".split(".")[0].replace(",", "")
    seeing = holders("view_budgets") | STAFF

    shown = {}
    for role in sorted(READERS):
        response = client_for(role).get(url)
        assert response.status_code == 200, role
        page = response.content.decode()
        shown[role] = HIDDEN not in page
        # Whatever the grouping of thousands, the figure's digits are on the page or not.
        assert (
            requested
            in page.replace("\u202f", "").replace("\xa0", "").replace(",", "").replace(" ", "")
        ) == shown[role], role

    assert {role for role, sees in shown.items() if sees} == seeing & READERS
    assert shown and not all(shown.values())
