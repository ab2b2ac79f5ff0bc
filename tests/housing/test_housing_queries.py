"""Caseload, household timeline and landlord lists: same queries for 10 or 100 records."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory
from tests.housing.factories import (
    AgreementFactory,
    ConcernFactory,
    FlatFactory,
    FollowUpFactory,
    HomeVisitFactory,
    LandlordContactFactory,
    TenancyFactory,
)
from tests.queries import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def _households(n, companion):
    for _ in range(n):
        household = HouseholdFactory(companions=[companion])
        HomeVisitFactory(household=household, companions=[companion])
        FollowUpFactory(household=household)


@pytest.mark.parametrize("role", ["companion", "coordinator"])
def test_caseload_queries_do_not_grow(users, role):
    client = client_for(users[role])
    _households(10, users["companion"])
    ten = count_queries(client, "/admin/housing/caseload/")
    _households(90, users["companion"])
    hundred = count_queries(client, "/admin/housing/caseload/")
    assert ten == hundred, (ten, hundred)


def _history(household, companion, n):
    tenancy = TenancyFactory(household=household, flat=FlatFactory())
    LandlordContactFactory(landlord=tenancy.landlord)
    for _ in range(n):
        ParticipantFactory(household=household)
        HomeVisitFactory(household=household, companions=[companion], topics=[1, 2])
        ConcernFactory(tenancy=tenancy)
        FollowUpFactory(household=household)


@pytest.mark.parametrize("role", ["companion", "coordinator"])
def test_timeline_queries_do_not_grow(users, role):
    companion = users["companion"]
    client = client_for(users[role])
    few = HouseholdFactory(companions=[companion])
    many = HouseholdFactory(companions=[companion])
    _history(few, companion, 10)
    _history(many, companion, 100)
    for query in ("?section=visits", "?section=visits&p=2", "?section=follow_ups"):
        ten = count_queries(client, reverse("housing_timeline", args=[few.pk]) + query)
        hundred = count_queries(client, reverse("housing_timeline", args=[many.pk]) + query)
        assert ten == hundred, (query, ten, hundred)
    # Everything: a page shows 30 entries; which sections they come from decides whether
    # the visits' companions and topics are read (two queries), never their number.
    ten = count_queries(client, reverse("housing_timeline", args=[few.pk]))
    hundred = count_queries(client, reverse("housing_timeline", args=[many.pk]))
    assert hundred <= ten, (ten, hundred)


def test_timeline_is_paginated_and_keeps_the_section(users):
    companion = users["companion"]
    household = HouseholdFactory(companions=[companion])
    for day in range(1, 36):
        HomeVisitFactory(
            household=household,
            companions=[companion],
            date=dt.date(2026, 1, 1) + dt.timedelta(days=day - 1),
        )
    client = client_for(companion)
    url = reverse("housing_timeline", args=[household.pk])
    first = client.get(url + "?section=visits").content.decode()
    assert first.count('data-section="visits"') == 30
    assert "Seite 1 von 2" in first and "Weiter" in first
    assert "?section=visits&amp;p=2" in first  # the filter stays in the link
    assert "04.02.2026" in first and "05.01.2026" not in first  # newest first
    # The entries shown are complete (companions, observations: read for the page only).
    assert first.count("Lüften besprochen") == 30
    second = client.get(url + "?section=visits&p=2").content.decode()
    assert second.count('data-section="visits"') == 5
    assert "Zurück" in second and "01.01.2026" in second


def _landlords(n, coordinator):
    for _ in range(n):
        flat = FlatFactory()
        LandlordContactFactory(landlord=flat.landlord)
        TenancyFactory(flat=flat)
        AgreementFactory(landlord=flat.landlord, programme_contact=coordinator)


@pytest.mark.parametrize("url", ["/admin/landlords/", "/admin/agreements/", "/admin/tenancies/"])
def test_landlord_lists_queries_do_not_grow(coordinator, url):
    client = client_for(coordinator)
    _landlords(10, coordinator)
    ten = count_queries(client, url, {"per_page": 100})
    _landlords(90, coordinator)
    hundred = count_queries(client, url, {"per_page": 100})
    assert ten == hundred, (ten, hundred)


def test_concern_form_lists_tenancies_without_a_query_each(coordinator):
    client = client_for(coordinator)
    TenancyFactory.create_batch(10)
    ten = count_queries(client, "/admin/concerns/new/")
    TenancyFactory.create_batch(90)
    hundred = count_queries(client, "/admin/concerns/new/")
    assert ten == hundred, (ten, hundred)
