"""A coordinator finds a participant by searching, changes a phone number, reads the history."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_coordinator_searches_edits_and_sees_history(page, live_server, login, screenshot, roles):
    UserFactory(username="katrin", first_name="Katrin", last_name="Vogelsang", role="Coordinator")
    household = HouseholdFactory(name="Familie Ivanov")
    ParticipantFactory(
        given_names="Иван",
        family_name="Иванов",
        name_latin="Ivan Ivanov",
        household=household,
        languages=["bg"],
        preferred_language="bg",
        phone="+49 30 23125 010",
    )
    ParticipantFactory(given_names="Elena", family_name="Popescu")

    login("katrin", PASSWORD)
    page.goto(f"{live_server.url}/admin/participants/")
    search = page.locator("input[name=q]")
    search.fill("ivanov")
    search.press("Enter")
    results = page.locator("#listing-results")
    expect(results).to_contain_text("Иван Иванов")
    expect(results).not_to_contain_text("Elena Popescu")
    screenshot("participants-search")

    results.get_by_role("link", name="Иван Иванов").click()
    page.get_by_label("Telefon").fill("+49 30 23125 011")
    page.get_by_role("button", name=re.compile("Speichern")).first.click()
    expect(page.locator(".messages")).to_contain_text("Иван Иванов")

    # Back to the record, then its history (the clock icon in the header).
    page.locator("#listing-results").get_by_role("link", name="Иван Иванов").click()
    page.locator("header a[href*='/admin/participants/history/']").click()
    table = page.locator("table.mfs-history")
    expect(table).to_contain_text("Katrin Vogelsang")
    expect(table).to_contain_text("+49 30 23125 010")
    expect(table).to_contain_text("+49 30 23125 011")
    screenshot("participant-history")
