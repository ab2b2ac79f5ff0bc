""" "Heute" on the admin start page: a trainer's sessions and exams of today, and
certificates waiting to be issued, each with a link to the screen where it is done.

A fixed number of queries however many courses (4 for a trainer: sessions, exams,
waiting certificates per course, the role check).
"""

from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.utils import timezone
from wagtail.admin.ui.components import Component

from core.roles import Role, has_role, sees_everything
from courses import integrations
from courses.models import Course, Enrolment, Exam, Session

WAITING_LIMIT = 10


def today_summary(user, today=None) -> dict:
    today = today or timezone.localdate()
    courses = Course.objects.visible_to(user).values("pk")
    sessions = list(
        Session.objects.filter(course__in=courses, date=today, cancelled=False)
        .select_related("course")
        .annotate(marked=Count("attendances"))
        .order_by("start_time", "pk")
    )
    exams = list(
        Exam.objects.filter(course__in=courses, date=today)
        .select_related("course")
        .order_by("course__title", "pk")
    )
    last_session = (
        Session.objects.filter(course=OuterRef("pk"), cancelled=False)
        .order_by()
        .values("course")
        .annotate(last=Max("date"))
        .values("last")
    )
    eligible = integrations.without_certificate(
        Enrolment.objects.filter(course__in=courses).eligible_for_certificate()
    ).values("pk")
    waiting = list(
        Course.objects.filter(pk__in=courses)
        .annotate(last_session=Subquery(last_session))
        .filter(Q(last_session__lte=today) | Q(last_session__isnull=True, end_date__lte=today))
        .annotate(waiting=Count("enrolments", filter=Q(enrolments__pk__in=eligible)))
        .filter(waiting__gt=0)
        .order_by("-end_date", "title")[:WAITING_LIMIT]
    )
    for course in waiting:
        course.issue_url = integrations.issue_url(course.pk, user)
    return {"today": today, "sessions": sessions, "exams": exams, "waiting": waiting}


class TodayPanel(Component):
    name = "course_today"
    order = 40
    template_name = "courses/panels/today.html"

    def __init__(self, context):
        self.context = context

    @classmethod
    def for_user(cls, user):
        """Trainers get the panel (coordinators too: they may teach or stand in)."""
        if not user.has_perm("courses.view_course"):
            return None
        if not (has_role(user, Role.TRAINER) or sees_everything(user)):
            return None
        return cls(today_summary(user))

    def get_context_data(self, parent_context=None):
        return self.context
