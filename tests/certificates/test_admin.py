"""Staff screens: list, issue screen, download, revoke and re-issue."""

import datetime as dt
import re

import pytest
from django.contrib.messages import get_messages

from certificates import services
from certificates.models import Certificate, CertificateStatus, Verification
from tests.certificates.factories import course_with_exam, fake_rendered, passed_enrolment
from tests.conftest import client_for
from tests.courses.factories import SessionFactory
from tests.factories import ParticipantFactory
from tests.queries import count_queries


@pytest.fixture
def course(trainer):
    return course_with_exam(trainers=[trainer])


def _issue(course, by, n):
    return [services.issue_certificate(passed_enrolment(course), by) for _ in range(n)]


def test_list_needs_the_same_queries_for_10_and_100_rows(course, coordinator):
    client = client_for(coordinator)
    certificates = _issue(course, coordinator, 10)
    Verification.objects.create(certificate=certificates[0], outcome="valid")
    few = count_queries(client, "/admin/certificates/?per_page=100")
    _issue(course, coordinator, 90)
    many = count_queries(client, "/admin/certificates/?per_page=100")
    assert few == many


def test_issue_screen_needs_the_same_queries_for_10_and_100_rows(course, coordinator):
    client = client_for(coordinator)
    _issue(course, coordinator, 10)
    few = count_queries(client, f"/admin/issue-certificates/{course.pk}/")
    _issue(course, coordinator, 90)
    many = count_queries(client, f"/admin/issue-certificates/{course.pk}/")
    assert few == many


def test_list_filters_search_and_export(course, coordinator):
    client = client_for(coordinator)
    one, two = _issue(course, coordinator, 2)
    other = services.issue_certificate(passed_enrolment(course_with_exam()), coordinator)
    services.revoke(two, "Fehler", coordinator)
    html = client.get(f"/admin/certificates/?course={course.pk}").content.decode()
    assert one.number in html and two.number in html and other.number not in html
    html = client.get("/admin/certificates/?status=revoked").content.decode()
    assert two.number in html and one.number not in html
    html = client.get(f"/admin/certificates/?year={one.issued_on.year}").content.decode()
    assert one.number in html
    html = client.get("/admin/certificates/?year=2025").content.decode()
    assert one.number not in html
    html = client.get(f"/admin/certificates/?q={one.holder_family_name}").content.decode()
    assert one.number in html and other.number not in html
    export = client.get("/admin/certificates/?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content
    assert one.number in body and one.holder_family_name in body


def test_trainer_list_shows_own_courses_only(course, trainer, coordinator):
    own = services.issue_certificate(passed_enrolment(course), trainer)
    other = services.issue_certificate(passed_enrolment(course_with_exam()), coordinator)
    html = client_for(trainer).get("/admin/certificates/").content.decode()
    assert own.number in html and other.number not in html


def test_bulk_issue_screen_issues_renders_and_shows_progress(
    course, trainer, django_capture_on_commit_callbacks
):
    for _ in range(2):
        passed_enrolment(course)
    client = client_for(trainer)
    pending = [e.pk for e in services.pending_for_course(course)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/issue-certificates/{course.pk}/all/", {"enrolment": pending}
        )
    assert response.status_code == 302
    assert Certificate.objects.filter(course=course, status=CertificateStatus.ISSUED).count() == 2
    page = client.get(f"/admin/issue-certificates/{course.pk}/").content.decode()
    assert "2 von 2 Zertifikaten fertig" in page
    assert 'http-equiv="refresh"' not in page  # nothing left in progress


def test_screen_refreshes_while_rendering_and_offers_retry_on_failure(course, trainer):
    _pending, failed = _issue(course, trainer, 2)
    Certificate.objects.filter(pk=failed.pk).update(
        status=CertificateStatus.FAILED, render_error="OSError: disk full"
    )
    page = client_for(trainer).get(f"/admin/issue-certificates/{course.pk}/").content.decode()
    assert 'http-equiv="refresh"' in page
    assert "disk full" in page
    assert 'value="retry"' in page


def test_download_is_private(course, trainer):
    certificate = fake_rendered(services.issue_certificate(passed_enrolment(course), trainer))
    response = client_for(trainer).get(f"/admin/certificate-files/{certificate.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_revoke_screen_keeps_input_on_error_and_revokes(course, trainer, coordinator):
    certificate = services.issue_certificate(passed_enrolment(course), trainer)
    client = client_for(coordinator)
    response = client.post(f"/admin/certificate-revoke/{certificate.pk}/", {"reason": ""})
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status != CertificateStatus.REVOKED
    response = client.post(
        f"/admin/certificate-revoke/{certificate.pk}/", {"reason": "Täuschung bei der Prüfung"}
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_by == coordinator


def test_reissue_screen(course, trainer, coordinator):
    certificate = services.issue_certificate(passed_enrolment(course), trainer)
    client = client_for(coordinator)
    response = client.post(
        f"/admin/certificate-reissue/{certificate.pk}/",
        {"given_names": "Ana Maria", "family_name": "", "reason": "Tippfehler"},
    )
    assert response.status_code == 200
    assert 'value="Ana Maria"' in response.content.decode()  # what was typed stays
    response = client.post(
        f"/admin/certificate-reissue/{certificate.pk}/",
        {"given_names": "Ana Maria", "family_name": "Popescu", "reason": "Tippfehler"},
    )
    assert response.status_code == 302
    new = Certificate.objects.get(replaces=certificate)
    assert new.holder_name == "Ana Maria Popescu"


def test_detail_shows_the_verification_count_and_actions(course, trainer, coordinator):
    certificate = fake_rendered(services.issue_certificate(passed_enrolment(course), trainer))
    for _ in range(2):
        Verification.objects.create(certificate=certificate, outcome="valid")
    page = client_for(coordinator).get(f"/admin/certificates/inspect/{certificate.pk}/")
    html = page.content.decode()
    assert "2 Mal geprüft" in html
    assert f"/admin/certificate-revoke/{certificate.pk}/" in html
    trainer_html = client_for(trainer).get(f"/admin/certificates/inspect/{certificate.pk}/")
    assert f"/admin/certificate-revoke/{certificate.pk}/" not in trainer_html.content.decode()
    assert f"/admin/certificate-files/{certificate.pk}/" in trainer_html.content.decode()


@pytest.mark.parametrize("role", ["coordinator", "trainer"])
def test_list_links_the_number_to_the_detail_page_not_the_refused_edit_screen(
    course, role, request
):
    user = request.getfixturevalue(role)
    certificate = services.issue_certificate(passed_enrolment(course), user)
    html = client_for(user).get("/admin/certificates/").content.decode()
    assert f'href="/admin/certificates/inspect/{certificate.pk}/"' in html
    assert f"/admin/certificates/edit/{certificate.pk}/" not in html


def test_detail_page_says_no_end_date_and_names_people(course, coordinator, settings):
    settings.CERTIFICATE_VALIDITY_YEARS = 0
    coordinator.last_name = "Brandt"
    coordinator.save()
    certificate = fake_rendered(services.issue_certificate(passed_enrolment(course), coordinator))
    assert certificate.valid_until is None
    services.revoke(certificate, "Fehler", coordinator)
    html = (
        client_for(coordinator)
        .get(f"/admin/certificates/inspect/{certificate.pk}/")
        .content.decode()
    )
    assert not re.search(r">\s*None\s*<", html)  # no value printed as "None"
    assert "unbefristet" in html
    assert "von Katrin Brandt" in html  # "revoked by": the name, not the login


def test_all_certificates_of_a_course_as_one_printable_pdf(course, coordinator, trainer, roles):
    import io

    from pypdf import PdfReader

    from tests.factories import ParticipantFactory

    names = ["Zora", "Anton", "Mara"]
    certificates = [
        services.issue_certificate(
            passed_enrolment(course, ParticipantFactory(family_name=name)), coordinator
        )
        for name in names
    ]
    from certificates import tasks

    for certificate in certificates:
        assert tasks.render_certificate(certificate.pk) == "rendered"
    services.revoke(certificates[1], "Fehler", coordinator)  # Anton: not printed
    response = client_for(trainer).get(f"/admin/issue-certificates/{course.pk}/print/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    # Two pages per certificate (German and the second language), ordered by name.
    assert len(pages) == 2 * 2
    texts = [page.extract_text() for page in pages]
    assert "Mara" in texts[0] and "Zora" in texts[2]
    assert not any("Anton" in text for text in texts)
    issue_page = client_for(trainer).get(f"/admin/issue-certificates/{course.pk}/")
    assert f"/admin/issue-certificates/{course.pk}/print/" in issue_page.content.decode()


def test_the_course_pdf_is_only_for_those_who_see_the_course(course, coordinator, roles):
    from core.roles import Role
    from tests.factories import UserFactory

    other_trainer = UserFactory(username="trainer-b", role=Role.TRAINER)
    companion = UserFactory(username="companion-b", role=Role.COMPANION)
    assert (
        client_for(other_trainer).get(f"/admin/issue-certificates/{course.pk}/print/").status_code
        == 404
    )
    assert client_for(companion).get(
        f"/admin/issue-certificates/{course.pk}/print/"
    ).status_code in (302, 403)
    # Nothing issued yet: a clear 404, not an empty file.
    assert (
        client_for(coordinator).get(f"/admin/issue-certificates/{course.pk}/print/").status_code
        == 404
    )


def test_issuing_for_the_whole_course_asks_first_with_the_names(course, trainer, coordinator):
    """The course screen links to a confirmation ("2 Zertifikate ausstellen?" with the
    names); only its POST issues, and only for the people it listed."""
    first = passed_enrolment(course, ParticipantFactory(given_names="Ioana", family_name="Lungu"))
    passed_enrolment(
        course,
        ParticipantFactory(
            given_names="Наталія", family_name="Шевчук", name_latin="Nataliia Shevchuk"
        ),
    )
    client = client_for(trainer)
    screen = client.get(f"/admin/issue-certificates/{course.pk}/").content.decode()
    assert f'href="/admin/issue-certificates/{course.pk}/all/"' in screen
    assert 'value="issue_all"' not in screen  # no issue without the question

    confirm = client.get(f"/admin/issue-certificates/{course.pk}/all/")
    html = confirm.content.decode()
    assert "2 Zertifikate ausstellen?" in html
    assert "Ioana Lungu" in html and "Наталія Шевчук" in html and "Nataliia Shevchuk" in html
    assert not Certificate.objects.filter(course=course).exists()  # asking issues nothing

    # Someone passes after the question was asked: not issued unasked.
    late = passed_enrolment(course, ParticipantFactory(given_names="Emil", family_name="Asenov"))
    listed = list(confirm.context["pending"])
    response = client.post(
        f"/admin/issue-certificates/{course.pk}/all/", {"enrolment": [e.pk for e in listed]}
    )
    assert response.status_code == 302
    issued = set(Certificate.objects.filter(course=course).values_list("enrolment_id", flat=True))
    assert issued == {e.pk for e in listed} and first.pk in issued and late.pk not in issued
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "2 Zertifikate werden erstellt." in messages

    # Nothing left to issue: the question says so and offers no button.
    again = client.get(f"/admin/issue-certificates/{course.pk}/all/").content.decode()
    assert "1 Zertifikat ausstellen?" in again and "Emil Asenov" in again


def test_whole_course_confirmation_before_the_end(trainer, coordinator):
    """Before the last session: the trainer is told and gets no button; a coordinator
    confirms with a reason."""
    course = course_with_exam(trainers=[trainer])
    passed_enrolment(course)
    SessionFactory(course=course, date=dt.date.today() + dt.timedelta(days=7))
    assert not course.is_finished_on()
    trainer_page = client_for(trainer).get(f"/admin/issue-certificates/{course.pk}/all/")
    html = trainer_page.content.decode()
    assert "noch nicht beendet" in html and 'type="submit"' not in html
    coordinator_page = client_for(coordinator).get(f"/admin/issue-certificates/{course.pk}/all/")
    html = coordinator_page.content.decode()
    assert 'name="reason" required' in html and 'type="submit"' in html
