"""The demo's monitoring data: every participant has entry data, the report and its
charts show something, and ``esf_report`` agrees with the screen."""

import io
import re

from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from housing.models import Participant
from monitoring.models import EntryRecord, ExitRecord, SixMonthFollowUp


class MonitoringDemoChecks:
    """Run on the demo made once for all demo checks (tests/test_demo_data.py)."""

    def test_every_participant_has_entry_data_and_some_left(self):
        assert EntryRecord.objects.count() == Participant.objects.count() > 30
        assert EntryRecord.objects.incomplete().count() == 1  # for the data-quality panel
        assert ExitRecord.objects.count() >= 10
        assert set(ExitRecord.objects.values_list("situation", flat=True)) >= {
            "employed",
            "job_searching",
            "education",
        }
        assert SixMonthFollowUp.objects.filter(status="open").exists()
        assert SixMonthFollowUp.objects.filter(status="answered").exists()
        genders = set(EntryRecord.objects.values_list("gender", flat=True))
        assert genders == {"woman", "man", "non_binary"}

    def test_esf_report_on_the_demo_agrees_with_the_screen(self):
        year = timezone.localdate().year
        out = io.StringIO()
        call_command("esf_report", "--from", f"{year}-01-01", "--to", f"{year}-12-31", stdout=out)
        command = {
            line.split(",")[0]: [int(n) for n in line.split(",")[1:]]
            for line in out.getvalue().splitlines()[1:]
        }
        client = Client()
        client.force_login(get_user("coordinator"))
        html = client.get(reverse("monitoring_report"), {"kind": "year", "year": year}).content
        screen = {}
        for code, body in re.findall(r'<tr data-code="(\w+)">(.*?)</tr>', html.decode(), re.S):
            screen[code] = [
                int(n) for n in re.findall(r'data-column="\w+">(?:<strong>)?(\d+)', body)
            ]
        assert command == screen
        assert command["EECO01"][3] == Participant.objects.count()
        assert command["EECR03"][3] > 0  # certificates of the finished courses
        assert command["EECR05"][3] >= 1
        assert "1 Austritt ohne Austrittsdaten" in html.decode()


def get_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
