"""The monitoring report for a period: ESF Plus indicators, chart series, programme figures.

Everything is aggregated in the database with a fixed number of queries, however many
participants there are: one conditional-aggregate query per indicator group, one per
chart series, and the programme figures' own few (``figures.py``).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from monitoring import figures, indicators, sources
from monitoring.indicators import GENDERS, LONGER_TERM, OUTPUT, RESULT
from monitoring.models import (
    EntryRecord,
    ExitRecord,
    ExitSituation,
    FollowUpStatus,
    LabourStatus,
    SixMonthFollowUp,
)


@dataclass(frozen=True)
class Period:
    """A reporting period, both days included, optionally one district."""

    start: dt.date
    end: dt.date
    district: object = None  # a housing District or None for all
    label: str = ""

    @property
    def district_name(self) -> str:
        return self.district.name if self.district is not None else ""


@dataclass
class Row:
    """One indicator: counts of women, men, non-binary people and the total."""

    code: str
    label: str
    group: str
    women: int = 0
    men: int = 0
    non_binary: int = 0
    total: int = 0
    definition: str = ""

    def values(self) -> list[int]:
        return [self.women, self.men, self.non_binary, self.total]


@dataclass
class Report:
    period: Period
    rows: list[Row]
    status_on_entry: list[tuple[str, int]]
    results_on_leaving: list[tuple[str, int]]
    entries_per_month: list[tuple[dt.date, int]]
    exits_per_month: list[tuple[dt.date, int]]
    certificates_per_quarter: list[tuple[str, int]]
    figures: list = field(default_factory=list)

    def group(self, group: str) -> list[Row]:
        return [row for row in self.rows if row.group == group]

    def row(self, code: str) -> Row:
        return next(row for row in self.rows if row.code == code)


def _counts(records, indicator_list, entry_prefix, bars=None) -> dict[str, int]:
    """``<code>_<gender>`` and ``<code>_total`` per indicator, ``<bar>_total`` per chart bar.

    An indicator's condition refers to the counted record (entry, exit or follow-up);
    gender and completeness are read from its entry record, ``entry_prefix`` away. Chart
    bars (``bars``: key to condition) count complete records only, like the indicators.

    One query: the records are grouped by gender and completeness in the database, with
    one conditional count per indicator and bar in each group; the breakdown is summed
    here. One count per indicator and gender would be four times as many expressions,
    and at five years' volume Django took longer to compile them than PostgreSQL took to
    run the query (2026-12-02: 20 of 26 ms for the outputs).
    """
    conditions = {indicator.code: indicator.condition() for indicator in indicator_list}
    conditions.update(bars or {})
    counts_incomplete = {i.code for i in indicator_list if i.counts_incomplete}
    gender_field = f"{entry_prefix}gender"
    groups = (
        records.annotate(
            mfs_complete=ExpressionWrapper(
                indicators.complete(entry_prefix), output_field=BooleanField()
            )
        )
        .order_by()
        .values(gender_field, "mfs_complete")
        .annotate(
            **{
                key: Count("pk", filter=condition) if condition else Count("pk")
                for key, condition in conditions.items()
            }
        )
    )
    counts = {f"{key}_{gender}": 0 for key in conditions for gender in (*GENDERS, "total")}
    for group in groups:
        for key in conditions:
            if not (group["mfs_complete"] or key in counts_incomplete):
                continue
            counts[f"{key}_total"] += group[key]
            if group[gender_field] in GENDERS:
                counts[f"{key}_{group[gender_field]}"] += group[key]
    return counts


def _rows(indicator_list, counts) -> list[Row]:
    rows = []
    for indicator in indicator_list:
        rows.append(
            Row(
                indicator.code,
                str(indicator.label),
                indicator.group,
                *(counts[f"{indicator.code}_{gender}"] for gender in GENDERS),
                counts[f"{indicator.code}_total"],
                indicator.definition,
            )
        )
    return rows


def entries(period: Period):
    records = EntryRecord.objects.filter(entry_date__gte=period.start, entry_date__lte=period.end)
    if period.district is not None:
        records = records.filter(district=period.district)
    return records


def exits(period: Period):
    records = ExitRecord.objects.filter(exit_date__gte=period.start, exit_date__lte=period.end)
    if period.district is not None:
        records = records.filter(entry__district=period.district)
    return records


def follow_ups(period: Period):
    records = SixMonthFollowUp.objects.filter(
        answered_on__gte=period.start, answered_on__lte=period.end
    ).exclude(status=FollowUpStatus.OPEN)
    if period.district is not None:
        records = records.filter(exit__entry__district=period.district)
    return records


STATUS_CHART = [
    (LabourStatus.EMPLOYED, _("employed")),
    (LabourStatus.UNEMPLOYED, _("unemployed")),
    (LabourStatus.LONG_TERM_UNEMPLOYED, _("long-term unemployed")),
    (LabourStatus.INACTIVE, _("inactive")),
    (LabourStatus.INACTIVE_IN_EDUCATION, _("in education or training")),
]
RESULTS_CHART = [
    (ExitSituation.JOB_SEARCHING, _("job searching")),
    (ExitSituation.EDUCATION, _("education or training")),
    (ExitSituation.EMPLOYED, _("employment")),
    (ExitSituation.OTHER, _("none of these")),
    ("", _("not recorded")),
]


def output_counts(period: Period) -> tuple[list[Row], list[tuple[str, int]]]:
    """EECO rows and the labour status chart; one query."""
    group = indicators.by_group(OUTPUT)
    bars = {f"status_{status}": Q(labour_status=status) for status, _label in STATUS_CHART}
    counts = _counts(entries(period), group, "", bars)
    chart = [(str(label), counts[f"status_{status}_total"]) for status, label in STATUS_CHART]
    return _rows(group, counts), chart


def result_counts(period: Period) -> tuple[list[Row], list[tuple[str, int]]]:
    """EECR01–EECR04 rows and the results chart; one query (the certificate is a subquery)."""
    group = indicators.by_group(RESULT)
    bars = {f"situation_{situation}": Q(situation=situation) for situation, _ in RESULTS_CHART}
    records = exits(period).annotate(qualified=sources.qualification_gained())
    counts = _counts(records, group, "entry__", bars)
    chart = [(str(label), counts[f"situation_{s}_total"]) for s, label in RESULTS_CHART]
    return _rows(group, counts), chart


def longer_term_counts(period: Period) -> list[Row]:
    """EECR05 and EECR06; one query."""
    group = indicators.by_group(LONGER_TERM)
    return _rows(group, _counts(follow_ups(period), group, "exit__entry__"))


def _per_month(queryset, date_field, period) -> list[tuple[dt.date, int]]:
    found = {
        row["month"]: row["n"]
        for row in queryset.annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    }
    found = {(m.date() if isinstance(m, dt.datetime) else m): n for m, n in found.items()}
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append((day, found.get(day, 0)))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def quarter_of(day: dt.date) -> str:
    return f"Q{(day.month - 1) // 3 + 1}/{day.year}"


def certificates_per_quarter(period: Period) -> list[tuple[str, int]]:
    """Certificates issued per quarter of the period (revoked ones included); one query."""
    per_month = _per_month(
        sources.certificates(period.district).filter(
            issued_on__gte=period.start, issued_on__lte=period.end
        ),
        "issued_on",
        period,
    )
    quarters: dict[str, int] = {}
    for month, n in per_month:
        quarters[quarter_of(month)] = quarters.get(quarter_of(month), 0) + n
    return list(quarters.items())


def build(period: Period, *, with_figures: bool = True) -> Report:
    outputs, status_chart = output_counts(period)
    results, results_chart = result_counts(period)
    return Report(
        period=period,
        rows=outputs + results + longer_term_counts(period),
        status_on_entry=status_chart,
        results_on_leaving=results_chart,
        entries_per_month=_per_month(entries(period), "entry_date", period),
        exits_per_month=_per_month(exits(period), "exit_date", period),
        certificates_per_quarter=certificates_per_quarter(period),
        figures=figures.compute_all(period) if with_figures else [],
    )


def esf_rows(period: Period) -> list[Row]:
    """The rows of the funder's CSV contract: EECO01–EECO16 and EECR01–EECR06."""
    outputs, _chart = output_counts(period)
    results, _chart = result_counts(period)
    return outputs + results + longer_term_counts(period)
