"""Taking attendance for a session, and its printable sign-in sheet."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from courses import services
from courses.admin_views.sessions import SessionView
from courses.models import (
    Attendance,
    AttendanceStatus,
    Enrolment,
    EnrolmentStatus,
)
from courses.services import AttendanceEntry, CourseError


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
            sheet_url=reverse("courses_sign_in_sheet", args=[self.object.pk]),
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
        return redirect("courses_attendance", self.object.pk)

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
