"""The rules of the monitoring data: what the services refuse, and what they keep."""

import datetime as dt

import pytest

from monitoring import report, services
from monitoring.models import EntryRecord, ExitRecord, SixMonthFollowUp
from tests.factories import ParticipantFactory
from tests.monitoring.factories import EntryRecordFactory, ExitRecordFactory

pytestmark = pytest.mark.django_db

FULL = {"gender": "woman", "labour_status": "unemployed", "education": "abitur"}


def _error(call, **kwargs):
    with pytest.raises(services.MonitoringError) as caught:
        call(**kwargs)
    return caught.value


def test_entry_keeps_age_and_district_without_needing_the_person_later(coordinator):
    person = ParticipantFactory(date_of_birth=dt.date(2008, 3, 1), entry_date=dt.date(2026, 2, 2))
    record = services.record_entry(person, by=coordinator, entry_date=dt.date(2026, 2, 2), **FULL)
    assert record.age_at_entry == 17
    assert record.district_id == person.household.district_id
    assert record.recorded_by == coordinator
    # Erasure (issue 14) may anonymise the person; the report keeps counting.
    person.date_of_birth = dt.date(1950, 1, 1)
    person.save()
    EntryRecord.objects.filter(pk=record.pk).update(participant=None)
    year = report.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert report.build(year, with_figures=False).row("EECO06").values() == [1, 0, 0, 1]


def test_an_employed_fourteen_year_old_is_refused(coordinator):
    child = ParticipantFactory(date_of_birth=dt.date(2011, 6, 1))
    for status in ("employed", "unemployed", "long_term_unemployed"):
        error = _error(
            services.record_entry,
            participant=child,
            by=coordinator,
            entry_date=dt.date(2026, 2, 2),
            **{**FULL, "labour_status": status},
        )
        assert error.code == "too_young_for_labour_market"
        assert error.field == "labour_status"
    assert not EntryRecord.objects.exists()
    record = services.record_entry(
        child,
        by=coordinator,
        entry_date=dt.date(2026, 2, 2),
        **{**FULL, "labour_status": "inactive_in_education"},
    )
    assert record.age_at_entry == 14


def test_entry_dates_in_the_future_or_before_birth_are_refused(coordinator):
    person = ParticipantFactory(date_of_birth=dt.date(1990, 1, 1))
    future = _error(
        services.record_entry, participant=person, by=coordinator, entry_date=dt.date(2026, 12, 2)
    )
    assert future.code == "future_date"
    unborn = _error(
        services.record_entry, participant=person, by=coordinator, entry_date=dt.date(1989, 1, 1)
    )
    assert unborn.code == "born_after_entry"


def test_a_new_participation_needs_the_previous_one_closed(coordinator):
    entry = EntryRecordFactory(entry_date=dt.date(2026, 2, 2))
    person = entry.participant
    open_error = _error(
        services.record_entry, participant=person, by=coordinator, entry_date=dt.date(2026, 9, 1)
    )
    assert open_error.code == "previous_participation_open"
    services.record_exit(entry, by=coordinator, exit_date=dt.date(2026, 6, 30), reason="moved")
    overlap = _error(
        services.record_entry, participant=person, by=coordinator, entry_date=dt.date(2026, 6, 1)
    )
    assert overlap.code == "previous_participation_open"
    again = services.record_entry(person, by=coordinator, entry_date=dt.date(2026, 9, 1), **FULL)
    assert list(person.monitoring_entries.order_by("entry_date")) == [entry, again]


def test_special_categories_are_taken_only_from_those_allowed_to_see_them(coordinator, trainer):
    person = ParticipantFactory()
    record = services.record_entry(
        person,
        by=trainer,
        entry_date=dt.date(2026, 2, 2),
        minority="yes",
        disability="yes",
        **FULL,
    )
    assert (record.minority, record.disability) == ("", "")
    record = services.record_entry(
        person,
        by=coordinator,
        entry_date=dt.date(2026, 2, 2),
        record=record,
        minority="not_stated",
        disability="no",
        **FULL,
    )
    assert (record.minority, record.disability) == ("not_stated", "no")


def test_exit_before_entry_is_refused(coordinator):
    entry = EntryRecordFactory(entry_date=dt.date(2026, 2, 2))
    error = _error(
        services.record_exit,
        entry=entry,
        by=coordinator,
        exit_date=dt.date(2026, 2, 1),
        reason="moved",
    )
    assert (error.code, error.field) == ("exit_before_entry", "exit_date")
    assert "02.02.2026" in error.message
    assert not ExitRecord.objects.exists()


def test_a_situation_recorded_before_the_exit_is_refused(coordinator):
    entry = EntryRecordFactory()
    error = _error(
        services.record_exit,
        entry=entry,
        by=coordinator,
        exit_date=dt.date(2026, 6, 30),
        reason="completed",
        situation="employed",
        situation_on=dt.date(2026, 6, 29),
    )
    assert (error.code, error.field) == ("situation_before_exit", "situation_on")
    assert not ExitRecord.objects.exists()


def test_a_situation_more_than_four_weeks_after_the_exit_is_refused(coordinator):
    entry = EntryRecordFactory()
    kwargs = {
        "entry": entry,
        "by": coordinator,
        "exit_date": dt.date(2026, 6, 30),
        "reason": "completed",
        "situation": "employed",
    }
    assert (
        _error(services.record_exit, situation_on=dt.date(2026, 7, 29), **kwargs).code
        == "situation_too_late"
    )
    assert services.record_exit(situation_on=dt.date(2026, 7, 28), **kwargs).situation_on
    without_date = _error(services.record_exit, situation_on=None, **kwargs)
    assert without_date.code == "situation_without_date"


def test_only_the_latest_situation_counts(coordinator):
    entry = EntryRecordFactory()
    common = {"entry": entry, "by": coordinator, "exit_date": dt.date(2026, 6, 30)}
    services.record_exit(
        reason="completed", situation="job_searching", situation_on=dt.date(2026, 7, 1), **common
    )
    services.record_exit(
        reason="completed", situation="employed", situation_on=dt.date(2026, 7, 20), **common
    )
    record = ExitRecord.objects.get(entry=entry)
    assert (record.situation, record.situation_on) == ("employed", dt.date(2026, 7, 20))
    older = _error(
        services.record_exit,
        reason="completed",
        situation="job_searching",
        situation_on=dt.date(2026, 7, 5),
        **common,
    )
    assert older.code == "older_situation"
    year = report.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    built = report.build(year, with_figures=False)
    assert (built.row("EECR01").total, built.row("EECR04").total) == (0, 1)


def test_six_month_follow_ups_are_created_once_when_due(coordinator):
    due = ExitRecordFactory(exit_date=dt.date(2026, 5, 31))
    ExitRecordFactory(exit_date=dt.date(2026, 6, 2))  # six months end tomorrow
    month_end = ExitRecordFactory(exit_date=dt.date(2026, 5, 31))
    assert services.create_due_follow_ups(dt.date(2026, 11, 30)) == 2
    assert services.create_due_follow_ups(dt.date(2026, 11, 30)) == 0
    assert SixMonthFollowUp.objects.get(exit=due).due_on == dt.date(2026, 11, 30)
    assert SixMonthFollowUp.objects.filter(exit=month_end).exists()
    assert SixMonthFollowUp.objects.count() == 2


def test_a_follow_up_answered_before_six_months_is_refused(coordinator):
    exit_record = ExitRecordFactory(exit_date=dt.date(2026, 5, 15))
    services.create_due_follow_ups(dt.date(2026, 12, 1))
    follow_up = SixMonthFollowUp.objects.get(exit=exit_record)
    early = _error(
        services.answer_follow_up,
        follow_up=follow_up,
        by=coordinator,
        status="answered",
        answered_on=dt.date(2026, 11, 14),
        employed=True,
        improved=True,
    )
    assert (early.code, early.field) == ("answered_too_early", "answered_on")
    assert "15.11.2026" in early.message
    follow_up.refresh_from_db()
    assert follow_up.status == "open"
    missing = _error(
        services.answer_follow_up,
        follow_up=follow_up,
        by=coordinator,
        status="answered",
        answered_on=dt.date(2026, 11, 20),
        employed=True,
    )
    assert missing.code == "answer_missing"
    done = services.answer_follow_up(
        follow_up,
        by=coordinator,
        status="answered",
        answered_on=dt.date(2026, 11, 20),
        employed=True,
        improved=False,
    )
    assert (done.employed, done.improved, done.answered_by) == (True, False, coordinator)


def test_moving_an_exit_moves_its_open_follow_up_but_not_behind_an_answer(coordinator):
    exit_record = ExitRecordFactory(exit_date=dt.date(2026, 5, 15))
    services.create_due_follow_ups(dt.date(2026, 12, 1))
    services.record_exit(
        exit_record.entry, by=coordinator, exit_date=dt.date(2026, 5, 20), reason="completed"
    )
    follow_up = SixMonthFollowUp.objects.get(exit=exit_record)
    assert follow_up.due_on == dt.date(2026, 11, 20)
    services.answer_follow_up(
        follow_up, by=coordinator, status="not_reached", answered_on=dt.date(2026, 11, 25)
    )
    error = _error(
        services.record_exit,
        entry=exit_record.entry,
        by=coordinator,
        exit_date=dt.date(2026, 6, 1),
        reason="completed",
    )
    assert error.code == "exit_after_follow_up"
    exit_record.refresh_from_db()
    assert exit_record.exit_date == dt.date(2026, 5, 20)


def test_the_exit_of_the_latest_participation_is_the_persons_exit_from_the_programme(
    coordinator,
):
    person = ParticipantFactory(entry_date=dt.date(2026, 2, 2))
    first = EntryRecordFactory(participant=person, entry_date=dt.date(2026, 2, 2))
    services.record_exit(first, by=coordinator, exit_date=dt.date(2026, 5, 4), reason="moved")
    person.refresh_from_db()
    assert person.exit_date == dt.date(2026, 5, 4)
    assert person.history.first().exit_date == dt.date(2026, 5, 4)

    # After a second participation began, correcting the first exit leaves the person alone.
    person.exit_date = None
    person.save()
    EntryRecordFactory(participant=person, entry_date=dt.date(2026, 9, 1))
    services.record_exit(first, by=coordinator, exit_date=dt.date(2026, 5, 8), reason="moved")
    person.refresh_from_db()
    assert person.exit_date is None
