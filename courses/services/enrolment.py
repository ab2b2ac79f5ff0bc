"""Enrolment, withdrawal and exam admission (a coordinator's exception included)."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import (
    OPEN_STATUSES,
    Course,
    CourseStatus,
    Enrolment,
    EnrolmentStatus,
    Exam,
)
from courses.services.errors import CourseError


@transaction.atomic
def enrol(course: Course, participant, *, waiting_list_ok: bool = True) -> Enrolment:
    """Enrol ``participant`` in ``course``; when the course is full, on its waiting list.

    Raises ``already_enrolled`` if the person holds an active or waiting place,
    ``course_closed`` for finished or cancelled courses, and ``course_full`` when the
    course is full and ``waiting_list_ok`` is false. The course row is locked, so two
    simultaneous enrolments cannot both take the last place.
    """
    course = Course.objects.select_for_update().get(pk=course.pk)
    if course.status in (CourseStatus.FINISHED, CourseStatus.CANCELLED):
        raise CourseError(
            "course_closed", _("This course is finished or cancelled; nobody can enrol.")
        )
    if Enrolment.objects.filter(
        course=course, participant=participant, status__in=OPEN_STATUSES
    ).exists():
        raise CourseError(
            "already_enrolled",
            _("%(name)s is already enrolled in this course or on its waiting list.")
            % {"name": participant},
        )
    active = Enrolment.objects.filter(course=course, status=EnrolmentStatus.ACTIVE).count()
    if active < course.capacity:
        return Enrolment.objects.create(
            course=course, participant=participant, status=EnrolmentStatus.ACTIVE
        )
    if not waiting_list_ok:
        raise CourseError(
            "course_full",
            _("The course is full (%(capacity)s places).") % {"capacity": course.capacity},
        )
    last = (
        Enrolment.objects.filter(course=course, status=EnrolmentStatus.WAITING).aggregate(
            m=Max("waiting_position")
        )["m"]
        or 0
    )
    return Enrolment.objects.create(
        course=course,
        participant=participant,
        status=EnrolmentStatus.WAITING,
        waiting_position=last + 1,
    )


@transaction.atomic
def withdraw(enrolment: Enrolment, reason: str) -> Enrolment | None:
    """Withdraw an enrolment with a reason; the first on the waiting list moves up.

    Returns the enrolment that moved up from the waiting list, if any. Raises
    ``reason_required`` without a reason and ``not_enrolled`` if already withdrawn.
    """
    reason = (reason or "").strip()
    if not reason:
        raise CourseError("reason_required", _("Please give a reason for the withdrawal."))
    course = Course.objects.select_for_update().get(pk=enrolment.course_id)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise CourseError("not_enrolled", _("This enrolment has already been withdrawn."))
    was_active = enrolment.status == EnrolmentStatus.ACTIVE
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.waiting_position = None
    enrolment.withdrawal_reason = reason
    enrolment.withdrawn_at = timezone.now()
    enrolment.save()

    moved_up = None
    active = Enrolment.objects.filter(course=course, status=EnrolmentStatus.ACTIVE).count()
    waiting = list(
        Enrolment.objects.select_for_update()
        .filter(course=course, status=EnrolmentStatus.WAITING)
        .order_by("waiting_position", "pk")
    )
    if was_active and waiting and active < course.capacity:
        moved_up = waiting.pop(0)
        moved_up.status = EnrolmentStatus.ACTIVE
        moved_up.waiting_position = None
        moved_up.save()
    # Keep the waiting list numbered 1, 2, 3 … without gaps.
    for position, entry in enumerate(waiting, start=1):
        if entry.waiting_position != position:
            entry.waiting_position = position
            entry.save(update_fields=["waiting_position"])
    return moved_up


def admission(enrolment: Enrolment, exam: Exam) -> Enrolment:
    """``enrolment`` annotated by ``with_admission`` for ``exam`` (see there).

    Read ``admission_state``, ``is_admitted``, ``attendance_percent`` on the result.
    """
    return (
        Enrolment.objects.with_admission(exam.admission_as_of())
        .select_related("course", "participant")
        .get(pk=enrolment.pk)
    )


def can_override_admission(user) -> bool:
    """Who may admit someone to the exam by exception: coordinators (and superusers).

    The screens ask this to show or refuse the action; ``override_admission`` refuses
    everyone else with ``not_allowed``.
    """
    from core.roles import sees_everything

    return sees_everything(user)


@transaction.atomic
def override_admission(enrolment: Enrolment, *, reason: str, user) -> Enrolment:
    """Admit ``enrolment`` to the exam despite low attendance (coordinators only).

    Errors: ``not_allowed``, ``reason_required``.
    """
    if not can_override_admission(user):
        raise CourseError(
            "not_allowed", _("Only a coordinator can admit someone to the exam by exception.")
        )
    reason = (reason or "").strip()
    if not reason:
        raise CourseError("reason_required", _("Please give a reason for the exception."))
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    enrolment.admission_override = True
    enrolment.admission_override_reason = reason
    enrolment.admission_override_by = user
    enrolment.admission_override_at = timezone.now()
    enrolment._history_user = user
    enrolment.save()
    return enrolment
