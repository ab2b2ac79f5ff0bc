"""Enrolments and the exam admission they carry (``EnrolmentQuerySet.with_admission``)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords
from courses.models.attendance import Attendance, AttendanceStatus
from courses.models.courses import Course
from courses.models.sessions import Session


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("enrolled")
    WAITING = "waiting", _("waiting list")
    WITHDRAWN = "withdrawn", _("withdrawn")


OPEN_STATUSES = (EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITING)


class AdmissionState(models.TextChoices):
    """Whether a person may sit the exam; see ``EnrolmentQuerySet.with_admission``."""

    ADMITTED = "admitted", _("admitted")
    BELOW_MINIMUM = "below_minimum", _("below the minimum")
    BY_EXCEPTION = "by_exception", _("admitted by exception")
    NO_DATA = "no_data", _("no attendance yet")


ADMITTED_STATES = (AdmissionState.ADMITTED, AdmissionState.BY_EXCEPTION)


def attendance_percent(attended: int, held: int) -> int | None:
    """The attendance figure on screens: attended of held sessions in whole percent, or
    ``None`` before the first held session. Display only: admission compares the counts
    (``EnrolmentQuerySet.with_admission``)."""
    if not held:
        return None
    return round(100 * attended / held)


def course_attendance_percent(enrolments) -> int | None:
    """The course's attendance figure: the same rounding over the summed counts of
    ``enrolments`` (annotated by ``with_attendance``)."""
    enrolments = list(enrolments)
    return attendance_percent(
        sum(e.sessions_attended for e in enrolments), sum(e.sessions_held for e in enrolments)
    )


class EnrolmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(course__in=Course.objects.visible_to(user).values("pk"))

    def active(self):
        return self.filter(status=EnrolmentStatus.ACTIVE)

    def with_attendance(self, as_of: dt.date | None = None):
        """Annotate ``sessions_held`` and ``sessions_attended``: the one attendance figure.

        Held sessions are ``SessionQuerySet.held(as_of)`` (today by default); attended
        are those of them the person came to, on time or late. An excused absence
        counts as the course says (``Course.excused_absence``): as not attended (the
        default), as attended, or left out of the person's held sessions. Also
        ``sessions_excused`` (excused absences among the held sessions) and
        ``attendance_as_of``. The overview, the exam screens, the certificate, the
        timeline and the services all read these counts (``attendance_percent`` only
        rounds them for display). Every count is a subquery, so the annotation costs no
        extra query and does not multiply rows.
        """

        as_of = as_of or timezone.localdate()
        held_sessions = Session.objects.held(as_of).filter(course=OuterRef("course"))
        held = held_sessions.order_by().values("course").annotate(n=Count("pk")).values("n")

        def count(records):
            return Coalesce(
                Subquery(
                    records.of_held_sessions(as_of)
                    .filter(enrolment=OuterRef("pk"))
                    .order_by()
                    .values("enrolment")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                Value(0),
            )

        excused = Attendance.objects.filter(status=AttendanceStatus.EXCUSED)
        attended = Attendance.objects.attended()
        left_out = Attendance.objects.left_out()
        return self.annotate(
            sessions_held=Coalesce(Subquery(held), Value(0)) - count(left_out),
            sessions_attended=count(attended),
            sessions_excused=count(excused),
            attendance_as_of=Value(as_of, output_field=models.DateField()),
        )

    def with_admission(self, as_of: dt.date | None = None):
        """``with_attendance(as_of)`` plus ``admission_state``: the one admission rule.

        Admitted when the sessions attended are at least the course's minimum share of
        the sessions held, compared in whole counts (4 of 5 is 80 %; 79.5 % is not 80 %
        even though it rounds to it). Below that, a coordinator's recorded exception
        admits ("admitted by exception"); without one, no held session yet is "no
        attendance yet" and anything else "below the minimum". For an exam, pass
        ``exam.admission_as_of()``: attendance up to the exam date, never past today.
        Screens show ``admission_state`` (``get_admission_state_display``); they do
        not compare percentages themselves.
        """
        meets_minimum = Q(sessions_held__gt=0) & Q(
            attended_x100__gte=F("course__min_attendance_percent") * F("sessions_held")
        )
        return (
            self.with_attendance(as_of)
            .annotate(attended_x100=F("sessions_attended") * 100)
            .annotate(
                admission_state=Case(
                    When(meets_minimum, then=Value(AdmissionState.ADMITTED)),
                    When(admission_override=True, then=Value(AdmissionState.BY_EXCEPTION)),
                    When(sessions_held=0, then=Value(AdmissionState.NO_DATA)),
                    default=Value(AdmissionState.BELOW_MINIMUM),
                    output_field=models.CharField(),
                )
            )
        )

    def eligible_for_certificate(self):
        """Active enrolments with at least one passed exam attempt.

        The contract for the certificates app. Each row is annotated with
        ``passed_result_id`` and ``passed_on`` (the date of the best passing attempt:
        highest score, then earliest attempt). Use ``with_passing_result()`` to get the
        ExamResult objects themselves without a query per row.
        """
        from courses.models.exams import ExamResult  # results refer to enrolments

        best = ExamResult.objects.filter(enrolment=OuterRef("pk"), passed=True).order_by(
            "-percent", "attempt", "pk"
        )
        return self.filter(
            status=EnrolmentStatus.ACTIVE,
            pk__in=ExamResult.objects.filter(passed=True).values("enrolment_id"),
        ).annotate(
            passed_result_id=Subquery(best.values("pk")[:1]),
            passed_on=Subquery(best.values("date")[:1]),
        )

    def with_passing_result(self):
        """Prefetch passing results (best first) so ``enrolment.passing_result`` is free."""
        from courses.models.exams import ExamResult

        return self.prefetch_related(
            Prefetch(
                "results",
                queryset=ExamResult.objects.filter(passed=True)
                .select_related("exam")
                .order_by("-percent", "attempt", "pk"),
                to_attr="passing_results",
            )
        )


class Enrolment(models.Model):
    """A participant's place in a course (or on its waiting list)."""

    participant = models.ForeignKey(
        "housing.Participant",
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("participant"),
    )
    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("course")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    waiting_position = models.PositiveSmallIntegerField(
        _("position on the waiting list"), null=True, blank=True
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=255, blank=True)
    # Admission to the exam despite too little attendance: a coordinator's decision,
    # kept with its reason and author because funders may ask about it.
    admission_override = models.BooleanField(_("admitted by exception"), default=False)
    admission_override_reason = models.CharField(
        _("reason for the exception"), max_length=255, blank=True
    )
    admission_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("exception granted by"),
    )
    admission_override_at = models.DateTimeField(_("exception granted"), null=True, blank=True)

    history = HistoricalRecords()
    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        ordering = ["course", "participant__family_name", "participant__given_names", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "course"],
                condition=Q(status__in=["active", "waiting"]),
                name="enrolment_one_open_per_participant_and_course",
                violation_error_message=_("This person is already enrolled in this course."),
            ),
            models.CheckConstraint(
                name="enrolment_waiting_position_only_when_waiting",
                condition=(Q(status="waiting") & Q(waiting_position__isnull=False))
                | (~Q(status="waiting") & Q(waiting_position__isnull=True)),
                violation_error_message=_("Only a waiting enrolment has a waiting position."),
            ),
            models.CheckConstraint(
                name="enrolment_withdrawal_has_reason",
                condition=~Q(status="withdrawn") | ~Q(withdrawal_reason=""),
                violation_error_message=_("Give a reason for the withdrawal."),
            ),
            models.CheckConstraint(
                name="enrolment_override_has_reason",
                condition=Q(admission_override=False)
                | (~Q(admission_override_reason="") & Q(admission_override_by__isnull=False)),
                violation_error_message=_("An exception needs a reason and who granted it."),
            ),
        ]

    def __str__(self):
        return f"{self.participant} – {self.course.title}"

    @property
    def attendance_percent(self) -> int | None:
        """Needs ``with_attendance()``; ``None`` before the first held session.

        For display only: admission compares the counts (``with_admission``).
        """
        held = getattr(self, "sessions_held", None)
        return attendance_percent(self.sessions_attended, held) if held else None

    @property
    def is_admitted(self) -> bool:
        """Needs ``with_admission()``."""
        return self.admission_state in ADMITTED_STATES

    @property
    def needs_exception(self) -> bool:
        """Needs ``with_admission()``: only a coordinator's exception admits this person."""
        return self.admission_state in (AdmissionState.BELOW_MINIMUM, AdmissionState.NO_DATA)

    def get_admission_state_display(self) -> str:
        return AdmissionState(self.admission_state).label

    @property
    def passing_result(self):
        """Needs ``with_passing_result()``."""
        results = getattr(self, "passing_results", None)
        return results[0] if results else None
