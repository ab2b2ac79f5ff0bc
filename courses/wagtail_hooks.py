from django.urls import include, path
from wagtail import hooks

from courses.admin_views import (
    attendance,
    courses,
    enrolment,
    exams,
    exports,
    overview,
    sessions,
    today,
)
from courses.viewsets.courses import CourseViewSet

task_patterns = [
    path("<int:pk>/", overview.CourseOverviewView.as_view(), name="courses_overview"),
    path("<int:pk>/status/", courses.CourseStatusView.as_view(), name="courses_status"),
    path(
        "<int:pk>/sessions/series/",
        sessions.WeeklySeriesView.as_view(),
        name="courses_weekly_series",
    ),
    path("<int:pk>/enrol/", enrolment.EnrolView.as_view(), name="courses_enrol"),
    path("<int:pk>/exam/new/", exams.ExamSetupView.as_view(), name="courses_exam_add"),
    path(
        "<int:pk>/attendance.xlsx",
        exports.AttendanceExportView.as_view(),
        name="courses_attendance_export",
    ),
    path(
        "<int:pk>/results.xlsx",
        exports.ResultsExportView.as_view(),
        name="courses_results_export",
    ),
    path(
        "exams/<int:pk>/result-sheet.pdf",
        exports.ResultSheetView.as_view(),
        name="courses_result_sheet",
    ),
    path("sessions/<int:pk>/", sessions.MoveSessionView.as_view(), name="courses_session_edit"),
    path(
        "sessions/<int:pk>/attendance/",
        attendance.AttendanceView.as_view(),
        name="courses_attendance",
    ),
    path(
        "sessions/<int:pk>/sign-in-sheet.pdf",
        attendance.SignInSheetView.as_view(),
        name="courses_sign_in_sheet",
    ),
    path(
        "enrolments/<int:pk>/withdraw/", enrolment.WithdrawView.as_view(), name="courses_withdraw"
    ),
    path(
        "enrolments/<int:pk>/admission/",
        enrolment.AdmissionOverrideView.as_view(),
        name="courses_admission_override",
    ),
    path("exams/<int:pk>/edit/", exams.ExamEditView.as_view(), name="courses_exam_edit"),
    path("exams/<int:pk>/results/", exams.ExamResultsView.as_view(), name="courses_exam_results"),
    path(
        "results/<int:pk>/correct/",
        exams.ExamResultCorrectView.as_view(),
        name="courses_exam_result_correct",
    ),
]


@hooks.register("register_admin_urls")
def register_course_task_urls():
    return [path("course-tasks/", include(task_patterns))]


@hooks.register("register_admin_viewset")
def register_course_viewset():
    return CourseViewSet("courses")


@hooks.register("register_admin_viewset")
def register_curriculum_viewset():
    from courses.viewsets.curriculum import CurriculumModuleViewSet

    return CurriculumModuleViewSet("curriculum")


@hooks.register("construct_homepage_panels")
def add_today_panel(request, panels):
    """ "Heute" for trainers (and coordinators): today's sessions, exams, waiting certificates."""
    panel = today.TodayPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
