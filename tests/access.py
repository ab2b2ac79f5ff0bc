"""The project's access matrix: for every URL of ours, what each role gets.

``tests/core/test_access_matrix.py`` walks the URL configuration, finds every
pattern that belongs to this project (our views, and the admin screens of our
viewsets; not Wagtail's or Django's own), and fails when one of them has no rule
here. Each app adds its rules in ``tests/<app>/access.py`` as ``RULES``.

Outcomes:
  OK        the page answers 200 (or another 2xx)
  LOGIN     the visitor is sent to the login page
  DENIED    403, or Wagtail's "no permission" redirect to the dashboard
  NOT_FOUND 404: the record exists but is outside the user's scope
  REDIRECT  a redirect somewhere else than the login or Wagtail's "no permission" (a POST
            action that goes back to its record's screen)
"""

from collections.abc import Callable
from dataclasses import dataclass, field

OK = "ok"
LOGIN = "login"
DENIED = "denied"
NOT_FOUND = "not_found"
REDIRECT = "redirect"

ROLES = ("anonymous", "coordinator", "trainer", "companion", "editor")


@dataclass(frozen=True)
class Rule:
    """What each role gets at one URL (by name), and how to build its arguments.

    ``args`` receives the shared access world (a dict of objects, see
    tests/core/test_access_matrix.py) and returns the URL's positional arguments.
    ``cases`` lets one URL be checked with several argument sets, e.g. a record
    inside and one outside the companion's scope: {case name: (args, expect)}.
    """

    expect: dict[str, str] = field(default_factory=dict)
    args: Callable[[dict], list] | None = None
    cases: dict[str, tuple[Callable[[dict], list], dict[str, str]]] = field(default_factory=dict)
    method: str = "get"


def everyone(outcome: str) -> dict[str, str]:
    return dict.fromkeys(ROLES, outcome)


def staff_only(**overrides: str) -> dict[str, str]:
    """Anonymous → login; every role denied unless overridden."""
    expect = dict.fromkeys(ROLES, DENIED)
    expect["anonymous"] = LOGIN
    expect.update(overrides)
    return expect
