"""The table of who may do what (docs/permissions.md) says what the code does: each role's
actions (ROLE_ACTIONS) applying downward, a committee seat's for its network only, the
second-factor rule, and the permission matrix's role sets."""

import pytest

from inspir.accounts.models import Role
from inspir.accounts.permissions import (
    ROLE_ACTIONS,
    Action,
    can,
    second_factor_standing,
)
from inspir.accounts.tests.factories import user_with_role
from inspir.accounts.tests.permission_table import (
    COMMITTEE_MEMBER,
    COMMITTEE_OFFICE,
    COORDINATOR,
    FOCAL_POINT,
    MEMBER,
    NO,
    SEAT_ONLY,
    SECOND_FACTOR,
    YES,
    read_table,
    roles_with,
)
from inspir.network.tests.factories import NetworkFactory, continental, national

pytestmark = pytest.mark.django_db

ROLE_OF_COLUMN = {MEMBER: Role.MEMBER, FOCAL_POINT: Role.FOCAL_POINT, COORDINATOR: Role.COORDINATOR}
# What a seat on a network's committee gives, for that network only, and what an office on it
# (chair, secretariat) gives (governance/permissions.py; governance/tests/test_offices.py and
# test_acting_for_networks.py hold the seats and offices to the table).
SEAT_ACTIONS = {Action.ACT_FOR_NETWORK}
OFFICE_ACTIONS = {Action.GOVERN, Action.ACT_FOR_NETWORK, Action.PLAN}
# Whom the second factor is required of, by role (accounts/permissions.second_factor_standing).
SECOND_FACTOR_ROLES = {Role.COORDINATOR}


def differences(table: dict[str, dict[str, str]]) -> list[str]:
    """Where the table and the code's vocabulary disagree."""
    found = []
    rows = set(table) - {SECOND_FACTOR}
    for missing in sorted(set(Action) - rows):
        found.append(f"no row for {missing}")
    for unknown in sorted(rows - set(Action)):
        found.append(f"a row for an unknown action {unknown}")
    for action in sorted(rows & set(Action)):
        for column, role in ROLE_OF_COLUMN.items():
            expected = YES if Action(action) in ROLE_ACTIONS[role] else NO
            if table[action][column] != expected:
                found.append(f"{action} for {column}: {table[action][column]}, not {expected}")
        expected = SEAT_ONLY if Action(action) in SEAT_ACTIONS else NO
        if table[action][COMMITTEE_MEMBER] != expected:
            found.append(f"{action} for a committee seat: {table[action][COMMITTEE_MEMBER]}")
        expected = SEAT_ONLY if Action(action) in OFFICE_ACTIONS else NO
        if table[action][COMMITTEE_OFFICE] != expected:
            found.append(f"{action} for a committee office: {table[action][COMMITTEE_OFFICE]}")
    if SECOND_FACTOR not in table:
        found.append("no row for the second factor")
    else:
        for column, role in ROLE_OF_COLUMN.items():
            expected = YES if role in SECOND_FACTOR_ROLES else NO
            if table[SECOND_FACTOR][column] != expected:
                found.append(f"second factor for {column}: {table[SECOND_FACTOR][column]}")
        if table[SECOND_FACTOR][COMMITTEE_MEMBER] != NO:
            found.append("second factor for a committee seat")
        if table[SECOND_FACTOR][COMMITTEE_OFFICE] != YES:
            found.append("no second factor for a committee office")
    return found


def test_the_table_says_what_the_roles_and_seats_allow():
    assert differences(read_table()) == []


def test_a_table_that_differs_from_the_code_is_caught():
    table = read_table()
    table[Action.EDIT_ORGANISATION][FOCAL_POINT] = NO
    table[SECOND_FACTOR][FOCAL_POINT] = YES
    del table[Action.GOVERN]
    assert differences(table) == [
        "no row for govern",
        "edit_organisation for focal point: no, not yes",
        "second factor for focal point: yes",
    ]
    with pytest.raises(ValueError, match="Cells neither"):
        read_table(
            "| action | member | focal point | coordinator | committee member "
            "| committee office |\n"
            "|---|---|---|---|---|---|\n| `govern` | maybe | no | yes | no | yes |\n"
        )


@pytest.fixture
def tree():
    world = NetworkFactory(name="INSP!R")
    africa = continental(world, name="Africa")
    return {"world": world, "africa": africa, "benin": national(africa, name="Benin")}


@pytest.mark.parametrize("column", [MEMBER, FOCAL_POINT, COORDINATOR])
def test_each_role_holds_what_the_table_says_at_its_level_and_below_only(tree, column):
    user = user_with_role(tree["africa"], ROLE_OF_COLUMN[column])
    table = read_table()
    for action in Action:
        granted = table[action][column] == YES
        assert can(user, action, tree["africa"]) == granted, action
        assert can(user, action, tree["benin"]) == granted, action  # downward
        assert not can(user, action, tree["world"]), action  # never upward
    required, _has = second_factor_standing(user)
    assert required == (table[SECOND_FACTOR][column] == YES)


def test_the_permission_matrix_gives_the_focal_point_what_the_table_says():
    from inspir.core.tests import permission_matrix as matrix

    table = read_table()
    sets = {
        Action.EDIT_CONTENT: matrix.CONTENT_EDITORS,
        Action.EDIT_ORGANISATION: matrix.ORGANISATION_EDITORS,
        Action.ACT_FOR_NETWORK: matrix.ACTORS,
        Action.GOVERN: matrix.GOVERNORS,
    }
    for action, roles in sets.items():
        assert ("focal_point" in roles) == (FOCAL_POINT in roles_with(action, table)), action
    # Reading: the table's readers are among the matrix's.
    assert ("focal_point" in matrix.READERS) == (FOCAL_POINT in roles_with("view_internal"))
    # The pages of each power, as the matrix expects them answered for the focal point.
    pages = {
        "network:network_edit": Action.EDIT_CONTENT,
        "network:organisation_edit": Action.EDIT_ORGANISATION,
        "governance:input_edit": Action.ACT_FOR_NETWORK,
        "governance:follow_up_report": Action.ACT_FOR_NETWORK,
        "governance:meeting_create": Action.GOVERN,
        "governance:follow_up_cascade": Action.GOVERN,
        "accounts_invitation_revoke": Action.MANAGE_MEMBERS,
    }
    for name, action in pages.items():
        rule = matrix.MATRIX[name]
        allowed = "focal_point" in (rule.post or frozenset())
        assert allowed == (FOCAL_POINT in roles_with(action, table)), name
