"""The course's status: explicit actions on the overview, each one ``change_course_status``."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses import services
from courses.admin_views.base import CourseTaskView
from courses.models import CourseStatus

# The button for each step (current status, new status).
ACTION_LABELS = {
    (CourseStatus.PLANNED, CourseStatus.RUNNING): gettext_lazy("Start the course"),
    (CourseStatus.RUNNING, CourseStatus.FINISHED): gettext_lazy("Mark the course as finished"),
    (CourseStatus.PLANNED, CourseStatus.CANCELLED): gettext_lazy("Cancel the course"),
    (CourseStatus.RUNNING, CourseStatus.CANCELLED): gettext_lazy("Cancel the course"),
    (CourseStatus.FINISHED, CourseStatus.RUNNING): gettext_lazy("Reopen the course"),
    (CourseStatus.CANCELLED, CourseStatus.PLANNED): gettext_lazy("Plan the course again"),
}


def status_actions(course) -> list[tuple[str, str]]:
    """``(new status, button label)`` for each step the course may take now."""
    return [
        (target, ACTION_LABELS[(course.status, target)])
        for target in services.COURSE_TRANSITIONS[course.status]
    ]


class CourseStatusView(CourseTaskView):
    """POST ``status``: the step through the service; its refusal is shown as it is."""

    permission = "courses.change_course"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            course = services.change_course_status(self.course, request.POST.get("status", ""))
        except services.CourseError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The course is now “%(status)s”.") % {"status": course.get_status_display()},
            )
        return redirect("courses_overview", self.course.pk)
