"""The housing task screens: caseload, log a visit, follow-ups, timeline, concerns, dashboard."""

import datetime as dt

import pytest
from django.urls import reverse

from housing.models import FollowUp, HomeVisit, LandlordConcern
from tests.conftest import client_for
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.conftest import TODAY
from tests.housing.factories import (
    AgreementFactory,
    ConcernFactory,
    FollowUpFactory,
    HomeVisitFactory,
    LandlordContactFactory,
    TenancyFactory,
    agreed_to_landlord_contact,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

CASELOAD = "/admin/housing/caseload/"


def _order(response):
    return [h.name for h in response.context["households"]]


def test_caseload_puts_overdue_follow_ups_first(companion):
    calm = HouseholdFactory(name="Familie Aaa", companions=[companion])
    late = HouseholdFactory(name="Familie Zzz", companions=[companion])
    HouseholdFactory(name="Familie Fremd")  # someone else's household
    FollowUpFactory(household=late, due_on=TODAY - dt.timedelta(days=3))
    FollowUpFactory(household=calm, due_on=TODAY + dt.timedelta(days=3))
    HomeVisitFactory(household=calm, date=TODAY - dt.timedelta(days=10), next_visit=TODAY)

    response = client_for(companion).get(CASELOAD)
    assert _order(response) == ["Familie Zzz", "Familie Aaa"]
    rows = {h.name: h for h in response.context["households"]}
    assert rows["Familie Aaa"].last_visit == TODAY - dt.timedelta(days=10)
    assert rows["Familie Aaa"].next_visit == TODAY
    assert rows["Familie Zzz"].overdue_count == 1
    assert [f.household.name for _h, f in response.context["overdue"]] == ["Familie Zzz"]
    assert b"Familie Fremd" not in response.content


def test_coordinator_sees_all_caseloads_and_filters_by_companion(coordinator, companion):
    other = UserFactory(username="companion2", role="Companion")
    HouseholdFactory(name="Familie Eins", companions=[companion])
    HouseholdFactory(name="Familie Zwei", companions=[other])
    client = client_for(coordinator)
    assert sorted(_order(client.get(CASELOAD))) == ["Familie Eins", "Familie Zwei"]
    assert _order(client.get(CASELOAD, {"companion": other.pk})) == ["Familie Zwei"]


def test_coordinator_assigns_a_household(coordinator, companion):
    household = HouseholdFactory()
    url = reverse("housing_assign_companions", args=[household.pk])
    response = client_for(coordinator).post(url, {"companions": [companion.pk]})
    assert response.status_code == 302
    assert list(household.companions.all()) == [companion]
    assert _order(client_for(companion).get(CASELOAD)) == [household.name]


def test_follow_up_done_removes_it_from_the_caseload(companion):
    household = HouseholdFactory(companions=[companion])
    follow_up = FollowUpFactory(household=household)
    client = client_for(companion)
    assert client.get(CASELOAD).context["overdue"]
    response = client.post(reverse("housing_follow_up_done", args=[follow_up.pk]))
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == "done"
    assert client.get(CASELOAD).context["overdue"] == []


def test_companion_cannot_complete_another_households_follow_up(companion):
    foreign = FollowUpFactory()
    response = client_for(companion).post(reverse("housing_follow_up_done", args=[foreign.pk]))
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == "open"


def _visit_data(**overrides):
    return {
        "date": TODAY.isoformat(),
        "duration_minutes": "30",
        "outcome": "held",
        "language": "ro",
        **overrides,
    }


def test_logging_a_visit_resolves_the_chosen_follow_up(companion):
    household = HouseholdFactory(companions=[companion])
    ParticipantFactory(household=household, preferred_language="ro")
    follow_up = FollowUpFactory(household=household)
    url = reverse("housing_log_visit", args=[household.pk])
    client = client_for(companion)
    form = client.get(url).context["form"]
    assert form.initial["companions"] == [companion.pk]
    assert form.initial["language"] == "ro"
    response = client.post(
        url, _visit_data(companions=[companion.pk], resolves=[follow_up.pk], topics=[1, 3])
    )
    assert response.status_code == 302, response.context["form"].errors
    visit = HomeVisit.objects.get()
    assert visit.topics.count() == 2
    follow_up.refresh_from_db()
    assert follow_up.resolved_by_visit == visit


def test_a_visit_in_the_future_keeps_what_was_typed_and_explains_in_german(companion):
    household = HouseholdFactory(companions=[companion])
    url = reverse("housing_log_visit", args=[household.pk])
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    response = client_for(companion).post(
        url,
        _visit_data(date=tomorrow, companions=[companion.pk], observations="Alles sauber."),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["date"] == [
        "Ein Besuch kann nicht für einen Tag in der Zukunft erfasst werden."
    ]
    assert "Alles sauber." in response.content.decode()
    assert not HomeVisit.objects.exists()


def test_the_visit_form_offers_only_the_households_own_follow_ups(companion):
    household = HouseholdFactory(companions=[companion])
    foreign = FollowUpFactory()
    url = reverse("housing_log_visit", args=[household.pk])
    response = client_for(companion).post(
        url, _visit_data(companions=[companion.pk], resolves=[foreign.pk])
    )
    assert response.status_code == 200
    assert "resolves" in response.context["form"].errors
    foreign.refresh_from_db()
    assert foreign.status == "open"


def test_admin_concern_form_creates_the_follow_up(coordinator, companion):
    tenancy = TenancyFactory(household=HouseholdFactory(companions=[companion]))
    agreed_to_landlord_contact(tenancy.household)
    response = client_for(coordinator).post(
        reverse("concerns:add"),
        {
            "tenancy": tenancy.pk,
            "kind": "rent_arrears",
            "reported_on": "20.10.2026",
            "description": "Miete für Oktober fehlt.",
            "status": "open",
        },
    )
    assert response.status_code == 302
    concern = LandlordConcern.objects.get()
    assert FollowUp.objects.get().concern == concern
    caseload = client_for(companion).get(CASELOAD)
    assert [f.concern for _h, f in caseload.context["overdue"]] == [concern]


def test_the_concern_form_asks_why_without_consent_keeps_the_input_and_logs_it(coordinator):
    tenancy = TenancyFactory()
    data = {
        "tenancy": tenancy.pk,
        "kind": "rent_arrears",
        "reported_on": "20.10.2026",
        "description": "Miete für Oktober fehlt.",
    }
    client = client_for(coordinator)
    refused = client.post(reverse("concerns:add"), data)
    assert refused.status_code == 200
    form = refused.context["form"]
    assert "zugestimmt" in " ".join(form.errors["contact_reason"])
    assert form["description"].value() == "Miete für Oktober fehlt."
    assert not LandlordConcern.objects.exists()

    saved = client.post(
        reverse("concerns:add"), {**data, "contact_reason": "Vermieterin rief selbst an."}
    )
    assert saved.status_code == 302
    concern = LandlordConcern.objects.get()
    site_history = client.get("/admin/reports/site-history/").content.decode()
    assert "Kontakt zum Vermieter ohne Einwilligung" in site_history
    assert concern.pk


def test_companion_concern_form_offers_only_their_tenancies(companion):
    mine = TenancyFactory(household=HouseholdFactory(companions=[companion]))
    foreign = TenancyFactory()
    client = client_for(companion)
    choices = client.get(reverse("concerns:add")).context["form"].fields["tenancy"].queryset
    assert list(choices) == [mine]
    response = client.post(
        reverse("concerns:add"),
        {"tenancy": foreign.pk, "kind": "noise", "reported_on": "20.10.2026", "description": "x"},
    )
    assert response.status_code == 200
    assert not LandlordConcern.objects.exists()
    assert foreign.household.name not in response.content.decode()


def test_timeline_shows_everything_newest_first_with_landlord_contact(companion):
    household = HouseholdFactory(companions=[companion])
    ParticipantFactory(household=household, given_names="Ana", entry_date=dt.date(2026, 2, 2))
    tenancy = TenancyFactory(household=household, start=dt.date(2026, 3, 1))
    LandlordContactFactory(landlord=tenancy.landlord, name="Herr Hausmeister")
    ConcernFactory(tenancy=tenancy, reported_on=dt.date(2026, 9, 1))
    HomeVisitFactory(household=household, date=dt.date(2026, 10, 1), companions=[companion])

    response = client_for(companion).get(reverse("housing_timeline", args=[household.pk]))
    entries = [entry for entry, _label in response.context["entries"]]
    assert [e.section for e in entries] == ["visits", "concerns", "tenancies", "members"]
    assert [e.date for e in entries] == sorted((e.date for e in entries), reverse=True)
    assert "Herr Hausmeister" in response.content.decode()


def test_timeline_sections_follow_permissions(companion, coordinator):
    from housing import timeline

    household = HouseholdFactory(companions=[companion])
    keys = {s.key for s in timeline.sections_for(companion)}
    # placement registers its proposals, which companions read (issue 17).
    assert keys == {"members", "tenancies", "concerns", "visits", "follow_ups", "proposals"}
    # A section another app registers for a permission the companion lacks stays hidden.
    timeline.register(
        timeline.Section("secret", "Geheim", "housing.delete_household", lambda h, u: [], order=99)
    )
    try:
        assert "secret" not in {s.key for s in timeline.sections_for(companion)}
        assert "secret" in {s.key for s in timeline.sections_for(coordinator)}
        response = client_for(companion).get(reverse("housing_timeline", args=[household.pk]))
        assert "Geheim" not in response.content.decode()
    finally:
        timeline._sections.pop("secret")


def test_dashboard_reminds_the_coordinator_of_agreements_ending_soon(coordinator, companion):
    AgreementFactory(
        landlord__name="Bald GmbH",
        valid_until=TODAY + dt.timedelta(days=30),
        programme_contact=coordinator,
    )
    AgreementFactory(
        landlord__name="Später eG",
        valid_until=TODAY + dt.timedelta(days=90),
        programme_contact=coordinator,
    )
    page = client_for(coordinator).get("/admin/").content.decode()
    assert "Bald GmbH" in page
    assert "Später eG" not in page
    assert "Bald GmbH" not in client_for(companion).get("/admin/").content.decode()


def test_certificate_status_is_unknown_without_the_certificates_apps_answer(
    coordinator, monkeypatch
):
    from housing import integrations

    tenancy = TenancyFactory()
    url = reverse("tenancies:inspect", args=[tenancy.pk])
    # As if the certificates app were not there to register its lookup.
    monkeypatch.setattr(integrations, "_lookup", None)
    assert tenancy.certificate_status() == "unbekannt"
    assert "unbekannt" in client_for(coordinator).get(url).content.decode()

    monkeypatch.setattr(integrations, "_lookup", lambda ids: {tenancy.household_id})
    assert tenancy.certificate_status() == "ja"
    other = TenancyFactory()
    assert other.certificate_status() == "nein"


def test_landlord_list_searches_filters_and_exports(coordinator):
    from tests.housing.factories import LandlordFactory

    LandlordFactory(name="Volmetal eG", kind="association")
    LandlordFactory(name="Gerda Hollmann", kind="private")
    client = client_for(coordinator)
    found = client.get("/admin/landlords/", {"q": "volmetal"}).content.decode()
    assert "Volmetal eG" in found and "Gerda Hollmann" not in found
    private = client.get("/admin/landlords/", {"kind": "private"}).content.decode()
    assert "Gerda Hollmann" in private and "Volmetal eG" not in private
    export = client.get("/admin/landlords/", {"export": "csv"})
    body = b"".join(export.streaming_content).decode()
    assert "Volmetal eG" in body and "Gerda Hollmann" in body


def test_caseload_shows_the_ten_longest_overdue_and_counts_the_rest(companion):
    """At volume the top list held every overdue follow-up of the page (173 cards); now
    the ten longest overdue, and the rest are counted and stay marked in their homes."""
    from housing.admin_views.caseload import OVERDUE_SHOWN

    households = [HouseholdFactory(companions=[companion]) for _ in range(3)]
    for days in range(1, OVERDUE_SHOWN + 4):
        FollowUpFactory(household=households[days % 3], due_on=TODAY - dt.timedelta(days=days))

    response = client_for(companion).get(CASELOAD)
    shown = [f.due_on for _h, f in response.context["overdue"]]
    assert len(shown) == OVERDUE_SHOWN
    assert shown == sorted(shown)
    assert shown[0] == TODAY - dt.timedelta(days=OVERDUE_SHOWN + 3)
    assert response.context["overdue_more"] == 3
    page = response.content.decode()
    assert page.count("data-follow-up=") == OVERDUE_SHOWN
    assert "3 weitere überfällige Nachverfolgungen sind unten bei ihren Haushalten" in page
    assert page.count('class="mfs-overdue-item"') == OVERDUE_SHOWN + 3


def _day(date) -> str:
    return date.strftime("%d.%m.%Y")


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("de", ["Letzter Besuch", "2 überfällig", "fällig am {due}", "niemand zugeordnet"]),
        ("en", ["Last visit", "2 overdue", "due {due}", "nobody assigned"]),
    ],
)
def test_caseload_cards_speak_the_staff_members_language(coordinator, companion, language, texts):
    """The cards' labels, plural forms and dates are made once per page in the view
    (``_write_card_texts``), in the language the staff member chose, as the template
    tags made them before."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = language
    profile.save()
    busy = HouseholdFactory(name="Familie Late", companions=[companion])
    HouseholdFactory(name="Familie Nobody")
    due = TODAY - dt.timedelta(days=5)
    for day in (due, TODAY - dt.timedelta(days=3)):
        FollowUpFactory(household=busy, due_on=day)
    visited, next_visit = TODAY - dt.timedelta(days=30), TODAY + dt.timedelta(days=8)
    HomeVisitFactory(household=busy, date=visited, next_visit=next_visit)

    page = client_for(coordinator).get(CASELOAD).content.decode()
    cards = page.split('id="caseload"')[1]
    for text in texts:
        assert text.format(due=_day(due)) in cards
    assert _day(visited) in cards and _day(next_visit) in cards
    assert companion.get_full_name() and companion.get_full_name() in cards
    for name in ("housing_timeline", "housing_log_visit", "housing_assign_companions"):
        assert f'href="{reverse(name, args=[busy.pk])}"' in cards


def test_a_companions_whole_caseload_is_one_page_that_can_be_kept_offline(companion, coordinator):
    """Saved for offline use is the caseload's page and the visit forms of all the
    companion's households; with 50 a page a companion with 60 households would find ten
    of them only on a page the phone never kept."""
    import json

    from housing.admin_views.caseload import CASELOAD_PER_PAGE

    count = CASELOAD_PER_PAGE + 5
    households = [HouseholdFactory(companions=[companion]) for _ in range(count)]

    response = client_for(companion).get(CASELOAD)
    assert len(response.context["households"]) == count
    assert not response.context["page"].has_other_pages()
    saved = json.loads(response.context["offline_urls"])
    assert saved[0] == CASELOAD
    assert sorted(saved[1:]) == sorted(
        reverse("housing_log_visit", args=[h.pk]) for h in households
    )
    # The coordinator's overview of everyone's households stays paginated.
    overview = client_for(coordinator).get(CASELOAD)
    assert len(overview.context["households"]) == CASELOAD_PER_PAGE
    assert overview.context["page"].has_other_pages()
