"""Vacancies and proposals from the offer to the signed tenancy, and the bad input around it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from housing.models import FollowUp, Tenancy
from placement import services
from placement.models import Proposal, ProposalStatus, ProposalStep, RentLimit, Vacancy
from tests.factories import UserFactory
from tests.housing.factories import LandlordContactFactory
from tests.monitoring.factories import certificate_for
from tests.placement.factories import VacancyFactory, rent_limits, searching_household

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(coordinator):
    rent_limits()
    vacancy = VacancyFactory()
    household = searching_household(members=3)
    return vacancy, household


def _propose(vacancy, household, user, **kwargs):
    return services.propose(
        vacancy=vacancy, household=household, user=user, why="Passt gut.", **kwargs
    )


def test_the_whole_way_to_the_tenancy(world, coordinator, companion):
    vacancy, household = world
    LandlordContactFactory(landlord=vacancy.flat.landlord, email="vermietung@example.org")
    certificate_for(household.people[0], dt.date(2026, 2, 1))
    proposal = _propose(vacancy, household, coordinator)
    vacancy.refresh_from_db()
    assert vacancy.status == "proposed"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transaction, "on_commit", lambda fn: fn())
        services.send_to_landlord(proposal, user=coordinator)
    assert mail.outbox[-1].to == ["vermietung@example.org"]
    filename, data, kind = mail.outbox[-1].attachments[0]
    assert filename.endswith(".pdf") and kind == "application/pdf"
    assert data.startswith(b"%PDF")
    viewing = dt.date.today() + dt.timedelta(days=3)
    services.record_viewing(proposal, user=coordinator, on=viewing)
    services.accept(proposal, user=coordinator)
    start = dt.date.today() + dt.timedelta(days=10)
    tenancy = services.create_tenancy(proposal, user=coordinator, start=start, companion=companion)
    assert tenancy.through_programme and tenancy.flat == vacancy.flat
    assert "420,00" in tenancy.notes and "160,00" in tenancy.notes
    assert companion in household.companions.all()
    first_visit = FollowUp.objects.get(household=household)
    assert first_visit.due_on == start + dt.timedelta(days=14)
    vacancy.refresh_from_db()
    proposal.refresh_from_db()
    household.flat_search.refresh_from_db()
    assert vacancy.status == "let" and vacancy.let_on
    assert proposal.status == "let" and proposal.tenancy == tenancy
    assert household.flat_search.placed_on is not None
    steps = list(ProposalStep.objects.filter(proposal=proposal).values_list("status", flat=True))
    assert steps == ["proposed", "sent", "viewing", "accepted", "let"]


def test_without_consent_the_proposal_is_refused(world, coordinator):
    vacancy, _ = world
    household = searching_household(members=2, consent=False)
    with pytest.raises(services.PlacementError) as error:
        _propose(vacancy, household, coordinator)
    assert error.value.code == "no_consent"
    assert "zugestimmt" in error.value.message or "agreed" in error.value.message
    assert not Proposal.objects.exists()


def test_a_withdrawn_consent_counts_as_none(world, coordinator):
    from housing.models import Consent, ConsentPurpose

    vacancy, household = world
    Consent.objects.create(
        participant=household.people[0],
        purpose=ConsentPurpose.LANDLORD_CONTACT,
        status="withdrawn",
        date=dt.date(2026, 2, 1),
    )
    with pytest.raises(services.PlacementError) as error:
        _propose(vacancy, household, coordinator)
    assert error.value.code == "no_consent"


@pytest.mark.parametrize("status", ["withdrawn", "let"])
def test_no_proposal_for_a_closed_vacancy(world, coordinator, status):
    vacancy, household = world
    Vacancy.objects.filter(pk=vacancy.pk).update(status=status, let_on=dt.date(2026, 5, 1))
    with pytest.raises(services.PlacementError) as error:
        _propose(vacancy, household, coordinator)
    assert error.value.code == "vacancy_closed"
    assert not Proposal.objects.exists()


def test_a_second_accepted_proposal_is_refused_by_service_and_database(world, coordinator):
    vacancy, household = world
    other = searching_household(members=3)
    first = _propose(vacancy, household, coordinator)
    second = _propose(vacancy, other, coordinator)
    services.accept(first, user=coordinator)
    with pytest.raises(services.PlacementError) as error:
        services.accept(second, user=coordinator)
    assert error.value.code == "already_accepted"
    second.refresh_from_db()
    assert second.status == "proposed"
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=second.pk).update(status=ProposalStatus.ACCEPTED)


def test_a_viewing_in_the_past_is_refused_for_a_new_proposal(world, coordinator):
    vacancy, household = world
    with pytest.raises(services.PlacementError) as error:
        _propose(vacancy, household, coordinator, viewing_on=dt.date.today() - dt.timedelta(days=1))
    assert error.value.code == "viewing_in_past" and error.value.field == "viewing_on"
    assert not Proposal.objects.exists()
    vacancy.refresh_from_db()
    assert vacancy.status == "open"


def test_a_rent_limit_of_zero_is_refused():
    limit = RentLimit(household_size=6, max_rent=Decimal("0"))
    with pytest.raises(Exception) as error:
        limit.full_clean()
    assert "max_rent" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        RentLimit.objects.create(household_size=6, max_rent=Decimal("0"))


def test_a_household_above_the_person_limit_needs_a_reason(coordinator):
    rent_limits()
    vacancy = VacancyFactory(max_persons=4, cold_rent=Decimal("300"))
    seven = searching_household(members=7)
    with pytest.raises(services.PlacementError) as error:
        _propose(vacancy, seven, coordinator)
    assert error.value.code == "size_exception_missing"
    assert not Proposal.objects.exists()
    proposal = _propose(vacancy, seven, coordinator, size_exception="Zwei Kleinkinder")
    assert proposal.size_exception == "Zwei Kleinkinder"


def test_declines_keep_who_and_why_and_reopen_the_vacancy(world, coordinator):
    vacancy, household = world
    proposal = _propose(vacancy, household, coordinator)
    services.decline(proposal, user=coordinator, by="landlord", reason="schufa", note="")
    proposal.refresh_from_db()
    vacancy.refresh_from_db()
    assert (proposal.declined_by, proposal.decline_reason) == ("landlord", "schufa")
    assert vacancy.status == "open"
    with pytest.raises(services.PlacementError) as error:
        services.decline(proposal, user=coordinator, by="landlord", reason="schufa")
    assert error.value.code == "wrong_step"
    # Declined once, the household may be proposed again.
    assert _propose(vacancy, household, coordinator).status == "proposed"


def test_a_decline_needs_a_reason_from_the_list(world, coordinator):
    vacancy, household = world
    proposal = _propose(vacancy, household, coordinator)
    with pytest.raises(services.PlacementError) as error:
        services.decline(proposal, user=coordinator, by="household", reason="")
    assert error.value.code == "reason_missing"


def test_tenancy_overlap_leaves_nothing_half_saved(world, coordinator, companion):
    from tests.housing.factories import TenancyFactory

    vacancy, household = world
    TenancyFactory(flat=vacancy.flat, start=dt.date(2026, 1, 1))
    proposal = _propose(vacancy, household, coordinator)
    services.accept(proposal, user=coordinator)
    with pytest.raises(services.PlacementError) as error:
        services.create_tenancy(
            proposal, user=coordinator, start=dt.date(2026, 7, 1), companion=companion
        )
    assert error.value.code == "tenancy_overlap"
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    assert Tenancy.objects.filter(household=household).count() == 0
    assert not FollowUp.objects.filter(household=household).exists()


def test_the_tenancy_companion_must_be_a_companion(world, coordinator):
    vacancy, household = world
    proposal = _propose(vacancy, household, coordinator)
    services.accept(proposal, user=coordinator)
    with pytest.raises(services.PlacementError) as error:
        services.create_tenancy(
            proposal, user=coordinator, start=dt.date(2026, 7, 1), companion=UserFactory()
        )
    assert error.value.code == "not_a_companion"


def test_withdrawing_declines_open_proposals(world, coordinator):
    vacancy, household = world
    proposal = _propose(vacancy, household, coordinator)
    services.withdraw_vacancy(vacancy, user=coordinator, reason="Eigenbedarf")
    proposal.refresh_from_db()
    assert proposal.status == "declined"
    with pytest.raises(services.PlacementError) as error:
        services.withdraw_vacancy(vacancy, user=coordinator, reason="x")
    assert error.value.code == "vacancy_closed"
