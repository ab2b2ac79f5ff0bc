"""What trainers take away from a course: attendance and results as XLSX, a blank result sheet.

The spreadsheets carry German labels whatever the browser asks for (they go to the
programme's files and the funder); every value is German text or a number, never a
stored code ("anwesend", "bestanden"), and text that a spreadsheet would run as a
formula is neutralised (``core.exports.neutralise``). Both read the one attendance
figure (``EnrolmentQuerySet.with_admission``) and the stored outcome of each attempt.
"""

import io

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.exports import neutralise
from core.users import display_name
from courses.admin_views.base import CourseTaskView
from courses.models import (
    Attendance,
    Course,
    Enrolment,
    EnrolmentStatus,
    Exam,
    ExamResult,
    Session,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(workbook, title, heading_lines, columns, rows, widths):
    sheet = workbook.create_sheet(title=title[:31])
    for line in heading_lines:
        sheet.append([neutralise(value) for value in line])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append([neutralise(column) for column in columns])
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    # The name column and the header stay in view while scrolling.
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    return sheet


def _xlsx_response(workbook, filename):
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _enrolments(course, as_of):
    return list(
        Enrolment.objects.filter(course=course, status=EnrolmentStatus.ACTIVE)
        .with_admission(as_of)
        .select_related("participant")
        .order_by("participant__family_name", "participant__given_names", "pk")
    )


def _course_lines(course, title, as_of):
    return [
        [f"{title}: {course.title}"],
        [_("Period"), f"{course.start_date:%d.%m.%Y} – {course.end_date:%d.%m.%Y}"],
        [_("Place"), course.location],
        [
            _("Trainers"),
            ", ".join(display_name(t) for t in [*course.trainers.all(), *course.co_trainers.all()]),
        ],
        [
            _("Attendance figures"),
            _("sessions held up to %(date)s; excused absences %(rule)s")
            % {"date": f"{as_of:%d.%m.%Y}", "rule": course.get_excused_absence_display()},
        ],
        [_("Exported"), f"{timezone.localtime():%d.%m.%Y %H:%M}"],
    ]


def _admission_as_of(course):
    exam = course.exams.order_by("date", "pk").first()
    return exam.admission_as_of() if exam else timezone.localdate()


def attendance_workbook(course: Course) -> Workbook:
    """One row per enrolled person, one column per session (held or not), then the figure."""
    as_of = _admission_as_of(course)
    sessions = list(Session.objects.filter(course=course).order_by("date", "start_time", "pk"))
    enrolments = _enrolments(course, as_of)
    marks = {
        (a.enrolment_id, a.session_id): a.get_status_display()
        for a in Attendance.objects.filter(session__course=course)
    }
    columns = [
        _("Name"),
        _("Name in Latin letters"),
        *[f"{s.date:%d.%m.%Y}" + (f" ({_('cancelled')})" if s.cancelled else "") for s in sessions],
        _("Sessions held"),
        _("Sessions attended"),
        _("Excused"),
        _("Attendance (%)"),
        _("Exam admission"),
    ]
    rows = [
        [
            e.participant.full_name,
            e.participant.name_latin,
            *[marks.get((e.pk, s.pk), "") for s in sessions],
            e.sessions_held,
            e.sessions_attended,
            e.sessions_excused,
            e.attendance_percent if e.attendance_percent is not None else "",
            e.get_admission_state_display(),
        ]
        for e in enrolments
    ]
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(
        workbook,
        _("Attendance"),
        _course_lines(course, _("Attendance"), as_of),
        columns,
        rows,
        [28, 24, *[12] * len(sessions), 10, 10, 10, 10, 22],
    )
    return workbook


def results_workbook(course: Course) -> Workbook:
    """One row per attempt (people without an attempt once), every exam of the course."""
    as_of = _admission_as_of(course)
    exams = list(Exam.objects.filter(course=course).prefetch_related("parts", "committee"))
    enrolments = _enrolments(course, as_of)
    results = {}
    for result in ExamResult.objects.filter(exam__course=course).order_by("exam", "attempt"):
        results.setdefault((result.enrolment_id, result.exam_id), []).append(result)
    workbook = Workbook()
    workbook.remove(workbook.active)
    if not exams:
        _sheet(
            workbook,
            _("Results"),
            _course_lines(course, _("Results"), as_of),
            [_("No exam yet.")],
            [],
            [40],
        )
    for exam in exams:
        parts = list(exam.parts.all())
        lines = [
            *_course_lines(course, _("Exam results"), as_of),
            [
                _("Exam"),
                f"{exam.get_format_display()}, {exam.date:%d.%m.%Y}, "
                + _("pass mark %(mark)s %%") % {"mark": exam.pass_mark_percent},
            ],
            [_("Exam committee"), ", ".join(display_name(m) for m in exam.committee.all())],
        ]
        columns = [
            _("Name"),
            _("Name in Latin letters"),
            _("Exam admission"),
            _("Attempt"),
            _("Date"),
            *[
                f"{p.name} (max. {p.max_points})"
                + (f", {_('own pass mark')} {p.pass_mark_percent} %" if p.pass_mark_percent else "")
                for p in parts
            ],
            _("Points"),
            _("Percent"),
            _("Outcome"),
            _("Below the pass mark of a part"),
            _("Interpreter"),
            _("Admitted by exception"),
        ]
        rows = []
        for e in enrolments:
            attempts = results.get((e.pk, exam.pk), [])
            base = [
                e.participant.full_name,
                e.participant.name_latin,
                e.get_admission_state_display(),
            ]
            if not attempts:
                rows.append(
                    [*base, "", "", *[""] * len(parts), "", "", _("no result yet"), "", "", ""]
                )
            for a in attempts:
                interpreter = (
                    f"{a.interpreter_name} ({a.get_interpreter_language_display()})"
                    if a.interpreter_name
                    else ""
                )
                rows.append(
                    [
                        *base,
                        a.attempt,
                        f"{a.date:%d.%m.%Y}",
                        *[a.part_points.get(str(p.pk), "") for p in parts],
                        a.total_points,
                        number_format(a.percent, 1),
                        _("passed") if a.passed else _("not passed"),
                        ", ".join(p.name for p in parts if str(p.pk) in a.failed_parts),
                        interpreter,
                        _("yes") if a.admitted_by_exception else _("no"),
                    ]
                )
        _sheet(
            workbook,
            f"{_('Exam')} {exam.date:%d.%m.%Y}",
            lines,
            columns,
            rows,
            [28, 24, 20, 8, 12, *[14] * len(parts), 8, 9, 16, 22, 24, 12],
        )
    return workbook


class CourseExportView(CourseTaskView):
    """Base: the course's trainers and coordinators (``courses.view_course`` + scope)."""

    def get_queryset(self):
        return Course.objects.all()


class AttendanceExportView(CourseExportView):
    def get(self, request, *args, **kwargs):
        with translation.override("de"):
            workbook = attendance_workbook(self.course)
        return _xlsx_response(workbook, f"anwesenheit-kurs-{self.course.pk}.xlsx")


class ResultsExportView(CourseExportView):
    def get(self, request, *args, **kwargs):
        with translation.override("de"):
            workbook = results_workbook(self.course)
        return _xlsx_response(workbook, f"pruefungsergebnisse-kurs-{self.course.pk}.xlsx")


class ResultSheetView(CourseTaskView):
    """A printable blank result sheet of an exam (PDF): one row per admitted-or-not person."""

    permission = "courses.view_exam"
    model = Exam

    def get_queryset(self):
        return Exam.objects.select_related("course")

    def get_course(self):
        return self.object.course

    def get(self, request, *args, **kwargs):
        from weasyprint import HTML

        exam = self.object
        with translation.override("de"):
            html = render_to_string(
                "courses/result_sheet.html",
                {
                    "exam": exam,
                    "course": exam.course,
                    "parts": list(exam.parts.all()),
                    "committee": [display_name(m) for m in exam.committee.all()],
                    "enrolments": _enrolments(exam.course, exam.admission_as_of()),
                    "with_interpreter": exam.format != "written",
                    "as_of": exam.admission_as_of(),
                },
                request=request,
            )
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="ergebnisbogen-{exam.date:%Y-%m-%d}.pdf"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
