"""Sessions: a weekly series, moving or cancelling one Termin."""

import datetime as dt

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses import services
from courses.admin_views.base import CourseTaskView
from courses.forms import (
    CancelSessionForm,
    MoveSessionForm,
    WeeklySeriesForm,
)
from courses.models import (
    Session,
)


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
                return redirect("courses_overview", self.course.pk)
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
                return redirect("courses_overview", self.course.pk)
        else:
            move = MoveSessionForm(request.POST)
            if move.is_valid() and move.call_service(
                services.move_session, self.object, **move.cleaned_data
            ):
                messages.success(request, _("The session was moved."))
                return redirect("courses_overview", self.course.pk)
        return self.render_to_response(self.get_context_data(move=move, cancel=cancel))
