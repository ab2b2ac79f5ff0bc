"""The typed environment readers fail loudly and name the variable."""

import pytest

from config.env import EnvError, env_bool, env_int, env_list, env_str, env_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        ("on", True),
        ("0", False),
        ("off", False),
        ("", False),
    ],
)
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", default=not expected) is expected


def test_env_bool_rejects_anything_else(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(EnvError, match="FLAG must be a boolean"):
        env_bool("FLAG")


def test_env_int_rejects_words_and_too_small_numbers(monkeypatch):
    monkeypatch.setenv("WORKERS", "two")
    with pytest.raises(EnvError, match="WORKERS must be a whole number"):
        env_int("WORKERS", 1)
    monkeypatch.setenv("WORKERS", "0")
    with pytest.raises(EnvError, match="at least 1"):
        env_int("WORKERS", 1, minimum=1)


def test_env_list_splits_on_commas_and_ignores_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example , ,b.example ")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.delenv("HOSTS")
    assert env_list("HOSTS", ["fallback"]) == ["fallback"]


def test_env_url_requires_an_absolute_url(monkeypatch):
    monkeypatch.setenv("SITE_URL", "mfs.example.org")
    with pytest.raises(EnvError, match="SITE_URL must be an absolute http/https URL"):
        env_url("SITE_URL")
    monkeypatch.setenv("SITE_URL", "https://mfs.example.org/")
    assert env_url("SITE_URL") == "https://mfs.example.org"


def test_env_str_required(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(EnvError, match="SECRET_KEY must be set"):
        env_str("SECRET_KEY", required=True)
