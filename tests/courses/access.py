"""Who may open the course screens: coordinators every course, trainers their own.

A trainer who puts another trainer's course, session, enrolment or exam id into a
URL gets 404, as for a record that does not exist. Companions and editors are denied.
"""

import datetime as dt

from core.roles import Role
from courses.models import Enrolment, ExamPart, ExamResult
from tests.access import DENIED, NOT_FOUND, OK, REDIRECT, Rule, staff_only
from tests.courses.factories import CourseFactory, ExamFactory, SessionFactory
from tests.factories import ParticipantFactory, UserFactory

_RUN = staff_only(coordinator=OK, trainer=OK)
_OTHERS = staff_only(coordinator=OK, trainer=NOT_FOUND)
_COORDINATOR = staff_only(coordinator=OK, trainer=DENIED)
# The curriculum: editors and coordinators keep it, trainers read it.
_CURRICULUM_READ = staff_only(coordinator=OK, trainer=OK, editor=OK)
_CURRICULUM_KEEP = staff_only(coordinator=OK, trainer=DENIED, editor=OK)


def extend_world(world, users):
    other_trainer = UserFactory(username="trainer-other", role=Role.TRAINER)
    for key, trainer in (("", users["trainer"]), ("other_", other_trainer)):
        course = CourseFactory(trainers=[trainer], district=world["district"])
        world[f"{key}course"] = course
        world[f"{key}session"] = SessionFactory(course=course, date=dt.date(2026, 3, 4))
        world[f"{key}enrolment"] = Enrolment.objects.create(
            course=course, participant=ParticipantFactory()
        )
        exam = ExamFactory(course=course)
        part = ExamPart.objects.create(exam=exam, name="Teil 1", max_points=10)
        world[f"{key}exam"] = exam
        world[f"{key}exam_result"] = ExamResult.objects.create(
            enrolment=world[f"{key}enrolment"],
            exam=exam,
            date=exam.date,
            part_points={str(part.pk): 7},
            total_points=7,
            max_points=10,
            passed=True,
        )


def _scoped(key, inside=_RUN, outside=_OTHERS):
    return {
        "own": (lambda w: [w[key].pk], inside),
        "another trainer's": (lambda w: [w[f"other_{key}"].pk], outside),
    }


def _module(world):
    from courses.models import CurriculumModule

    return [CurriculumModule.objects.get(code="heizen-lueften").pk]


RULES = {
    "curriculum:index": Rule(expect=_CURRICULUM_READ),
    "curriculum:index_results": Rule(expect=_CURRICULUM_READ),
    "curriculum:add": Rule(expect=_CURRICULUM_KEEP),
    "curriculum:edit": Rule(args=_module, expect=_CURRICULUM_KEEP),
    # Modules are retired, not deleted (courses and pages refer to them).
    "curriculum:delete": Rule(args=_module, expect=_COORDINATOR),
    "curriculum:history": Rule(args=_module, expect=_CURRICULUM_KEEP),
    "curriculum:history_results": Rule(args=_module, expect=_CURRICULUM_KEEP),
    "curriculum:usage": Rule(args=_module, expect=_CURRICULUM_KEEP),
    "curriculum:reorder": Rule(args=_module, expect=_CURRICULUM_KEEP, method="post"),
    "curriculum:retire": Rule(args=_module, expect=_CURRICULUM_KEEP),
    "curriculum:reactivate": Rule(args=_module, expect=_CURRICULUM_KEEP),
    "courses:index": Rule(expect=_RUN),
    "courses:index_results": Rule(expect=_RUN),
    "courses:add": Rule(expect=_RUN),
    "courses:edit": Rule(cases=_scoped("course")),
    "courses:delete": Rule(cases=_scoped("course", inside=_COORDINATOR)),
    "courses:history": Rule(cases=_scoped("course")),
    "courses:history_results": Rule(cases=_scoped("course")),
    "courses:usage": Rule(cases=_scoped("course")),
    "courses_overview": Rule(cases=_scoped("course")),
    # POST only; without a status the service refuses and the screen goes back to the
    # overview with its message.
    "courses_status": Rule(
        method="post",
        cases=_scoped(
            "course",
            inside=staff_only(coordinator=REDIRECT, trainer=REDIRECT),
            outside=staff_only(coordinator=REDIRECT, trainer=NOT_FOUND),
        ),
    ),
    "courses_weekly_series": Rule(cases=_scoped("course")),
    "courses_enrol": Rule(cases=_scoped("course")),
    "courses_exam_add": Rule(cases=_scoped("course")),
    "courses_session_edit": Rule(cases=_scoped("session")),
    "courses_attendance": Rule(cases=_scoped("session")),
    "courses_sign_in_sheet": Rule(cases=_scoped("session")),
    "courses_withdraw": Rule(cases=_scoped("enrolment")),
    "courses_admission_override": Rule(cases=_scoped("enrolment", inside=_COORDINATOR)),
    "courses_exam_edit": Rule(cases=_scoped("exam")),
    "courses_exam_results": Rule(cases=_scoped("exam")),
    "courses_exam_result_correct": Rule(cases=_scoped("exam_result")),
    # Trainers' exports (issue 12): only that course's trainers and coordinators.
    "courses_attendance_export": Rule(cases=_scoped("course")),
    "courses_results_export": Rule(cases=_scoped("course")),
    "courses_result_sheet": Rule(cases=_scoped("exam")),
}
