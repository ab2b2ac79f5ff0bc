"""The base of every course task screen: permission, then scope, then the work.

Each view checks the model permission first (no permission → 403) and then the
scope (a record outside ``visible_to(user)`` → 404, exactly like a missing one), so a
trainer who changes an id in the URL learns nothing about other trainers' courses.
Views parse input, call a service from ``courses.services`` and render.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.permissions import PermissionScopeMixin
from courses.models import (
    Course,
)


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
                "url": reverse("courses_overview", args=[self.course.pk]),
                "label": self.course.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["course"] = self.course
        context["overview_url"] = reverse("courses_overview", args=[self.course.pk])
        return context
