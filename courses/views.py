"""Task screens of a course in the Wagtail admin.

Each view checks the model permission first (no permission → 403) and then the
scope (a record outside ``visible_to(user)`` → 404, exactly like a missing one), so a
trainer who changes an id in the URL learns nothing about other trainers' courses.
Views parse input, call a service from ``courses.services`` and render.
"""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.permissions import PermissionScopeMixin
from core.roles import sees_everything
from courses import integrations, services
from courses.forms import (
    CancelSessionForm,
    ExamForm,
    ExamPartFormSet,
    ExamResultCorrectionForm,
    MoveSessionForm,
    ReasonForm,
    WeeklySeriesForm,
)
from courses.models import (
    OPEN_STATUSES,
    AdmissionState,
    Attendance,
    AttendanceStatus,
    Course,
    Enrolment,
    EnrolmentStatus,
    Exam,
    ExamPart,
    ExamResult,
    Session,
)
from courses.services import AttendanceEntry, CourseError
from housing.models import Participant

# Attendance below the minimum, whether or not a coordinator admitted by exception.
BELOW_STATES = (AdmissionState.BELOW_MINIMUM, AdmissionState.BY_EXCEPTION)


class CourseTaskView(PermissionScopeMixin, WagtailAdminTemplateMixin, TemplateView):
    """Base of the task screens: permission, then scope (core.permissions), then the work."""

    permission = "courses.view_course"
    model = Course
    header_icon = "group"

    def check_access(self, request, **kwargs):
        super().check_access(request, **kwargs)
        self.course = self.get_course()

    def get_course(self):
        return self.object

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("courses:index"), "label": _("Courses")},
            {
                "url": reverse("course_tasks:overview", args=[self.course.pk]),
                "label": self.course.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["course"] = self.course
        context["overview_url"] = reverse("course_tasks:overview", args=[self.course.pk])
        return context


# --- Overview -----------------------------------------------------------------


class CourseOverviewView(CourseTaskView):
    template_name = "courses/overview.html"
    page_title = gettext_lazy("Course overview")

    def get_queryset(self):
        return Course.objects.select_related("district")

    def get_breadcrumbs_items(self):
        return [
            *WagtailAdminTemplateMixin.get_breadcrumbs_items(self),
            {"url": reverse("courses:index"), "label": _("Courses")},
            {"url": "", "label": self.course.title},
        ]

    def get_page_title(self):
        return self.course.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        course = self.course
        user = self.request.user
        sessions = list(
            course.sessions.prefetch_related("modules")
            .select_related("trainer")
            .order_by("date", "start_time")
        )
        exams = list(course.exams.prefetch_related("parts"))
        # The exam's basis, so the overview and the exam screen show the same figure.
        as_of = exams[0].admission_as_of() if exams else timezone.localdate()
        enrolments = list(
            Enrolment.objects.filter(course=course, status__in=OPEN_STATUSES)
            .with_admission(as_of)
            .select_related("participant")
            .order_by(
                "status", "waiting_position", "participant__family_name", "participant__given_names"
            )
        )
        active = [e for e in enrolments if e.status == EnrolmentStatus.ACTIVE]
        waiting = [e for e in enrolments if e.status == EnrolmentStatus.WAITING]
        held = sum(e.sessions_held for e in active)
        attended = sum(e.sessions_attended for e in active)
        eligible = list(
            Enrolment.objects.filter(course=course)
            .eligible_for_certificate()
            .select_related("participant")
            .order_by("participant__family_name", "participant__given_names")
        )
        context.update(
            sessions=sessions,
            today=timezone.localdate(),
            active=active,
            waiting=waiting,
            admission_as_of=as_of,
            below=[e for e in active if e.admission_state in BELOW_STATES],
            course_rate=round(100 * attended / held) if held else None,
            exams=exams,
            eligible=eligible,
            trainers=list(course.trainers.all()) + list(course.co_trainers.all()),
            modules=list(course.modules.all()),
            can_change=user.has_perm("courses.change_course"),
            can_override=sees_everything(user),
        )
        return context


# --- Sessions -----------------------------------------------------------------


class WeeklySeriesView(CourseTaskView):
    permission = "courses.add_session"
    template_name = "courses/form.html"
    page_title = gettext_lazy("Create a weekly series of sessions")
    header_icon = "date"

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        initial = {
            "first_date": self.course.start_date,
            "start_time": dt.time(10),
            "end_time": dt.time(12),
        }
        return WeeklySeriesForm(data, course=self.course, initial=initial)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            data = form.cleaned_data
            if form.call_service(
                services.create_weekly_sessions,
                self.course,
                first_date=data["first_date"],
                count=data["count"],
                start_time=data["start_time"],
                end_time=data["end_time"],
                room=data["room"],
                trainer=data["trainer"],
                modules=list(self.course.modules.all()) if data["assign_modules"] else None,
            ):
                count = len(form.service_result)
                messages.success(request, _("%(count)s sessions created.") % {"count": count})
                return redirect("course_tasks:overview", self.course.pk)
        return self.render_to_response(self.get_context_data(form=form))


class SessionView(CourseTaskView):
    model = Session

    def get_queryset(self):
        return Session.objects.select_related("course")

    def get_course(self):
        return self.object.course

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session"] = self.object
        return context


class MoveSessionView(SessionView):
    permission = "courses.change_session"
    template_name = "courses/session_edit.html"
    page_title = gettext_lazy("Move or cancel a session")
    header_icon = "date"

    def get(self, request, *args, **kwargs):
        session = self.object
        move = MoveSessionForm(
            initial={
                "date": session.date,
                "start_time": session.start_time,
                "end_time": session.end_time,
                "room": session.room,
            }
        )
        return self.render_to_response(self.get_context_data(move=move, cancel=CancelSessionForm()))

    def post(self, request, *args, **kwargs):
        move, cancel = MoveSessionForm(), CancelSessionForm()
        if "cancel" in request.POST:
            cancel = CancelSessionForm(request.POST)
            if cancel.is_valid() and cancel.call_service(
                services.cancel_session, self.object, cancel.cleaned_data["reason"]
            ):
                messages.success(request, _("The session was cancelled."))
                return redirect("course_tasks:overview", self.course.pk)
        else:
            move = MoveSessionForm(request.POST)
            if move.is_valid() and move.call_service(
                services.move_session, self.object, **move.cleaned_data
            ):
                messages.success(request, _("The session was moved."))
                return redirect("course_tasks:overview", self.course.pk)
        return self.render_to_response(self.get_context_data(move=move, cancel=cancel))


# --- Attendance ---------------------------------------------------------------


class AttendanceView(SessionView):
    """Take attendance for one session: one tap per person, saved together."""

    permission = "courses.change_attendance"
    template_name = "courses/attendance.html"
    page_title = gettext_lazy("Take attendance")
    header_icon = "tasks"

    def get_page_subtitle(self):
        return f"{self.object.date:%d.%m.%Y}"

    def rows(self, posted=None, conflicts=(), fill_present=False):
        """One row per active enrolment: the status and note to show, and the version.

        ``posted`` keeps what the trainer typed. ``fill_present`` ("All present") sets
        everyone still unmarked in ``posted`` to present and keeps the versions the
        trainer's screen started from (see ``fill_present``).
        """
        session = self.object
        enrolments = list(
            Enrolment.objects.filter(course=session.course_id, status=EnrolmentStatus.ACTIVE)
            .select_related("participant")
            .order_by("participant__family_name", "participant__given_names", "pk")
        )
        records = {a.enrolment_id: a for a in Attendance.objects.filter(session=session)}
        conflict_by_id = {c.enrolment_id: c for c in conflicts}
        rows = []
        for enrolment in enrolments:
            record = records.get(enrolment.pk)
            status = record.status if record else ""
            note = record.note if record else ""
            # After a conflict the form carries the new version: saving again is then
            # a deliberate decision to replace the other values.
            version = record.version if record else 0
            filled = False
            if posted is not None:
                # Keep what the trainer typed, on a conflict too.
                status = posted.get(f"status-{enrolment.pk}", "")
                note = posted.get(f"note-{enrolment.pk}", "")
            if fill_present:
                # Nothing is saved yet, so the version must stay the one the trainer
                # started from: if a colleague saved this person in the meantime, the
                # save that follows finds it and shows it instead of overwriting it.
                version = _posted_int(posted, f"version-{enrolment.pk}")
                if not status:
                    status, filled = AttendanceStatus.PRESENT, True
            rows.append(
                {
                    "enrolment": enrolment,
                    "status": status,
                    "note": note,
                    "version": version,
                    "conflict": conflict_by_id.get(enrolment.pk),
                    "filled": filled,
                }
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            session=self.object,
            statuses=AttendanceStatus.choices,
            modules=list(self.object.modules.all()),
            sheet_url=reverse("course_tasks:sign_in_sheet", args=[self.object.pk]),
            unmarked=sum(1 for row in kwargs.get("rows", ()) if not row["status"]),
        )
        return context

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(rows=self.rows()))

    def post(self, request, *args, **kwargs):
        if "all_present" in request.POST:
            return self.fill_present(request)
        entries = []
        for key, status in request.POST.items():
            if not key.startswith("status-") or not status:
                continue
            try:
                enrolment_id = int(key.removeprefix("status-"))
                seen = int(request.POST.get(f"version-{enrolment_id}", "0"))
            except ValueError:
                continue
            entries.append(
                AttendanceEntry(
                    enrolment_id=enrolment_id,
                    status=status,
                    note=request.POST.get(f"note-{enrolment_id}", ""),
                    seen_version=seen,
                )
            )
        try:
            changed = services.record_attendance(self.object, entries, user=request.user)
        except CourseError as error:
            conflicts = error.details.get("conflicts", ())
            context = self.get_context_data(
                rows=self.rows(posted=request.POST, conflicts=conflicts), error=error
            )
            return self.render_to_response(context, status=409 if conflicts else 400)
        messages.success(request, _("Attendance saved (%(count)s changes).") % {"count": changed})
        return redirect("course_tasks:attendance", self.object.pk)

    def fill_present(self, request):
        """The "All present" button: everyone not yet marked on the screen becomes present.

        The screen comes back with those people marked, but nothing is saved: the
        trainer still taps "Save attendance". On a phone in the classroom that is what
        the button promises and no more. The usual way is to tap the few who are late
        or missing first and then "All present" for the rest, or the other way round;
        either way the trainer sees the whole list once before it goes into the records
        that decide exam admission (and that funders audit), and a mistaken tap costs
        nothing. It is one save as before, with the same check for a colleague's save.
        People already marked (late, excused, absent, or present) keep their mark.
        """
        rows = self.rows(posted=request.POST, fill_present=True)
        filled = sum(1 for row in rows if row["filled"])
        notice = ngettext(
            "%(count)s person marked present. Not saved yet: check the list, "
            "then tap “Save attendance”.",
            "%(count)s people marked present. Not saved yet: check the list, "
            "then tap “Save attendance”.",
            filled,
        ) % {"count": filled}
        return self.render_to_response(self.get_context_data(rows=rows, notice=notice))


def _posted_int(data, key: str) -> int:
    try:
        return max(int(data.get(key, "0")), 0)
    except (TypeError, ValueError):
        return 0


class SignInSheetView(SessionView):
    """The printable sign-in sheet of a session (PDF), for the funders' records."""

    def get(self, request, *args, **kwargs):
        from weasyprint import HTML

        session = self.object
        enrolments = (
            Enrolment.objects.filter(course=session.course_id, status=EnrolmentStatus.ACTIVE)
            .select_related("participant")
            .order_by("participant__family_name", "participant__given_names", "pk")
        )
        html = render_to_string(
            "courses/sign_in_sheet.html",
            {
                "session": session,
                "course": session.course,
                "modules": list(session.modules.all()),
                "enrolments": enrolments,
                "trainers": list(session.course.trainers.all()),
            },
            request=request,
        )
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"unterschriftenliste-{session.date:%Y-%m-%d}.pdf"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response


# --- Enrolment ----------------------------------------------------------------


class EnrolView(CourseTaskView):
    permission = "courses.add_enrolment"
    template_name = "courses/enrol.html"
    page_title = gettext_lazy("Enrol participants")
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        found = []
        if len(query) >= 2:
            # Only name and date of birth leave the database: enough to find the
            # right person, nothing more.
            found = list(
                Participant.objects.enrollable_by(self.request.user, self.course)
                .matching(query)
                .exclude(
                    pk__in=Enrolment.objects.filter(
                        course=self.course, status__in=OPEN_STATUSES
                    ).values("participant_id")
                )
                .only("pk", "given_names", "family_name", "name_latin", "date_of_birth")
                .order_by("family_name", "given_names")[:20]
            )
        active = Enrolment.objects.filter(course=self.course, status=EnrolmentStatus.ACTIVE).count()
        context.update(
            query=query,
            found=found,
            active_count=active,
            search_is_limited=not sees_everything(self.request.user),
        )
        return context

    def post(self, request, *args, **kwargs):
        enrollable = Participant.objects.enrollable_by(request.user, self.course)
        participant = enrollable.filter(pk=request.POST.get("participant") or 0).first()
        if participant is None:
            messages.error(request, _("Please choose a participant."))
        else:
            try:
                enrolment = services.enrol(self.course, participant)
            except CourseError as error:
                messages.error(request, error.message)
            else:
                if enrolment.status == EnrolmentStatus.WAITING:
                    messages.warning(
                        request,
                        _(
                            "The course is full: %(name)s is number %(position)s "
                            "on the waiting list."
                        )
                        % {"name": participant, "position": enrolment.waiting_position},
                    )
                else:
                    messages.success(request, _("%(name)s is enrolled.") % {"name": participant})
        url = reverse("course_tasks:enrol", args=[self.course.pk])
        query = request.POST.get("q", "")
        return redirect(f"{url}?q={query}" if query else url)


class EnrolmentView(CourseTaskView):
    model = Enrolment

    def get_queryset(self):
        return Enrolment.objects.select_related("course", "participant")

    def get_course(self):
        return self.object.course


class WithdrawView(EnrolmentView):
    permission = "courses.change_enrolment"
    template_name = "courses/form.html"
    page_title = gettext_lazy("Withdraw from the course")
    header_icon = "user"

    def get_page_subtitle(self):
        return str(self.object.participant)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ReasonForm()))

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST)
        if form.is_valid() and form.call_service(
            services.withdraw, self.object, form.cleaned_data["reason"]
        ):
            messages.success(
                request, _("%(name)s was withdrawn.") % {"name": self.object.participant}
            )
            if moved := form.service_result:
                messages.info(
                    request,
                    _("%(name)s moved up from the waiting list.") % {"name": moved.participant},
                )
            return redirect("course_tasks:overview", self.course.pk)
        return self.render_to_response(self.get_context_data(form=form))


class AdmissionOverrideView(EnrolmentView):
    """A coordinator admits someone to the exam despite low attendance."""

    permission = "courses.change_enrolment"
    template_name = "courses/form.html"
    page_title = gettext_lazy("Admit to the exam by exception")
    header_icon = "warning"

    def check_coordinator(self):
        if not sees_everything(self.request.user):
            raise PermissionDenied

    def get_page_subtitle(self):
        return str(self.object.participant)

    def get(self, request, *args, **kwargs):
        self.check_coordinator()
        return self.render_to_response(self.get_context_data(form=ReasonForm()))

    def post(self, request, *args, **kwargs):
        self.check_coordinator()
        form = ReasonForm(request.POST)
        if form.is_valid() and form.call_service(
            services.override_admission,
            self.object,
            reason=form.cleaned_data["reason"],
            user=request.user,
        ):
            messages.success(request, _("Admitted to the exam by exception."))
            return redirect("course_tasks:overview", self.course.pk)
        return self.render_to_response(self.get_context_data(form=form))


# --- Exams --------------------------------------------------------------------


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
            ExamPartFormSet(data, initial=parts, prefix="parts"),
        )

    def get(self, request, *args, **kwargs):
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms()
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data
            parts = [
                (f.cleaned_data["name"], f.cleaned_data["max_points"])
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
                return redirect("course_tasks:exam_results", form.service_result.pk)
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
            [{"name": p.name, "max_points": p.max_points} for p in exam.parts.all()]
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
            can_override=sees_everything(self.request.user),
            edit_url=reverse("course_tasks:exam_edit", args=[self.object.pk]),
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
        failed = {"enrolment": enrolment.pk, "points": points, "date": raw_date}
        try:
            date = dt.datetime.strptime(raw_date, "%d.%m.%Y").date()
        except ValueError:
            failed["error"] = _("Enter the date as DD.MM.YYYY.")
        else:
            try:
                result = services.record_exam_result(
                    enrolment, self.object, points=points, date=date, user=request.user
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
                        "percent": result.percent,
                    },
                )
                return redirect("course_tasks:exam_results", self.object.pk)
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
        url = reverse("course_tasks:exam_results", args=[self.exam.pk])
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
        initial = {"date": result.date, "version": result.version}
        for part in self.parts:
            initial[ExamResultCorrectionForm.points_field(part)] = result.part_points.get(
                str(part.pk)
            )
        return ExamResultCorrectionForm(data, parts=self.parts, initial=initial)

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
        return redirect("course_tasks:exam_results", self.exam.pk)
