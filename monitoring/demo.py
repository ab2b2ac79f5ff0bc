"""Invented ESF Plus monitoring data for the demo participants.

Every demo participant gets entry data (a mix a coordinator would recognise: mostly EU
citizens from Romania and Bulgaria, unemployed or long-term unemployed, many with school
education gained abroad; teenagers in school). People who took a finished course leave
a couple of weeks after it ended, with their situation upon leaving; a few left early in
spring, so their six-month follow-ups are due now (one already answered). One record is
left incomplete and one exit without exit data, so the data-quality panel shows both.

Idempotent: a participant with entry data gets none again; exits and follow-ups are made
once. All state changes go through the services.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from monitoring import services, sources
from monitoring.models import EntryRecord, ExitRecord, FollowUpStatus, SixMonthFollowUp

WOMEN = {
    "Elena", "Ioana", "Cristina", "Ana-Maria", "Florentina", "Mirela", "Denisa", "Мария",
    "Йорданка", "Radka", "Sevdalina", "فاطمة", "ليلى", "سارة", "Ayşe", "Zeynep", "Олена",
    "Софія", "Наталія", "Nicoleta",
}  # fmt: skip
NON_BINARY = {"Alexandru"}
EU_LANGUAGES = {"ro", "bg"}
# Cycled through for adults, so the demo shows every group.
STATUSES = ["long_term_unemployed", "unemployed", "unemployed", "employed", "inactive"]
EDUCATIONS = [
    "foreign_school",
    "foreign_secondary",
    "hauptschule",
    "none",
    "foreign_school",
    "vocational",
    "foreign_tertiary",
    "abitur",
]
HOUSING = ["none", "none", "insecure", "none", "houseless", "none", "inadequate"]
SITUATIONS = ["employed", "job_searching", "education", "job_searching", "other", "employed"]
# Early leavers (family name, reason, months after entry) with their follow-up answer.
EARLY = [
    ("Shevchuk", "employment", 2, ("answered", True, True)),
    ("Demir", "moved", 3, None),
    ("Kovalenko", "dropped_out", 1, ("not_reached", None, None)),
    ("Al-Hassan", "moved", 1, None),
    ("Al-Khatib", "other", 2, None),
]
INCOMPLETE = ("Emre", "Yılmaz")  # labour status not recorded yet
LEFT_WITHOUT_DATA = ("Emil", "Asenov")


def _coordinator():
    return get_user_model().objects.filter(username="coordinator").first()


def _entry_data(index, person, age):
    languages = set(person.languages)
    adult = age >= 18
    data = {
        "gender": "non_binary"
        if person.given_names in NON_BINARY
        else ("woman" if person.given_names in WOMEN else "man"),
        "labour_status": STATUSES[index % len(STATUSES)] if adult else "inactive_in_education",
        "education": EDUCATIONS[index % len(EDUCATIONS)] if adult else "foreign_school",
        "nationality": "eu" if languages & EU_LANGUAGES else "third_country",
        "foreign_background": "yes",
        "housing_exclusion": HOUSING[index % len(HOUSING)],
        "minority": "yes" if "rom" in languages else ("not_stated" if index % 5 == 0 else "no"),
        "disability": "yes" if index % 11 == 3 else ("not_stated" if index % 7 == 0 else "no"),
    }
    if age < 20 and adult and index % 2:
        data["labour_status"] = "inactive_in_education"
    if (person.given_names, person.family_name) == INCOMPLETE:
        data["labour_status"] = ""
    return data


def _record_entries(coordinator) -> int:
    made = 0
    people = sources.participants().select_related("household").order_by("pk")
    done = set(EntryRecord.objects.values_list("participant_id", flat=True))
    for index, person in enumerate(people):
        if person.pk in done:
            continue
        age = sources.age_on(person.date_of_birth, person.entry_date)
        services.record_entry(
            person,
            by=coordinator,
            entry_date=person.entry_date,
            **_entry_data(index, person, age),
        )
        made += 1
    return made


def _exit(entry, coordinator, exit_date, reason, situation, today):
    if ExitRecord.objects.filter(entry=entry).exists() or exit_date > today:
        return False
    situation_on = min(exit_date + dt.timedelta(days=10), today) if situation else None
    services.record_exit(
        entry,
        by=coordinator,
        exit_date=exit_date,
        reason=reason,
        situation=situation,
        situation_on=situation_on,
    )
    sources.participants().filter(pk=entry.participant_id, exit_date__isnull=True).update(
        exit_date=exit_date
    )
    return True


def _record_exits(coordinator, today) -> int:
    made = 0
    entries = {e.participant_id: e for e in EntryRecord.objects.filter(participant__isnull=False)}
    finished = sources.finished_course_participants()
    for index, (participant_id, course_end) in enumerate(finished):
        entry = entries.get(participant_id)
        if entry is not None and entry.participant.given_names != LEFT_WITHOUT_DATA[0]:
            situation = SITUATIONS[index % len(SITUATIONS)]
            exit_date = course_end + dt.timedelta(days=7 + index % 3 * 5)
            made += _exit(entry, coordinator, exit_date, "completed", situation, today)
    for entry in entries.values():
        person = entry.participant
        latin = (person.name_latin or person.family_name).split()[-1]
        for family_name, reason, months, _answer in EARLY:
            if latin == family_name and person.given_names not in WOMEN:
                exit_date = entry.entry_date + dt.timedelta(days=30 * months)
                situation = "employed" if reason == "employment" else ""
                made += _exit(entry, coordinator, exit_date, reason, situation, today)
    given, family = LEFT_WITHOUT_DATA
    sources.participants().filter(
        given_names=given, family_name=family, exit_date__isnull=True
    ).update(exit_date=min(today - dt.timedelta(days=35), dt.date(2026, 10, 30)))
    return made


def _answer_follow_ups(coordinator, today) -> int:
    services.create_due_follow_ups(today)
    answered = 0
    for follow_up in SixMonthFollowUp.objects.filter(status=FollowUpStatus.OPEN).select_related(
        "exit__entry__participant"
    ):
        person = follow_up.exit.entry.participant
        latin = (person.name_latin or person.family_name).split()[-1]
        for family_name, _reason, _months, answer in EARLY:
            if latin == family_name and answer and follow_up.due_on <= today:
                status, employed, improved = answer
                services.answer_follow_up(
                    follow_up,
                    by=coordinator,
                    status=status,
                    answered_on=min(follow_up.due_on + dt.timedelta(days=6), today),
                    employed=employed,
                    improved=improved,
                    note="Demo: telefonisch",
                )
                answered += 1
    return answered


def seed(stdout) -> None:
    coordinator = _coordinator()
    if coordinator is None:
        return
    today = timezone.localdate()
    entries = _record_entries(coordinator)
    exits = _record_exits(coordinator, today)
    answered = _answer_follow_ups(coordinator, today)
    open_count = SixMonthFollowUp.objects.filter(status=FollowUpStatus.OPEN).count()
    stdout.write(
        f"Monitoring: {entries} entry records, {exits} exits, "
        f"{answered} follow-ups answered, {open_count} due"
    )
