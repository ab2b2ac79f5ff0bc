"""Housing services: the rules, the error codes, and that a refused change saves nothing."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from housing import services
from housing.models import (
    AgreementStatus,
    ConcernStatus,
    CooperationAgreement,
    FollowUp,
    FollowUpStatus,
    HomeVisit,
    LandlordConcern,
    Tenancy,
)
from housing.services import HousingError
from tests.factories import ConsentFactory, HouseholdFactory, ParticipantFactory
from tests.housing.conftest import TODAY
from tests.housing.factories import (
    AgreementFactory,
    ConcernFactory,
    FlatFactory,
    FollowUpFactory,
    HomeVisitFactory,
    TenancyFactory,
    agreed_to_landlord_contact,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def _error(call, *args, **kwargs) -> HousingError:
    with pytest.raises(HousingError) as info:
        call(*args, **kwargs)
    return info.value


# --- Agreements ---------------------------------------------------------------------------


def test_activating_a_signed_draft_makes_it_active(coordinator):
    agreement = AgreementFactory(status="draft", programme_contact=coordinator)
    services.activate_agreement(agreement)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE


def test_an_unsigned_agreement_cannot_become_active(coordinator):
    agreement = AgreementFactory(status="draft", signed_on=None, programme_contact=coordinator)
    error = _error(services.activate_agreement, agreement)
    assert error.code == "agreement_not_signed"
    assert "unterschrieben" in error.message
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DRAFT


def test_a_landlord_has_at_most_one_active_agreement(coordinator):
    active = AgreementFactory(programme_contact=coordinator)
    draft = AgreementFactory(
        landlord=active.landlord, status="draft", programme_contact=coordinator
    )
    assert _error(services.activate_agreement, draft).code == "agreement_already_active"
    # The named constraint holds even when the service is bypassed.
    draft.status = "active"
    with pytest.raises(IntegrityError), transaction.atomic():
        draft.save()
    assert CooperationAgreement.objects.filter(status="active").count() == 1


def test_the_check_constraint_refuses_an_active_agreement_without_signing_date(coordinator):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementFactory(signed_on=None, programme_contact=coordinator)


def test_ending_an_agreement_needs_a_reason_and_a_date_after_its_start(coordinator):
    agreement = AgreementFactory(programme_contact=coordinator)
    assert _error(services.end_agreement, agreement, reason=" ").code == "end_reason_missing"
    error = _error(
        services.end_agreement, agreement, reason="Verkauf", ended_on=dt.date(2025, 12, 1)
    )
    assert error.code == "end_before_start"
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.ACTIVE

    services.end_agreement(agreement, reason="Haus verkauft", ended_on=dt.date(2026, 10, 31))
    agreement.refresh_from_db()
    assert (agreement.status, agreement.end_reason, agreement.valid_until) == (
        "ended",
        "Haus verkauft",
        dt.date(2026, 10, 31),
    )


def test_ending_leaves_history(coordinator):
    agreement = AgreementFactory(programme_contact=coordinator)
    services.end_agreement(agreement, reason="Kündigung durch Vermieter")
    assert [h.status for h in agreement.history.order_by("history_date")] == ["active", "ended"]


# --- Tenancies ----------------------------------------------------------------------------


def test_start_tenancy_takes_the_landlord_from_the_flat():
    flat = FlatFactory()
    tenancy = services.start_tenancy(
        household=HouseholdFactory(), flat=flat, start=dt.date(2026, 4, 1)
    )
    assert tenancy.landlord == flat.landlord


def test_a_flat_cannot_be_let_twice_for_the_same_period():
    existing = TenancyFactory(start=dt.date(2026, 3, 1))
    error = _error(
        services.start_tenancy,
        household=HouseholdFactory(),
        flat=existing.flat,
        start=dt.date(2026, 6, 1),
    )
    assert error.code == "tenancy_overlap"
    assert existing.household.name in error.message
    assert Tenancy.objects.count() == 1


def test_a_flat_can_be_let_again_after_the_tenancy_ended():
    existing = TenancyFactory(start=dt.date(2025, 3, 1))
    services.end_tenancy(existing, end=dt.date(2026, 5, 31), outcome="moved_on")
    services.start_tenancy(
        household=HouseholdFactory(), flat=existing.flat, start=dt.date(2026, 6, 1)
    )
    assert Tenancy.objects.filter(flat=existing.flat).count() == 2


def test_move_in_before_start_is_refused():
    error = _error(
        services.start_tenancy,
        household=HouseholdFactory(),
        flat=FlatFactory(),
        start=dt.date(2026, 6, 1),
        move_in=dt.date(2026, 5, 1),
    )
    assert (error.code, error.field) == ("move_in_before_start", "move_in")
    assert not Tenancy.objects.exists()


def test_end_before_start_and_a_missing_outcome_are_refused():
    tenancy = TenancyFactory(start=dt.date(2026, 3, 1))
    error = _error(services.end_tenancy, tenancy, end=dt.date(2026, 2, 1), outcome="kept")
    assert error.code == "end_before_start"
    assert "vor" in error.message
    assert _error(services.end_tenancy, tenancy, end=dt.date(2026, 9, 1), outcome="").code == (
        "outcome_missing"
    )
    tenancy.refresh_from_db()
    assert tenancy.end is None


def test_the_database_refuses_an_end_before_the_start():
    tenancy = TenancyFactory(start=dt.date(2026, 3, 1))
    tenancy.end, tenancy.outcome = dt.date(2026, 1, 1), "other"
    with pytest.raises(IntegrityError), transaction.atomic():
        tenancy.save()


# --- Concerns and follow-ups --------------------------------------------------------------


def test_a_concern_creates_a_follow_up_for_the_household():
    tenancy = TenancyFactory()
    agreed_to_landlord_contact(tenancy.household)
    concern = services.record_concern(
        tenancy=tenancy,
        kind="noise",
        description="Laute Musik nach 22 Uhr.",
        reported_on=dt.date(2026, 10, 20),
    )
    (follow_up,) = FollowUp.objects.all()
    assert follow_up.household == tenancy.household
    assert follow_up.concern == concern
    assert follow_up.due_on == dt.date(2026, 10, 27)
    assert "Lärm" in follow_up.title


def test_a_concern_in_the_future_or_without_description_saves_nothing():
    tenancy = TenancyFactory()
    future = _error(
        services.record_concern,
        tenancy=tenancy,
        kind="noise",
        description="x",
        reported_on=TODAY + dt.timedelta(days=1),
    )
    assert future.code == "date_in_future"
    empty = _error(services.record_concern, tenancy=tenancy, kind="noise", description="  ")
    assert empty.code == "description_missing"
    assert not LandlordConcern.objects.exists()
    assert not FollowUp.objects.exists()


def test_completing_a_follow_up_twice_is_refused(companion):
    follow_up = FollowUpFactory(concern=ConcernFactory())
    services.complete_follow_up(follow_up, user=companion, note="Gespräch geführt")
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.done_on, follow_up.done_by) == ("done", TODAY, companion)
    assert follow_up.concern.status == ConcernStatus.IN_PROGRESS
    assert _error(services.complete_follow_up, follow_up, user=companion).code == "follow_up_done"


def test_a_concern_without_landlord_contact_consent_needs_a_reason_that_is_logged(
    coordinator,
):
    from wagtail.models import ModelLogEntry

    tenancy = TenancyFactory()
    member = ParticipantFactory(household=tenancy.household)
    ConsentFactory(participant=member, purpose="landlord_contact", date=dt.date(2026, 2, 2))
    ConsentFactory(
        participant=member, purpose="landlord_contact", status="withdrawn", date=dt.date(2026, 5, 4)
    )
    refused = _error(
        services.record_concern, tenancy=tenancy, kind="noise", description="Laut.", by=coordinator
    )
    assert (refused.code, refused.field) == ("no_landlord_contact_consent", "contact_reason")
    assert not LandlordConcern.objects.exists() and not FollowUp.objects.exists()

    concern = services.record_concern(
        tenancy=tenancy,
        kind="noise",
        description="Laut.",
        by=coordinator,
        contact_reason="Die Vermieterin hat selbst angerufen.",
    )
    entry = ModelLogEntry.objects.get(action=services.CONTACT_WITHOUT_CONSENT)
    assert (entry.object_id, entry.user) == (str(concern.pk), coordinator)
    assert entry.data == {"reason": "Die Vermieterin hat selbst angerufen."}


def test_with_consent_in_force_no_reason_is_asked_and_nothing_extra_is_logged():
    from wagtail.models import ModelLogEntry

    tenancy = TenancyFactory()
    agreed_to_landlord_contact(tenancy.household)
    services.record_concern(tenancy=tenancy, kind="noise", description="Laut.")
    assert not ModelLogEntry.objects.filter(action=services.CONTACT_WITHOUT_CONSENT).exists()


def test_resolving_a_concern_closes_its_follow_ups():
    concern = services.record_concern(
        tenancy=TenancyFactory(),
        kind="mould",
        description="Schimmel",
        contact_reason="Der Vermieter hat selbst angerufen.",
    )
    services.resolve_concern(concern)
    concern.refresh_from_db()
    assert concern.status == ConcernStatus.RESOLVED
    assert not FollowUp.objects.open().exists()


# --- Visits -------------------------------------------------------------------------------


def _visit_kwargs(household, companion, **overrides):
    return {
        "household": household,
        "companions": [companion],
        "user": companion,
        "date": TODAY,
        "duration_minutes": 45,
        "language": "ro",
        **overrides,
    }


def test_log_visit_saves_and_resolves_follow_ups_and_plans_the_next(companion):
    household = HouseholdFactory(companions=[companion])
    open_up = FollowUpFactory(household=household)
    visit = services.log_visit(
        **_visit_kwargs(
            household,
            companion,
            resolves=[open_up],
            agreed_actions="Mülltonnen-Plan aufhängen\nNachbarn vorstellen",
            follow_up_due=TODAY + dt.timedelta(days=14),
        )
    )
    open_up.refresh_from_db()
    assert open_up.status == FollowUpStatus.DONE
    assert open_up.resolved_by_visit == visit
    (new,) = FollowUp.objects.open()
    assert (new.title, new.source_visit, new.due_on) == (
        "Mülltonnen-Plan aufhängen",
        visit,
        dt.date(2026, 11, 16),
    )
    assert list(visit.companions.all()) == [companion]
    assert visit.history.filter(history_type="+").count() == 1


def test_a_visit_in_the_future_is_refused(companion):
    household = HouseholdFactory(companions=[companion])
    error = _error(
        services.log_visit,
        **_visit_kwargs(household, companion, date=TODAY + dt.timedelta(days=1)),
    )
    assert (error.code, error.field) == ("visit_in_future", "date")
    assert "Zukunft" in error.message
    assert not HomeVisit.objects.exists()


def test_a_visit_needs_a_companion(companion, coordinator):
    household = HouseholdFactory(companions=[companion])
    assert _error(
        services.log_visit, **_visit_kwargs(household, companion, companions=[])
    ).code == ("no_companion")
    error = _error(
        services.log_visit, **_visit_kwargs(household, companion, companions=[coordinator])
    )
    assert error.code == "not_a_companion"


def test_resolving_another_households_follow_up_saves_nothing(companion):
    household = HouseholdFactory(companions=[companion])
    foreign = FollowUpFactory()
    mine = FollowUpFactory(household=household)
    error = _error(
        services.log_visit, **_visit_kwargs(household, companion, resolves=[mine, foreign])
    )
    assert error.code == "follow_up_other_household"
    assert not HomeVisit.objects.exists()
    mine.refresh_from_db()
    assert mine.status == FollowUpStatus.OPEN


def test_next_visit_must_be_after_the_visit(companion):
    household = HouseholdFactory(companions=[companion])
    error = _error(services.log_visit, **_visit_kwargs(household, companion, next_visit=TODAY))
    assert (error.code, error.field) == ("invalid", "next_visit")


def test_visible_to_limits_companions_to_their_households(companion, trainer, editor, coordinator):
    mine = HomeVisitFactory(household=HouseholdFactory(companions=[companion]))
    HomeVisitFactory()
    assert list(HomeVisit.objects.visible_to(companion)) == [mine]
    assert HomeVisit.objects.visible_to(coordinator).count() == 2
    assert not HomeVisit.objects.visible_to(trainer).exists()
    assert not HomeVisit.objects.visible_to(editor).exists()
