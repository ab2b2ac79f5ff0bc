"""The participant list with 100 rows, next to the district list (one row) in the same run."""

from benchmarks.harness import compare, get_ok


def run():
    from django.test import Client

    from core.roles import Role
    from tests.factories import DistrictFactory, HouseholdFactory, ParticipantFactory, UserFactory

    coordinator = UserFactory(username="bench-coordinator", role=Role.COORDINATOR)
    district = DistrictFactory(name="Wehringhausen")
    for _ in range(20):
        ParticipantFactory.create_batch(5, household=HouseholdFactory(district=district))
    client = Client()
    client.force_login(coordinator)
    compare(
        "Admin: participant list (100 rows)",
        ("participant list, 100 per page", get_ok(client, "/admin/participants/?per_page=100")),
        ("district list (1 row), same machinery", get_ok(client, "/admin/districts/")),
    )
