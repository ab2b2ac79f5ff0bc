"""Matching: the fit of households and vacancies, computed in the database."""

import datetime as dt
from decimal import Decimal

import pytest

from placement import matching
from tests.factories import DistrictFactory
from tests.monitoring.factories import certificate_for
from tests.placement.factories import VacancyFactory, rent_limits, searching_household

pytestmark = pytest.mark.django_db


def _rows(vacancy):
    return {row.pk: row for row in matching.households_for(vacancy)}


def test_rent_limit_comes_from_the_kdu_table_by_household_size():
    rent_limits()
    four = searching_household(members=4)
    own = searching_household(members=2, max_rent=Decimal("500"))
    nine = searching_household(members=9)  # above the table: its largest row
    adjusted = searching_household(members=2, household_size=3)
    rows = {row.pk: row for row in matching.searching_households()}
    assert rows[four.pk].rent_limit == Decimal("700")
    assert rows[own.pk].rent_limit == Decimal("500")
    assert rows[nine.pk].rent_limit == Decimal("790")
    assert rows[adjusted.pk].size == 3
    assert rows[adjusted.pk].rent_limit == Decimal("620")


def test_each_criterion_decides_and_certified_households_rank_first():
    rent_limits()
    altenhagen = DistrictFactory(name="Altenhagen")
    mitte = DistrictFactory(name="Mitte")
    vacancy = VacancyFactory(district=altenhagen, rooms=Decimal("3"), floor=2, lift=False)
    plain = searching_household(members=3)
    certified = searching_household(members=3, searching_since=dt.date(2026, 3, 1))
    certificate_for(certified.people[0], dt.date(2026, 2, 1))
    too_many_rooms = searching_household(members=3, rooms_needed=Decimal("4"))
    too_poor = searching_household(members=1)  # 450 € < 580 €
    elsewhere = searching_household(members=3)
    elsewhere.flat_search.districts_wanted.add(mitte)
    excluded = searching_household(members=3)
    excluded.flat_search.districts_excluded.add(altenhagen)
    later = searching_household(members=3, earliest_move_in=dt.date(2026, 9, 1))
    stairs = searching_household(members=3, needs_ground_floor=True)
    pets = searching_household(members=3, has_pets=True)

    rows = _rows(vacancy)
    assert rows[plain.pk].fits and rows[certified.pk].fits
    assert not rows[too_many_rooms.pk].fits_rooms
    assert not rows[too_poor.pk].fits_rent
    assert not rows[elsewhere.pk].fits_district
    assert not rows[excluded.pk].fits_district
    assert not rows[later.pk].fits_move_in
    assert not rows[stairs.pk].fits_floor
    assert not rows[pets.pk].fits_pets
    order = [row.pk for row in matching.households_for(vacancy)]
    # Certified first though it searches for less long; then the other fitting one.
    assert order[:2] == [certified.pk, plain.pk]
    reasons = matching.reasons(rows[too_poor.pk], vacancy, rows[too_poor.pk])
    rent = [r for r in reasons if not r.ok]
    assert rent and "450,00 €" in rent[0].text and "580,00 €" in rent[0].text


def test_person_limit_warns_without_excluding():
    rent_limits()
    vacancy = VacancyFactory(max_persons=4, cold_rent=Decimal("300"))
    seven = searching_household(members=7, rooms_needed=Decimal("3"))
    row = _rows(vacancy)[seven.pk]
    assert row.fits and not row.fits_size
    warning = [r for r in matching.reasons(row, vacancy, row) if r.warning]
    assert warning and "7" in warning[0].text


def test_vacancies_for_a_household_mirror_the_households_for_a_vacancy():
    rent_limits()
    household = searching_household(members=3)
    fitting = VacancyFactory()
    dear = VacancyFactory(cold_rent=Decimal("900"))
    row = matching.searching_households().get(pk=household.pk)
    vacancies = list(matching.vacancies_for(row))
    assert [v.pk for v in vacancies] == [fitting.pk, dear.pk]
    assert vacancies[0].fits and not vacancies[1].fits_rent
    assert _rows(dear)[household.pk].fits_rent is False


@pytest.mark.parametrize("count", [10, 500])
def test_matching_needs_the_same_queries_for_10_and_500_households(
    count, django_assert_num_queries
):
    rent_limits()
    vacancy = VacancyFactory()
    certified = searching_household(members=3)
    certificate_for(certified.people[0], dt.date(2026, 2, 1))
    for n in range(count - 1):
        searching_household(members=1 + n % 5, consent=n % 3 != 0)
    with django_assert_num_queries(1):
        rows = list(matching.households_for(vacancy))
        texts = [matching.reasons(row, vacancy, row) for row in rows]
    assert len(rows) == count and len(texts) == count
    assert rows[0].pk == certified.pk  # it fits and holds the certificate
