"""A companion's day (issue 15): which household, drafts sent twice, follow-ups
managed with undo, the start page by role, readable records."""

import datetime as dt
import uuid

import pytest
from django.urls import reverse

from housing import services
from housing.models import FollowUp, HomeVisit
from tests.conftest import client_for
from tests.factories import ConsentFactory, HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.conftest import TODAY
from tests.housing.factories import (
    ConcernFactory,
    FollowUpFactory,
    HomeVisitFactory,
    LandlordContactFactory,
    TenancyFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def _visit(companion, **overrides):
    return {
        "date": TODAY.isoformat(),
        "duration_minutes": "30",
        "outcome": "held",
        "language": "ro",
        "companions": [companion.pk],
        **overrides,
    }


def test_the_visit_form_names_the_household_its_members_and_consent(companion):
    household = HouseholdFactory(name="Familie Dimitrov", companions=[companion])
    ana = ParticipantFactory(household=household, given_names="Ana", preferred_language="bg")
    ParticipantFactory(household=household, given_names="Petar", preferred_language="de")
    ConsentFactory(participant=ana, purpose="landlord_contact")
    tenancy = TenancyFactory(household=household)
    LandlordContactFactory(landlord=tenancy.landlord, phone="+49 2331 123456", email="h@wg.de")

    body = client_for(companion).get(reverse("housing_log_visit", args=[household.pk]))
    html = body.content.decode()

    assert '<h2 id="household-name" class="mfs-household__name">Familie Dimitrov</h2>' in html
    assert "Bulgarisch" in html and "Deutsch" in html
    assert "nur 1 von 2" in html  # consent for landlord contact, from with_consent
    assert 'href="tel:+492331123456"' in html
    assert 'href="mailto:h@wg.de"' in html


def test_the_timeline_names_the_household(companion):
    household = HouseholdFactory(name="Familie Popescu", companions=[companion])
    response = client_for(companion).get(reverse("housing_timeline", args=[household.pk]))
    assert b'class="mfs-household__name">Familie Popescu<' in response.content


def test_both_screens_show_each_members_consent_in_force_per_purpose(companion):
    household = HouseholdFactory(companions=[companion])
    ana = ParticipantFactory(household=household, given_names="Ana")
    ConsentFactory(participant=ana, purpose="photos")
    ConsentFactory(participant=ana, purpose="photos", status="withdrawn", date=dt.date(2026, 3, 1))
    ConsentFactory(participant=ana, purpose="programme")
    client = client_for(companion)
    for name in ("housing_log_visit", "housing_timeline"):
        html = client.get(reverse(name, args=[household.pk])).content.decode()
        assert "Einwilligungen heute" in html
        assert "Fotos für Kursmaterialien: widerrufen" in html
        assert "Kontakt mit Vermieter/innen zum Mietverhältnis: nie gefragt" in html


def test_the_same_draft_sent_twice_makes_one_visit(companion):
    household = HouseholdFactory(companions=[companion])
    follow_up = FollowUpFactory(household=household)
    url = reverse("housing_log_visit", args=[household.pk])
    data = _visit(companion, client_key=str(uuid.uuid4()), resolves=[follow_up.pk])
    client = client_for(companion)

    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert HomeVisit.objects.count() == 1
    follow_up.refresh_from_db()
    assert follow_up.status == "done"


def test_the_service_returns_the_first_visit_for_a_repeated_key(companion):
    household = HouseholdFactory(companions=[companion])
    key = uuid.uuid4()
    first = services.log_visit(
        household=household, user=companion, companions=[companion], date=TODAY, client_key=key
    )
    again = services.log_visit(
        household=household, user=companion, companions=[companion], date=TODAY, client_key=key
    )
    assert again.pk == first.pk
    assert HomeVisit.objects.count() == 1


def test_a_draft_for_a_follow_up_closed_meanwhile_is_a_conflict_not_an_overwrite(
    companion, coordinator
):
    household = HouseholdFactory(companions=[companion])
    follow_up = FollowUpFactory(household=household, title="Mülltrennung erklären")
    services.complete_follow_up(follow_up, user=coordinator, note="telefonisch erledigt")
    url = reverse("housing_log_visit", args=[household.pk])

    response = client_for(companion).post(
        url, _visit(companion, resolves=[follow_up.pk], observations="Offline getippt.")
    )

    assert response.status_code == 200
    assert "Mülltrennung erklären" in " ".join(response.context["form"].errors["resolves"])
    assert "Offline getippt." in response.content.decode()
    assert not HomeVisit.objects.exists()
    follow_up.refresh_from_db()
    assert follow_up.note == "telefonisch erledigt"


def test_follow_ups_are_added_edited_done_undone(companion):
    household = HouseholdFactory(companions=[companion])
    client = client_for(companion)

    response = client.post(
        reverse("housing_follow_up_add", args=[household.pk]),
        {"title": "Stromanbieter anrufen", "due_on": "2026-11-10"},
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    response = client.post(
        reverse("housing_follow_up_edit", args=[follow_up.pk]),
        {"title": "Stromanbieter anrufen (Zählerstand)", "due_on": "2026-11-12", "note": ""},
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.title, follow_up.due_on) == (
        "Stromanbieter anrufen (Zählerstand)",
        dt.date(2026, 11, 12),
    )

    client.post(reverse("housing_follow_up_done", args=[follow_up.pk]), {"note": ""})
    timeline = client.get(reverse("housing_timeline", args=[household.pk]))
    assert "Rückgängig" in timeline.content.decode()  # the undo, offered once
    client.post(reverse("housing_follow_up_reopen", args=[follow_up.pk]))

    follow_up.refresh_from_db()
    assert follow_up.status == "open" and follow_up.done_on is None
    assert [h.status for h in follow_up.history.order_by("history_id")] == [
        "open",
        "open",
        "done",
        "open",
    ]


def test_reopening_an_open_follow_up_is_refused(companion):
    follow_up = FollowUpFactory(household=HouseholdFactory(companions=[companion]))
    with pytest.raises(services.HousingError) as error:
        services.reopen_follow_up(follow_up, user=companion)
    assert error.value.code == "follow_up_open"


def test_a_follow_up_of_another_household_cannot_be_edited(companion):
    other = FollowUpFactory()
    response = client_for(companion).post(
        reverse("housing_follow_up_edit", args=[other.pk]), {"title": "x", "due_on": "2026-11-12"}
    )
    assert response.status_code == 404


def test_the_companion_start_page_shows_today(companion):
    household = HouseholdFactory(name="Familie Heute", companions=[companion])
    HomeVisitFactory(household=household, date=TODAY - dt.timedelta(days=7), next_visit=TODAY)
    FollowUpFactory(
        household=household, title="Mietvertrag erklären", due_on=TODAY - dt.timedelta(1)
    )
    FollowUpFactory(title="Fremde Aufgabe", due_on=TODAY - dt.timedelta(days=1))

    html = client_for(companion).get("/admin/").content.decode()

    assert "Heute" in html
    assert "Familie Heute" in html
    assert "Mietvertrag erklären" in html
    assert "Fremde Aufgabe" not in html


def test_the_coordinator_start_page_shows_open_ends(coordinator, companion):
    HouseholdFactory(name="Familie Ohne", companions=[])
    HouseholdFactory(name="Familie Mit", companions=[companion])
    ConcernFactory(reported_on=TODAY - dt.timedelta(days=20), description="Lärm")

    html = client_for(coordinator).get("/admin/").content.decode()

    assert "Familie Ohne" in html
    assert "Familie Mit" not in html
    assert "länger als 14 Tage" in html


def test_concerns_open_from_their_list(coordinator):
    concern = ConcernFactory()
    html = client_for(coordinator).get(reverse("concerns:index")).content.decode()
    assert reverse("concerns:edit", args=[concern.pk]) in html


def test_participant_details_in_words(coordinator):
    person = ParticipantFactory(languages=["de", "ar"], preferred_language="ar", phone="")
    html = client_for(coordinator).get(reverse("participants:inspect", args=[person.pk]))
    text = html.content.decode()
    assert "Deutsch, Arabisch" in text
    assert "[&#x27;de&#x27;" not in text and "['de'" not in text
    assert ">None<" not in text
    assert "<dd>–</dd>" in text.replace("\n", "").replace("  ", "") or "–" in text


def test_staff_names_not_logins_in_a_conflict(companion):
    coordinator = UserFactory(
        username="kkoch", first_name="Katrin", last_name="Koch", role="Coordinator"
    )
    household = HouseholdFactory(companions=[companion])
    follow_up = FollowUpFactory(household=household)
    services.complete_follow_up(follow_up, user=coordinator)
    response = client_for(companion).post(
        reverse("housing_log_visit", args=[household.pk]),
        _visit(companion, resolves=[follow_up.pk]),
    )
    assert "Katrin Koch" in " ".join(response.context["form"].errors["resolves"])


def test_the_morning_digest_mails_once_without_names_or_notes(companion, coordinator, mailoutbox):
    from housing import reminders

    companion.email, coordinator.email = "c@example.org", "k@example.org"
    companion.save()
    coordinator.save()
    household = HouseholdFactory(name="Familie Geheim", companions=[companion])
    FollowUpFactory(household=household, title="Schimmel im Bad", due_on=TODAY - dt.timedelta(1))
    HomeVisitFactory(
        household=household,
        date=TODAY - dt.timedelta(days=7),
        next_visit=TODAY,
        observations="Streit in der Familie",
    )
    HouseholdFactory(name="Familie Ohne", companions=[])

    assert reminders.send_digests(TODAY) == 2
    assert reminders.send_digests(TODAY) == 0  # the second run of the day is a no-op
    mails = {m.to[0]: m.body for m in mailoutbox}
    assert f"Haushalt Nr. {household.pk}" in mails["c@example.org"]
    assert "/admin/housing/households/" in mails["c@example.org"]
    for body in mails.values():
        assert "Geheim" not in body and "Streit" not in body and "Schimmel" not in body
    assert "Haushalte ohne Begleitung" in mails["k@example.org"]


def test_no_digest_when_there_is_nothing_to_say(companion, mailoutbox):
    from housing import reminders

    companion.email = "c@example.org"
    companion.save()
    HouseholdFactory(companions=[companion])
    assert reminders.send_digests(TODAY) == 0
    assert not mailoutbox


def test_the_calendar_feed_names_no_one_and_can_be_revoked(companion, client):
    household = HouseholdFactory(name="Familie Geheim", companions=[companion])
    HomeVisitFactory(household=household, date=TODAY - dt.timedelta(days=7), next_visit=TODAY)
    HomeVisitFactory(next_visit=TODAY)  # someone else's household

    page = client_for(companion).get(reverse("housing_calendar"))
    url = page.context["feed_url"]
    feed = client.get(url)

    assert feed.status_code == 200 and feed["Content-Type"] == "text/calendar"
    text = feed.content.decode()
    assert text.count("BEGIN:VEVENT") == 1
    assert f"Nr. {household.pk}" in text and "DTSTART;VALUE=DATE:20261102" in text
    assert "Geheim" not in text

    client_for(companion).post(reverse("housing_calendar"))
    assert client.get(url).status_code == 404
