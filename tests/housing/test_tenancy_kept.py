"""The tenancy outcome "kept" (issue 15): recorded at the end, or derived for a running
tenancy once it has run 12 months; one rule for the screens and the monitoring figure."""

import datetime as dt

import pytest
from django.urls import reverse

from housing.models import Tenancy
from housing.models.landlords import kept_since
from tests.conftest import client_for
from tests.factories import HouseholdFactory
from tests.housing.conftest import TODAY
from tests.housing.factories import TenancyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def test_the_rule_by_the_dates():
    start = dt.date(2025, 11, 2)
    assert kept_since(start, None, TODAY) == dt.date(2026, 11, 2)  # the anniversary is today
    assert kept_since(dt.date(2025, 11, 3), None, TODAY) is None  # one day short
    assert kept_since(start, dt.date(2026, 11, 1), TODAY) is None  # ended the day before
    assert kept_since(start, dt.date(2026, 11, 2), TODAY) == dt.date(2026, 11, 2)
    # 29 February: the anniversary falls on the month's last day.
    assert kept_since(dt.date(2024, 2, 29), None, TODAY) == dt.date(2025, 2, 28)


def test_queryset_kept_running_12_months_or_recorded():
    kept_running = TenancyFactory(start=dt.date(2025, 10, 1), move_in=None)
    too_young = TenancyFactory(start=dt.date(2026, 3, 1))
    recorded = TenancyFactory(
        start=dt.date(2026, 1, 1), move_in=None, end=dt.date(2026, 6, 30), outcome="kept"
    )
    moved_on = TenancyFactory(
        start=dt.date(2024, 1, 1), move_in=None, end=dt.date(2026, 6, 30), outcome="moved_on"
    )
    found = set(Tenancy.objects.kept(TODAY))
    assert found == {kept_running, recorded}
    assert too_young not in found and moved_on not in found
    assert kept_running.outcome_now() == (
        "Mietverhältnis gehalten (12 Monate am 01.10.2026, läuft weiter)"
    )
    assert too_young.outcome_now() == "laufend"
    assert moved_on.outcome_now() == "weitergezogen"


def test_tenancy_screens_and_timeline_show_it(coordinator, companion):
    household = HouseholdFactory(companions=[companion])
    tenancy = TenancyFactory(household=household, start=dt.date(2025, 9, 15), move_in=None)
    expected = "Mietverhältnis gehalten (12 Monate am 15.09.2026, läuft weiter)"

    listing = client_for(coordinator).get(reverse("tenancies:index")).content.decode()
    assert expected in listing
    inspect = client_for(companion).get(reverse("tenancies:inspect", args=[tenancy.pk]))
    assert expected in inspect.content.decode()
    timeline = client_for(companion).get(reverse("housing_timeline", args=[household.pk]))
    html = timeline.content.decode()
    assert "Mietverhältnis gehalten: 12 Monate" in html
    assert "15.09.2026" in html


def test_the_monitoring_figure_uses_the_same_rule(monkeypatch):
    """tests/monitoring/test_figures.py checks the figure's counts; here, that it asks
    housing's rule (a change of the rule changes the figure)."""
    from monitoring import figures, sources
    from monitoring.report import Period

    TenancyFactory(start=dt.date(2025, 3, 1), move_in=None)
    period = Period(dt.date(2026, 1, 1), dt.date(2026, 10, 31))
    assert figures.tenancies_running_after_12_months(period).number == 100
    monkeypatch.setattr(sources, "tenancy_kept_since", lambda start, end, today: None)
    assert figures.tenancies_running_after_12_months(period).number == 0
