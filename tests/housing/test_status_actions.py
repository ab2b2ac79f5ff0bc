"""Agreements, tenancies, concerns, visits and a household's companions change only
through the services, also from the screens (the generic edit forms included).

Before, the generic Wagtail forms saved ``status`` as a plain field: the landlord row
lock never ran and an ended agreement could be set back to active; later the agreement's
end reused the edit form's "valid until" and "reason" fields and a tenancy's end could be
typed into (or removed from) its edit form. Now each state change is one explicit action
calling the service, and for every state the screen gives what the service gives: the
same result, or the same error on the same field.
"""

import datetime as dt

import pytest
from django.urls import reverse

from core.roles import Role
from housing import services
from housing.models import (
    AgreementStatus,
    ConcernStatus,
    CooperationAgreement,
    FollowUp,
    Household,
    Tenancy,
)
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.housing.conftest import TODAY
from tests.housing.factories import (
    AgreementFactory,
    ConcernFactory,
    FlatFactory,
    FollowUpFactory,
    HouseholdFactory,
    TenancyFactory,
)

pytestmark = pytest.mark.django_db


def _agreement_data(agreement, **overrides):
    data = {
        "landlord": agreement.landlord_id,
        "text_version": agreement.text_version,
        "signed_on": f"{agreement.signed_on:%d.%m.%Y}" if agreement.signed_on else "",
        "valid_from": f"{agreement.valid_from:%d.%m.%Y}",
        "valid_until": f"{agreement.valid_until:%d.%m.%Y}" if agreement.valid_until else "",
        "programme_contact": agreement.programme_contact_id,
        "notes": "",
    }
    data.update(overrides)
    return data


def _edit(client, agreement, **data):
    return client.post(
        reverse("agreements:edit", args=[agreement.pk]), _agreement_data(agreement, **data)
    )


def _agreement(state, coordinator, **kwargs):
    """A fresh agreement of its own landlord in ``state``."""
    fields = {"status": state, "programme_contact": coordinator}
    if state == "draft":
        fields["valid_until"] = None
    if state == "ended":
        fields.update(end_reason="Verkauf des Hauses", valid_until=dt.date(2026, 6, 30))
    fields.update(kwargs)
    return AgreementFactory(**fields)


def _state(agreement):
    agreement.refresh_from_db()
    return (agreement.status, agreement.end_reason, agreement.valid_until)


def _service_outcome(service, *args, **kwargs):
    """(error code, message, field) of the service's refusal, or None when it succeeded."""
    try:
        service(*args, **kwargs)
    except services.HousingError as error:
        return (error.code, error.message, error.field)
    return None


def _screen_outcome(response):
    """(error code, message, field) the screen refused with, or None after a redirect.

    The message must be shown on the form: on the field the error names, or on top.
    """
    if response.status_code == 302:
        return None
    assert response.status_code == 200
    form = response.context["form"]
    error = form.domain_error
    assert error is not None, f"refused by the form, not the service: {form.errors}"
    shown = form.errors.get(error.field if error.field in form.fields else "__all__", [])
    assert error.message in shown, form.errors
    return (error.code, error.message, error.field)


def _same(service_outcome, screen_outcome):
    """The screen refused as the service did (code, field, message), or saved as it did."""
    assert screen_outcome == service_outcome


# --- Agreements: activation ("Save and activate"), per state --------------------------------


@pytest.mark.parametrize(
    ("state", "signed", "other_active", "code"),
    [
        ("draft", True, False, None),
        ("draft", False, False, "agreement_not_signed"),
        ("draft", True, True, "agreement_already_active"),
        ("active", True, False, "agreement_not_draft"),
        ("ended", True, False, "agreement_not_draft"),
    ],
)
def test_activating_on_the_screen_is_the_service(coordinator, state, signed, other_active, code):
    extra = {} if signed else {"signed_on": None}
    by_service = _agreement(state, coordinator, **extra)
    by_screen = _agreement(state, coordinator, **extra)
    if other_active:
        _agreement("active", coordinator, landlord=by_service.landlord)
        _agreement("active", coordinator, landlord=by_screen.landlord)

    outcome = _service_outcome(services.activate_agreement, by_service)
    assert (outcome[0] if outcome else None) == code
    response = _edit(client_for(coordinator), by_screen, status_action="activate")
    _same(outcome, _screen_outcome(response))
    assert _state(by_screen) == _state(by_service)
    if code is None:
        assert by_screen.status == AgreementStatus.ACTIVE


def test_only_a_draft_offers_save_and_activate_and_only_an_active_one_the_end(coordinator):
    client = client_for(coordinator)
    end_label = "Vereinbarung beenden"
    pages = {
        state: client.get(
            reverse("agreements:edit", args=[_agreement(state, coordinator).pk])
        ).content.decode()
        for state in ("draft", "active", "ended")
    }
    assert 'value="activate"' in pages["draft"] and end_label not in pages["draft"]
    assert 'value="activate"' not in pages["active"] and end_label in pages["active"]
    assert 'value="activate"' not in pages["ended"] and end_label not in pages["ended"]
    # No field of the edit form is the end's: reason and status are the action's alone.
    for page in pages.values():
        assert 'name="end_reason"' not in page and 'name="status"' not in page


# --- Agreements: the end, on its own screen, per state --------------------------------------


@pytest.mark.parametrize(
    ("state", "ended_on", "reason", "code"),
    [
        ("active", "30.09.2026", "Verkauf", None),
        ("active", "30.09.2026", "  ", "end_reason_missing"),
        ("active", "01.01.2026", "Verkauf", "end_before_start"),
        ("draft", "30.09.2026", "Verkauf", "agreement_not_active"),
        ("ended", "30.09.2026", "Verkauf", "agreement_not_active"),
    ],
)
def test_ending_on_the_screen_is_the_service(coordinator, state, ended_on, reason, code):
    by_service = _agreement(state, coordinator)
    by_screen = _agreement(state, coordinator)
    date = dt.datetime.strptime(ended_on, "%d.%m.%Y").date()

    outcome = _service_outcome(services.end_agreement, by_service, reason=reason, ended_on=date)
    assert (outcome[0] if outcome else None) == code
    url = reverse("housing_agreement_end", args=[by_screen.pk])
    response = client_for(coordinator).post(url, {"ended_on": ended_on, "reason": reason})
    _same(outcome, _screen_outcome(response))
    assert _state(by_screen) == _state(by_service)
    if code is None:
        assert _state(by_screen) == (AgreementStatus.ENDED, "Verkauf", dt.date(2026, 9, 30))
        assert response.url == reverse("agreements:edit", args=[by_screen.pk])
    else:  # the form keeps what was typed
        assert f'value="{reason}"' in response.content.decode()


def test_the_end_screen_proposes_today(coordinator):
    agreement = _agreement("active", coordinator)
    response = client_for(coordinator).get(reverse("housing_agreement_end", args=[agreement.pk]))
    assert response.status_code == 200
    assert response.context["form"].initial["ended_on"] == dt.date.today()


def test_an_ended_agreement_cannot_be_set_back_or_its_end_changed(coordinator):
    agreement = _agreement("ended", coordinator)
    other_landlord = _agreement("draft", coordinator).landlord
    response = _edit(
        client_for(coordinator),
        agreement,
        status="active",
        end_reason="",
        valid_until="31.12.2030",
        landlord=other_landlord.pk,
        notes="Kopie im Ordner 3",
    )
    assert response.status_code == 302  # the other fields save; status and end are not fields
    agreement.refresh_from_db()
    assert _state(agreement) == (AgreementStatus.ENDED, "Verkauf des Hauses", dt.date(2026, 6, 30))
    assert agreement.landlord != other_landlord
    assert agreement.notes == "Kopie im Ordner 3"


def test_an_active_agreement_keeps_its_landlord_but_its_planned_end_can_change(coordinator):
    agreement = _agreement("active", coordinator)
    landlord = agreement.landlord
    other = _agreement("draft", coordinator).landlord
    response = _edit(
        client_for(coordinator), agreement, landlord=other.pk, valid_until="31.12.2027"
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.landlord, agreement.status) == (landlord, AgreementStatus.ACTIVE)
    assert agreement.valid_until == dt.date(2027, 12, 31)


def test_a_new_agreement_starts_as_draft_whatever_is_posted(coordinator):
    template = AgreementFactory.build(landlord=AgreementFactory().landlord, valid_until=None)
    template.programme_contact = coordinator
    data = _agreement_data(template, status="active", end_reason="x")
    response = client_for(coordinator).post(reverse("agreements:add"), data)
    assert response.status_code == 302
    created = CooperationAgreement.objects.latest("pk")
    assert (created.status, created.end_reason) == (AgreementStatus.DRAFT, "")


# --- Tenancies: start (create screen), end and its correction (end screen) -----------------


def test_the_tenancy_screen_starts_through_the_service_and_its_overlap_rule(coordinator):
    existing = TenancyFactory(start=dt.date(2026, 3, 1))
    outcome = _service_outcome(
        services.start_tenancy,
        household=HouseholdFactory(),
        flat=existing.flat,
        start=dt.date(2026, 6, 1),
    )
    assert outcome[0] == "tenancy_overlap"
    household = HouseholdFactory()
    data = {
        "household": household.pk,
        "flat": existing.flat_id,
        "start": "01.06.2026",
        "move_in": "",
        # Not fields of the form any more: a new tenancy starts open-ended.
        "end": "30.06.2026",
        "outcome": "moved_on",
        "notes": "",
    }
    client = client_for(coordinator)
    response = client.post(reverse("tenancies:add"), data)
    assert response.status_code == 200
    assert outcome[1] in response.content.decode()
    assert Tenancy.objects.count() == 1
    data["flat"] = FlatFactory().pk
    response = client.post(reverse("tenancies:add"), data)
    assert response.status_code == 302
    created = Tenancy.objects.latest("pk")
    assert (created.end, created.outcome) == (None, "")


def _tenancy(state):
    """A running tenancy, or one that ended on 31.05.2026 with a successor from 01.06."""
    if state == "running":
        return TenancyFactory(start=dt.date(2026, 3, 1))
    tenancy = TenancyFactory(start=dt.date(2026, 3, 1), end=dt.date(2026, 5, 31), outcome="other")
    TenancyFactory(flat=tenancy.flat, start=dt.date(2026, 6, 1), move_in=None)
    return tenancy


@pytest.mark.parametrize(
    ("state", "end", "outcome", "code", "field"),
    [
        ("running", "31.08.2026", "moved_on", None, None),
        ("running", "28.02.2026", "moved_on", "end_before_start", "end"),
        ("running", "31.08.2026", "", "outcome_missing", "outcome"),
        ("ended", "30.04.2026", "eviction", None, None),
        ("ended", "31.07.2026", "moved_on", "tenancy_overlap", "start"),
    ],
)
def test_ending_a_tenancy_on_the_screen_is_the_service(
    coordinator, state, end, outcome, code, field
):
    by_service, by_screen = _tenancy(state), _tenancy(state)
    date = dt.datetime.strptime(end, "%d.%m.%Y").date()

    result = _service_outcome(services.end_tenancy, by_service, end=date, outcome=outcome)
    assert (result[0], result[2]) == (code, field) if result else code is None
    url = reverse("housing_tenancy_end", args=[by_screen.pk])
    response = client_for(coordinator).post(url, {"end": end, "outcome": outcome})
    screen = _screen_outcome(response)
    if code == "tenancy_overlap":  # the message names the other household: twins differ
        assert (screen[0], screen[2]) == (result[0], result[2])
    else:
        _same(result, screen)
    for tenancy in (by_service, by_screen):
        tenancy.refresh_from_db()
    assert (by_screen.end, by_screen.outcome) == (by_service.end, by_service.outcome)
    if code is None:
        assert (by_screen.end, by_screen.outcome) == (date, outcome)
        assert response.url == reverse("tenancies:inspect", args=[by_screen.pk])


def test_the_tenancy_edit_form_can_neither_set_nor_remove_the_end(coordinator):
    ended = _tenancy("ended")
    running = _tenancy("running")
    client = client_for(coordinator)
    for tenancy, end, outcome in ((ended, "", ""), (running, "31.08.2026", "moved_on")):
        page = client.get(reverse("tenancies:edit", args=[tenancy.pk])).content.decode()
        assert 'name="end"' not in page and 'name="outcome"' not in page
        data = {
            "household": tenancy.household_id,
            "flat": tenancy.flat_id,
            "start": f"{tenancy.start:%d.%m.%Y}",
            "move_in": "",
            "end": end,
            "outcome": outcome,
            "through_programme": "on",
            "notes": "geändert",
        }
        before = (tenancy.end, tenancy.outcome)
        response = client.post(reverse("tenancies:edit", args=[tenancy.pk]), data)
        assert response.status_code == 302
        tenancy.refresh_from_db()
        assert (tenancy.end, tenancy.outcome, tenancy.notes) == (*before, "geändert")


def test_the_tenancy_screens_offer_the_end_action(coordinator, companion):
    running, ended = _tenancy("running"), _tenancy("ended")
    client = client_for(coordinator)
    inspect = client.get(reverse("tenancies:inspect", args=[running.pk])).content.decode()
    assert reverse("housing_tenancy_end", args=[running.pk]) in inspect
    edit = client.get(reverse("tenancies:edit", args=[ended.pk])).content.decode()
    assert "Ende des Mietverhältnisses korrigieren" in edit
    assert reverse("housing_tenancy_end", args=[ended.pk]) in edit
    page = client.get(reverse("housing_tenancy_end", args=[ended.pk]))
    assert page.context["form"].initial == {"end": dt.date(2026, 5, 31), "outcome": "other"}


# --- Landlord concerns: resolved and reopened by actions only -------------------------------


def _concern_data(concern, **overrides):
    return {
        "tenancy": concern.tenancy_id,
        "kind": concern.kind,
        "reported_on": f"{concern.reported_on:%d.%m.%Y}",
        "description": concern.description,
        **overrides,
    }


def test_the_concern_edit_form_has_no_status(coordinator):
    concern = ConcernFactory()
    client = client_for(coordinator)
    url = reverse("concerns:edit", args=[concern.pk])
    page = client.get(url).content.decode()
    assert 'name="status"' not in page and 'name="resolved_on"' not in page
    # Before, this post resolved the concern by the form's own save.
    data = _concern_data(concern, status="resolved", resolved_on="01.11.2026", description="Neu.")
    assert client.post(url, data).status_code == 302
    concern.refresh_from_db()
    assert (concern.status, concern.resolved_on, concern.description) == ("open", None, "Neu.")


@pytest.mark.parametrize(
    ("resolved", "code"), [(True, None), (False, "concern_not_resolved")], ids=["resolved", "open"]
)
@pytest.mark.usefixtures("frozen_today")
def test_reopening_on_the_screen_is_the_service(coordinator, resolved, code):
    by_service, by_screen = ConcernFactory(), ConcernFactory()
    if resolved:
        for concern in (by_service, by_screen):
            services.resolve_concern(concern, resolved_on=dt.date(2026, 10, 20))

    outcome = _service_outcome(services.reopen_concern, by_service)
    assert (outcome[0] if outcome else None) == code
    url = reverse("housing_concern_reopen", args=[by_screen.pk])
    response = client_for(coordinator).post(url, {})
    _same(outcome, _screen_outcome(response))
    for concern in (by_service, by_screen):
        concern.refresh_from_db()
    assert (by_screen.status, by_screen.resolved_on) == (by_service.status, by_service.resolved_on)
    if code is None:
        assert (by_screen.status, by_screen.resolved_on) == (ConcernStatus.OPEN, None)
        assert response.url == reverse("concerns:inspect", args=[by_screen.pk])
        # Back on the companions' caseload: a new open follow-up, due in a week.
        due = FollowUp.objects.open().filter(concern=by_screen).values_list("due_on", flat=True)
        assert list(due) == [TODAY + dt.timedelta(days=services.CONCERN_FOLLOW_UP_DAYS)]


@pytest.mark.usefixtures("frozen_today")
def test_the_concern_offers_resolve_or_reopen_by_its_state(coordinator):
    concern = ConcernFactory()
    client = client_for(coordinator)
    resolve = reverse("housing_concern_resolve", args=[concern.pk])
    reopen = reverse("housing_concern_reopen", args=[concern.pk])
    inspect_url = reverse("concerns:inspect", args=[concern.pk])
    page = client.get(inspect_url).content.decode()
    assert resolve in page and reopen not in page
    services.resolve_concern(concern)
    page = client.get(inspect_url).content.decode()
    assert reopen in page and resolve not in page and "Wieder öffnen" in page
    assert reopen in client.get(reverse("concerns:index")).content.decode()
    form = client.get(reopen).content.decode()
    assert "Anliegen wieder öffnen" in form and "in einer Woche" in form


# --- Home visits: the edit form saves through services.edit_visit -------------------------


def _visit_data(visit, **overrides):
    data = {
        "household": visit.household_id,
        "date": f"{visit.date:%d.%m.%Y}",
        "companions": [c.pk for c in visit.companions.all()],
        "duration_minutes": visit.duration_minutes,
        "outcome": visit.outcome,
        "language": visit.language,
        "present": visit.present,
        "free_topics": visit.free_topics,
        "observations": visit.observations,
        "agreed_actions": visit.agreed_actions,
        "follow_up_due": f"{visit.follow_up_due:%d.%m.%Y}" if visit.follow_up_due else "",
        "next_visit": "",
    }
    data.update(overrides)
    return data


def _visit_fields(visit, **overrides):
    """The same edit as keyword arguments of services.edit_visit."""
    fields = {
        "household": visit.household,
        "date": visit.date,
        "duration_minutes": visit.duration_minutes,
        "outcome": visit.outcome,
        "language": visit.language,
        "agreed_actions": visit.agreed_actions,
        "follow_up_due": visit.follow_up_due,
    }
    fields.update(overrides)
    return fields


def _visit_twins(companion):
    household = HouseholdFactory(companions=[companion])
    return [
        services.log_visit(
            household=household,
            companions=[companion],
            user=companion,
            date=dt.date(2026, 10, 28),
            agreed_actions="Heizkostenabrechnung mitbringen",
        )
        for _ in range(2)
    ]


def _planned(visit):
    return list(visit.follow_ups_created.values_list("title", "due_on", "status"))


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"follow_up_due": dt.date(2026, 11, 10)}, None, None),
        ({"date": dt.date(2026, 11, 3)}, "visit_in_future", "date"),
    ],
    ids=["plans a follow-up", "future date"],
)
@pytest.mark.usefixtures("frozen_today")
def test_editing_a_visit_on_the_screen_is_the_service(companion, change, code, field):
    by_service, by_screen = _visit_twins(companion)

    outcome = _service_outcome(
        services.edit_visit,
        by_service,
        user=companion,
        companions=[companion],
        **_visit_fields(by_service, **change),
    )
    assert (outcome[0], outcome[2]) == (code, field) if outcome else code is None
    posted = {name: f"{value:%d.%m.%Y}" for name, value in change.items()}
    response = client_for(companion).post(
        reverse("visits:edit", args=[by_screen.pk]), _visit_data(by_screen, **posted)
    )
    if code == "visit_in_future":
        # The visit's own rule (HomeVisit.clean): the form shows it before the service
        # runs, with the service's message on the same field.
        assert outcome[1] in response.context["form"].errors[field]
    else:
        _same(outcome, _screen_outcome(response))
    assert _planned(by_screen) == _planned(by_service)
    if code is None:
        # Before, the generic form saved the date and planned no follow-up.
        assert _planned(by_screen) == [
            ("Heizkostenabrechnung mitbringen", dt.date(2026, 11, 10), "open")
        ]
    else:
        by_screen.refresh_from_db()
        assert by_screen.date == dt.date(2026, 10, 28)  # nothing saved


@pytest.mark.usefixtures("frozen_today")
def test_a_corrected_follow_up_date_moves_or_withdraws_the_open_follow_up(companion):
    visit, _ = _visit_twins(companion)
    edit = {"user": companion, "companions": [companion]}
    services.edit_visit(visit, **edit, **_visit_fields(visit, follow_up_due=dt.date(2026, 11, 9)))
    services.edit_visit(visit, **edit, **_visit_fields(visit, follow_up_due=dt.date(2026, 11, 16)))
    assert [due for _, due, _ in _planned(visit)] == [dt.date(2026, 11, 16)]
    services.edit_visit(visit, **edit, **_visit_fields(visit, follow_up_due=None))
    assert _planned(visit) == []
    # A follow-up already done stays as it was, whatever the date becomes.
    services.edit_visit(visit, **edit, **_visit_fields(visit, follow_up_due=dt.date(2026, 11, 9)))
    services.complete_follow_up(visit.follow_ups_created.get(), user=companion)
    services.edit_visit(visit, **edit, **_visit_fields(visit, follow_up_due=None))
    assert [(due, status) for _, due, status in _planned(visit)] == [(dt.date(2026, 11, 9), "done")]


@pytest.mark.usefixtures("frozen_today")
def test_a_visit_that_settled_follow_ups_keeps_its_household(companion):
    household = HouseholdFactory(companions=[companion])
    follow_up = FollowUpFactory(household=household)
    visit = services.log_visit(
        household=household,
        companions=[companion],
        user=companion,
        date=dt.date(2026, 10, 28),
        resolves=[follow_up],
    )
    elsewhere = HouseholdFactory(companions=[companion])
    outcome = _service_outcome(
        services.edit_visit,
        visit,
        user=companion,
        companions=[companion],
        **_visit_fields(visit, household=elsewhere),
    )
    assert outcome[0] == "household_fixed"
    response = client_for(companion).post(
        reverse("visits:edit", args=[visit.pk]), _visit_data(visit, household=elsewhere.pk)
    )
    _same(outcome, _screen_outcome(response))
    visit.refresh_from_db()
    assert visit.household == household


@pytest.mark.usefixtures("frozen_today")
def test_a_companion_who_left_stays_on_an_old_visit_but_cannot_be_named_anew(companion, roles):
    left = UserFactory(username="left-companion", role=Role.COMPANION)
    visit, other = _visit_twins(companion)
    visit.companions.add(left)
    left.is_active = False
    left.save()
    client = client_for(companion)
    form = client.get(reverse("visits:edit", args=[visit.pk])).context["form"]
    assert left in form.fields["companions"].queryset  # still ticked on the record
    response = client.post(
        reverse("visits:edit", args=[visit.pk]),
        _visit_data(visit, observations="Korrigiert."),
    )
    assert response.status_code == 302
    assert set(visit.companions.all()) == {companion, left}
    outcome = _service_outcome(
        services.edit_visit,
        other,
        user=companion,
        companions=[companion, left],
        **_visit_fields(other),
    )
    assert outcome[0] == "not_a_companion"


# --- Households: companions set through services.assign_companions -------------------------


def test_the_household_form_assigns_companions_through_the_service(
    coordinator, companion, trainer, monkeypatch
):
    household = HouseholdFactory()
    calls = []
    real = services.assign_companions
    monkeypatch.setattr(
        services,
        "assign_companions",
        lambda h, companions: calls.append((h.pk, list(companions))) or real(h, companions),
    )
    data = {
        "name": household.name,
        "street": household.street,
        "postcode": household.postcode,
        "city": household.city,
        "district": household.district_id,
        "companions": [companion.pk],
        "notes": "",
    }
    client = client_for(coordinator)
    response = client.post(reverse("households:edit", args=[household.pk]), data)
    assert response.status_code == 302
    assert calls == [(household.pk, [companion])]
    assert list(household.companions.all()) == [companion]
    # A trainer is no companion: the service refuses, and the form offers no trainer.
    assert _service_outcome(real, household, [trainer])[0] == "not_a_companion"
    response = client.post(
        reverse("households:edit", args=[household.pk]), {**data, "companions": [trainer.pk]}
    )
    assert response.status_code == 200
    assert list(household.companions.all()) == [companion]
    created = client.post(reverse("households:add"), {**data, "name": "Familie Neu"})
    assert created.status_code == 302
    new = Household.objects.get(name="Familie Neu")
    assert calls[-1] == (new.pk, [companion]) and list(new.companions.all()) == [companion]
