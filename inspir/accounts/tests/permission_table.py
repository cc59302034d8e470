"""The table of who may do what (`docs/permissions.md`), read for the tests: the permission
table test holds it to the code, and the permission matrix builds its role sets from it."""

from pathlib import Path

from django.conf import settings

TABLE = Path(settings.BASE_DIR) / "docs" / "permissions.md"
# The table's role columns, by their heading.
MEMBER, FOCAL_POINT, COORDINATOR, COMMITTEE_MEMBER, COMMITTEE_OFFICE = (
    "member",
    "focal point",
    "coordinator",
    "committee member",
    "committee office",
)
ROLE_COLUMNS = (MEMBER, FOCAL_POINT, COORDINATOR, COMMITTEE_MEMBER, COMMITTEE_OFFICE)
SECOND_FACTOR = "second factor"
# What a cell may say: the power applies downward, to the seat's network only, or not at all.
YES, SEAT_ONLY, NO = "yes", "that network only", "no"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_table(text: str | None = None) -> dict[str, dict[str, str]]:
    """{row key: {role column: cell}}, the row key being the action's code (without its
    backticks) or "second factor". Raises ValueError on a table that cannot be read."""
    lines = (TABLE.read_text(encoding="utf-8") if text is None else text).splitlines()
    rows = [line for line in lines if line.strip().startswith("|")]
    if len(rows) < 3:
        raise ValueError("No table in docs/permissions.md")
    header = _cells(rows[0])
    missing = [role for role in ROLE_COLUMNS if role not in header]
    if missing:
        raise ValueError(f"Role columns missing from the table: {missing}")
    table: dict[str, dict[str, str]] = {}
    for line in rows[2:]:
        cells = _cells(line)
        if len(cells) != len(header):
            raise ValueError(f"A row with {len(cells)} cells for {len(header)} columns: {line}")
        key = cells[0].strip("`")
        if key in table:
            raise ValueError(f"Two rows for {key}")
        values = {role: cells[header.index(role)] for role in ROLE_COLUMNS}
        unknown = {value for value in values.values() if value not in (YES, SEAT_ONLY, NO)}
        if unknown:
            raise ValueError(f"Cells neither {YES!r}, {SEAT_ONLY!r} nor {NO!r}: {unknown}")
        table[key] = values
    return table


def roles_with(action: str, table: dict[str, dict[str, str]] | None = None) -> set[str]:
    """The role columns whose cell grants `action` (downward or for the seat's network)."""
    row = (table or read_table())[action]
    return {role for role, cell in row.items() if cell != NO}
