"""Enrolling participants, withdrawing them, admission by exception."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.roles import sees_everything
from courses import services
from courses.admin_views.base import CourseTaskView
from courses.forms import (
    ReasonForm,
)
from courses.models import (
    OPEN_STATUSES,
    Enrolment,
    EnrolmentStatus,
)
from courses.services import CourseError
from housing.models import Participant


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
        url = reverse("courses_enrol", args=[self.course.pk])
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
            return redirect("courses_overview", self.course.pk)
        return self.render_to_response(self.get_context_data(form=form))


class AdmissionOverrideView(EnrolmentView):
    """A coordinator admits someone to the exam despite low attendance."""

    permission = "courses.change_enrolment"
    template_name = "courses/form.html"
    page_title = gettext_lazy("Admit to the exam by exception")
    header_icon = "warning"

    def check_coordinator(self):
        if not services.can_override_admission(self.request.user):
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
            return redirect("courses_overview", self.course.pk)
        return self.render_to_response(self.get_context_data(form=form))
