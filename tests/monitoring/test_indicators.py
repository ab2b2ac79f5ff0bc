"""How the ESF Plus indicators count: periods, genders, age bands, completeness, results."""

import datetime as dt
import random

import pytest

from monitoring import indicators, report, sources
from monitoring.indicators import CODES
from monitoring.models import Education, EntryRecord, ExitRecord, LabourStatus
from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory
from tests.monitoring.factories import (
    EntryRecordFactory,
    ExitRecordFactory,
    SixMonthFollowUpFactory,
    certificate_for,
)

pytestmark = pytest.mark.django_db

YEAR = report.Period(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _row(code, period=YEAR):
    return report.build(period, with_figures=False).row(code)


def test_the_contract_codes_in_order():
    expected = [f"EECO{n:02d}" for n in range(1, 17)] + [f"EECR{n:02d}" for n in range(1, 7)]
    assert expected == CODES


def test_outputs_count_entries_in_the_period_by_gender():
    EntryRecordFactory(gender="woman", entry_date=dt.date(2026, 1, 1))
    EntryRecordFactory(gender="woman", entry_date=dt.date(2026, 12, 31))
    EntryRecordFactory(gender="man")
    EntryRecordFactory(gender="non_binary")
    EntryRecordFactory(gender="man", entry_date=dt.date(2025, 12, 31))  # before
    EntryRecordFactory(gender="man", entry_date=dt.date(2027, 1, 1))  # after
    assert _row("EECO01").values() == [2, 1, 1, 4]


def test_incomplete_entry_data_counts_only_in_the_eeco01_total():
    EntryRecordFactory(gender="", labour_status="unemployed")
    EntryRecordFactory(gender="man", labour_status="")
    EntryRecordFactory(gender="woman", education="")
    EntryRecordFactory(gender="woman")
    built = report.build(YEAR, with_figures=False)
    # The man without labour status has a known gender: EECO01 shows him as a man, but
    # the woman without education likewise; the person without gender only in the total.
    assert built.row("EECO01").values() == [2, 1, 0, 4]
    assert built.row("EECO02").values() == [1, 0, 0, 1]
    assert built.row("EECO09").values() == [1, 0, 0, 1]
    assert built.row("EECO14").values() == [1, 0, 0, 1]
    for code in CODES[1:]:
        assert built.row(code).total <= 1, code


@pytest.mark.parametrize(
    ("age", "band"),
    [(17, "EECO06"), (18, "EECO07"), (29, "EECO07"), (30, None), (54, None), (55, "EECO08")],
)
def test_age_bands_use_the_age_at_entry(age, band):
    EntryRecordFactory(age_at_entry=age, labour_status="inactive_in_education")
    built = report.build(YEAR, with_figures=False)
    for code in ("EECO06", "EECO07", "EECO08"):
        assert built.row(code).total == (1 if code == band else 0), code


def test_labour_status_groups():
    for status in (
        "employed",
        "unemployed",
        "long_term_unemployed",
        "inactive",
        "inactive_in_education",
    ):
        EntryRecordFactory(labour_status=status)
    built = report.build(YEAR, with_figures=False)
    assert built.row("EECO02").total == 2  # unemployed incl. long-term
    assert built.row("EECO03").total == 1
    assert built.row("EECO04").total == 2  # inactive, in education or not
    assert built.row("EECO05").total == 1
    assert built.status_on_entry[0][1] == 1


def test_education_maps_to_isced_groups():
    for education in ("none", "mittlere_reife", "foreign_school"):
        EntryRecordFactory(education=education)
    for education in ("abitur", "vocational", "foreign_secondary"):
        EntryRecordFactory(education=education)
    for education in ("university", "master_craftsman"):
        EntryRecordFactory(education=education)
    built = report.build(YEAR, with_figures=False)
    assert [built.row(c).total for c in ("EECO09", "EECO10", "EECO11")] == [3, 3, 2]


def test_special_categories_count_only_a_yes():
    EntryRecordFactory(minority="yes", disability="not_stated")
    EntryRecordFactory(minority="not_stated", disability="yes")
    EntryRecordFactory(minority="", disability="")
    EntryRecordFactory(minority="no", disability="no")
    built = report.build(YEAR, with_figures=False)
    assert built.row("EECO15").total == 1
    assert built.row("EECO12").total == 1


def test_nationality_background_and_housing():
    EntryRecordFactory(nationality="third_country", foreign_background="yes")
    EntryRecordFactory(nationality="eu", foreign_background="no", housing_exclusion="houseless")
    EntryRecordFactory(nationality="german", foreign_background="", housing_exclusion="none")
    built = report.build(YEAR, with_figures=False)
    assert built.row("EECO13").total == 1
    assert built.row("EECO14").total == 1
    assert built.row("EECO16").total == 1


def test_district_filter_uses_the_district_at_entry():
    north, south = DistrictFactory(name="Altenhagen"), DistrictFactory(name="Wehringhausen")
    moved = ParticipantFactory(household=HouseholdFactory(district=north))
    EntryRecordFactory(participant=moved, district=north)
    EntryRecordFactory(participant__household__district=south, district=south)
    moved.household.district = south  # moved house after entry
    moved.household.save()
    period = report.Period(YEAR.start, YEAR.end, north)
    assert _row("EECO01", period).total == 1


def test_results_count_exits_in_the_period_and_exclude_each_other():
    ExitRecordFactory(situation="employed", exit_date=dt.date(2026, 3, 1))
    ExitRecordFactory(situation="job_searching", entry__gender="man")
    ExitRecordFactory(situation="education", entry__gender="non_binary")
    ExitRecordFactory(situation="employed", exit_date=dt.date(2027, 1, 3))  # next year
    ExitRecordFactory(situation="employed", entry__labour_status="")  # incomplete entry
    built = report.build(YEAR, with_figures=False)
    assert built.row("EECR04").values() == [1, 0, 0, 1]
    assert built.row("EECR01").values() == [0, 1, 0, 1]
    assert built.row("EECR02").values() == [0, 0, 1, 1]


def test_qualification_comes_from_the_certificates_app():
    june = dt.date(2026, 6, 30)
    gained = ExitRecordFactory(exit_date=june)
    certificate_for(gained.entry.participant, dt.date(2026, 6, 20))
    revoked = ExitRecordFactory(exit_date=june)
    certificate_for(revoked.entry.participant, dt.date(2026, 6, 20), status="revoked")
    late = ExitRecordFactory(exit_date=june)
    certificate_for(late.entry.participant, dt.date(2026, 7, 29))
    within_four_weeks = ExitRecordFactory(exit_date=june, entry__gender="man")
    certificate_for(within_four_weeks.entry.participant, dt.date(2026, 7, 28))
    before_entry = ExitRecordFactory(exit_date=june)
    certificate_for(before_entry.entry.participant, dt.date(2025, 5, 1))
    # Issued (printed) long after the exam: the exam date decides.
    printed_late = ExitRecordFactory(exit_date=june)
    certificate_for(
        printed_late.entry.participant, dt.date(2026, 6, 1), issued_on=dt.date(2026, 11, 1)
    )
    assert _row("EECR03").values() == [2, 1, 0, 3]


def test_six_month_results_count_by_the_date_of_the_follow_up():
    SixMonthFollowUpFactory(
        due_on=dt.date(2026, 1, 1),
        status="answered",
        answered_on=dt.date(2026, 5, 1),
        employed=True,
        improved=True,
    )
    SixMonthFollowUpFactory(
        due_on=dt.date(2026, 1, 1),
        status="answered",
        answered_on=dt.date(2026, 5, 2),
        employed=False,
        improved=True,
    )
    SixMonthFollowUpFactory(
        due_on=dt.date(2026, 1, 1), status="not_reached", answered_on=dt.date(2026, 5, 3)
    )
    SixMonthFollowUpFactory(
        due_on=dt.date(2026, 1, 1),
        status="answered",
        answered_on=dt.date(2027, 1, 2),
        employed=True,
        improved=True,
    )
    SixMonthFollowUpFactory()  # still open
    built = report.build(YEAR, with_figures=False)
    assert built.row("EECR05").values() == [1, 0, 0, 1]
    assert built.row("EECR06").values() == [2, 0, 0, 2]


def test_charts_per_month_cover_every_month_of_the_period():
    EntryRecordFactory(entry_date=dt.date(2026, 3, 31))
    EntryRecordFactory(entry_date=dt.date(2026, 3, 1))
    ExitRecordFactory(exit_date=dt.date(2026, 11, 15))
    built = report.build(YEAR, with_figures=False)
    assert len(built.entries_per_month) == 12
    assert dict(built.entries_per_month)[dt.date(2026, 3, 1)] == 2
    assert dict(built.exits_per_month)[dt.date(2026, 11, 1)] == 1
    assert [q for q, _n in built.certificates_per_quarter] == [
        "Q1/2026",
        "Q2/2026",
        "Q3/2026",
        "Q4/2026",
    ]


def test_every_breakdown_agrees_with_counting_each_cell_on_its_own():
    """The report counts per indicator in groups of gender and completeness (one query);
    each cell must equal the plain count of its records: mixed data, blanks included."""
    rng = random.Random(18)
    genders = ["woman", "man", "non_binary", ""]
    statuses = [*LabourStatus.values, ""]
    educations = [*Education.values, ""]
    situations = ["employed", "job_searching", "education", "other", ""]
    for n in range(60):
        record = EntryRecordFactory(
            gender=rng.choice(genders),
            labour_status=rng.choice(statuses),
            education=rng.choice(educations),
            age_at_entry=rng.choice([16, 20, 35, 60]),
            disability=rng.choice(["yes", "no", "not_stated"]),
            nationality=rng.choice(["eu", "third_country"]),
            entry_date=dt.date(2026, 1 + n % 12, 10),
        )
        if n % 3 == 0:
            ExitRecordFactory(entry=record, situation=rng.choice(situations))

    built = report.build(YEAR, with_figures=False)
    exits = ExitRecord.objects.annotate(qualified=sources.qualification_gained())
    for group, records, prefix in (
        (indicators.OUTPUT, EntryRecord.objects.all(), ""),
        (indicators.RESULT, exits, "entry__"),
    ):
        for indicator in indicators.by_group(group):
            counted = records.filter(indicator.condition())
            if not indicator.counts_incomplete:
                counted = counted.filter(indicators.complete(prefix))
            expected = [counted.filter(**{f"{prefix}gender": g}).count() for g in genders[:3]]
            assert built.row(indicator.code).values() == [*expected, counted.count()]
    complete = EntryRecord.objects.filter(indicators.complete())
    assert built.status_on_entry == [
        (label, complete.filter(labour_status=status).count())
        for (status, _), (label, _n) in zip(report.STATUS_CHART, built.status_on_entry, strict=True)
    ]
    left = ExitRecord.objects.filter(indicators.complete("entry__"))
    assert [n for _label, n in built.results_on_leaving] == [
        left.filter(situation=situation).count() for situation, _label in report.RESULTS_CHART
    ]
    assert sum(n for _label, n in built.results_on_leaving) == left.count() > 0
