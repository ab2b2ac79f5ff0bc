"""Small helpers shared by the course tests (fixtures are in ``conftest.py``)."""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.services import CertificateError
from courses.services import CourseError
from tests.conftest import client_for

TODAY = timezone.localdate()


def task_url(name, obj):
    return reverse(f"courses_{name}", args=[obj.pk])


def german_client(user):
    client = client_for(user)
    client.defaults.update(HTTP_ACCEPT_LANGUAGE="de")
    return client


def error_of(call, *args, **kwargs):
    """The domain error ``call`` raises (the test fails if it raises none)."""
    with pytest.raises((CourseError, CertificateError)) as caught:
        call(*args, **kwargs)
    return caught.value


def html_has(response, message):
    return unescape(message) in unescape(response.content.decode())


def course_form_data(district, trainer, **overrides):
    """The course form's fields as a browser posts them; ``overrides`` replace single values."""
    data = {
        "title": "Mietführerschein Frühjahr",
        "location": "Stadtteilbüro Wehringhausen",
        "district": district.pk,
        "instruction_languages": ["de"],
        "interpretation_languages": ["bg"],
        "trainers": [trainer.pk],
        "capacity": "10",
        "start_date": "02.03.2026",
        "end_date": "29.05.2026",
        "status": "planned",
        "min_attendance_percent": "80",
        # Only a coordinator's form has this field; a trainer's ignores it.
        "excused_absence": "absent",
        "notes": "",
    }
    data.update(overrides)
    return data
