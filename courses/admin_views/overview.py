"""The course overview: sessions, enrolments, admission and certificates at a glance."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from courses import integrations, services
from courses.admin_views.base import CourseTaskView
from courses.admin_views.courses import status_actions
from courses.models import (
    OPEN_STATUSES,
    AdmissionState,
    Course,
    Enrolment,
    EnrolmentStatus,
    course_attendance_percent,
)

# Attendance below the minimum, whether or not a coordinator admitted by exception.
BELOW_STATES = (AdmissionState.BELOW_MINIMUM, AdmissionState.BY_EXCEPTION)


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
            course_rate=course_attendance_percent(active),
            exams=exams,
            eligible=eligible,
            trainers=list(course.trainers.all()) + list(course.co_trainers.all()),
            modules=list(course.modules.all()),
            can_change=user.has_perm("courses.change_course"),
            can_override=services.can_override_admission(user),
            issue_url=integrations.issue_url(course.pk, user),
            status_actions=status_actions(course),
        )
        return context
