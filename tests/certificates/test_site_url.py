"""The QR code must point where landlords can reach it: no certificate is issued,
and production does not start, while SITE_URL is a loopback address or a host
this server does not answer for."""

import subprocess

import pytest

from certificates import services
from certificates.models import Certificate
from certificates.services import CertificateError
from config.env import site_url_problem
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.core.test_startup import PRODUCTION, manage


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:8000", "http://localhost:8100", "http://[::1]:8000", "http://127.0.0.2"],
)
def test_loopback_addresses_are_refused_outside_debug(url):
    hosts = ["127.0.0.1", "localhost", "[::1]", "127.0.0.2"]
    assert "loopback" in site_url_problem(url, hosts, allow_loopback=False)
    assert site_url_problem(url, hosts, allow_loopback=True) == ""


def test_a_host_outside_allowed_hosts_is_refused():
    problem = site_url_problem(
        "https://zertifikate.example.org", ["mfs.example.org"], allow_loopback=False
    )
    assert "ALLOWED_HOSTS" in problem
    assert site_url_problem("https://mfs.example.org", [".example.org"], allow_loopback=False) == ""


def test_no_certificate_while_site_url_is_loopback(settings, coordinator):
    settings.DEBUG = False
    settings.SITE_URL = "http://127.0.0.1:8000"
    enrolment = passed_enrolment(course_with_exam())
    with pytest.raises(CertificateError) as raised:
        services.issue_certificate(enrolment, coordinator)
    assert raised.value.code == "site_unreachable"
    assert not Certificate.objects.exists()


def test_no_certificate_while_site_url_is_not_served(settings, coordinator):
    settings.SITE_URL = "https://zertifikate.example.org"
    settings.ALLOWED_HOSTS = ["mfs.example.org"]
    with pytest.raises(CertificateError) as raised:
        services.issue_certificate(passed_enrolment(course_with_exam()), coordinator)
    assert raised.value.code == "site_unreachable"


def test_production_refuses_to_start_with_a_loopback_site_url():
    result = manage("check", **{**PRODUCTION, "SITE_URL": "http://127.0.0.1:8000"})
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Configuration error: SITE_URL is a loopback address")


def test_production_refuses_to_start_when_site_url_is_not_an_allowed_host():
    result = manage("check", **{**PRODUCTION, "ALLOWED_HOSTS": "other.example.org"})
    assert result.returncode == 1
    assert "is not in ALLOWED_HOSTS" in result.stderr


@pytest.mark.parametrize(
    ("port", "site_url"),
    [("8100", "http://127.0.0.1:8100"), ("0.0.0.0:8200", "http://0.0.0.0:8200")],
)
def test_make_run_with_a_port_sets_site_url_to_match(port, site_url):
    out = subprocess.run(
        ["make", "-n", "run", f"PORT={port}"], capture_output=True, text=True, check=True
    ).stdout
    server = [line for line in out.splitlines() if "bin/dev-server" in line]
    demo = [line for line in out.splitlines() if "manage.py demo" in line]
    assert server and demo
    # The demo certificates are rendered in `make setup`: their QR codes too.
    for line in server + demo:
        assert f"SITE_URL=${{SITE_URL:-{site_url}}}" in line
