"""Fixtures of the course task screen tests: a course taught by ``trainer``, and that
trainer's client asking for German pages."""

import pytest

from tests.conftest import client_for
from tests.courses.factories import CourseFactory


@pytest.fixture
def course(trainer):
    return CourseFactory(trainers=[trainer])


@pytest.fixture
def trainer_client(trainer):
    client = client_for(trainer)
    client.defaults.update(HTTP_ACCEPT_LANGUAGE="de")
    return client
