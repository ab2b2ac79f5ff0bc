"""Exams: setting one up, recording results, correcting a result."""

import datetime as dt

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import formats
from core.languages import Language
from courses import integrations, services
from courses.admin_views.base import CourseTaskView
from courses.forms import (
    ExamForm,
    ExamPartFormSet,
    ExamResultCorrectionForm,
)
from courses.models import (
    Enrolment,
    EnrolmentStatus,
    Exam,
    ExamFormat,
    ExamPart,
    ExamResult,
)
from courses.services import CourseError


class ExamSetupView(CourseTaskView):
    """Create (``pk`` = course) or change (``ExamEditView``, ``pk`` = exam) an exam."""

    permission = "courses.add_exam"
    template_name = "courses/exam_form.html"
    page_title = gettext_lazy("Set up the exam")
    header_icon = "doc-full"
    exam = None

    def initial(self):
        return {"date": self.course.end_date, "pass_mark_percent": 60, "language": "de"}, [
            {"name": _("Written part"), "max_points": 20},
            {"name": _("Picture questions"), "max_points": 10},
            {"name": "", "max_points": None},
        ]

    def forms(self):
        initial, parts = self.initial()
        data = self.request.POST if self.request.method == "POST" else None
        return (
            ExamForm(data, initial=initial, user=self.request.user),
            ExamPartFormSet(
                data, initial=parts, prefix="parts", form_kwargs={"user": self.request.user}
            ),
        )

    def get(self, request, *args, **kwargs):
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms()
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            parts = [
                (
                    f.cleaned_data["name"],
                    f.cleaned_data["max_points"],
                    f.cleaned_data.get("pass_mark_percent"),
                    f.cleaned_data.get("pass_mark_binding", False),
                )
                for f in formset.forms
                if f.cleaned_data.get("name")
            ]
            if form.call_service(
                services.save_exam,
                self.course,
                exam=self.exam,
                date=data["date"],
                format=data["format"],
                language=data["language"],
                interpreter=data["interpreter"],
                pass_mark_percent=data["pass_mark_percent"],
                committee=data["committee"],
                parts=parts,
                user=request.user,
                reason=data.get("reason", ""),
            ):
                messages.success(request, _("The exam was saved."))
                return redirect("courses_exam_results", form.service_result.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class ExamEditView(ExamSetupView):
    permission = "courses.change_exam"
    model = Exam
    page_title = gettext_lazy("Change the exam")

    def get_queryset(self):
        return Exam.objects.select_related("course")

    def get_course(self):
        self.exam = self.object
        return self.object.course

    def initial(self):
        exam = self.exam
        return (
            {
                "date": exam.date,
                "format": exam.format,
                "language": exam.language,
                "interpreter": exam.interpreter,
                "pass_mark_percent": exam.pass_mark_percent,
                "committee": list(exam.committee.all()),
            },
            [
                {
                    "name": p.name,
                    "max_points": p.max_points,
                    "pass_mark_percent": p.pass_mark_percent,
                    "pass_mark_binding": p.pass_mark_binding,
                }
                for p in exam.parts.all()
            ]
            + [{"name": "", "max_points": None}],
        )


class ExamResultsView(CourseTaskView):
    """Results of one exam: every attempt per person, a form for the next one."""

    permission = "courses.change_examresult"
    model = Exam
    template_name = "courses/exam_results.html"
    page_title = gettext_lazy("Exam results")
    header_icon = "doc-full"

    def get_queryset(self):
        return Exam.objects.select_related("course")

    def get_course(self):
        return self.object.course

    def get_page_subtitle(self):
        return str(self.object)

    def rows(self, failed=None):
        exam = self.object
        parts = list(exam.parts.all())
        enrolments = list(
            Enrolment.objects.filter(course=exam.course_id, status=EnrolmentStatus.ACTIVE)
            .with_admission(exam.admission_as_of())
            .select_related("participant")
            .prefetch_related(
                Prefetch(
                    "results",
                    queryset=ExamResult.objects.filter(exam=exam).order_by("attempt"),
                    to_attr="attempts",
                )
            )
            .order_by("participant__family_name", "participant__given_names", "pk")
        )
        rows = []
        for enrolment in enrolments:
            attempts = enrolment.attempts
            for attempt in attempts:
                attempt.scores = [attempt.part_points.get(str(p.pk), "") for p in parts]
                attempt.failed_part_names = [
                    p.name for p in parts if str(p.pk) in attempt.failed_parts
                ]
            passed = any(a.passed for a in attempts)
            typed = failed if failed and failed["enrolment"] == enrolment.pk else None
            rows.append(
                {
                    "enrolment": enrolment,
                    "attempts": attempts,
                    "passed": passed,
                    "next_attempt": len(attempts) + 1,
                    "default_date": exam.date if not attempts else timezone.localdate(),
                    "typed": typed,
                    "inputs": [(p, typed["points"].get(p.pk, "") if typed else "") for p in parts],
                    "interpreter_language": typed.get("interpreter_language", "") if typed else "",
                    "interpreter_name": typed.get("interpreter_name", "") if typed else "",
                }
            )
        return parts, rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        parts, rows = self.rows(kwargs.get("failed"))
        context.update(
            exam=self.object,
            admission_as_of=self.object.admission_as_of(),
            parts=parts,
            max_total=sum(p.max_points for p in parts),
            rows=rows,
            eligible=[r for r in rows if r["passed"]],
            can_override=services.can_override_admission(self.request.user),
            edit_url=reverse("courses_exam_edit", args=[self.object.pk]),
            committee=list(self.object.committee.order_by("last_name", "first_name")),
            with_interpreter=self.object.format != ExamFormat.WRITTEN,
            languages=Language.choices,
            issue_url=integrations.issue_url(self.course.pk, self.request.user),
            sheet_url=reverse("courses_result_sheet", args=[self.object.pk]),
            export_url=reverse("courses_results_export", args=[self.course.pk]),
        )
        return context

    def post(self, request, *args, **kwargs):
        enrolment = get_object_or_404(
            Enrolment.objects.filter(course=self.course), pk=request.POST.get("enrolment") or 0
        )
        points = {
            part.pk: request.POST.get(f"points-{part.pk}", "").strip()
            for part in ExamPart.objects.filter(exam=self.object)
        }
        raw_date = request.POST.get("date", "").strip()
        interpreter = {
            "interpreter_language": request.POST.get("interpreter_language", "").strip(),
            "interpreter_name": request.POST.get("interpreter_name", "").strip(),
        }
        failed = {"enrolment": enrolment.pk, "points": points, "date": raw_date, **interpreter}
        try:
            date = dt.datetime.strptime(raw_date, "%d.%m.%Y").date()
        except ValueError:
            failed["error"] = _("Enter the date as DD.MM.YYYY.")
        else:
            try:
                result = services.record_exam_result(
                    enrolment,
                    self.object,
                    points=points,
                    date=date,
                    user=request.user,
                    **interpreter,
                )
            except CourseError as error:
                failed["error"] = error.message
            else:
                message = (
                    _("%(name)s passed (attempt %(attempt)s, %(percent)s %%).")
                    if result.passed
                    else _("%(name)s did not pass (attempt %(attempt)s, %(percent)s %%).")
                )
                messages.success(
                    request,
                    message
                    % {
                        "name": enrolment.participant,
                        "attempt": result.attempt,
                        # "66,7" and "80", not "66.7" and "80.0".
                        "percent": formats.number(result.percent),
                    },
                )
                if result.failed_parts:
                    names = [
                        p.name for p in self.object.parts.all() if str(p.pk) in result.failed_parts
                    ]
                    messages.warning(
                        request,
                        _("Below the pass mark of a part: %(parts)s.")
                        % {"parts": ", ".join(names)},
                    )
                return redirect("courses_exam_results", self.object.pk)
        return self.render_to_response(self.get_context_data(failed=failed), status=400)


class ExamResultCorrectView(CourseTaskView):
    """Correct one recorded attempt (points typed wrongly, wrong date), with a reason.

    The change goes through ``services.correct_exam_result``: in one
    transaction, with the enrolment and its results locked and the version the form
    started from checked, so a colleague's correction in between is shown, not
    overwritten. Who, when, old → new and the reason appear on the course's history.
    """

    permission = "courses.change_examresult"
    model = ExamResult
    template_name = "courses/exam_result_correct.html"
    page_title = gettext_lazy("Correct an exam result")
    header_icon = "edit"

    def get_queryset(self):
        return ExamResult.objects.select_related(
            "exam__course", "enrolment__participant", "recorded_by"
        )

    def get_course(self):
        self.exam = self.object.exam
        self.parts = list(self.exam.parts.all())
        return self.exam.course

    def get_page_subtitle(self):
        return _("%(name)s, attempt %(attempt)s") % {
            "name": self.object.enrolment.participant,
            "attempt": self.object.attempt,
        }

    def results_url(self):
        url = reverse("courses_exam_results", args=[self.exam.pk])
        return f"{url}#result-{self.object.enrolment_id}"

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        results = {"url": self.results_url(), "label": _("Exam results")}
        return [*items[:-1], results, items[-1]]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        result = self.object
        context.update(
            result=result,
            exam=self.exam,
            scores=[(part, result.part_points.get(str(part.pk), "–")) for part in self.parts],
            certificate=integrations.certificate_number(result.enrolment_id),
            results_url=self.results_url(),
        )
        return context

    def get_form(self, data=None):
        result = self.object
        initial = {
            "date": result.date,
            "version": result.version,
            "interpreter_language": result.interpreter_language,
            "interpreter_name": result.interpreter_name,
        }
        for part in self.parts:
            initial[ExamResultCorrectionForm.points_field(part)] = result.part_points.get(
                str(part.pk)
            )
        return ExamResultCorrectionForm(
            data,
            parts=self.parts,
            initial=initial,
            with_interpreter=self.exam.format != ExamFormat.WRITTEN,
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        result = self.object
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        was_passed, old_total = result.passed, result.total_points
        try:
            corrected = services.correct_exam_result(
                result.enrolment,
                self.exam,
                points=form.points(),
                date=form.cleaned_data["date"],
                user=request.user,
                attempt=result.attempt,
                reason=form.cleaned_data["reason"],
                seen_version=form.cleaned_data["version"],
                **form.interpreter(),
            )
        except CourseError as error:
            status = 400
            if error.code == "result_changed":
                # Keep what was typed, but with the colleague's version: saving again
                # is then a deliberate decision to replace their values.
                data = request.POST.copy()
                data["version"] = str(error.details["current"].version)
                form = self.get_form(data)
                form.is_valid()
                status = 409
            form.add_domain_error(error)
            return self.render_to_response(self.get_context_data(form=form), status=status)
        name = result.enrolment.participant
        messages.success(
            request,
            _(
                "The result of %(name)s (attempt %(attempt)s) was corrected: "
                "%(old)s → %(new)s points."
            )
            % {
                "name": name,
                "attempt": corrected.attempt,
                "old": old_total,
                "new": corrected.total_points,
            },
        )
        if was_passed != corrected.passed:
            messages.warning(
                request,
                (
                    _("Outcome changed: %(name)s has now passed.")
                    if corrected.passed
                    else _("Outcome changed: %(name)s has now not passed; a resit can be recorded.")
                )
                % {"name": name},
            )
        # To the top of the results, where the message about the correction is shown.
        return redirect("courses_exam_results", self.exam.pk)
