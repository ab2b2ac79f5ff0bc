"""``manage.py generate_volume``: the contract, the data it makes, and the main screens'
query counts, which must not grow with the data (no N+1 at five years' size)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings

from benchmarks.screens import main_screens
from certificates.models import Certificate, Verification
from core.management.commands.generate_volume import generators
from courses.models import Attendance, ExamResult
from housing.models import HomeVisit, Participant
from monitoring.models import EntryRecord
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("generate_volume", scale=0.02)
    assert not Participant.objects.exists()


def test_every_app_with_a_volume_module_takes_part():
    assert [label for label, _generate in generators()][:4] == [
        "housing",
        "courses",
        "certificates",
        "monitoring",
    ]


def _counts(screens):
    counts = {}
    for title, username, url in screens:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        counts[title] = count_queries(client, url)
    return counts


class VolumeOnTheDemoChecks:
    """Run on the demo made once for all demo checks (tests/test_demo_data.py)."""

    @override_settings(DEBUG=True)
    def test_volume_data_and_constant_query_counts(self):
        # The same records at both sizes: the busiest household of the demo stays the one
        # measured (a generated household may have sections the demo's has not, one query
        # each; the growth of one household's visits is tests/housing/test_housing_queries.py).
        screens = main_screens()
        at_demo_size = _counts(screens)
        demo_people = Participant.objects.count()

        call_command("generate_volume", scale=0.02, force=True)

        # About 120 more people (6,000 × 0.02) with everything that belongs to them.
        assert Participant.objects.count() - demo_people >= 100
        assert (
            Participant.objects.exclude(name_latin="").filter(given_names__regex=r"[А-я]").exists()
        )  # Cyrillic names carry a Latin spelling
        assert Participant.objects.filter(given_names__regex=r"[\u0600-\u06FF]").exists()
        assert HomeVisit.objects.count() >= 800
        assert Attendance.objects.count() >= 1000
        assert ExamResult.objects.exists() and Certificate.objects.exists()
        assert Verification.objects.count() >= 900
        assert EntryRecord.objects.count() >= Participant.objects.count() - demo_people

        at_volume = _counts(screens)
        # Never more queries with more data (the report may need one fewer: a query only
        # made for an empty year).
        grown = {t: (at_demo_size[t], n) for t, n in at_volume.items() if n > at_demo_size[t]}
        assert not grown, grown
        assert set(at_volume) == set(at_demo_size)
