"""What trainers take away: attendance and results as XLSX (German), a blank result sheet,
and the participants' phone and language on the course screens."""

import io

import pytest
from openpyxl import load_workbook

from courses import services
from courses.models import ExamFormat, ExamPart
from privacy.models import AccessLogEntry
from tests.courses.helpers import german_client, html_has, task_url
from tests.factories import ParticipantFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("german")]


def _points(exam, *values):
    return dict(zip((p.pk for p in exam.parts.all()), values, strict=True))


def _rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def test_attendance_export_has_german_labels_and_values(examined, trainer):
    course, enrolments, _exam = examined
    response = german_client(trainer).get(
        task_url("attendance_export", course), HTTP_ACCEPT_LANGUAGE="en"
    )
    rows = _rows(response)
    assert rows[0][0] == f"Anwesenheit: {course.title}"
    header = next(row for row in rows if row and row[0] == "Name")
    assert header[1] == "Name in lateinischer Schrift"
    assert "Prüfungszulassung" in header
    values = {cell for row in rows for cell in row if isinstance(cell, str)}
    assert {"anwesend", "unentschuldigt"} <= values
    assert not {"present", "absent", "admitted", "below_minimum"} & values
    names = [row[0] for row in rows]
    assert enrolments[0].participant.full_name in names
    assert AccessLogEntry.objects.filter(user=trainer, action="list_export").exists()


def test_results_export_lists_every_attempt_with_outcome_and_part_flag(examined, trainer):
    course, enrolments, exam = examined
    ExamPart.objects.filter(exam=exam, name="Teil 1").update(
        pass_mark_percent=50, pass_mark_binding=True
    )
    exam.format = ExamFormat.ORAL
    exam.save()
    services.record_exam_result(
        enrolments[0],
        exam,
        points=_points(exam, 2, 20),
        date=exam.date,
        user=trainer,
        interpreter_language="ro",
        interpreter_name="Ioana Popa",
    )
    rows = _rows(german_client(trainer).get(task_url("results_export", course)))
    attempt = next(row for row in rows if row and row[0] == enrolments[0].participant.full_name)
    assert "nicht bestanden" in attempt
    assert "Teil 1" in attempt
    assert "Ioana Popa (Rumänisch)" in attempt
    other = next(row for row in rows if row and row[0] == enrolments[1].participant.full_name)
    assert "noch kein Ergebnis" in other


def test_export_query_count_does_not_grow_with_people(examined, trainer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    course, _enrolments, _exam = examined
    client = german_client(trainer)

    def counts():
        found = []
        for name in ("results_export", "attendance_export"):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(task_url(name, course)).status_code == 200
            found.append(len(queries))
        return found

    counts()  # session and permission caches
    before = counts()
    for _ in range(5):
        services.enrol(course, ParticipantFactory())
    assert counts() == before


def test_blank_result_sheet_is_a_pdf_with_names_and_parts(examined, trainer):
    _course, enrolments, exam = examined
    response = german_client(trainer).get(task_url("result_sheet", exam))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Ergebnisbogen" in text
    assert enrolments[0].participant.family_name in text
    assert "Teil 1" in text and "Teil 2" in text


def test_own_trainer_sees_phone_and_preferred_language(trainer):
    from tests.courses.factories import CourseFactory

    course = CourseFactory(trainers=[trainer])
    services.enrol(course, ParticipantFactory(phone="+49 2331 555012", preferred_language="uk"))
    response = german_client(trainer).get(task_url("overview", course))
    assert html_has(response, "+49 2331 555012")
    assert html_has(response, "bevorzugt Ukrainisch")
    assert html_has(response, 'href="tel:+492331555012"')
