"""The privacy screens: exports, erasure and the logs for coordinators only; the consent
page also for a companion of the household (read only) — permission, then scope."""

from tests.access import DENIED, LOGIN, NOT_FOUND, OK, Rule

COORDINATORS = {
    "anonymous": LOGIN,
    "coordinator": OK,
    "trainer": DENIED,
    "companion": DENIED,
    "editor": DENIED,
}


def _person(world):
    return [world["participant"].pk]


def _other(world):
    return [world["other_participant"].pk]


RULES = {
    "privacy_export": Rule(args=_person, expect=COORDINATORS),
    "privacy_erase": Rule(args=_person, expect=COORDINATORS),
    "privacy_access_log": Rule(expect=COORDINATORS),
    "privacy_processing": Rule(expect=COORDINATORS),
    "privacy_consents": Rule(
        cases={
            "own household": (_person, {**COORDINATORS, "companion": OK}),
            "other household": (_other, {**COORDINATORS, "companion": NOT_FOUND}),
        }
    ),
}
