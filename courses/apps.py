from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Courses, sessions, enrolment, attendance and exams (see issue "Courses")."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Courses depends on housing, never the reverse: it adds its section to the
        # household timeline from here.
        from courses.integrations import household_timeline_entries
        from housing.timeline import Section, register

        register(
            Section(
                "courses",
                _("Courses and exams"),
                "courses.view_enrolment",
                household_timeline_entries,
                order=60,
            )
        )
