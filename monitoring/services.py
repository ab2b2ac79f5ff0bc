"""State changes of the monitoring data: entry, exit, six-month follow-up, downloads.

Views parse input, call one of these and render. Each function runs in one transaction
and either makes all of its changes or none; a broken rule raises ``MonitoringError``
with a machine-readable ``code``, a German message (through gettext) and the form
``field`` it belongs to.

Error codes: ``future_date``, ``born_after_entry``, ``too_young_for_labour_market``,
``previous_participation_open``, ``duplicate_entry``, ``exit_before_entry``,
``entry_after_exit``, ``situation_without_date``, ``situation_before_exit``,
``situation_too_late``, ``older_situation``, ``exit_after_follow_up``,
``answered_too_early``, ``answer_missing``, ``not_due``.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from monitoring import sources
from monitoring.figures import add_months
from monitoring.indicators import SPECIAL_CATEGORY_FIELDS
from monitoring.models import (
    EntryRecord,
    ExitRecord,
    FollowUpStatus,
    LabourStatus,
    ReportDownload,
    SixMonthFollowUp,
)

# Children under 15 may not work in Germany (Jugendarbeitsschutzgesetz), so they can be
# neither employed nor unemployed.
MIN_WORKING_AGE = 15
WINDOW_DAYS = 28  # "within four weeks" of entry and of leaving
FOLLOW_UP_MONTHS = 6
LABOUR_MARKET = (
    LabourStatus.EMPLOYED,
    LabourStatus.UNEMPLOYED,
    LabourStatus.LONG_TERM_UNEMPLOYED,
)
ENTRY_DATA = (
    "gender",
    "labour_status",
    "education",
    "nationality",
    "foreign_background",
    "housing_exclusion",
    "minority",
    "disability",
)


class MonitoringError(DomainError):
    """A rule of the monitoring data was broken; nothing was saved."""

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(code, message, field=field)
        self.field = field


def _date(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def _not_in_future(day: dt.date, field: str) -> None:
    if day > timezone.localdate():
        raise MonitoringError("future_date", _("This date is in the future."), field)


def can_see_special_categories(user) -> bool:
    return user.has_perm("monitoring.view_special_categories")


@transaction.atomic
def record_entry(participant, *, by, entry_date: dt.date, record=None, **data) -> EntryRecord:
    """Create (``record`` None) or change the entry data of one participation.

    ``data`` holds the entry fields (``ENTRY_DATA``); missing ones stay empty (a record
    may be saved incomplete and completed later). Special-category answers are taken only
    from users allowed to see them. The age at entry and the district are taken from the
    participant here, so the report never needs the date of birth or the address.
    """
    unknown = set(data) - set(ENTRY_DATA)
    if unknown:
        raise TypeError(f"unknown entry fields: {sorted(unknown)}")
    _not_in_future(entry_date, "entry_date")
    if entry_date <= participant.date_of_birth:
        raise MonitoringError(
            "born_after_entry", _("The entry must be after the date of birth."), "entry_date"
        )
    age = sources.age_on(participant.date_of_birth, entry_date)
    if age < MIN_WORKING_AGE and data.get("labour_status") in LABOUR_MARKET:
        raise MonitoringError(
            "too_young_for_labour_market",
            _(
                "A person under %(age)s years cannot be employed or unemployed (German youth "
                "labour law). Choose “inactive, in education or training” or “inactive”."
            )
            % {"age": MIN_WORKING_AGE},
            "labour_status",
        )
    if not can_see_special_categories(by):
        for name in SPECIAL_CATEGORY_FIELDS:
            data.pop(name, None)

    if record is None:
        # Two coordinators starting a participation for one person at once: the second
        # waits here and then sees the first one's open participation.
        sources.lock_participant(participant.pk)
        earlier = EntryRecord.objects.filter(participant=participant)
        open_one = earlier.filter(exit__isnull=True).first()
        if open_one is not None:
            raise MonitoringError(
                "previous_participation_open",
                _(
                    "The participation that began on %(date)s has no exit yet. Record its "
                    "exit before a new entry."
                )
                % {"date": _date(open_one.entry_date)},
                "entry_date",
            )
        overlapping = earlier.filter(exit__exit_date__gte=entry_date).first()
        if overlapping is not None:
            raise MonitoringError(
                "previous_participation_open",
                _("A new entry must be after the exit of the previous participation (%(date)s).")
                % {"date": _date(overlapping.exit.exit_date)},
                "entry_date",
            )
        record = EntryRecord(
            participant=participant,
            recorded_by=by,
            **sources.participant_snapshot(participant, entry_date),
        )
    else:
        record = EntryRecord.objects.select_for_update().get(pk=record.pk)
        exit_record = ExitRecord.objects.filter(entry=record).first()
        if exit_record is not None and entry_date > exit_record.exit_date:
            raise MonitoringError(
                "entry_after_exit",
                _("The entry cannot be after the exit (%(date)s).")
                % {"date": _date(exit_record.exit_date)},
                "entry_date",
            )
        record.age_at_entry = age
    record.entry_date = entry_date
    record.updated_by = by
    for name, value in data.items():
        setattr(record, name, value or "")
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as exc:
        raise MonitoringError(
            "duplicate_entry",
            _("This person already has entry data for an entry on %(date)s.")
            % {"date": _date(entry_date)},
            "entry_date",
        ) from exc
    return record


@transaction.atomic
def record_exit(
    entry: EntryRecord,
    *,
    by,
    exit_date: dt.date,
    reason: str,
    situation: str = "",
    situation_on: dt.date | None = None,
) -> ExitRecord:
    """Record (or change) the exit of one participation and the situation upon leaving.

    The situation must be dated between the exit and four weeks after it; it replaces an
    earlier one (only the latest situation within the four weeks counts) but not a later
    one. Changing the exit date moves an open six-month follow-up with it.
    """
    entry = EntryRecord.objects.select_for_update().get(pk=entry.pk)
    _not_in_future(exit_date, "exit_date")
    if exit_date < entry.entry_date:
        raise MonitoringError(
            "exit_before_entry",
            _("The exit cannot be before the entry (%(date)s).")
            % {"date": _date(entry.entry_date)},
            "exit_date",
        )
    if situation and situation_on is None:
        raise MonitoringError(
            "situation_without_date",
            _("Enter the day the situation upon leaving was known."),
            "situation_on",
        )
    if situation_on is not None:
        if not situation:
            situation_on = None
        elif situation_on < exit_date:
            raise MonitoringError(
                "situation_before_exit",
                _("The situation upon leaving cannot be dated before the exit (%(date)s).")
                % {"date": _date(exit_date)},
                "situation_on",
            )
        elif situation_on > exit_date + dt.timedelta(days=WINDOW_DAYS):
            raise MonitoringError(
                "situation_too_late",
                _(
                    "Only a situation within four weeks of the exit counts (until %(date)s). "
                    "Later changes belong to the six-month follow-up."
                )
                % {"date": _date(exit_date + dt.timedelta(days=WINDOW_DAYS))},
                "situation_on",
            )
        else:
            _not_in_future(situation_on, "situation_on")

    record = ExitRecord.objects.filter(entry=entry).first()
    if record is None:
        record = ExitRecord(entry=entry, recorded_by=by)
    elif (
        situation_on is not None
        and record.situation_on is not None
        and situation_on < record.situation_on
        and record.exit_date == exit_date
    ):
        raise MonitoringError(
            "older_situation",
            _(
                "A later situation (from %(date)s) is already recorded; only the latest "
                "situation within four weeks counts."
            )
            % {"date": _date(record.situation_on)},
            "situation_on",
        )
    follow_up = SixMonthFollowUp.objects.filter(exit=record).first() if record.pk else None
    if follow_up is not None:
        due = add_months(exit_date, FOLLOW_UP_MONTHS)
        if follow_up.answered_on is not None and follow_up.answered_on < due:
            raise MonitoringError(
                "exit_after_follow_up",
                _(
                    "The six-month follow-up was answered on %(date)s; the exit cannot move "
                    "to less than six months before it."
                )
                % {"date": _date(follow_up.answered_on)},
                "exit_date",
            )
    record.exit_date = exit_date
    record.reason = reason
    record.situation = situation or ""
    record.situation_on = situation_on
    record.updated_by = by
    record.save()
    if follow_up is not None and follow_up.due_on != add_months(exit_date, FOLLOW_UP_MONTHS):
        follow_up.due_on = add_months(exit_date, FOLLOW_UP_MONTHS)
        follow_up.save(update_fields=["due_on"])
    latest = not EntryRecord.objects.filter(
        participant_id=entry.participant_id, entry_date__gt=entry.entry_date
    ).exists()
    if entry.participant_id is not None and latest:
        # The programme figures count who is in the programme by housing's dates: the
        # exit of the latest participation is the person's exit there too.
        sources.record_programme_exit(entry.participant_id, exit_date)
    return record


def follow_up_due_on(exit_date: dt.date) -> dt.date:
    return add_months(exit_date, FOLLOW_UP_MONTHS)


@transaction.atomic
def answer_follow_up(
    follow_up: SixMonthFollowUp,
    *,
    by,
    status: str,
    answered_on: dt.date,
    employed: bool | None = None,
    improved: bool | None = None,
    note: str = "",
) -> SixMonthFollowUp:
    """Record the answer of a six-month follow-up, or that the person was not reached.

    Refused before six months have passed since the exit (``answered_too_early``).
    """
    follow_up = SixMonthFollowUp.objects.select_for_update().get(pk=follow_up.pk)
    _not_in_future(answered_on, "answered_on")
    if answered_on < follow_up.due_on:
        raise MonitoringError(
            "answered_too_early",
            _(
                "Six months after leaving is %(date)s: the follow-up can only be answered "
                "from that day."
            )
            % {"date": _date(follow_up.due_on)},
            "answered_on",
        )
    if status == FollowUpStatus.ANSWERED:
        for field, value in (("employed", employed), ("improved", improved)):
            if value is None:
                raise MonitoringError(
                    "answer_missing", _("Answer yes or no (or choose “not reached”)."), field
                )
    elif status == FollowUpStatus.NOT_REACHED:
        employed = improved = None
    else:
        raise MonitoringError("answer_missing", _("Choose an answer."), "status")
    follow_up.status = status
    follow_up.answered_on = answered_on
    follow_up.employed = employed
    follow_up.improved = improved
    follow_up.note = note
    follow_up.answered_by = by
    follow_up.save()
    return follow_up


def create_due_follow_ups(today: dt.date | None = None) -> int:
    """Create the six-month follow-up of every exit whose six months have passed.

    The daily django-q2 schedule ``monitoring: six-month follow-ups`` runs this.
    Idempotent: an exit has at most one follow-up (one-to-one), so a second run, or two
    workers at once, create nothing twice. Returns how many were created.
    """
    today = today or timezone.localdate()
    # A few days of margin for month ends; the exact due date is checked below.
    candidates = ExitRecord.objects.filter(
        six_month__isnull=True,
        exit_date__lte=add_months(today, -FOLLOW_UP_MONTHS) + dt.timedelta(3),
    ).values_list("pk", "exit_date")
    new = [
        SixMonthFollowUp(exit_id=pk, due_on=follow_up_due_on(exit_date))
        for pk, exit_date in candidates
        if follow_up_due_on(exit_date) <= today
    ]
    created = SixMonthFollowUp.objects.bulk_create(new, ignore_conflicts=True)
    return len(created)


def record_download(user, *, kind: str, file_format: str, period) -> ReportDownload:
    """Log one download of a report: who, when, which export and period."""
    return ReportDownload.objects.create(
        user=user,
        kind=kind,
        file_format=file_format,
        period_start=period.start,
        period_end=period.end,
        district_name=period.district_name,
    )
