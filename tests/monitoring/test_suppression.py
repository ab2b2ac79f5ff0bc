"""Publication tables: no count from 1 to 4 is shown, and none can be worked out.

The attacker here is exact: it tries every value each hidden cell could have (small
tables, small numbers) and keeps the combinations that fit every relation the reader
knows. A "<5" cell must keep at least two possible values.
"""

import itertools
import random

import pytest

from monitoring import exports, suppression
from monitoring.report import Row
from monitoring.suppression import COMPLEMENTARY, SMALL, Relation


def _attack(values, hidden, relations, slack, bound):
    """Every value each hidden cell can take, by brute force over every combination."""
    unknown = [cell for cell in values if cell in hidden or cell in slack]

    def domain(cell):
        if cell in slack:
            return range(bound + 1)
        if hidden[cell] == SMALL:
            return range(1, 5)
        return [0, *range(5, bound + 1)]

    possible = {cell: set() for cell in unknown}
    for guess in itertools.product(*(domain(c) for c in unknown)):
        world = {**values, **dict(zip(unknown, guess, strict=True))}
        if all(sum(sign * world[c] for c, sign in r.terms) == 0 for r in relations):
            for cell, value in zip(unknown, guess, strict=True):
                possible[cell].add(value)
    return possible


def _attack_table(values, hidden, n_rows, bound):
    """The same for a ``_table``, fast: each row's own combinations first, then rows together.

    Row 0 and every total follow from the parts of rows 1.., so only those are guessed;
    every cell is at most ``bound`` (the largest true value), as in ``possible_values``.
    """

    def fits(cell, value):
        if value > bound:
            return False
        kind = hidden.get(cell)
        if kind is None:
            return value == values[cell]
        return 1 <= value <= 4 if kind == SMALL else (value == 0 or value >= 5)

    def options(cell):
        return [v for v in range(bound + 1) if fits(cell, v)]

    per_row = []
    for i in range(1, n_rows):
        cells = [(i, "w"), (i, "m"), (i, "nb")]
        per_row.append(
            [
                combo
                for combo in itertools.product(*(options(c) for c in cells))
                if fits((i, "t"), sum(combo))
            ]
        )
    possible = {cell: set() for cell in hidden}
    for combos in itertools.product(*per_row):
        first = [sum(column) for column in zip(*combos, strict=True)]
        if not all(fits((0, c), v) for c, v in zip(("w", "m", "nb"), first, strict=True)):
            continue
        if not fits((0, "t"), sum(first)):
            continue
        world = {}
        for i, combo in enumerate([first, *combos]):
            for column, value in zip(("w", "m", "nb"), combo, strict=True):
                world[(i, column)] = value
            world[(i, "t")] = sum(combo)
        for cell in hidden:
            possible[cell].add(world[cell])
    return possible


def _table(rows):
    """A small gender table: rows of (women, men, non_binary); totals added."""
    values, relations = {}, []
    for index, (women, men, non_binary) in enumerate(rows):
        cells = [(index, "w"), (index, "m"), (index, "nb")]
        for cell, value in zip(cells, (women, men, non_binary), strict=True):
            values[cell] = value
        values[(index, "t")] = women + men + non_binary
        relations.append(Relation.total((index, "t"), cells))
    for column in ("w", "m", "nb", "t"):
        # The first row is the sum of the others (e.g. a total over sub-groups).
        relations.append(Relation.total((0, column), [(i, column) for i in range(1, len(rows))]))
    return values, relations


def _sum_rows(parts):
    first = tuple(sum(column) for column in zip(*parts, strict=True))
    return [first, *parts]


def test_a_lone_small_cell_in_a_row_gets_a_partner():
    values = {"w": 3, "m": 10, "nb": 0, "t": 13}
    relations = [Relation.total("t", ["w", "m", "nb"])]
    hidden = suppression.suppress(values, relations)
    assert hidden["w"] == SMALL
    assert len(hidden) >= 2
    assert "m" in hidden or "t" in hidden
    possible = _attack(values, hidden, relations, set(), 13)
    assert len(possible["w"]) >= 2


def test_two_small_cells_that_add_up_to_two_are_protected_further():
    # w = 1 and m = 1 with nb = 0 shown and total 2 shown: both would be exactly 1.
    values = {"w": 1, "m": 1, "nb": 0, "t": 2}
    relations = [Relation.total("t", ["w", "m", "nb"])]
    hidden = suppression.suppress(values, relations)
    possible = _attack(values, hidden, relations, set(), 10)
    assert all(len(possible[c]) >= 2 for c, kind in hidden.items() if kind == SMALL)


@pytest.mark.parametrize("seed", range(30))
def test_no_small_cell_can_be_worked_out_in_random_tables(seed):
    rng = random.Random(seed)
    parts = [tuple(rng.choice([0, 1, 2, 3, 4, 5, 6, 8]) for _ in range(3)) for _ in range(2)]
    values, relations = _table(_sum_rows(parts))
    hidden = suppression.suppress(values, relations)
    shown_small = [c for c, v in values.items() if 1 <= v <= 4 and c not in hidden]
    assert not shown_small
    possible = _attack_table(values, hidden, 3, bound=max(values.values()))
    for cell, kind in hidden.items():
        if kind == SMALL:
            assert len(possible[cell]) >= 2, (parts, hidden, cell, possible[cell])
    for cell, kind in hidden.items():
        if kind == COMPLEMENTARY:
            assert not 1 <= values[cell] <= 4


def test_the_interval_check_agrees_with_brute_force():
    # possible_values may keep values an exact attacker rules out, never the reverse.
    rng = random.Random(7)
    for _ in range(30):
        parts = [tuple(rng.choice([0, 1, 2, 5, 7]) for _ in range(3)) for _ in range(2)]
        values, relations = _table(_sum_rows(parts))
        hidden = suppression.suppress(values, relations)
        exact = _attack_table(values, hidden, 3, bound=max(values.values()))
        found = suppression.possible_values(values, hidden, relations)
        for cell, domain in found.items():
            allowed = {v for lo, hi in domain for v in range(lo, hi + 1)}
            assert exact[cell] <= allowed


def _rows(counts: dict) -> list[Row]:
    rows = []
    for code, (women, men, non_binary, extra) in counts.items():
        rows.append(
            Row(code, code, "output", women, men, non_binary, women + men + non_binary + extra)
        )
    return rows


def test_publication_table_of_the_report():
    counts = {
        "EECO01": (30, 25, 1, 2),  # two people without gender: total only
        "EECO02": (20, 11, 1, 0),
        "EECO03": (3, 7, 0, 0),
        "EECO04": (6, 7, 0, 0),
        "EECO05": (4, 7, 0, 0),
        "EECO09": (12, 13, 1, 0),
        "EECO10": (16, 8, 0, 0),
        "EECO11": (2, 4, 0, 0),
        "EECO13": (9, 9, 0, 0),
    }
    rows = _rows(counts)
    table = exports.publication_table(rows)
    shown = {
        (row[0], col): cell
        for row in table
        for col, cell in zip(exports.COLUMNS, row[2:], strict=True)
    }
    for (code, column), cell in shown.items():
        if isinstance(cell, int):
            assert not 1 <= cell <= 4, (code, column)
    assert shown[("EECO03", "women")] == SMALL
    assert shown[("EECO13", "women")] == 9  # nothing small in that row: untouched
    # Check with the same relations the exporter uses.
    values, relations, slack = exports.publication_cells(rows)
    hidden = {cell: v for cell, v in shown.items() if v in (SMALL, COMPLEMENTARY)}
    found = suppression.possible_values(values, hidden, relations, slack)
    for cell, kind in hidden.items():
        if kind == SMALL:
            assert suppression.size(found[cell]) >= 2, cell


def test_publication_csv_has_the_contract_header_and_no_small_numbers():
    rows = _rows({"EECO01": (3, 9, 0, 0), "EECR04": (0, 2, 0, 0)})
    text = exports.publication_csv(rows)
    lines = text.splitlines()
    assert lines[0] == "indicator,women,men,non_binary,total"
    assert lines[1].startswith("EECO01,<5,")
    assert lines[2] == "EECR04,0,<5,0,<5"
