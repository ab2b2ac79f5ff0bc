"""Every read of another app's data that monitoring makes, in one module.

Monitoring reads housing, courses and certificates; none of them imports monitoring.
Where the other app has (or is about to get) a named read rule, this module uses it or
says which one it stands in for, so adapting to a renamed rule is one edit here:

- "a qualification gained" → ``Certificate.objects.not_revoked()`` (not ``currently_valid()``,
  see ``not_revoked_certificates``);
- "attendance rate" → the one attendance-rate function of courses (issue 11);
- "overdue follow-up" → ``FollowUp.objects.overdue(today)`` (exists on main).

Every function returns a queryset (or a few numbers computed in the database), so the
callers in ``indicators.py``, ``figures.py`` and ``quality.py`` stay query-count constant.
"""

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q

# The exam that earned the certificate counting for EECR03: by four weeks after the exit.
QUALIFICATION_GRACE_DAYS = 28


def _models():
    # Imported at call time: monitoring must load even while another app is being
    # migrated, and the import cost stays out of Django's start-up.
    from certificates.models import Certificate
    from courses.models import ATTENDED, Attendance, Course, ExamResult, Session
    from housing.models import (
        CooperationAgreement,
        District,
        HomeVisit,
        Household,
        LandlordConcern,
        Participant,
        Tenancy,
    )

    return {
        "Attendance": Attendance,
        "ATTENDED": ATTENDED,
        "Certificate": Certificate,
        "CooperationAgreement": CooperationAgreement,
        "Course": Course,
        "District": District,
        "ExamResult": ExamResult,
        "HomeVisit": HomeVisit,
        "Household": Household,
        "LandlordConcern": LandlordConcern,
        "Participant": Participant,
        "Session": Session,
        "Tenancy": Tenancy,
    }


def _m(name):
    return _models()[name]


# --- Housing: people, districts -------------------------------------------------------------


def districts():
    return _m("District").objects.order_by("name")


def participants():
    """Every participant (monitoring is for coordinators, who see everyone)."""
    return _m("Participant").objects.all()


def lock_participant(pk) -> None:
    """Lock the participant's row until the transaction ends (no change is made to it)."""
    _m("Participant").objects.select_for_update().filter(pk=pk).values_list("pk").first()


def search_participants(text: str):
    """Participants whose name matches every word typed, forgiving accents and
    transliterations (housing's one name search, ``ParticipantQuerySet.matching``)."""
    return _m("Participant").objects.matching(" ".join(text.split()[:5]))


def participant(pk):
    return _m("Participant").objects.select_related("household__district").get(pk=pk)


def age_on(date_of_birth: dt.date, day: dt.date) -> int:
    """Completed years on ``day``."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def participant_snapshot(person, entry_date: dt.date) -> dict:
    """What an entry record keeps of the person: age at entry and district, no identity."""
    return {
        "age_at_entry": age_on(person.date_of_birth, entry_date),
        "district_id": person.household.district_id,
    }


def participants_who_left():
    """Participants with an exit date (housing records when someone left the programme)."""
    return _m("Participant").objects.filter(exit_date__isnull=False).values("pk")


def record_programme_exit(participant_id: int, exit_date: dt.date) -> None:
    """Set housing's exit date of the person to the exit of their latest participation.

    The one write monitoring makes outside its own tables; saved through the model, so the
    change history shows it. A later entry into housing's record stays the person's own.
    """
    person = _m("Participant").objects.get(pk=participant_id)
    if person.exit_date != exit_date and exit_date >= person.entry_date:
        person.exit_date = exit_date
        person.save(update_fields=["exit_date", "updated_at"])


def participants_in_programme(start, end, district=None):
    """Participants whose time in the programme meets [start, end] (housing's dates)."""
    people = (
        _m("Participant")
        .objects.filter(entry_date__lte=end)
        .filter(Q(exit_date__isnull=True) | Q(exit_date__gte=start))
    )
    if district is not None:
        people = people.filter(household__district=district)
    return people


# --- Certificates -----------------------------------------------------------------------------


def certificates(district=None):
    found = _m("Certificate").objects.all()
    if district is not None:
        found = found.filter(course__district=district)
    return found


def not_revoked_certificates():
    """Certificates that stand for a qualification gained: every one not revoked.

    Deliberately not ``currently_valid()`` (issue 11: issued, not revoked, not expired
    today): a certificate that has expired since, or whose PDF is still being made, was
    still gained on its exam date. Nor plain ``not_revoked()``: a certificate revoked
    because its holder's data were erased was still gained (``gained()``).
    """
    return _m("Certificate").objects.gained()


def qualification_gained(entry_ref="entry", exit_ref=None):
    """``Exists`` subquery: the person gained the Integrationszertifikat Wohnen (EECR03).

    A certificate (not revoked) for an exam passed between the entry and four weeks after
    the exit. The exam date counts, not the issue date: the qualification is gained with
    the exam, and the paper may be printed later. For use in an ExitRecord queryset
    (``entry_ref`` is the path to the entry record).
    """
    exit_date = OuterRef(f"{exit_ref}__exit_date" if exit_ref else "exit_date")
    return Exists(
        not_revoked_certificates().filter(
            participant=OuterRef(f"{entry_ref}__participant"),
            exam_date__gte=OuterRef(f"{entry_ref}__entry_date"),
            exam_date__lte=exit_date + dt.timedelta(days=QUALIFICATION_GRACE_DAYS),
        )
    )


# --- Courses ----------------------------------------------------------------------------------


def held_sessions(start, end, district=None):
    """Sessions that took place in [start, end]: not cancelled."""
    sessions = _m("Session").objects.filter(cancelled=False, date__gte=start, date__lte=end)
    if district is not None:
        sessions = sessions.filter(course__district=district)
    return sessions


def attendance_counts(start, end, district=None) -> tuple[int, int]:
    """(attended, recorded) attendance entries of sessions held in [start, end].

    Counted and attended as the courses' one attendance figure says
    (``AttendanceQuerySet.counted`` / ``attended``: late is attended, an excused absence
    as the course decides).
    """
    entries = _m("Attendance").objects.filter(
        session__in=held_sessions(start, end, district).values("pk")
    )
    rows = entries.counted().aggregate(
        recorded=Count("pk"),
        attended=Count("pk", filter=Q(pk__in=entries.attended().values("pk"))),
    )
    return rows["attended"], rows["recorded"]


def finished_course_participants() -> list[tuple[int, dt.date]]:
    """(participant id, course end) for active enrolments in finished courses (demo data)."""
    from courses.models import CourseStatus, Enrolment, EnrolmentStatus

    return list(
        Enrolment.objects.filter(
            status=EnrolmentStatus.ACTIVE, course__status=CourseStatus.FINISHED
        )
        .order_by("course__end_date", "participant_id")
        .values_list("participant_id", "course__end_date")
    )


def exam_results(district=None):
    results = _m("ExamResult").objects.all()
    if district is not None:
        results = results.filter(exam__course__district=district)
    return results


# --- Housing: tenancies, agreements, visits, concerns -------------------------------------------


def tenancies(district=None):
    found = _m("Tenancy").objects.all()
    if district is not None:
        found = found.filter(household__district=district)
    return found


def tenancy_kept_on(start):
    """The day a tenancy that started on ``start`` counts as kept (housing's rule)."""
    from housing.models.landlords import kept_on

    return kept_on(start)


def tenancy_kept_since(start, end, today):
    """housing's rule: the day the tenancy counts as kept, or None (not yet, or ended before)."""
    from housing.models.landlords import kept_since

    return kept_since(start, end, today)


def cooperation_in_force():
    """``Exists``: the tenancy's landlord had a signed agreement in force at its start."""
    agreements = _m("CooperationAgreement").objects.in_force(OuterRef("start"))
    return Exists(agreements.filter(landlord=OuterRef("landlord")))


def home_visits(start, end, district=None):
    visits = _m("HomeVisit").objects.filter(date__gte=start, date__lte=end)
    if district is not None:
        visits = visits.filter(household__district=district)
    return visits


def concerns(district=None):
    found = _m("LandlordConcern").objects.all()
    if district is not None:
        found = found.filter(tenancy__household__district=district)
    return found
