from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Courses, sessions, enrolment, attendance and exams (see issue "Courses")."""

    name = "courses"
    verbose_name = _("Courses")
