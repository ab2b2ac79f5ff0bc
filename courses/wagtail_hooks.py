from django.urls import include, path
from wagtail import hooks

from courses import views
from courses.viewsets import CourseViewSet

task_patterns = [
    path("<int:pk>/", views.CourseOverviewView.as_view(), name="overview"),
    path("<int:pk>/sessions/series/", views.WeeklySeriesView.as_view(), name="weekly_series"),
    path("<int:pk>/enrol/", views.EnrolView.as_view(), name="enrol"),
    path("<int:pk>/exam/new/", views.ExamSetupView.as_view(), name="exam_add"),
    path("sessions/<int:pk>/", views.MoveSessionView.as_view(), name="session_edit"),
    path("sessions/<int:pk>/attendance/", views.AttendanceView.as_view(), name="attendance"),
    path(
        "sessions/<int:pk>/sign-in-sheet.pdf",
        views.SignInSheetView.as_view(),
        name="sign_in_sheet",
    ),
    path("enrolments/<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path(
        "enrolments/<int:pk>/admission/",
        views.AdmissionOverrideView.as_view(),
        name="admission_override",
    ),
    path("exams/<int:pk>/edit/", views.ExamEditView.as_view(), name="exam_edit"),
    path("exams/<int:pk>/results/", views.ExamResultsView.as_view(), name="exam_results"),
    path(
        "results/<int:pk>/correct/",
        views.ExamResultCorrectView.as_view(),
        name="exam_result_correct",
    ),
]


@hooks.register("register_admin_urls")
def register_course_task_urls():
    return [path("course-tasks/", include((task_patterns, "course_tasks")))]


@hooks.register("register_admin_viewset")
def register_course_viewset():
    return CourseViewSet("courses")


@hooks.register("register_admin_viewset")
def register_curriculum_viewset():
    from courses.curriculum_admin import CurriculumModuleViewSet

    return CurriculumModuleViewSet("curriculum")
