"""The change history page in German: numbers and percentages as written in German,
and no entry for a save that changed nothing a reader could see."""

import datetime as dt
from decimal import Decimal

import pytest

from core import formats
from core.history import build_entries
from courses.models import Course, ExamResult
from housing.models import Participant
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def _changes(model, pk):
    entries = build_entries(list(model.history.filter(id=pk)), model)
    return [
        (change.label, change.old, change.new)
        for entry in entries
        if entry.action == "geändert"
        for change in entry.changes
    ]


def test_formats():
    assert formats.number(Decimal("80.0")) == "80"
    assert formats.number(Decimal("66.7")) == "66,7"
    assert formats.number(Decimal("12.50")) == "12,50"
    assert formats.number(66.7) == "66,7"
    assert formats.number(3) == "3"
    assert formats.number(None) == ""
    assert formats.percent(Decimal("80.0")) == "80 %"
    assert formats.percent(Decimal("66.7")) == "66,7 %"


def test_percentages_read_as_percentages(coordinator):
    course = course_with_exam(min_attendance_percent=80)
    course.min_attendance_percent = 75
    course.save()
    assert ("Mindestanwesenheit für die Prüfungszulassung (%)", "80 %", "75 %") in _changes(
        Course, course.pk
    )


def test_a_decimal_result_with_a_comma(coordinator):
    result = ExamResult.objects.get(enrolment=passed_enrolment())
    result.percent = Decimal("66.7")
    result.save()
    assert ("Prozent", "80 %", "66,7 %") in _changes(ExamResult, result.pk)


def test_a_reordered_list_is_no_change():
    participant = ParticipantFactory(languages=["ar", "de"])
    participant.languages = ["de", "ar"]
    participant.save()
    assert _changes(Participant, participant.pk) == []
    # An entry for the save is not made at all (nothing but the order changed).
    assert [e.action for e in build_entries(list(participant.history.all()), Participant)] == [
        "angelegt"
    ]


def test_the_same_date_as_text_and_the_same_number_are_no_change():
    participant = ParticipantFactory(entry_date=dt.date(2026, 3, 1))
    history = list(participant.history.all())
    (created,) = history
    # A second record whose values equal the first for a reader: the date as ISO
    # text (as a JSON import writes it), the same values otherwise.
    later = Participant.history.model.objects.get(pk=created.pk)
    later.pk = None
    later.history_type = "~"
    later.history_date = created.history_date + dt.timedelta(minutes=1)
    later.entry_date = "2026-03-01"
    assert build_entries([created, later], Participant)[0].action == "angelegt"
    assert len(build_entries([created, later], Participant)) == 1


def test_a_real_change_still_shows():
    participant = ParticipantFactory(languages=["ar"])
    participant.languages = ["ar", "tr"]
    participant.save()
    assert _changes(Participant, participant.pk) == [
        ("Gesprochene Sprachen", "Arabisch", "Arabisch, Türkisch")
    ]
