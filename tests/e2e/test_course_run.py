"""A trainer runs a course in a real browser, from creating it to who earns the certificate.

On the way: attendance on a phone with "Alle anwesend", and a result typed wrongly
and corrected, which the course's history then shows with its reason.
"""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from courses.models import Attendance, Course, ExamResult
from tests.conftest import PASSWORD
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import DistrictFactory, ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = [("Ana", "Vasilescu"), ("Boris", "Petrov"), ("Cem", "Aydın")]


def test_trainer_runs_a_course(page, live_server, login, screenshot, roles):
    UserFactory(username="tobias", first_name="Tobias", last_name="Brandt", role="Trainer")
    district = DistrictFactory(name="Wehringhausen")
    # Newcomers of the course's district: the people a trainer may find and enrol.
    for given, family in PEOPLE:
        ParticipantFactory(given_names=given, family_name=family, household__district=district)
    login("tobias", PASSWORD)

    # 1. Create the course.
    page.goto(f"{live_server.url}/admin/courses/new/")
    # The course form is Wagtail's (panels repeat the labels), so fields by id.
    page.locator("#id_title").fill("Mietführerschein Herbst")
    page.locator("#id_location").fill("Stadtteilbüro Wehringhausen")
    page.locator("#id_district").select_option(label="Wehringhausen")
    page.locator("#id_start_date").fill("01.09.2026")
    page.locator("#id_end_date").fill("15.12.2026")
    page.locator("input[name=instruction_languages][value=de]").check()
    page.locator("input[name=interpretation_languages][value=ro]").check()
    page.locator("input[name=modules]").nth(0).check()
    page.locator("input[name=modules]").nth(1).check()
    page.get_by_role("button", name="Erstellen").click()
    expect(page.get_by_role("heading", name="Mietführerschein Herbst")).to_be_visible()
    course = Course.objects.get(title="Mietführerschein Herbst")

    # 2. A weekly series of four sessions.
    page.get_by_role("link", name="Wöchentliche Termine anlegen").click()
    page.get_by_label("Datum des ersten Termins").fill("02.09.2026")
    page.get_by_label("Anzahl der Wochen").fill("4")
    page.get_by_label("Beginn (Uhrzeit)").fill("10:00")
    page.get_by_label("Ende (Uhrzeit)").fill("12:00")
    page.get_by_label("Raum").fill("Raum 1")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".messages")).to_contain_text("4 Termine angelegt")
    assert course.sessions.count() == 4

    # 3. Enrol three people.
    page.get_by_role("link", name="Teilnehmende anmelden").click()
    for given, family in PEOPLE:
        page.get_by_label("Teilnehmende Person nach Namen suchen").fill(family)
        page.get_by_role("button", name="Suchen").click()
        page.get_by_role("button", name=f"{given} {family} anmelden").click()
        expect(page.locator(".messages")).to_contain_text(f"{given} {family} ist angemeldet")
    assert course.enrolments.filter(status="active").count() == 3

    # 4. Take attendance on a phone: mark the two exceptions, then "Alle anwesend".
    first_session = course.sessions.order_by("date").first()
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{live_server.url}/admin/course-tasks/sessions/{first_session.pk}/attendance/")
    statuses = {"Petrov": "verspätet", "Aydın": "unentschuldigt"}
    for family, status in statuses.items():
        person = page.locator("fieldset", has_text=family)
        person.get_by_text(status, exact=True).click()
    page.locator("fieldset", has_text="Petrov").get_by_label("Notiz (optional)").fill("Bus")
    screenshot("attendance-360")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the attendance screen scrolls sideways ({width} px)"
    page.get_by_role("button", name="Alle anwesend").click()
    expect(page.locator(".mfs-notice")).to_contain_text(
        "1 Person als anwesend markiert. Noch nicht gespeichert"
    )
    expect(page.locator("input[name^=status-][value=present]:checked")).to_have_count(1)
    ana = page.locator("fieldset", has_text="Vasilescu")
    expect(ana.get_by_label("anwesend", exact=True)).to_be_checked()
    boris = page.locator("fieldset", has_text="Petrov")
    expect(boris.get_by_label("verspätet", exact=True)).to_be_checked()
    expect(boris.get_by_label("Notiz (optional)")).to_have_value("Bus")
    expect(
        page.locator("fieldset", has_text="Aydın").get_by_label("unentschuldigt", exact=True)
    ).to_be_checked()
    expect(page.get_by_role("button", name="Alle anwesend")).to_have_count(0)
    assert not Attendance.objects.exists(), "“Alle anwesend” alone must not save"
    page.set_viewport_size({"width": 360, "height": 1200})  # the whole list in the picture
    screenshot("attendance-360-all-present")
    page.set_viewport_size({"width": 360, "height": 780})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the attendance screen scrolls sideways ({width} px)"
    page.get_by_role("button", name="Anwesenheit speichern").click()
    expect(page.locator(".messages")).to_contain_text("Anwesenheit gespeichert (3 Änderungen)")
    assert sorted(Attendance.objects.values_list("status", flat=True)) == [
        "absent",
        "late",
        "present",
    ]
    screenshot("attendance-360-saved")

    # 5. Print the sign-in sheet.
    sheet = page.request.get(
        f"{live_server.url}/admin/course-tasks/sessions/{first_session.pk}/sign-in-sheet.pdf"
    )
    assert sheet.ok and sheet.headers["content-type"] == "application/pdf"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = SCREENSHOTS / "sign-in-sheet.pdf"
    pdf.write_bytes(sheet.body())
    text = subprocess.run(
        ["/usr/bin/pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Unterschriftenliste" in text and "Ana Vasilescu" in text and "Unterschrift" in text
    page.set_viewport_size({"width": 1280, "height": 900})

    # 6. Set up the exam on the day of the first session, so that session decides admission.
    page.goto(f"{live_server.url}/admin/course-tasks/{course.pk}/")
    page.get_by_role("link", name="Prüfung anlegen").click()
    page.get_by_label("Datum").fill("02.09.2026")
    page.get_by_label("Form").select_option("pictorial")
    page.get_by_label("Dolmetschung").fill("Frau Ionescu (Rumänisch)")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(".messages")).to_contain_text("Die Prüfung wurde gespeichert")

    # 7. Results: Ana fails and passes the resit, Boris passes, Cem is not admitted.
    def record(family, date, written, pictures):
        row = page.locator("tr", has_text=family)
        row.locator("input[name=date]").fill(date)
        row.locator("input[type=number]").nth(0).fill(str(written))
        row.locator("input[type=number]").nth(1).fill(str(pictures))
        row.get_by_role("button", name=re.compile(f"Ergebnis von .*{family}.* speichern")).click()

    record("Vasilescu", "02.09.2026", 8, 4)
    expect(page.locator(".messages")).to_contain_text("Ana Vasilescu hat nicht bestanden")
    record("Petrov", "02.09.2026", 15, 8)
    expect(page.locator(".messages")).to_contain_text("Boris Petrov hat bestanden")
    resit = page.locator("tr", has_text="Vasilescu")
    expect(resit).to_contain_text("Wiederholungsprüfung (2. Versuch) am")
    record("Vasilescu", "09.09.2026", 14, 7)
    expect(page.locator(".messages")).to_contain_text("Ana Vasilescu hat bestanden (2. Versuch")
    # One admission state on every screen (courses' with_admission): below the minimum.
    expect(page.locator("tr", has_text="Aydın")).to_contain_text("unter dem Minimum")
    screenshot("exam-results")

    # 8. Who may receive the certificate.
    eligible = page.locator("section", has_text="Berechtigt zum Zertifikat").locator(
        ".mfs-eligible"
    )
    expect(eligible).to_contain_text("Ana Vasilescu")
    expect(eligible).to_contain_text("Boris Petrov")
    expect(eligible).not_to_contain_text("Cem")
    assert list(ExamResult.objects.order_by("pk").values_list("attempt", "passed")) == [
        (1, False),
        (1, True),
        (2, True),
    ]
    page.goto(f"{live_server.url}/admin/course-tasks/{course.pk}/")
    expect(page.locator(".mfs-below")).to_contain_text("Cem Aydın")
    screenshot("course-overview")

    # 9. Boris's written part was typed wrongly (15 instead of 5): correct it, on a phone.
    page.set_viewport_size({"width": 360, "height": 780})
    exam = course.exams.get()
    page.goto(f"{live_server.url}/admin/course-tasks/exams/{exam.pk}/results/")
    page.get_by_role("link", name="1. Versuch von Boris Petrov korrigieren").click()
    expect(page.get_by_role("heading", name="Prüfungsergebnis korrigieren")).to_be_visible()
    points = page.locator("input[name^=points-]")
    expect(points.nth(0)).to_have_value("15")
    expect(points.nth(1)).to_have_value("8")
    points.nth(0).fill("25")
    page.get_by_role("button", name="Korrektur speichern").click()
    # Too many points and no reason: refused in German, what was typed stays.
    expect(page.locator("form.mfs-correction")).to_contain_text("Höchstens 20 Punkte.")
    expect(page.locator("form.mfs-correction")).to_contain_text(
        "Bitte geben Sie einen Grund für die Korrektur an."
    )
    expect(page.locator("input[name^=points-]").nth(0)).to_have_value("25")
    page.set_viewport_size({"width": 360, "height": 1300})  # the whole form in the picture
    screenshot("exam-result-correct-360")
    page.set_viewport_size({"width": 360, "height": 780})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the correction screen scrolls sideways ({width} px)"
    page.locator("input[name^=points-]").nth(0).fill("5")
    page.get_by_label("Grund der Korrektur").fill("Teil 1 falsch übertragen (5 statt 15)")
    page.get_by_role("button", name="Korrektur speichern").click()
    expect(page.locator(".messages")).to_contain_text(
        "Das Ergebnis von Boris Petrov (1. Versuch) wurde korrigiert: 23 → 13 Punkte."
    )
    expect(page.locator(".messages")).to_contain_text(
        "Ergebnis geändert: Boris Petrov hat jetzt nicht bestanden"
    )
    expect(page.locator("tr", has_text="Petrov")).to_contain_text(
        "Wiederholungsprüfung (2. Versuch) am"
    )
    assert ExamResult.objects.get(attempt=1, total_points=13).version == 2
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot("exam-results-after-correction")

    # 10. The course's history shows who corrected what, when and why; the flip stands out.
    page.goto(f"{live_server.url}/admin/courses/history/{course.pk}/")
    corrected = page.locator("tr.mfs-history__row--highlight")
    expect(corrected).to_have_count(1)
    expect(corrected).to_contain_text("Prüfungsergebnis (Boris Petrov")
    expect(corrected).to_contain_text("Bestanden/nicht bestanden hat sich geändert")
    expect(corrected).to_contain_text("Grund: Teil 1 falsch übertragen (5 statt 15)")
    expect(corrected).to_contain_text("Tobias Brandt")
    expect(corrected).to_contain_text("15 + 8")
    screenshot("course-history-correction")
