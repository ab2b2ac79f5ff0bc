"""Back-office list and forms for courses (Wagtail admin)."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView
from wagtail.admin.widgets.button import ListingButton

from core.forms import DomainErrorFormMixin
from core.roles import sees_everything
from core.viewsets import ScopedModelViewSet
from courses import services
from courses.models import (
    Attendance,
    Course,
    CurriculumModule,
    Enrolment,
    Exam,
    ExamResult,
    Session,
)


def _keep_author_in_scope(view, course):
    # A trainer who creates or edits a course must keep seeing it; otherwise their
    # own save would lock them out of the record they just worked on.
    user = view.request.user
    if (
        not sees_everything(user)
        and not Course.objects.visible_to(user).filter(pk=course.pk).exists()
    ):
        course.trainers.add(user)


class CourseFormMixin:
    def form_valid(self, form):
        if not form.call_service(
            services.check_course_changes,
            form.changed_data,
            user=self.request.user,
            course=form.instance,
            reason=form.cleaned_data.get("admission_rule_reason", ""),
        ):
            return self.form_invalid(form)
        if form.service_result:
            form.instance._change_reason = form.service_result[:100]
        return super().form_valid(form)


class CourseForm(DomainErrorFormMixin, WagtailAdminModelForm):
    # Not a model field: kept as the change reason in the course's history.
    admission_rule_reason = forms.CharField(
        label=_("reason for changing the minimum attendance"),
        max_length=255,
        required=False,
        help_text=_("Needed once exam results have been recorded."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "modules" in self.fields:
            # Retired modules are not offered for a course, but a course keeps its own.
            keep = self.instance.modules.values_list("pk", flat=True) if self.instance.pk else []
            self.fields["modules"].queryset = CurriculumModule.objects.offered(*keep)


class CourseCreateView(CourseFormMixin, CreateView):
    def get_initial(self):
        initial = super().get_initial()
        if not sees_everything(self.request.user):
            initial["trainers"] = [self.request.user.pk]
        return initial

    def save_instance(self):
        course = super().save_instance()
        _keep_author_in_scope(self, course)
        return course

    def get_success_url(self):
        return reverse("courses_overview", args=[self.object.pk])


class CourseEditView(CourseFormMixin, EditView):
    def save_instance(self):
        course = super().save_instance()
        _keep_author_in_scope(self, course)
        return course


class CourseIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.insert(
            0,
            ListingButton(
                _("Overview"),
                url=reverse("courses_overview", args=[instance.pk]),
                icon_name="view",
                attrs={"aria-label": _("Overview of %(course)s") % {"course": instance}},
                priority=1,
            ),
        )
        return buttons


class CourseViewSet(ScopedModelViewSet):
    model = Course
    icon = "group"
    menu_label = _("Courses")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = CourseIndexView
    add_view_class = CourseCreateView
    edit_view_class = CourseEditView
    list_display = ["title", "start_date", "end_date", "status", "district", "location", "capacity"]
    list_filter = ["status", "district", "start_date"]
    search_fields = ["title", "location"]
    list_export = [
        "title",
        "status",
        "start_date",
        "end_date",
        "district",
        "location",
        "capacity",
        "min_attendance_percent",
        "excused_absence",
    ]
    export_filename = "kurse"
    # Attendance and results are changed on the task screens; their history (who,
    # when, old value) is read here, on the course's history page.
    related_histories = (
        (Session, "course"),
        (Enrolment, "course", ("participant",)),
        (Exam, "course"),
        (Attendance, "session__course", ("enrolment", "session")),
        (ExamResult, "exam__course", ("enrolment", "attempt")),
    )
    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                # No status: it changes only by the overview's actions
                # (courses.services.change_course_status).
                FieldRowPanel([FieldPanel("location"), FieldPanel("district")]),
                FieldPanel("capacity"),
                # Shown to coordinators only; others keep the programme's value.
                FieldPanel("min_attendance_percent", permission=services.ADMISSION_RULE_PERMISSION),
                FieldPanel("excused_absence", permission=services.ADMISSION_RULE_PERMISSION),
                FieldPanel("admission_rule_reason", permission=services.ADMISSION_RULE_PERMISSION),
            ],
            heading=_("Dates and place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("co_trainers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("instruction_languages"),
                FieldPanel("interpretation_languages"),
            ],
            heading=_("Teaching"),
        ),
        FieldPanel("modules", widget=forms.CheckboxSelectMultiple),
        FieldPanel("notes"),
    ]
    edit_handler = ObjectList(panels, base_form_class=CourseForm)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Course.objects.select_related("district"), **kwargs
        )
