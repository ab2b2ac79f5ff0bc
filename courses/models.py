"""Courses: curriculum, courses, sessions (Termine), enrolments, attendance, exams, results.

State changes go through ``courses/services.py``; the models hold the data, the
invariants the database can check, and the read filters (``visible_to``,
``eligible_for_certificate``).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import HistoricalRecords, MultipleChoiceField
from core.languages import Language
from core.roles import Role, has_role, sees_everything


class CurriculumModuleQuerySet(models.QuerySet):
    def active(self):
        """Modules offered for new courses, visits and material pages (not retired)."""
        return self.filter(retired_at__isnull=True)

    def offered(self, *keep_pks):
        """Active modules, plus those a record already uses (an edit form keeps its value)."""
        return self.filter(Q(retired_at__isnull=True) | Q(pk__in=[pk for pk in keep_pks if pk]))


class CurriculumModule(models.Model):
    """One teaching module of the Mietführerschein, e.g. "Heizen und Lüften".

    Editors and coordinators add, rename, order and retire modules
    (``courses/curriculum.py``); ``code`` never changes once saved, because course
    sessions and the CMS material pages refer to modules by it. A retired module is
    no longer offered for new work; what refers to it (courses, visits, its material
    pages) stays as it is and readable.
    """

    log_label_from_str = True  # a module's title names no person (core.audit)

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Part of web addresses; cannot be changed later."),
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True, editable=False)

    objects = CurriculumModuleQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("curriculum module")
        verbose_name_plural = _("curriculum modules")

    def __str__(self):
        return self.title

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


# --- Courses ------------------------------------------------------------------


class CourseStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")
    CANCELLED = "cancelled", _("cancelled")


class CourseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators see every course; a trainer the courses they teach or co-teach."""
        if sees_everything(user):
            return self
        if has_role(user, Role.TRAINER):
            # A subquery rather than a join, so no duplicates and no DISTINCT.
            own = Course.trainers.through.objects.filter(user=user).values("course_id")
            co = Course.co_trainers.through.objects.filter(user=user).values("course_id")
            return self.filter(Q(pk__in=own) | Q(pk__in=co))
        return self.none()


class Course(models.Model):
    """One Mietführerschein course: several weeks of sessions for a small group."""

    # Its name names no person, so the admin's action log may show it (core.audit).
    log_label_from_str = True

    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(
        _("location"), max_length=200, help_text=_("E.g. “Stadtteilbüro Altenhagen”.")
    )
    district = models.ForeignKey(
        "housing.District",
        on_delete=models.PROTECT,
        related_name="courses",
        verbose_name=_("district"),
    )
    instruction_languages = MultipleChoiceField(
        _("languages of instruction"), choices=Language.choices, blank=False
    )
    interpretation_languages = MultipleChoiceField(
        _("languages of interpretation"), choices=Language.choices
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="courses_trained",
        verbose_name=_("trainers"),
        limit_choices_to={"groups__name": Role.TRAINER},
    )
    co_trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="courses_co_trained",
        verbose_name=_("co-trainers"),
        limit_choices_to={"groups__name": Role.TRAINER},
        help_text=_("Native-speaker co-trainers; they see and run the course like trainers."),
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=12)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=16, choices=CourseStatus.choices, default=CourseStatus.PLANNED
    )
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance for exam admission (%)"), default=80
    )
    modules = models.ManyToManyField(
        CurriculumModule, blank=True, related_name="courses", verbose_name=_("modules")
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[trainers, co_trainers])
    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        # Who admits to the exam is a programme rule, not a trainer's choice.
        permissions = [
            ("set_admission_rule", _("Can set the minimum attendance for exam admission"))
        ]
        constraints = [
            models.CheckConstraint(
                name="course_end_not_before_start",
                condition=Q(end_date__gte=F("start_date")),
                violation_error_message=_("The end of the course cannot be before its start."),
            ),
            models.CheckConstraint(
                name="course_capacity_positive",
                condition=Q(capacity__gte=1),
                violation_error_message=_("A course needs room for at least one participant."),
            ),
            models.CheckConstraint(
                name="course_min_attendance_percent_range",
                condition=Q(min_attendance_percent__lte=100),
                violation_error_message=_("The minimum attendance is a percentage (0–100)."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start_date:%d.%m.%Y})"

    def taught_period(self) -> tuple[dt.date, dt.date]:
        """First and last session that is not cancelled: the course's real period.

        The certificate states it ("vom … bis zum … teilgenommen"); without sessions,
        the planned dates. One query.
        """
        dates = self.sessions.filter(cancelled=False).aggregate(
            first=models.Min("date"), last=models.Max("date")
        )
        return dates["first"] or self.start_date, dates["last"] or self.end_date

    def is_finished_on(self, today: dt.date | None = None) -> bool:
        """The course's last session (not cancelled) has taken place by ``today``.

        Certificates wait for it (``certificates.services.issue_certificate``).
        """
        return self.taught_period()[1] <= (today or timezone.localdate())


# --- Sessions -----------------------------------------------------------------


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(course__in=Course.objects.visible_to(user).values("pk"))

    def held(self, as_of: dt.date | None = None):
        """Sessions that count for attendance: the one definition of "held".

        Not cancelled, on or before ``as_of`` (today by default), and attendance has
        been taken: a session whose list is not filled in yet must not push everyone
        below the minimum. ``EnrolmentQuerySet.with_attendance`` counts these.
        """
        return self.filter(
            cancelled=False,
            date__lte=as_of or timezone.localdate(),
            pk__in=Attendance.objects.values("session_id"),
        )


class Session(models.Model):
    """One meeting (Termin) of a course."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("course")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    modules = models.ManyToManyField(
        CurriculumModule, blank=True, related_name="sessions", verbose_name=_("modules")
    )
    room = models.CharField(_("room"), max_length=100, blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions_led",
        verbose_name=_("trainer"),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancel_reason = models.CharField(_("reason for cancellation"), max_length=255, blank=True)

    history = HistoricalRecords()
    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                name="session_end_after_start",
                condition=Q(end_time__gt=F("start_time")),
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                name="session_cancelled_has_reason",
                condition=Q(cancelled=False) | ~Q(cancel_reason=""),
                violation_error_message=_("Give a reason when cancelling a session."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.start_time:%H:%M}–{self.end_time:%H:%M}"


# --- Enrolments ---------------------------------------------------------------


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("enrolled")
    WAITING = "waiting", _("waiting list")
    WITHDRAWN = "withdrawn", _("withdrawn")


OPEN_STATUSES = (EnrolmentStatus.ACTIVE, EnrolmentStatus.WAITING)


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    LATE = "late", _("late")
    EXCUSED = "excused", _("excused")
    ABSENT = "absent", _("absent")


# Late still means the person took part; excused and absent do not count as attended.
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class AdmissionState(models.TextChoices):
    """Whether a person may sit the exam; see ``EnrolmentQuerySet.with_admission``."""

    ADMITTED = "admitted", _("admitted")
    BELOW_MINIMUM = "below_minimum", _("below the minimum")
    BY_EXCEPTION = "by_exception", _("admitted by exception")
    NO_DATA = "no_data", _("no attendance yet")


ADMITTED_STATES = (AdmissionState.ADMITTED, AdmissionState.BY_EXCEPTION)


class EnrolmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(course__in=Course.objects.visible_to(user).values("pk"))

    def active(self):
        return self.filter(status=EnrolmentStatus.ACTIVE)

    def with_attendance(self, as_of: dt.date | None = None):
        """Annotate ``sessions_held`` and ``sessions_attended``: the one attendance figure.

        Held sessions are ``SessionQuerySet.held(as_of)`` (today by default); attended
        are those of them the person came to, on time or late. The overview, the exam
        screens, the certificate, the timeline and the services all read these two
        counts (``attendance_percent`` only rounds them for display). Both counts are
        subqueries, so the annotation costs no extra query and does not multiply rows.
        """
        as_of = as_of or timezone.localdate()
        held_sessions = Session.objects.held(as_of).filter(course=OuterRef("course"))
        held = held_sessions.order_by().values("course").annotate(n=Count("pk")).values("n")
        attended = (
            Attendance.objects.filter(
                enrolment=OuterRef("pk"),
                status__in=ATTENDED,
                session__in=Session.objects.held(as_of).values("pk"),
            )
            .order_by()
            .values("enrolment")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            sessions_held=Coalesce(Subquery(held), Value(0)),
            sessions_attended=Coalesce(Subquery(attended), Value(0)),
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
        if not held:
            return None
        return round(100 * self.sessions_attended / held)

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


# --- Attendance ---------------------------------------------------------------


class AttendanceQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(session__course__in=Course.objects.visible_to(user).values("pk"))


class Attendance(models.Model):
    """Whether one enrolled participant came to one session.

    ``version`` grows by one with every change; a save that started from an older
    version is a conflict (someone else saved in between) and is refused.
    """

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("enrolment"),
    )
    status = models.CharField(_("attendance"), max_length=16, choices=AttendanceStatus.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    history = HistoricalRecords()
    objects = AttendanceQuerySet.as_manager()

    class Meta:
        ordering = ["session", "enrolment"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="attendance_one_per_session_and_enrolment"
            ),
        ]

    def __str__(self):
        return f"{self.enrolment.participant} {self.session}: {self.get_status_display()}"


# --- Exams --------------------------------------------------------------------


class ExamFormat(models.TextChoices):
    WRITTEN = "written", _("written")
    ORAL = "oral", _("oral")
    PICTORIAL = "pictorial", _("pictorial")


class ExamQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(course__in=Course.objects.visible_to(user).values("pk"))


class Exam(models.Model):
    """The final exam of a course; resits are further attempts at the same exam."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="exams", verbose_name=_("course")
    )
    date = models.DateField(_("date"))
    format = models.CharField(
        _("format"), max_length=16, choices=ExamFormat.choices, default=ExamFormat.WRITTEN
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.GERMAN
    )
    interpreter = models.CharField(
        _("interpreter"), max_length=200, blank=True, help_text=_("Name and language, if any.")
    )
    committee = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="exam_committees",
        verbose_name=_("exam committee"),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(_("pass mark (%)"), default=60)

    history = HistoricalRecords()
    objects = ExamQuerySet.as_manager()

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("exam")
        verbose_name_plural = _("exams")
        constraints = [
            models.CheckConstraint(
                name="exam_pass_mark_percent_range",
                condition=Q(pass_mark_percent__gte=1) & Q(pass_mark_percent__lte=100),
                violation_error_message=_("The pass mark is a percentage (1–100)."),
            ),
        ]

    def __str__(self):
        return f"{self.get_format_display()} {self.date:%d.%m.%Y}"

    def admission_as_of(self, today: dt.date | None = None) -> dt.date:
        """The day attendance is counted up to for admission: the exam date, never past today.

        Before the exam, a session that has not happened yet cannot count, even if
        someone filled in its list early.
        """
        return min(self.date, today or timezone.localdate())


class ExamPart(models.Model):
    exam = models.ForeignKey(
        Exam, on_delete=models.CASCADE, related_name="parts", verbose_name=_("exam")
    )
    name = models.CharField(_("name"), max_length=120)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["exam", "sort_order", "pk"]
        verbose_name = _("exam part")
        verbose_name_plural = _("exam parts")
        constraints = [
            models.CheckConstraint(
                name="exampart_max_points_positive",
                condition=Q(max_points__gte=1),
                violation_error_message=_("A part needs at least one point."),
            ),
            models.UniqueConstraint(fields=["exam", "name"], name="exampart_unique_name_per_exam"),
        ]

    def __str__(self):
        return f"{self.name} ({self.max_points})"


class ExamResultQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(exam__course__in=Course.objects.visible_to(user).values("pk"))


class ExamResult(models.Model):
    """One attempt by one participant at one exam.

    ``part_points`` maps an ExamPart id (as text) to the points scored; ``total_points``,
    ``max_points``, ``percent`` and ``passed`` are computed by the service when saving,
    so lists and the certificate query never recompute them.

    ``version`` grows by one with every correction; a correction that started from an
    older version is refused (someone else corrected the attempt in between). The
    reason of a correction is kept with its history record (``history_change_reason``).
    """

    # Read by the change history page (core/history.py): corrections carry a reason,
    # and a flip between passed and not passed is marked there.
    history_shows_reason = True
    history_highlights = {"passed": _("pass/fail changed")}

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.PROTECT, related_name="results", verbose_name=_("enrolment")
    )
    exam = models.ForeignKey(
        Exam, on_delete=models.PROTECT, related_name="results", verbose_name=_("exam")
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    date = models.DateField(_("date"))
    part_points = models.JSONField(_("points per part"), default=dict)
    total_points = models.PositiveIntegerField(_("points"), default=0)
    max_points = models.PositiveIntegerField(_("maximum points"), default=0)
    percent = models.DecimalField(_("percent"), max_digits=5, decimal_places=1, default=Decimal(0))
    passed = models.BooleanField(_("passed"), default=False)
    admitted_by_exception = models.BooleanField(_("admitted by exception"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)

    # Room for the trainer's reason of a correction (the default holds 100 characters).
    history = HistoricalRecords(
        history_change_reason_field=models.CharField(max_length=255, null=True)
    )
    objects = ExamResultQuerySet.as_manager()

    class Meta:
        ordering = ["enrolment", "attempt"]
        verbose_name = _("exam result")
        verbose_name_plural = _("exam results")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "exam", "attempt"], name="examresult_one_per_attempt"
            ),
            models.CheckConstraint(name="examresult_attempt_positive", condition=Q(attempt__gte=1)),
            models.CheckConstraint(
                name="examresult_points_within_max",
                condition=Q(total_points__lte=F("max_points")),
                violation_error_message=_("The points cannot exceed the maximum."),
            ),
        ]

    def __str__(self):
        return f"{self.enrolment.participant}: {self.attempt}. {_('attempt')}"
