"""The admin's action log ("Site history") and its exports show each user only their scope,
and its entries name no person."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from core.roles import Role
from tests.conftest import client_for
from tests.courses.factories import CourseFactory
from tests.factories import HouseholdFactory, ParticipantFactory, UserFactory
from tests.housing.factories import HomeVisitFactory

NAME = "Hüseyin"


@pytest.fixture
def logged(users):
    """Records of two companions and two trainers, each saved through Wagtail's log."""
    other_companion = UserFactory(username="companion-other", role=Role.COMPANION)
    other_trainer = UserFactory(username="trainer-other", role=Role.TRAINER)
    own_household = HouseholdFactory(name="Familie Eigen", companions=[users["companion"]])
    other_household = HouseholdFactory(name="Familie Fremd", companions=[other_companion])
    records = {
        "own_participant": ParticipantFactory(given_names="Ana", household=own_household),
        "other_participant": ParticipantFactory(given_names=NAME, household=other_household),
        "own_visit": HomeVisitFactory(household=own_household),
        "other_visit": HomeVisitFactory(household=other_household),
        "own_course": CourseFactory(title="Kurs Eigen", trainers=[users["trainer"]]),
        "other_course": CourseFactory(title="Kurs Fremd", trainers=[other_trainer]),
    }
    for record in records.values():
        log(instance=record, action="wagtail.edit", user=users["coordinator"])
    return records


def _entry_ids(client, **params):
    response = client.get(reverse("wagtailadmin_reports:site_history"), params)
    assert response.status_code == 200
    return {(e.content_type.model, e.object_id) for e in response.context["object_list"]}


def _key(record):
    return (record._meta.model_name, str(record.pk))


def test_companion_sees_only_entries_of_own_households(users, logged):
    seen = _entry_ids(client_for(users["companion"]))
    assert _key(logged["own_participant"]) in seen
    assert _key(logged["own_visit"]) in seen
    assert _key(logged["other_participant"]) not in seen
    assert _key(logged["other_visit"]) not in seen
    assert not {key for key in seen if key[0] == "course"}


def test_trainer_sees_only_own_courses(users, logged):
    seen = _entry_ids(client_for(users["trainer"]))
    assert _key(logged["own_course"]) in seen
    assert _key(logged["other_course"]) not in seen
    assert not {key for key in seen if key[0] in ("participant", "homevisit")}


def test_coordinator_sees_everything(users, logged):
    seen = _entry_ids(client_for(users["coordinator"]))
    assert {_key(record) for record in logged.values()} <= seen


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_export_is_scoped_too(users, logged, export):
    response = client_for(users["companion"]).get(
        reverse("wagtailadmin_reports:site_history"), {"export": export}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        text = body.decode("utf-8-sig")
        assert f"Teilnehmende(r) #{logged['own_participant'].pk}" in text
        assert f"#{logged['other_participant'].pk}" not in text
        assert "Familie Fremd" not in text and NAME not in text
    else:
        from io import BytesIO

        from openpyxl import load_workbook

        cells = {
            str(cell.value)
            for row in load_workbook(BytesIO(body)).active.iter_rows()
            for cell in row
        }
        assert f"Teilnehmende(r) #{logged['own_participant'].pk}" in cells
        assert f"Teilnehmende(r) #{logged['other_participant'].pk}" not in cells


def test_filter_choices_name_only_what_the_user_may_see(users, logged):
    response = client_for(users["companion"]).get(reverse("wagtailadmin_reports:site_history"))
    filters = response.context["filters"]
    choices = {ct.model for ct in filters.filters["object_type"].queryset(filters.request)}
    assert "participant" in choices
    assert "course" not in choices


def test_log_entries_name_no_person(users, logged):
    labels = set(ModelLogEntry.objects.values_list("label", flat=True))
    assert f"Teilnehmende(r) #{logged['other_participant'].pk}" in labels
    assert f"Hausbesuch #{logged['own_visit'].pk}" in labels
    assert not any(NAME in label or "Familie" in label for label in labels)
    # A course title names no person: it stays readable.
    assert "Kurs Eigen (02.03.2026)" in labels


def test_a_generic_admin_save_is_logged_without_the_name(coordinator_client):
    from tests.housing.test_participants import form_data

    household = HouseholdFactory()
    response = coordinator_client.post(
        reverse("participants:add"), form_data(household, given_names="Zorniza")
    )
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(content_type__model="participant")
    assert entry.label.startswith("Teilnehmende(r) #")
    assert "Zorniza" not in entry.label
