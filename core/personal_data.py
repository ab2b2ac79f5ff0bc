"""What each app holds about a person: the declarations the privacy app reads.

Every app that stores something about a participant or a household says so once, in
``<app>/privacy.py``, as a module-level ``HOLDINGS`` list (and, for screens that show
a person's data, ``ACCESS_VIEWS``). The privacy app collects them for the person's
copy of their data (GDPR Art. 15), for erasure (Art. 17) and for the access log; a
test walks every model and fails when one that can refer to a person is declared
nowhere. No app imports the privacy app: the declarations live here, in core.

A new app adds ``<app>/privacy.py``; nothing else needs to change.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

# What erasure does with a record (see privacy/services.py).
ANONYMISE = "anonymise"  # identifying fields replaced, the row kept for the figures
DELETE = "delete"  # the row goes
KEEP = "keep"  # nothing identifying in it; kept as it is (say why in ``reason``)


@dataclass(frozen=True)
class Holding:
    """One model's records about a person.

    ``person``: lookup from the model to the participant's primary key ("pk" for the
    participant itself, "enrolment__participant" through an enrolment). ``household``:
    lookup to the household, for records that are the household's rather than one
    member's (exported "as household data"; erased only when the household has no
    other member). Exactly one of the two is set.

    ``scrub``: on erasure, field → replacement; a callable receives the record and
    returns the value. ``erase``: a function ``(queryset, when)`` that does the whole
    erasure of the records itself (an app's own rule, e.g. revoking certificates),
    instead of ``scrub``. ``files``: ``record → [names in the private storage]`` (core/storage.py),
    put in the person's copy and deleted on erasure. ``retained``: records the funder
    requires to be kept (ESF Plus, CPR Art. 82): while the retention period runs, an
    erasure request waits and the person's record is restricted instead.
    """

    model: str
    person: str = ""
    household: str = ""
    on_erase: str = ANONYMISE
    scrub: dict = field(default_factory=dict)
    erase: Callable | None = None
    files: Callable | None = None
    retained: bool = False
    reason: str = ""

    def __post_init__(self):
        if bool(self.person) == bool(self.household):
            raise ValueError(f"{self.model}: declare exactly one of person= or household=")

    @property
    def is_household_data(self) -> bool:
        return bool(self.household)


@dataclass(frozen=True)
class AccessView:
    """A screen that shows a person's data: each successful look is logged.

    ``url_name`` as for ``reverse()``; ``subject`` is "participant", "household" or
    "" (a list export: the rows are not one person); ``kwarg`` names the URL argument
    holding the subject's primary key. ``when`` may ask for a query parameter, e.g.
    ``export`` for a list's spreadsheet export.
    """

    url_name: str
    action: str
    subject: str = ""
    kwarg: str = "pk"
    when_param: str = ""


@dataclass(frozen=True)
class PersonAction:
    """A button on the participant's screens offered by another app (e.g. the person's
    copy of their data), shown to users with ``permission``."""

    label: str
    url_name: str
    permission: str
    icon: str = "doc-full"


_person_actions: list[PersonAction] = []


def register_person_action(action: PersonAction) -> None:
    if action not in _person_actions:
        _person_actions.append(action)


def person_actions(user) -> list[PersonAction]:
    return [action for action in _person_actions if user.has_perm(action.permission)]


def placeholder(text: str) -> Callable[[models.Model], str]:
    """A scrub value that names the record, not the person: "Gelöscht #42"."""
    return lambda record: f"{text} #{record.pk}"


class PersonActionsMixin:
    """For a participant's edit and inspect views: the registered person actions as
    buttons in the header's "more" menu."""

    def get_header_more_buttons(self):
        from django.urls import reverse
        from wagtail.admin.widgets.button import Button

        buttons = list(super().get_header_more_buttons())
        for order, action in enumerate(person_actions(self.request.user)):
            buttons.append(
                Button(
                    action.label,
                    reverse(action.url_name, args=[self.object.pk]),
                    icon_name=action.icon,
                    priority=200 + order,
                )
            )
        return buttons
