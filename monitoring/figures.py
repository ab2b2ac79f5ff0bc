"""Programme figures beyond ESF Plus: one definition each, stated in its docstring.

A figure is a ``Figure(key, label, compute, order)``; ``compute(period)`` returns a
``Value`` with a fixed number of queries. The programme's own figures are below.

Other apps add theirs without importing monitoring: an app ships a module
``<app>/monitoring_figures.py`` with a list ``FIGURES`` of objects (or dicts) having
``key``, ``label``, ``compute`` and optionally ``order``; ``compute(period)`` returns a
number (or ``None`` for "no data") or a ``(number, text)`` pair. Monitoring finds these
modules when Django starts (``autodiscover``). ``period`` has ``start``, ``end`` and
``district`` (a ``housing.District`` or ``None``).
"""

import importlib
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import add_months
from monitoring import sources


@dataclass(frozen=True)
class Value:
    """A computed figure: ``number`` for exports (None: no data), ``text`` for people."""

    number: int | Decimal | None
    text: str = ""

    @property
    def display(self) -> str:
        if self.number is None:
            return "–"
        return number_format(self.number, use_l10n=True)


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    compute: Callable
    order: int = 100
    unit: str = ""
    # For people, in their language; the compute function's docstring states the same
    # for developers.
    explanation: str = ""

    @property
    def definition(self) -> str:
        return str(self.explanation) or " ".join((self.compute.__doc__ or "").split())


@dataclass(frozen=True)
class Computed:
    figure: Figure
    value: Value


_figures: dict[str, Figure] = {}


def register(figure: Figure) -> Figure:
    """Add (or replace, by key) a programme figure."""
    _figures[figure.key] = figure
    return figure


def all_figures() -> list[Figure]:
    return sorted(_figures.values(), key=lambda f: (f.order, f.key))


def _as_value(result) -> Value:
    if isinstance(result, Value):
        return result
    if isinstance(result, tuple):
        return Value(*result)
    return Value(result)


def compute_all(period) -> list[Computed]:
    return [Computed(figure, _as_value(figure.compute(period))) for figure in all_figures()]


def autodiscover() -> None:
    """Register the figures of every installed app's ``monitoring_figures`` module."""
    for config in apps.get_app_configs():
        name = f"{config.name}.monitoring_figures"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        for item in getattr(module, "FIGURES", []):
            get = (
                item.get
                if isinstance(item, dict)
                else lambda key, d=None, i=item: getattr(i, key, d)
            )
            register(
                Figure(
                    get("key"),
                    get("label"),
                    get("compute"),
                    get("order", 500),
                    get("unit", ""),
                    get("explanation", ""),
                )
            )


def _percent(part: int, whole: int) -> Value:
    if not whole:
        return Value(None, _("no data"))
    share = (Decimal(100 * part) / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Value(share, _("%(part)s of %(whole)s") % {"part": part, "whole": whole})


# --- People ------------------------------------------------------------------------------------


def people_reached(period):
    """Participants in the programme at any time in the period: entered on or before its
    last day and not left before its first day (the participant's own entry and exit
    dates)."""
    return sources.participants_in_programme(period.start, period.end, period.district).count()


def households_reached(period):
    """Households with at least one participant reached in the period (see above)."""
    people = sources.participants_in_programme(period.start, period.end, period.district)
    return people.aggregate(n=Count("household", distinct=True))["n"]


# --- Courses, exams, certificates ----------------------------------------------------------------


def courses_held(period):
    """Courses with at least one session held (not cancelled) in the period."""
    held = sources.held_sessions(period.start, period.end, period.district)
    return held.aggregate(n=Count("course", distinct=True))["n"]


def attendance_rate(period):
    """Share of attendance entries of sessions held in the period that are "present" or
    "late" (excused and absent count as not attended), in per cent."""
    return _percent(*sources.attendance_counts(period.start, period.end, period.district))


def pass_rate_first_attempt(period):
    """Share of first exam attempts taken in the period that passed, in per cent."""
    counts = (
        sources.exam_results(period.district)
        .filter(attempt=1, date__gte=period.start, date__lte=period.end)
        .aggregate(total=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
    )
    return _percent(counts["passed"], counts["total"])


def pass_rate_after_resit(period):
    """Of those who took their first attempt in the period, the share who passed at any
    attempt so far (first attempt or a resit), in per cent."""
    results = sources.exam_results(period.district)
    passed_any = Exists(results.model.objects.filter(enrolment=OuterRef("enrolment"), passed=True))
    counts = (
        results.filter(attempt=1, date__gte=period.start, date__lte=period.end)
        .annotate(passed_any=passed_any)
        .aggregate(total=Count("pk"), passed=Count("pk", filter=Q(passed_any=True)))
    )
    return _percent(counts["passed"], counts["total"])


def certificates_issued(period):
    """Integrationszertifikate Wohnen issued in the period (by issue date), including those
    revoked since."""
    return (
        sources.certificates(period.district)
        .filter(issued_on__gte=period.start, issued_on__lte=period.end)
        .count()
    )


def certificates_revoked(period):
    """Certificates revoked in the period (by the day of the revocation); not those revoked
    by the erasure of the holder's data, which says nothing about the certificate."""
    return (
        sources.certificates(period.district)
        .filter(erased_at__isnull=True)
        .filter(revoked_at__date__gte=period.start, revoked_at__date__lte=period.end)
        .count()
    )


# --- Tenancies, visits, concerns ---------------------------------------------------------------


def tenancies_started_cooperating(period):
    """Tenancies that started in the period with a landlord whose signed cooperation
    agreement was in force on the start date."""
    return (
        sources.tenancies(period.district)
        .filter(start__gte=period.start, start__lte=period.end)
        .filter(sources.cooperation_in_force())
        .count()
    )


def tenancies_running_after_12_months(period):
    """Of the tenancies whose first anniversary falls in the period (and not after today),
    the share still running on that day: no end date, or an end on or after it. Derived
    from the dates alone, so a tenancy that simply goes on counts."""
    today = timezone.localdate()
    last_day = min(period.end, today)
    started = sources.tenancies(period.district).filter(
        start__gte=add_months(period.start, -12), start__lte=add_months(last_day, -12)
    )
    due = total = 0
    for start, end in started.values_list("start", "end"):
        anniversary = sources.tenancy_kept_on(start)
        if not (period.start <= anniversary <= last_day):
            continue
        total += 1
        # housing's rule: kept when it had not ended before its first anniversary.
        due += sources.tenancy_kept_since(start, end, anniversary) is not None
    return _percent(due, total)


def _months(period) -> Decimal:
    days = (period.end - period.start).days + 1
    return Decimal(days) / Decimal("30.4375")


def visits_per_household_month(period):
    """Home visits that took place (held or a short contact) in the period, per visited
    household and month of the period."""
    counts = (
        sources.home_visits(period.start, period.end, period.district)
        .filter(outcome__in=["held", "short"])
        .aggregate(visits=Count("pk"), households=Count("household", distinct=True))
    )
    if not counts["households"]:
        return Value(None, _("no data"))
    rate = Decimal(counts["visits"]) / counts["households"] / _months(period)
    return Value(
        rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP),
        _("%(visits)s visits to %(households)s households")
        % {"visits": counts["visits"], "households": counts["households"]},
    )


def concerns_opened(period):
    """Landlord concerns reported in the period."""
    return (
        sources.concerns(period.district)
        .filter(reported_on__gte=period.start, reported_on__lte=period.end)
        .count()
    )


def concerns_median_days(period):
    """Median number of days from report to resolution of the concerns resolved in the
    period."""
    pairs = (
        sources.concerns(period.district)
        .filter(resolved_on__gte=period.start, resolved_on__lte=period.end)
        .values_list("reported_on", "resolved_on")
    )
    days = [(resolved - reported).days for reported, resolved in pairs]
    if not days:
        return Value(None, _("no data"))
    median = Decimal(str(statistics.median(days))).quantize(Decimal("0.1"))
    return Value(median, _("%(count)s resolved") % {"count": len(days)})


PROGRAMME_FIGURES = [
    (
        "people_reached",
        gettext_lazy("People reached"),
        people_reached,
        "",
        gettext_lazy("In the programme at any time in the period (by entry and exit date)."),
    ),
    (
        "households_reached",
        gettext_lazy("Households reached"),
        households_reached,
        "",
        gettext_lazy("Households with at least one person reached in the period."),
    ),
    (
        "courses_held",
        gettext_lazy("Courses held"),
        courses_held,
        "",
        gettext_lazy("Courses with at least one session held (not cancelled) in the period."),
    ),
    (
        "attendance_rate",
        gettext_lazy("Attendance rate"),
        attendance_rate,
        "%",
        gettext_lazy("Present or late, of all attendance entries of sessions held in the period."),
    ),
    (
        "pass_rate_first",
        gettext_lazy("Exam pass rate at first attempt"),
        pass_rate_first_attempt,
        "%",
        gettext_lazy("Passed first attempts, of all first attempts taken in the period."),
    ),
    (
        "pass_rate_resit",
        gettext_lazy("Exam pass rate after resit"),
        pass_rate_after_resit,
        "%",
        gettext_lazy("Of those with a first attempt in the period: passed at any attempt so far."),
    ),
    (
        "certificates_issued",
        gettext_lazy("Certificates issued"),
        certificates_issued,
        "",
        gettext_lazy("By issue date, including certificates revoked since."),
    ),
    (
        "certificates_revoked",
        gettext_lazy("Certificates revoked"),
        certificates_revoked,
        "",
        gettext_lazy("By the day of the revocation."),
    ),
    (
        "tenancies_cooperating",
        gettext_lazy("Tenancies started with cooperating landlords"),
        tenancies_started_cooperating,
        "",
        gettext_lazy(
            "Start in the period; the landlord's signed agreement was in force on that day."
        ),
    ),
    (
        "tenancies_12_months",
        gettext_lazy("Tenancies still running 12 months after they started"),
        tenancies_running_after_12_months,
        "%",
        gettext_lazy(
            "Of the tenancies whose first anniversary falls in the period: not ended before "
            "it. From the dates; a running tenancy counts."
        ),
    ),
    (
        "visits_per_household_month",
        gettext_lazy("Home visits per household and month"),
        visits_per_household_month,
        "",
        gettext_lazy(
            "Visits held (or short contacts) per visited household and month of the period."
        ),
    ),
    (
        "concerns_opened",
        gettext_lazy("Landlord concerns opened"),
        concerns_opened,
        "",
        gettext_lazy("Reported in the period."),
    ),
    (
        "concerns_median_days",
        gettext_lazy("Median days to resolve a concern"),
        concerns_median_days,
        "",
        gettext_lazy("Of the concerns resolved in the period: days from report to resolution."),
    ),
]
for _order, (_key, _label, _fn, _unit, _explanation) in enumerate(PROGRAMME_FIGURES, start=1):
    register(Figure(_key, _label, _fn, order=10 * _order, unit=_unit, explanation=_explanation))
