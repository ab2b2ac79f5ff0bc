"""The main screens, as one list used by the volume benchmark (benchmarks/bench_volume.py)
and by the query-count test (tests/core/test_generate_volume.py), so the two measure the
same pages. Each screen is (title, username, url) for the data in the database now: the
demo's users, and "the busiest" household, course, session and exam there is.
"""

from django.db.models import Count


def main_screens() -> list[tuple[str, str, str]]:
    from certificates.models import Certificate
    from courses.models import Course, Exam, Session
    from housing.models import Household, Participant
    from placement.models import Vacancy, VacancyStatus

    busiest_household = (
        Household.objects.annotate(n=Count("visits")).order_by("-n", "pk").values("pk").first()
    )
    course = Course.objects.annotate(n=Count("enrolments")).order_by("-n", "pk").first()
    session = (
        Session.objects.filter(course=course).annotate(n=Count("attendances")).order_by("-n", "pk")
    ).first()
    exam = Exam.objects.annotate(n=Count("results")).order_by("-n", "pk").first()
    family = Certificate.objects.order_by("pk").values_list("holder_family_name", flat=True).first()
    vacancy = (
        Vacancy.objects.filter(status__in=[VacancyStatus.OPEN, VacancyStatus.PROPOSED])
        .order_by("pk")
        .first()
    )
    # The person with the most records: a member of the busiest household.
    person = (
        Participant.objects.filter(household=busiest_household["pk"]).order_by("pk").first()
        if busiest_household
        else None
    )
    screens = [
        ("participant list", "coordinator", "/admin/participants/"),
        ("participant search by name", "coordinator", "/admin/participants/?q=Popescu"),
        ("caseload of a companion", "companion", "/admin/housing/caseload/"),
        ("caseload, coordinator", "coordinator", "/admin/housing/caseload/"),
        (
            "timeline of the busiest household",
            "coordinator",
            f"/admin/housing/households/{busiest_household['pk']}/timeline/",
        ),
        ("course overview", "coordinator", f"/admin/course-tasks/{course.pk}/"),
        ("landlord list", "coordinator", "/admin/landlords/"),
        ("tenancy list", "coordinator", "/admin/tenancies/"),
        ("certificate list", "coordinator", "/admin/certificates/"),
        ("certificate search", "coordinator", f"/admin/certificates/?q={family or 'Popescu'}"),
        ("monitoring report for a year", "coordinator", "/admin/monitoring/?kind=year"),
        ("site history", "coordinator", "/admin/reports/site-history/"),
    ]
    screens.append(("access log report", "coordinator", "/admin/privacy/access-log/"))
    if vacancy:
        screens.append(
            ("vacancy matching", "coordinator", f"/admin/placement/vacancies/{vacancy.pk}/")
        )
    if person:
        screens.append(
            (
                "Datenauskunft of one person",
                "coordinator",
                f"/admin/privacy/participants/{person.pk}/export/",
            )
        )
    if session:
        screens.append(
            (
                "attendance screen",
                "coordinator",
                f"/admin/course-tasks/sessions/{session.pk}/attendance/",
            )
        )
    if exam:
        screens.append(
            ("exam results", "coordinator", f"/admin/course-tasks/exams/{exam.pk}/results/")
        )
    return screens
