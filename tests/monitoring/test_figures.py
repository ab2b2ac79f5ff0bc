"""Programme figures: each definition, the registry other apps add to, and the schedule."""

import datetime as dt
import sys
import types
from decimal import Decimal

import pytest
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task

from courses.models import Attendance
from monitoring import figures, report
from monitoring.models import SixMonthFollowUp
from tests.courses.factories import SessionFactory
from tests.housing.factories import (
    AgreementFactory,
    ConcernFactory,
    FlatFactory,
    HomeVisitFactory,
    TenancyFactory,
)
from tests.monitoring.factories import ExitRecordFactory, certificate_for

pytestmark = pytest.mark.django_db

YEAR = report.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _value(key, period=YEAR):
    figure = next(f for f in figures.all_figures() if f.key == key)
    return figures._as_value(figure.compute(period))


def test_every_figure_has_a_german_label_and_explanation():
    from django.utils import translation

    with translation.override("de"):
        for figure in figures.all_figures():
            assert figure.compute.__doc__, figure.key
            assert str(figure.label) != figure.key
            assert figure.definition
    keys = [f.key for f in figures.all_figures()]
    assert len(keys) == len(set(keys)) >= 13


def test_tenancies_still_running_twelve_months_after_they_started():
    # First anniversaries in 2026: still running, ended on it, ended before it; and one
    # whose anniversary comes only in 2027.
    TenancyFactory(start=dt.date(2025, 3, 1))
    TenancyFactory(start=dt.date(2025, 4, 1), end=dt.date(2026, 4, 1), outcome="moved_on")
    TenancyFactory(start=dt.date(2025, 5, 1), end=dt.date(2026, 4, 30), outcome="eviction")
    TenancyFactory(start=dt.date(2026, 2, 1))
    value = _value("tenancies_12_months")
    assert value.number == Decimal("66.7")
    assert value.text == "2 von 3"


def test_tenancies_started_with_cooperating_landlords():
    cooperating = AgreementFactory(
        status="active", signed_on=dt.date(2025, 12, 1), valid_from=dt.date(2026, 1, 1)
    ).landlord
    draft = AgreementFactory(status="draft", signed_on=None, valid_from=dt.date(2026, 1, 1))
    for landlord in (cooperating, draft.landlord):
        TenancyFactory(flat=FlatFactory(landlord=landlord), start=dt.date(2026, 3, 1))
    TenancyFactory(flat=FlatFactory(landlord=cooperating), start=dt.date(2025, 12, 15))
    assert _value("tenancies_cooperating").number == 1


def test_attendance_and_pass_rates():
    from tests.certificates.factories import course_with_exam, passed_enrolment

    course = course_with_exam()
    first_pass = passed_enrolment(course=course)
    failed = passed_enrolment(course=course, passed=False)
    exam = course.exams.first()
    failed.results.model.objects.create(
        enrolment=failed,
        exam=exam,
        attempt=2,
        date=exam.date + dt.timedelta(days=7),
        total_points=70,
        max_points=100,
        percent=Decimal(70),
        passed=True,
    )
    period = report.Period(exam.date - dt.timedelta(days=1), exam.date + dt.timedelta(days=30))
    assert _value("pass_rate_first", period).number == Decimal("50.0")
    assert _value("pass_rate_resit", period).number == Decimal("100.0")
    session = SessionFactory(course=course, date=exam.date - dt.timedelta(days=7))
    SessionFactory(course=course, date=session.date, cancelled=True, cancel_reason="Krank")
    Attendance.objects.create(session=session, enrolment=first_pass, status="late")
    Attendance.objects.create(session=session, enrolment=failed, status="excused")
    period = report.Period(session.date, session.date)
    assert _value("attendance_rate", period).number == Decimal("50.0")
    assert _value("courses_held", period).number == 1


def test_certificates_issued_and_revoked():
    certificate_for(ExitRecordFactory().entry.participant, dt.date(2026, 3, 1))
    certificate_for(
        ExitRecordFactory().entry.participant,
        dt.date(2026, 3, 1),
        status="revoked",
        issued_on=dt.date(2026, 3, 2),
    )
    assert _value("certificates_issued").number == 2
    assert _value("certificates_revoked").number == 1


def test_visits_per_household_and_month_and_concern_median():
    visit = HomeVisitFactory(date=dt.date(2026, 3, 3))
    HomeVisitFactory(household=visit.household, date=dt.date(2026, 3, 20))
    HomeVisitFactory(household=visit.household, date=dt.date(2026, 3, 21), outcome="not_home")
    march = report.Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    value = _value("visits_per_household_month", march)
    assert value.number == Decimal("2.0")
    ConcernFactory(
        reported_on=dt.date(2026, 3, 1), status="resolved", resolved_on=dt.date(2026, 3, 4)
    )
    ConcernFactory(
        reported_on=dt.date(2026, 3, 1), status="resolved", resolved_on=dt.date(2026, 3, 11)
    )
    ConcernFactory(reported_on=dt.date(2026, 3, 5))
    assert _value("concerns_opened", march).number == 3
    assert _value("concerns_median_days", march).number == Decimal("6.5")


def test_other_apps_add_figures_without_importing_monitoring(monkeypatch):
    module = types.ModuleType("housing.monitoring_figures")
    module.FIGURES = [
        {
            "key": "placements",
            "label": "Placements",
            "compute": lambda period: (3, "three"),
            "explanation": "Flats let to certified households.",
        }
    ]
    monkeypatch.setitem(sys.modules, "housing.monitoring_figures", module)
    monkeypatch.setattr(figures, "_figures", dict(figures._figures))
    figures.autodiscover()
    computed = {c.figure.key: c for c in figures.compute_all(YEAR)}
    assert computed["placements"].value.number == 3
    assert computed["placements"].value.text == "three"
    assert computed["placements"].figure.definition == "Flats let to certified households."


def test_the_daily_schedule_exists_and_creates_follow_ups(settings):
    schedule = Schedule.objects.get(func="monitoring.tasks.create_due_follow_ups")
    assert schedule.schedule_type == Schedule.DAILY
    assert schedule.repeats == -1
    ExitRecordFactory(exit_date=timezone.localdate() - dt.timedelta(days=200))
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "sync": True}
    async_task(schedule.func, sync=True)
    assert SixMonthFollowUp.objects.count() == 1
    async_task(schedule.func, sync=True)  # idempotent
    assert SixMonthFollowUp.objects.count() == 1
