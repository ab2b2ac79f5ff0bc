"""Issue 12, done when: a trainer on a phone (360 px) takes attendance, records results with
a failed part and a resit, cannot issue before the course ends; the coordinator confirms an
early issue; after a revocation the trainer cannot issue again. Every screen photographed
and checked for sideways scrolling.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services
from courses.models import Attendance, ExamPart, ExamResult
from tests.conftest import PASSWORD
from tests.courses.factories import CourseFactory, ExamFactory, SessionFactory
from tests.factories import ParticipantFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 780}
# The certificates' issue screen: long buttons wrap, the table scrolls, targets 44 px.
ISSUE_SCREEN_TARGETS = True


def _fits(page, what, targets=True):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{what} scrolls sideways at 360 px ({width} px)"
    # No button or link lies over a label or value (two stylesheets once put the course's
    # facts and its buttons into the same grid cell).
    covered = page.evaluate(
        """() => {
          const boxes = s => [...document.querySelectorAll(s)]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.textContent.trim().slice(0, 40), e.getBoundingClientRect()]);
          const meet = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
                              && a.top < b.bottom - 1 && b.top < a.bottom - 1;
          const texts = boxes('main dt, main dd');
          return boxes('main .button, main a').flatMap(([t, r]) =>
            texts.filter(([u, q]) => meet(r, q) && !u.includes(t)).map(([u]) => `${t} / ${u}`));
        }"""
    )
    assert not covered, f"{what}: buttons over text: {covered}"
    if not targets:
        return
    # Every button and action link is a touch target of at least 44 px and on screen.
    small = page.evaluate(
        """() => [...document.querySelectorAll(
            '.mfs-today-panel .button, .mfs-actions .button, .mfs-row-actions a, ' +
            '.mfs-correct-link, .mfs-choice, .mfs-result-form .button, .mfs-savebar .button, ' +
            '.mfs-progress .button, table.listing .button')]
          .filter(e => e.offsetParent !== null)
          .map(e => [e.textContent.trim() || e.outerHTML.slice(0, 80),
                      e.getBoundingClientRect()])
          .filter(([t, r]) => r.height < 44 || r.right > 361 || r.left < -1)
          .map(([t, r]) => `${t}: ${Math.round(r.width)}x${Math.round(r.height)}`
                          + ` at ${Math.round(r.left)}`)"""
    )
    assert not small, f"{what}: targets too small or off screen: {small}"


def _look(page, screenshot, name, what, targets=True):
    _fits(page, what, targets)
    # Wagtail's admin scrolls inside its layout: the tallest scroll height is the page's.
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('body, body *')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 360, "height": min(max(height, 780), 4000)})
    screenshot(name)
    page.set_viewport_size(PHONE)


def test_trainer_on_a_phone_and_the_coordinator(page, live_server, login, screenshot, roles):
    today = timezone.localdate()
    trainer = UserFactory(
        username="tobias", first_name="Tobias", last_name="Brandt", role="Trainer"
    )
    coordinator = UserFactory(
        username="katrin", first_name="Katrin", last_name="Vogelsang", role="Coordinator"
    )
    course = CourseFactory(
        trainers=[trainer],
        title="Mietführerschein Winter",
        start_date=today - dt.timedelta(days=21),
        end_date=today + dt.timedelta(days=21),
    )
    first = SessionFactory(course=course, date=today - dt.timedelta(days=14))
    second = SessionFactory(course=course, date=today - dt.timedelta(days=7))
    SessionFactory(course=course, date=today)
    SessionFactory(course=course, date=today + dt.timedelta(days=14))  # not over yet
    people = {
        "Vasilescu": ParticipantFactory(
            given_names="Ana",
            family_name="Vasilescu",
            phone="+49 2331 555010",
            preferred_language="ro",
        ),
        "Shevchuk": ParticipantFactory(
            given_names="Наталія",
            family_name="Шевчук",
            name_latin="Nataliia Shevchuk",
            preferred_language="uk",
        ),
    }
    enrolments = {key: services.enrol(course, p) for key, p in people.items()}
    exam = ExamFactory(course=course, date=second.date, format="oral")
    exam.committee.add(coordinator)
    ExamPart.objects.create(exam=exam, name="Gespräch", max_points=20, sort_order=0)
    ExamPart.objects.create(
        exam=exam,
        name="Bildaufgaben",
        max_points=10,
        sort_order=1,
        pass_mark_percent=50,
        pass_mark_binding=True,
    )
    page.set_default_timeout(30_000)  # certificates render inside the request in tests

    login("tobias", PASSWORD)
    page.set_viewport_size(PHONE)

    # "Heute" on the start page: today's session, with a link to take attendance.
    page.goto(f"{live_server.url}/admin/")
    today_panel = page.locator(".mfs-today-panel")
    expect(today_panel).to_contain_text("Heute in den Kursen")
    expect(today_panel).to_contain_text("Anwesenheit noch nicht erfasst")
    _look(page, screenshot, "trainer-360-01-heute", "the start page")

    # 1. Attendance of the two past sessions, on the phone.
    for session, marks in ((first, {}), (second, {"Шевчук": "verspätet"})):
        page.goto(f"{live_server.url}/admin/course-tasks/sessions/{session.pk}/attendance/")
        for family, status in marks.items():
            page.locator("fieldset", has_text=family).get_by_text(status, exact=True).click()
        page.get_by_role("button", name="Alle anwesend").click()
        # The button posts and the page comes back with everyone marked; measure that page,
        # not the one being left.
        expect(page.locator(".mfs-notice")).to_contain_text("Noch nicht gespeichert")
        if session == second:
            _look(page, screenshot, "trainer-360-02-attendance", "the attendance screen")
        page.get_by_role("button", name="Anwesenheit speichern").click()
        expect(page.locator(".messages")).to_contain_text("Anwesenheit gespeichert")
    assert Attendance.objects.count() == 4

    # The overview: phone and language, the basis of the figure, as cards.
    page.goto(f"{live_server.url}/admin/course-tasks/{course.pk}/")
    expect(page.locator("main")).to_contain_text("+49 2331 555010")
    expect(page.locator("main")).to_contain_text("bevorzugt Ukrainisch")
    expect(page.locator("main")).to_contain_text(
        "entschuldigte Fehlzeiten zählen als nicht teilgenommen"
    )
    _look(page, screenshot, "trainer-360-03-overview", "the course overview")

    # 2. Results: Ana passes overall but fails the binding part; her resit passes.
    page.get_by_role("link", name=re.compile("Prüfungsergebnisse")).first.click()

    def record(family, date, talk, pictures, interpreter=None):
        row = page.locator("tr", has_text=family)
        row.locator("input[name=date]").fill(date)
        row.locator("input[type=number]").nth(0).fill(str(talk))
        row.locator("input[type=number]").nth(1).fill(str(pictures))
        if interpreter:
            row.locator("select[name=interpreter_language]").select_option(interpreter[0])
            row.locator("input[name=interpreter_name]").fill(interpreter[1])
        row.get_by_role("button", name="Ergebnis").click()

    record("Vasilescu", f"{exam.date:%d.%m.%Y}", 20, 3)
    expect(page.locator(".messages")).to_contain_text("Ana Vasilescu hat nicht bestanden")
    expect(page.locator(".messages")).to_contain_text(
        "Unter der Bestehensgrenze eines Teils: Bildaufgaben."
    )
    expect(page.locator("tr", has_text="Vasilescu")).to_contain_text(
        "unter der Bestehensgrenze des Teils: Bildaufgaben"
    )
    record("Vasilescu", f"{today:%d.%m.%Y}", 18, 8)
    expect(page.locator(".messages")).to_contain_text("Ana Vasilescu hat bestanden (2. Versuch")
    record("Шевчук", f"{exam.date:%d.%m.%Y}", 15, 7, ("uk", "Olena Koval"))
    expect(page.locator(".messages")).to_contain_text("hat bestanden")
    expect(page.locator("tr", has_text="Шевчук")).to_contain_text(
        "Dolmetschung: Olena Koval (Ukrainisch)"
    )
    expect(page.locator("main")).to_contain_text("Prüfungsausschuss: Katrin Vogelsang")
    assert list(ExamResult.objects.order_by("pk").values_list("attempt", "passed")) == [
        (1, False),
        (2, True),
        (1, True),
    ]
    _look(page, screenshot, "trainer-360-04-results", "the results screen")

    # 3. The trainer cannot issue before the course ends.
    page.get_by_role("link", name="Zertifikate ausstellen").first.click()
    expect(page.locator("main")).to_contain_text("Der Kurs ist noch nicht beendet")
    expect(page.get_by_role("button", name=re.compile("ausstellen"))).to_have_count(0)
    _look(
        page,
        screenshot,
        "trainer-360-05-issue-refused",
        "the issue screen",
        targets=ISSUE_SCREEN_TARGETS,
    )
    assert not Certificate.objects.exists()

    # 4. The coordinator confirms an early issue with a reason.
    page.context.clear_cookies()
    login("katrin", PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/admin/issue-certificates/{course.pk}/")
    # The whole course asks first, with the names and (before the end) the reason.
    page.get_by_role("link", name=re.compile("Zertifikate für alle 2")).click()
    expect(page.locator("main h2").first).to_have_text("2 Zertifikate ausstellen?")
    page.get_by_label("Grund für die vorzeitige Ausstellung").fill(
        "Umzug in eine andere Stadt vor dem letzten Termin"
    )
    page.get_by_role("button", name="2 Zertifikate ausstellen").click()
    expect(page.locator(".mfs-progress [role=status]").first).to_contain_text("2 von 2")
    _look(
        page,
        screenshot,
        "coordinator-360-06-issued-early",
        "the issue screen (coordinator)",
        targets=ISSUE_SCREEN_TARGETS,
    )
    assert Certificate.objects.count() == 2

    # The coordinator's exam form with the parts' own pass marks, at 360 px.
    page.goto(f"{live_server.url}/admin/course-tasks/exams/{exam.pk}/edit/")
    expect(page.locator("input[name=parts-1-pass_mark_percent]")).to_have_value("50")
    expect(page.locator("input[name=parts-1-pass_mark_binding]")).to_be_checked()
    _look(page, screenshot, "coordinator-360-06b-exam-form", "the exam form")

    # 5. A revocation is final for the trainer.
    certificate = Certificate.objects.get(enrolment=enrolments["Vasilescu"])
    certificate_services.revoke(certificate, "Name falsch geschrieben", coordinator)
    page.context.clear_cookies()
    login("tobias", PASSWORD)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/admin/issue-certificates/{course.pk}/")
    row = page.locator("tr", has_text="Vasilescu")
    expect(row).to_contain_text("widerrufen")
    expect(row).to_contain_text("Nur die Koordination kann erneut ausstellen.")
    expect(row.get_by_role("button")).to_have_count(0)
    _look(
        page,
        screenshot,
        "trainer-360-07-after-revocation",
        "the issue screen after revoking",
        targets=ISSUE_SCREEN_TARGETS,
    )
    assert Certificate.objects.filter(enrolment=enrolments["Vasilescu"]).count() == 1

    # The same screens on a desktop, to look at.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/admin/course-tasks/{course.pk}/")
    expect(page.locator("main")).to_contain_text("Telefon und Sprache")
    screenshot("trainer-desktop-08-overview")
    page.goto(f"{live_server.url}/admin/course-tasks/exams/{exam.pk}/results/")
    expect(page.locator("main")).to_contain_text("unter der Bestehensgrenze des Teils")
    screenshot("trainer-desktop-09-results")
    page.goto(f"{live_server.url}/admin/")
    screenshot("trainer-desktop-10-heute")
