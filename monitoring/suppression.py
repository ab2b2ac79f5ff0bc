"""Small-number suppression for tables that are published (council reports, the press).

Rule: a count from 1 to 4 is shown as "<5" (*primary* suppression). That alone is not
enough: where a row's total is shown, or columns add up across rows, a hidden cell can be
worked out by subtraction. So further cells are hidden as "x" (*complementary*
suppression) until no hidden small count can be narrowed down to a single value.

How that is checked: the table is a set of cells and linear relations between them
(``total = women + men + non-binary``; the labour status groups and the education groups
both add up to the participants with complete data). A reader knows every shown value,
that "<5" means 1–4 and that "x" means 0 or at least 5. For each hidden cell we keep the
set of values it could still have (a list of intervals) and narrow the sets through every
relation until nothing changes (interval constraint propagation, which never removes a
value the reader could not also rule out). If a "<5" cell is left with one possible value,
one more cell of a relation it is in is hidden — the smallest, so as little as possible
is lost — and the check runs again.

Cells with slack (a count nobody publishes, such as the people whose gender is not
recorded) take part in relations as hidden cells that may have any value from 0 up.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

SMALL = "<5"
COMPLEMENTARY = "x"
LOW, HIGH = 1, 4

Interval = tuple[int, int]
Domain = list[Interval]


def _normalise(intervals: Iterable[Interval]) -> Domain:
    merged: Domain = []
    for lo, hi in sorted(i for i in intervals if i[0] <= i[1]):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _add(a: Domain, b: Domain) -> Domain:
    return _normalise((x0 + y0, x1 + y1) for x0, x1 in a for y0, y1 in b)


def _neg(a: Domain) -> Domain:
    return _normalise((-hi, -lo) for lo, hi in a)


def _intersect(a: Domain, b: Domain) -> Domain:
    out = []
    for x0, x1 in a:
        for y0, y1 in b:
            lo, hi = max(x0, y0), min(x1, y1)
            if lo <= hi:
                out.append((lo, hi))
    return _normalise(out)


def size(domain: Domain) -> int:
    return sum(hi - lo + 1 for lo, hi in domain)


@dataclass(frozen=True)
class Relation:
    """``sum(sign * cell) == 0`` for the (cell, sign) pairs, sign +1 or -1."""

    terms: tuple[tuple[Hashable, int], ...]

    @classmethod
    def total(cls, total: Hashable, parts: Iterable[Hashable]) -> "Relation":
        return cls(((total, 1), *((part, -1) for part in parts)))

    @property
    def cells(self) -> list[Hashable]:
        return [cell for cell, _sign in self.terms]


def possible_values(
    values: dict[Hashable, int],
    hidden: dict[Hashable, str],
    relations: list[Relation],
    slack: Iterable[Hashable] = (),
    bound: int | None = None,
) -> dict[Hashable, Domain]:
    """What a reader can still believe about each hidden (or slack) cell.

    ``values`` are the true counts (of every cell, slack included); ``hidden`` maps a
    cell to SMALL or COMPLEMENTARY. ``bound`` is the largest value any cell may have.
    """
    bound = bound if bound is not None else max(values.values(), default=0)
    slack = set(slack)
    domains: dict[Hashable, Domain] = {}
    for cell, value in values.items():
        if cell in slack:
            domains[cell] = [(0, bound)]
        elif hidden.get(cell) == SMALL:
            domains[cell] = [(LOW, HIGH)]
        elif hidden.get(cell) == COMPLEMENTARY:
            domains[cell] = _normalise([(0, 0), (HIGH + 1, bound)])
        else:
            domains[cell] = [(value, value)]
    changed = True
    while changed:
        changed = False
        for relation in relations:
            for index, (cell, sign) in enumerate(relation.terms):
                others: Domain = [(0, 0)]
                for other_index, (other, other_sign) in enumerate(relation.terms):
                    if other_index != index:
                        term = domains[other] if other_sign > 0 else _neg(domains[other])
                        others = _add(others, term)
                # sign * x = -others
                allowed = _neg(others) if sign > 0 else others
                narrowed = _intersect(domains[cell], allowed)
                if narrowed != domains[cell]:
                    domains[cell] = narrowed
                    changed = True
    return {cell: domains[cell] for cell in values if cell in hidden or cell in slack}


def suppress(
    values: dict[Hashable, int],
    relations: list[Relation],
    slack: Iterable[Hashable] = (),
) -> dict[Hashable, str]:
    """Which published cells to hide, and how: SMALL ("<5") or COMPLEMENTARY ("x").

    ``values`` holds every cell (slack cells too, which are never shown); the answer
    leaves no "<5" cell that the relations pin down to one value.
    """
    slack = set(slack)
    hidden = {
        cell: SMALL for cell, value in values.items() if cell not in slack and LOW <= value <= HIGH
    }
    order = {cell: index for index, cell in enumerate(values)}
    while True:
        domains = possible_values(values, hidden, relations, slack)
        exposed = [
            cell for cell, kind in hidden.items() if kind == SMALL and size(domains[cell]) < 2
        ]
        if not exposed:
            return hidden
        cell = min(exposed, key=order.__getitem__)
        candidates = {
            other
            for relation in relations
            if cell in relation.cells
            for other in relation.cells
            if other not in hidden and other not in slack
        }
        if not candidates:
            # Every cell around it is hidden already; widen to any relation that has a
            # hidden cell (never reached with the report's relations, kept for safety).
            candidates = {
                other
                for relation in relations
                if any(c in hidden for c in relation.cells)
                for other in relation.cells
                if other not in hidden and other not in slack
            }
        if not candidates:
            return hidden
        # The smallest shown count costs the least information; zeros last, since a
        # hidden zero protects little.
        chosen = min(candidates, key=lambda c: (values[c] == 0, values[c], order[c]))
        hidden[chosen] = COMPLEMENTARY
