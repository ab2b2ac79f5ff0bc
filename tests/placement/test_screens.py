"""The placement screens: errors on the form, photos from private storage, the timeline,
the figures."""

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core import storage
from housing import timeline
from placement import figures, services
from placement.models import Proposal, VacancyPhoto
from tests.conftest import client_for
from tests.monitoring.factories import certificate_for
from tests.placement.factories import VacancyFactory, rent_limits, searching_household

pytestmark = pytest.mark.django_db

YEAR = SimpleNamespace(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), district=None)


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 120, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_refused_proposal_keeps_the_input_and_says_why_in_german(coordinator):
    rent_limits()
    vacancy = VacancyFactory()
    household = searching_household(members=2, consent=False)
    url = reverse("placement_propose", args=[vacancy.pk, household.pk])
    response = client_for(coordinator).post(url, {"why": "Passt gut ins Haus."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Niemand in diesem Haushalt hat dem Kontakt mit Vermietern zugestimmt" in html
    assert "Passt gut ins Haus." in html
    assert not Proposal.objects.exists()


def test_photos_are_private_checked_by_content_and_served_only_through_the_view(
    coordinator, companion, settings
):
    vacancy = VacancyFactory()
    client = client_for(coordinator)
    url = reverse("placement_photo_upload", args=[vacancy.pk])
    fake = SimpleUploadedFile("flat.png", b"not an image", content_type="image/png")
    response = client.post(url, {"image": fake})
    assert response.status_code == 200 and not VacancyPhoto.objects.exists()
    good = SimpleUploadedFile("flat.png", _png(), content_type="image/png")
    assert client.post(url, {"image": good, "caption": "Küche"}).status_code == 302
    photo = VacancyPhoto.objects.get()
    assert photo.image.storage is storage.private
    assert storage.private.path(photo.image.name).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    served = client.get(reverse("placement_photo", args=[photo.pk]))
    assert served["Content-Type"] == "image/png" and b"".join(served.streaming_content) == _png()
    refused = client_for(companion).get(reverse("placement_photo", args=[photo.pk]))
    # Wagtail turns the 403 into its "no permission" redirect to the dashboard.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_steps_are_on_the_household_timeline_for_coordinator_and_companion(
    coordinator, companion, trainer
):
    rent_limits()
    vacancy = VacancyFactory()
    household = searching_household(members=3)
    household.companions.add(companion)
    proposal = services.propose(vacancy=vacancy, household=household, user=coordinator, why="x")
    services.decline(proposal, user=coordinator, by="household", reason="location")
    for user in (coordinator, companion):
        _, entries = timeline.build(household, user)
        titles = [e.title for e in entries if e.section == "proposals"]
        assert len(titles) == 2, user
    _, entries = timeline.build(household, trainer)
    assert not [e for e in entries if e.section == "proposals"]


def test_figures_count_placements_of_certified_households(coordinator, companion):
    rent_limits()
    certified = searching_household(members=3)
    certificate_for(certified.people[0], dt.date(2026, 2, 1))
    plain = searching_household(members=3)
    declined = searching_household(members=3)
    for household, start in ((certified, dt.date(2026, 6, 11)), (plain, dt.date(2026, 6, 21))):
        vacancy = VacancyFactory(available_from=dt.date(2026, 6, 1))
        proposal = services.propose(vacancy=vacancy, household=household, user=coordinator, why="x")
        services.accept(proposal, user=coordinator)
        services.create_tenancy(proposal, user=coordinator, start=start, companion=companion)
    other = VacancyFactory()
    no = services.propose(vacancy=other, household=declined, user=coordinator, why="x")
    services.decline(no, user=coordinator, by="landlord", reason="schufa")
    assert figures.placements(YEAR) == 2
    assert figures.certified_placements(YEAR) == 1
    assert figures.median_days_to_tenancy(YEAR) == 15  # 10 and 20 days
    assert figures.acceptance_rate(YEAR) == pytest.approx(66.7)
    assert figures.proposals_made(YEAR) == 3


def test_the_dashboard_shows_the_placement_figures_to_coordinators_only(coordinator, companion):
    assert b'data-panel="placement"' in client_for(coordinator).get("/admin/").content
    assert b'data-panel="placement"' not in client_for(companion).get("/admin/").content


def test_the_proposal_screen_takes_each_step_through_the_services(coordinator, companion):
    rent_limits()
    vacancy = VacancyFactory()
    household = searching_household(members=3)
    proposal = services.propose(vacancy=vacancy, household=household, user=coordinator, why="x")
    client = client_for(coordinator)
    url = reverse("placement_proposal", args=[proposal.pk])
    assert client.post(url, {"action": "send"}).status_code == 302
    past = client.post(url, {"action": "viewing", "viewing-viewing_on": ""})
    assert past.status_code == 200 and "viewing" in past.context["forms"]
    assert client.post(url, {"action": "accept", "accept-note": ""}).status_code == 302
    start = dt.date(2026, 7, 1)
    response = client.post(
        url,
        {"action": "tenancy", "tenancy-start": "2026-07-01", "tenancy-companion": companion.pk},
        follow=True,
    )
    assert "15.07.2026" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "let" and proposal.tenancy.start == start
    # Companions read the page but cannot take a step.
    household.companions.add(companion)
    assert client_for(companion).get(url).status_code == 200
    refused = client_for(companion).post(url, {"action": "send"})
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
