from tests.access import NOT_FOUND, OK, Rule, staff_only

# Coordinators see and change every record. Companions read (never change) their
# assigned households and those households' members; a record outside their scope
# answers 404 in every view, before any permission check. Trainers and editors have
# no access to any of it.
_LIST = staff_only(coordinator=OK, companion=OK)
_COORDINATOR = staff_only(coordinator=OK)
_READ = staff_only(coordinator=OK, companion=OK)
_READ_OUTSIDE = staff_only(coordinator=OK, companion=NOT_FOUND)


def _scoped(key_inside: str, key_outside: str, inside: dict, outside: dict):
    """Check a record inside the companion's scope and one outside it."""
    return {
        "in scope": (lambda w: [w[key_inside].pk], inside),
        "out of scope": (lambda w: [w[key_outside].pk], outside),
    }


def _coordinator_only(key_inside, key_outside):
    return _scoped(key_inside, key_outside, _COORDINATOR, _READ_OUTSIDE)


def _readable(key_inside, key_outside):
    return _scoped(key_inside, key_outside, _READ, _READ_OUTSIDE)


RULES = {
    "participants:index": Rule(expect=_LIST),
    "participants:index_results": Rule(expect=_LIST),
    "participants:add": Rule(expect=_COORDINATOR),
    "participants:inspect": Rule(cases=_readable("participant", "other_participant")),
    "participants:edit": Rule(cases=_coordinator_only("participant", "other_participant")),
    "participants:delete": Rule(cases=_coordinator_only("participant", "other_participant")),
    "participants:history": Rule(cases=_coordinator_only("participant", "other_participant")),
    "participants:history_results": Rule(
        cases=_coordinator_only("participant", "other_participant")
    ),
    "participants:usage": Rule(cases=_coordinator_only("participant", "other_participant")),
    "households:index": Rule(expect=_LIST),
    "households:index_results": Rule(expect=_LIST),
    "households:add": Rule(expect=_COORDINATOR),
    "households:inspect": Rule(cases=_readable("household", "other_household")),
    "households:edit": Rule(cases=_coordinator_only("household", "other_household")),
    "households:delete": Rule(cases=_coordinator_only("household", "other_household")),
    "households:history": Rule(cases=_coordinator_only("household", "other_household")),
    "households:history_results": Rule(cases=_coordinator_only("household", "other_household")),
    "households:usage": Rule(cases=_coordinator_only("household", "other_household")),
    "districts:index": Rule(expect=_COORDINATOR),
    "districts:index_results": Rule(expect=_COORDINATOR),
    "districts:add": Rule(expect=_COORDINATOR),
    "districts:edit": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:delete": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:history": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:history_results": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
    "districts:usage": Rule(args=lambda w: [w["district"].pk], expect=_COORDINATOR),
}
