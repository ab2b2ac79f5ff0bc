"""The companion caseload (100 households) and a household timeline (100 visits), each next
to a trivial admin page (the district list, one row) in the same run."""

from benchmarks.harness import compare, get_ok


def run():
    import datetime as dt

    from django.test import Client

    from core.roles import Role
    from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory, UserFactory
    from tests.housing.factories import (
        ConcernFactory,
        FollowUpFactory,
        HomeVisitFactory,
        LandlordContactFactory,
        TenancyFactory,
    )

    companion = UserFactory(username="bench-companion", role=Role.COMPANION)
    coordinator = UserFactory(username="bench-coordinator", role=Role.COORDINATOR)
    district = DistrictFactory(name="Wehringhausen")
    households = []
    for index in range(100):
        household = HouseholdFactory(district=district, companions=[companion])
        HomeVisitFactory(household=household, companions=[companion], date=dt.date(2026, 9, 1))
        FollowUpFactory(household=household, due_on=dt.date(2026, 9, 1) + dt.timedelta(index))
        households.append(household)
    busy = households[0]
    tenancy = TenancyFactory(household=busy)
    LandlordContactFactory(landlord=tenancy.landlord)
    ParticipantFactory.create_batch(5, household=busy)
    for day in range(100):
        HomeVisitFactory(
            household=busy,
            companions=[companion],
            date=dt.date(2026, 1, 1) + dt.timedelta(days=day),
            topics=[1, 2],
        )
    ConcernFactory.create_batch(10, tenancy=tenancy)

    as_companion, as_coordinator = Client(), Client()
    as_companion.force_login(companion)
    as_coordinator.force_login(coordinator)
    baseline = ("district list (1 row)", get_ok(as_coordinator, "/admin/districts/"))
    compare(
        "Housing: companion caseload (100 households)",
        ("caseload, 100 households, 50 per page", get_ok(as_companion, "/admin/housing/caseload/")),
        baseline,
    )
    compare(
        "Housing: household timeline (100 visits, 10 concerns, 5 members)",
        ("timeline", get_ok(as_companion, f"/admin/housing/households/{busy.pk}/timeline/")),
        baseline,
    )
