"""Exams and their results: setting up an exam, recording and correcting attempts."""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import integrations
from courses.models import (
    AdmissionState,
    Course,
    Enrolment,
    EnrolmentStatus,
    Exam,
    ExamResult,
)
from courses.services.courses import ADMISSION_RULE_PERMISSION
from courses.services.enrolment import admission
from courses.services.errors import CourseError

DEFAULT_PASS_MARK = 60


def _check_pass_mark(exam: Exam | None, pass_mark_percent: int, *, user, reason: str) -> None:
    """The pass mark is the programme's: see ``save_exam``."""
    current = exam.pass_mark_percent if exam is not None else DEFAULT_PASS_MARK
    if pass_mark_percent == current:
        return
    if not user.has_perm(ADMISSION_RULE_PERMISSION):
        raise CourseError(
            "coordinator_only",
            _("Only a coordinator sets the pass mark (%(mark)s %%).") % {"mark": current},
            field="pass_mark_percent",
        )
    if exam is not None and exam.results.exists() and not reason:
        raise CourseError(
            "reason_required",
            _("Results have been recorded: give a reason for changing the pass mark."),
            field="reason",
        )


@dataclass(frozen=True)
class ResultConflict:
    """The values someone else saved for an attempt while a correction was being typed."""

    date: dt.date
    total_points: int
    max_points: int
    passed: bool
    version: int
    recorded_by: str


REASON_MAX_LENGTH = 255


def _scored(exam: Exam, points: dict[int, int]):
    """Points per part checked against the exam's parts: (part_points, total, maximum)."""
    parts = list(exam.parts.all())
    if not parts:
        raise CourseError("no_parts", _("Add the exam's parts before recording results."))
    part_points = {}
    for part in parts:
        value = points.get(part.pk)
        if value is None or value == "":
            raise CourseError(
                "points_missing", _("Enter the points for “%(part)s”.") % {"part": part.name}
            )
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise CourseError(
                "bad_points", _("Points must be whole numbers (“%(part)s”).") % {"part": part.name}
            ) from None
        if value < 0:
            raise CourseError(
                "bad_points", _("Points cannot be negative (“%(part)s”).") % {"part": part.name}
            )
        if value > part.max_points:
            raise CourseError(
                "points_above_max",
                _("“%(part)s” has at most %(max)s points; %(value)s were entered.")
                % {"part": part.name, "max": part.max_points, "value": value},
            )
        part_points[str(part.pk)] = value
    return part_points, sum(part_points.values()), sum(part.max_points for part in parts)


def _check_result_date(exam: Exam, date: dt.date, earlier: list[ExamResult]) -> None:
    """An attempt lies between the exam date and today, after every earlier attempt."""
    if date > timezone.localdate():
        raise CourseError(
            "result_in_future",
            _("A result cannot be dated in the future (%(date)s).") % {"date": f"{date:%d.%m.%Y}"},
        )
    if date < exam.date:
        raise CourseError(
            "result_before_exam",
            _("The attempt cannot be before the exam date (%(date)s).")
            % {"date": f"{exam.date:%d.%m.%Y}"},
        )
    last = max((r.date for r in earlier), default=None)
    if last is not None and date <= last:
        raise CourseError(
            "resit_before_previous",
            _("A resit must come after the previous attempt (%(date)s).")
            % {"date": f"{last:%d.%m.%Y}"},
        )


def _fill(result, *, enrolment, exam, part_points, total, maximum, date, user):
    result.date = date
    result.part_points = part_points
    result.total_points = total
    result.max_points = maximum
    result.percent = (Decimal(100 * total) / Decimal(maximum)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    result.passed = total * 100 >= exam.pass_mark_percent * maximum
    result.admitted_by_exception = enrolment.admission_state == AdmissionState.BY_EXCEPTION
    result.recorded_by = user
    result._history_user = user


def _locked_for_results(enrolment: Enrolment, exam: Exam):
    """Lock the enrolment and its results of ``exam``; check admission. See the callers."""
    if exam.course_id != enrolment.course_id:
        raise CourseError("wrong_course", _("This exam belongs to another course."))
    list(Enrolment.objects.select_for_update().filter(pk=enrolment.pk).values_list("pk"))
    admitted = admission(enrolment, exam)
    _check_admitted(admitted)
    previous = list(
        ExamResult.objects.select_for_update()
        .filter(enrolment=enrolment, exam=exam)
        .order_by("attempt")
    )
    return admitted, previous


@transaction.atomic
def record_exam_result(
    enrolment: Enrolment, exam: Exam, *, points: dict[int, int], date: dt.date, user
) -> ExamResult:
    """Record a new attempt: the first, or a resit after a failed one; pass/fail is computed.

    Raises ``not_admitted`` (``details["state"]``) unless ``with_admission`` admits the
    person, ``not_enrolled`` for a withdrawn enrolment, ``already_passed`` after a
    passed attempt, ``points_above_max`` / ``points_missing`` / ``bad_points`` /
    ``no_parts`` for the points, ``wrong_course`` if the exam belongs to another
    course, and for the date ``result_in_future``, ``result_before_exam`` and
    ``resit_before_previous`` (a resit comes after the previous attempt).

    The enrolment row and its results are locked, so two saves for the same person
    are serialised; the certificates app locks the same enrolment row when it issues.
    """
    admitted, previous = _locked_for_results(enrolment, exam)
    if any(r.passed for r in previous):
        raise CourseError(
            "already_passed",
            _("%(name)s has already passed this exam.") % {"name": admitted.participant},
        )
    _check_result_date(exam, date, previous)
    part_points, total, maximum = _scored(exam, points)
    next_attempt = max((r.attempt for r in previous), default=0) + 1
    result = ExamResult(enrolment=admitted, exam=exam, attempt=next_attempt)
    _fill(
        result,
        enrolment=admitted,
        exam=exam,
        part_points=part_points,
        total=total,
        maximum=maximum,
        date=date,
        user=user,
    )
    try:
        with transaction.atomic():
            result.save()
    except IntegrityError:
        raise CourseError(
            "attempt_exists", _("This attempt was recorded by someone else just now.")
        ) from None
    return result


@transaction.atomic
def correct_exam_result(
    enrolment: Enrolment,
    exam: Exam,
    *,
    attempt: int,
    points: dict[int, int],
    date: dt.date,
    user,
    reason: str,
    seen_version: int | None = None,
) -> ExamResult:
    """Correct one recorded attempt (points typed wrongly, wrong date), with a reason.

    The reason is kept in the result's history with who and when (``reason_required``,
    ``reason_too_long``); the correction must change the points or the date
    (``no_change``); ``no_such_attempt`` for an unknown attempt. With
    ``seen_version`` (the version the form started from) a correction someone else
    saved in between is refused with ``result_changed`` (their values in
    ``details["current"]``, a ``ResultConflict``). Correcting a passed attempt to
    "not passed" is refused with ``certificate_issued`` while the enrolment holds a
    certificate that is not revoked. The same admission, points and date rules as
    ``record_exam_result`` apply (the date after the attempts before this one).
    """
    reason = (reason or "").strip()
    if not reason:
        raise CourseError("reason_required", _("Please give a reason for the correction."))
    if len(reason) > REASON_MAX_LENGTH:
        raise CourseError(
            "reason_too_long",
            _("The reason can have at most %(max)s characters.") % {"max": REASON_MAX_LENGTH},
        )
    admitted, previous = _locked_for_results(enrolment, exam)
    result = next((r for r in previous if r.attempt == attempt), None)
    if result is None:
        raise CourseError("no_such_attempt", _("There is no such attempt to correct."))
    part_points, total, maximum = _scored(exam, points)
    passed = total * 100 >= exam.pass_mark_percent * maximum
    _check_correction(result, admitted, part_points, date, passed, seen_version)
    _check_result_date(exam, date, [r for r in previous if r.attempt < attempt])
    _fill(
        result,
        enrolment=admitted,
        exam=exam,
        part_points=part_points,
        total=total,
        maximum=maximum,
        date=date,
        user=user,
    )
    result.version += 1
    result._change_reason = reason
    result.save()
    return result


def _check_admitted(enrolment: Enrolment) -> None:
    """Raise ``not_admitted`` unless ``enrolment`` (from ``admission``) may sit the exam."""
    if enrolment.status != EnrolmentStatus.ACTIVE:
        raise CourseError(
            "not_enrolled",
            _("%(name)s is not enrolled in this course.") % {"name": enrolment.participant},
        )
    if enrolment.is_admitted:
        return
    if enrolment.admission_state == AdmissionState.NO_DATA:
        message = _(
            "%(name)s is not admitted to the exam: no attendance has been taken yet. "
            "A coordinator can admit them by exception."
        )
    else:
        message = _(
            "%(name)s is not admitted to the exam: attendance %(percent)s %% "
            "(%(attended)s of %(held)s sessions) is below the minimum of %(minimum)s %%. "
            "A coordinator can admit them by exception."
        )
    raise CourseError(
        "not_admitted",
        message
        % {
            "name": enrolment.participant,
            "percent": enrolment.attendance_percent,
            "attended": enrolment.sessions_attended,
            "held": enrolment.sessions_held,
            "minimum": enrolment.course.min_attendance_percent,
        },
        state=enrolment.admission_state,
    )


def _check_correction(result, enrolment, part_points, date, passed, seen_version):
    """The rules a correction of ``result`` (locked) must keep; see ``correct_exam_result``."""
    if seen_version is not None and seen_version != result.version:
        # Not joined in the locking query: FOR UPDATE cannot lock the nullable side
        # of an outer join on PostgreSQL. One query, only on a conflict.
        who = result.recorded_by
        raise CourseError(
            "result_changed",
            _(
                "Someone else corrected this result in the meantime. Nothing was saved; "
                "please check the values now saved and save again."
            ),
            current=ResultConflict(
                date=result.date,
                total_points=result.total_points,
                max_points=result.max_points,
                passed=result.passed,
                version=result.version,
                recorded_by=(who.get_full_name() or who.get_username()) if who else "",
            ),
        )
    stored = {key: int(value) for key, value in result.part_points.items()}
    if stored == part_points and result.date == date:
        raise CourseError(
            "no_change", _("Nothing to correct: the points and the date are the same as before.")
        )
    if result.passed and not passed:
        number = integrations.certificate_number(enrolment.pk)
        if number:
            raise CourseError(
                "certificate_issued",
                _(
                    "%(name)s already holds the Integrationszertifikat Wohnen %(number)s, so "
                    "this result cannot be corrected to “not passed”. Please ask a "
                    "coordinator to revoke the certificate first, then correct the result."
                )
                % {"name": enrolment.participant, "number": number},
                certificate=number,
            )


@transaction.atomic
def save_exam(
    course: Course,
    *,
    exam: Exam | None = None,
    date: dt.date,
    format: str,
    language: str,
    interpreter: str = "",
    pass_mark_percent: int = DEFAULT_PASS_MARK,
    committee=(),
    parts: list[tuple[str, int]],
    user,
    reason: str = "",
) -> Exam:
    """Create or change a course's exam and its parts.

    ``parts`` is the complete list of (name, maximum points). Raises
    ``exam_before_course`` for a date before the course starts, ``no_parts`` without
    parts, ``duplicate_part`` for a repeated name, and ``exam_has_results`` when the
    parts of an exam with recorded results would change (old results would no longer
    add up).

    The pass mark is the programme's: only a coordinator (``set_admission_rule``)
    sets one other than the current (for a new exam: 60 %), else ``coordinator_only``;
    once results exist, only with a ``reason`` (``reason_required``), which is kept in
    the exam's history. Results already recorded keep their pass/fail.
    """
    reason = (reason or "").strip()
    if date < course.start_date:
        raise CourseError(
            "exam_before_course",
            _("The exam cannot be before the course starts (%(start)s).")
            % {"start": f"{course.start_date:%d.%m.%Y}"},
        )
    parts = [(name.strip(), int(points)) for name, points in parts if name and name.strip()]
    if not parts:
        raise CourseError("no_parts", _("An exam needs at least one part with maximum points."))
    names = [name for name, _points in parts]
    if len(set(names)) != len(names):
        raise CourseError("duplicate_part", _("Each part of the exam needs its own name."))
    if any(points < 1 for _name, points in parts):
        raise CourseError("bad_points", _("A part needs at least one point."))
    if exam is None:
        _check_pass_mark(None, pass_mark_percent, user=user, reason=reason)
        exam = Exam(course=course)
    else:
        exam = Exam.objects.select_for_update().get(pk=exam.pk, course=course)
        _check_pass_mark(exam, pass_mark_percent, user=user, reason=reason)
        if reason:
            exam._change_reason = reason[:100]
        current = [(p.name, p.max_points) for p in exam.parts.all()]
        if current != parts and exam.results.exists():
            raise CourseError(
                "exam_has_results",
                _("Results have been recorded, so the parts of this exam can no longer change."),
            )
    exam.date = date
    exam.format = format
    exam.language = language
    exam.interpreter = interpreter.strip()
    exam.pass_mark_percent = pass_mark_percent
    exam.save()
    exam.committee.set(committee)
    current = [(p.name, p.max_points) for p in exam.parts.all()]
    if current != parts:
        exam.parts.all().delete()
        for order, (name, points) in enumerate(parts):
            exam.parts.create(name=name, max_points=points, sort_order=order)
    return exam
