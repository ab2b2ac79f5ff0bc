"""Start-up with production settings: deploy checks pass, bad configuration stops with one line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-like-secret-key-0123456789-abcdefghijkl",
    "SITE_URL": "https://mietfuehrerschein.example.org",
    "ALLOWED_HOSTS": "mietfuehrerschein.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    ours = {
        "DEBUG",
        "SECRET_KEY",
        "DATABASE_URL",
        "SECURE_SSL_REDIRECT",
        "ALLOWED_HOSTS",
        "SITE_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests in this process
        "STAFF_2FA",
    }
    clean = {k: v for k, v in os.environ.items() if k not in ours}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_values(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_in_production_is_one_clear_line():
    env = {**PRODUCTION}
    del env["SECRET_KEY"]
    result = manage("check", **env)
    assert result.returncode == 1
    assert result.stderr.strip() == "Configuration error: SECRET_KEY must be set."


@pytest.mark.parametrize("key", ["short-key", "a" * 60])
def test_a_short_or_repetitive_secret_key_refuses_to_start_in_production(key):
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": key})
    assert result.returncode == 1
    assert result.stderr.strip().startswith(
        "Configuration error: SECRET_KEY must be at least 50 random characters"
    )


def test_optional_second_factor_refuses_to_start_in_production():
    result = manage("check", **PRODUCTION, STAFF_2FA="optional")
    assert result.returncode == 1
    assert "STAFF_2FA=optional is only allowed with DEBUG on" in result.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres//nohost", "Configuration error: DATABASE_URL"),
        ("mysql://user@localhost/db", "Configuration error: DATABASE_URL must point to PostgreSQL"),
    ],
)
def test_malformed_database_url_is_one_clear_line(url, expected):
    result = manage("check", **PRODUCTION, DATABASE_URL=url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(expected)


def test_unreachable_database_is_one_clear_line():
    # Port 1 on loopback: nothing listens there, the connection is refused at once.
    result = manage(
        "migrate", "--check", **PRODUCTION, DATABASE_URL="postgres://postgres@127.0.0.1:1/nothing"
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Database unreachable:")


def test_demo_refuses_to_run_without_debug():
    result = manage("demo", **PRODUCTION, DATABASE_URL="sqlite:///:memory:")
    assert result.returncode == 1
    assert "DEBUG is off" in result.stderr
