"""A coordinator records a new participant's ESF Plus entry data, later the exit "in
Beschäftigung", and finds the person in the monitoring report, its chart and its XLSX;
a trainer finds nothing there."""

import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from monitoring.figures import add_months
from monitoring.models import EntryRecord, ExitRecord
from tests.conftest import PASSWORD
from tests.factories import ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def _screen_rows(page) -> dict[str, list[int]]:
    rows = {}
    for row in page.locator("tr[data-code]").all():
        cells = row.locator("td[data-column]").all_inner_texts()
        rows[row.get_attribute("data-code")] = [int(c) for c in cells]
    return rows


def test_entry_exit_report_chart_and_xlsx(page, live_server, login, screenshot, roles):
    today = timezone.localdate()
    entered = today - dt.timedelta(days=60)
    left = today - dt.timedelta(days=5)
    UserFactory(username="katrin", first_name="Katrin", role="Coordinator")
    UserFactory(username="tobias", first_name="Tobias", role="Trainer")
    person = ParticipantFactory(
        given_names="Daniela",
        family_name="Marinescu",
        date_of_birth=add_months(entered, -12 * 27) - dt.timedelta(days=10),  # 27 at entry
        entry_date=entered,
    )

    # --- Entry data, on a phone ----------------------------------------------------------------
    page.set_viewport_size(PHONE)
    login("katrin", PASSWORD)
    page.goto(f"{live_server.url}/admin/monitoring/participants/?q=Marinescu")
    card = page.locator(f"[data-participant='{person.pk}']")
    expect(card).to_contain_text("Eintrittsdaten")
    expect(card).to_contain_text("fehlen")
    card.get_by_role("link", name="Eintrittsdaten erfassen").click()
    expect(page.get_by_label("Eintrittsdatum")).to_have_value(entered.isoformat())
    page.locator("[data-field=gender]").get_by_label("Frau").check()
    page.locator("[data-field=labour_status]").get_by_label(
        "arbeitslos (gemeldet oder arbeitsuchend)"
    ).check()
    page.get_by_label("höchster Bildungsabschluss").select_option("foreign_school")
    page.locator("[data-field=nationality]").get_by_label("anderer EU-Staat").check()
    page.locator("[data-field=foreign_background]").get_by_label("ja").check()
    page.locator("[data-field=minority]").get_by_label("keine Angabe").check()
    expect(page.get_by_text("Besondere Kategorien personenbezogener Daten")).to_be_visible()
    screenshot("monitoring-entry-360")
    page.get_by_role("button", name="Eintrittsdaten speichern").click()
    expect(page.locator(".messages")).to_contain_text("Eintrittsdaten von Daniela Marinescu")
    entry = EntryRecord.objects.get(participant=person)
    assert (entry.gender, entry.age_at_entry, entry.minority) == ("woman", 27, "not_stated")

    # --- Later: the exit, first with a wrong date ----------------------------------------------
    page.set_viewport_size(DESKTOP)
    page.locator(f"[data-participant='{person.pk}']").get_by_role(
        "link", name="Austritt erfassen"
    ).click()
    page.get_by_label("Austrittsdatum").fill((entered - dt.timedelta(days=1)).isoformat())
    page.get_by_label("Grund des Austritts").select_option("employment")
    page.locator("[data-field=situation]").get_by_label(
        "in Beschäftigung (einschließlich Selbstständigkeit)"
    ).check()
    page.get_by_label("Stand der Situation").fill(left.isoformat())
    page.get_by_role("button", name="Austritt speichern").click()
    expect(page.locator("[data-field=exit_date] .mfs-error")).to_contain_text(
        "Der Austritt kann nicht vor dem Eintritt"
    )
    # What was typed is still there.
    expect(page.get_by_label("Grund des Austritts")).to_have_value("employment")
    assert not ExitRecord.objects.exists()
    page.get_by_label("Austrittsdatum").fill(left.isoformat())
    page.get_by_role("button", name="Austritt speichern").click()
    expect(page.locator(".messages")).to_contain_text("Austritt von Daniela Marinescu")

    # --- The report for the period -------------------------------------------------------------
    page.get_by_role("button", name="Berichte").click()
    page.get_by_role("link", name="Monitoring").last.click()
    # The year's report is shown at once; the period form folds open on demand.
    expect(page.locator("tr[data-code=EECO01]")).to_be_visible()
    page.get_by_text("Zeitraum und Quartier wählen").click()
    page.get_by_label("freier Zeitraum").check()
    page.get_by_label("von", exact=True).fill((entered - dt.timedelta(days=1)).isoformat())
    page.get_by_label("bis", exact=True).fill(today.isoformat())
    page.get_by_role("button", name="Bericht anzeigen").click()
    start = entered - dt.timedelta(days=1)
    expect(page.locator(".mfs-report__period")).to_contain_text(
        f"Zeitraum: {start:%d.%m.%Y} – {today:%d.%m.%Y}"
    )
    rows = _screen_rows(page)
    assert rows["EECO01"] == [1, 0, 0, 1]
    assert rows["EECO02"] == [1, 0, 0, 1]
    assert rows["EECO07"] == [1, 0, 0, 1]  # 27 at entry: the 18–29 band
    assert rows["EECO06"] == [0, 0, 0, 0] and rows["EECO08"] == [0, 0, 0, 0]
    assert rows["EECR04"] == [1, 0, 0, 1]
    assert rows["EECR01"] == [0, 0, 0, 0]
    charts = page.locator("svg.mfs-chart")
    expect(charts).to_have_count(5)
    expect(charts.first).to_be_visible()
    expect(page.locator("#chart-results-figure table")).to_contain_text("Beschäftigung")
    box = charts.first.bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    screenshot("monitoring-report-desktop")

    # --- The XLSX says what the screen says ----------------------------------------------------
    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX herunterladen").click()
    download = download_info.value
    assert re.fullmatch(r"esf-monitoring-\d{8}-\d{8}\.xlsx", download.suggested_filename)
    workbook = load_workbook(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    from_file = {}
    for sheet in workbook.worksheets[1:4]:
        for row in sheet.iter_rows(min_row=3, values_only=True):
            if row[0]:
                from_file[row[0]] = list(row[2:6])
    assert from_file == rows

    page.set_viewport_size(PHONE)
    page.reload()
    expect(page.locator("svg.mfs-chart").first).to_be_visible()
    screenshot("monitoring-report-360")

    # --- A trainer gets 404 --------------------------------------------------------------------
    page.context.clear_cookies()
    login("tobias", PASSWORD)
    for path in (
        "/admin/monitoring/",
        "/admin/monitoring/participants/",
        "/admin/monitoring/export/report.xlsx",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 404, path
    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("link", name="Monitoring")).to_have_count(0)


def test_the_charts_keep_every_label_inside_in_arabic_at_360_px(
    page, live_server, login, screenshot, roles
):
    """The page is right to left in Arabic; a chart's text must not inherit that, or
    every label anchored at its start runs out of the chart to the left (seen at five
    years' volume, 2026-12-03)."""
    from wagtail.users.models import UserProfile

    from tests.monitoring.factories import EntryRecordFactory, ExitRecordFactory

    today = timezone.localdate()
    for status in ("employed", "unemployed", "long_term_unemployed", "inactive"):
        record = EntryRecordFactory(labour_status=status, entry_date=today.replace(day=1))
        ExitRecordFactory(entry=record, exit_date=today, situation_on=today)
    katrin = UserFactory(username="katrin", first_name="Katrin", role="Coordinator")
    profile = UserProfile.get_for_user(katrin)
    profile.preferred_language = "ar"
    profile.save()

    page.set_viewport_size(PHONE)
    login("katrin", PASSWORD)
    page.goto(f"{live_server.url}/admin/monitoring/?kind=year")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    charts = page.locator("svg.mfs-chart")
    expect(charts).to_have_count(5)
    outside = charts.evaluate_all(
        """svgs => svgs.flatMap(svg => {
            const width = svg.viewBox.baseVal.width;
            return Array.from(svg.querySelectorAll('text')).map(text => {
                const box = text.getBBox();
                return [svg.id || svg.getAttribute('aria-labelledby'), text.textContent,
                        box.x, box.x + box.width, width];
            }).filter(([, , left, right, width]) => left < -0.5 || right > width + 0.5);
        })"""
    )
    assert outside == []
    page.locator("svg.mfs-chart").nth(2).scroll_into_view_if_needed()
    screenshot("monitoring-charts-ar-360")
