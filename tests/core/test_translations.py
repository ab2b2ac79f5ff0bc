"""The German catalog covers every UI string of the project."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOG = Path("locale/de/LC_MESSAGES/django.po")
# Not the source: the virtualenv, data, compiled catalogs, and what a test run writes
# (screenshots of browser tests running at the same time in another xdist worker).
SKIP = shutil.ignore_patterns(
    ".venv", "var", ".git", "__pycache__", "*.mo", "node_modules", "test-results"
)


def _untranslated(po_file: Path) -> list[str]:
    catalog = polib.pofile(str(po_file))
    return [
        entry.msgid
        for entry in catalog
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]


def test_german_catalog_has_no_gaps():
    assert _untranslated(ROOT / CATALOG) == []


def test_every_string_in_the_code_is_in_the_german_catalog(tmp_path):
    # Extract the strings again in a copy of the tree, so the real catalog stays untouched.
    copy = tmp_path / "tree"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "de",
            "--no-obsolete",
            "--ignore=tests/*",
            "--ignore=benchmarks/*",
        ],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    missing = _untranslated(copy / CATALOG)
    assert missing == [], (
        f"Strings missing from the German catalog (run `make messages`): {missing}"
    )
