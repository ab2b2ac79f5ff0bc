"""The demo data, made once per run for every test that reads it.

Running ``manage.py demo`` takes half a minute of CPU (more on a loaded machine). The
tests that check it from their app's point of view (core: invented people, logins;
monitoring: entry data and the ESF report; CMS: every page's languages and read-aloud
clips; the volume generator on top of it) are written as mixins beside the rest of their
app's tests and run together in one ``TestCase``, ``tests/test_demo_data.py``: its
``setUpTestData`` makes the demo once, and every test sees it as the command left it
(each test's changes are rolled back). The class carries an xdist group, so all its
tests run on one worker (``make test`` runs ``--dist loadgroup``) instead of every
worker making the demo again.
"""

import contextlib
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.test import TestCase, override_settings

from cms import read_aloud as speech


@functools.cache
def _espeak_version() -> str:
    return subprocess.run(
        ["espeak-ng", "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()


@contextlib.contextmanager
def _speech_kept_between_runs():
    """The computer voice's clips, kept in the temporary directory between runs.

    The demo's read-aloud is several hundred clips of espeak-ng and lame (some 70 ms
    each), the same every run: CI makes the demo on SQLite and again on PostgreSQL. A
    clip depends only on what it says (the hash the app finds clips by, which holds the
    voice settings) and on the espeak-ng release, so that is the file's name. Making the
    clips is what tests/cms/test_read_aloud.py checks; here it is set-up. Everything else
    (the task per page, the clip rows, the files in storage) runs as in a real demo.
    """
    cache = Path(tempfile.gettempdir()) / "mietfuehrerschein-speech"
    cache.mkdir(exist_ok=True)
    release = _espeak_version().encode().hex()[:16]
    synthesize = speech.synthesize

    def kept(utterance):
        path = cache / f"{utterance.text_hash}-{release}.mp3"
        with contextlib.suppress(FileNotFoundError, ValueError):
            duration, mp3 = path.read_bytes().split(b"\n", 1)
            return mp3, int(duration)
        mp3, duration_ms = synthesize(utterance)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(b"%d\n" % duration_ms + mp3)
        partial.replace(path)  # whole or not at all, for a parallel run
        return mp3, duration_ms

    with mock.patch.object(speech, "synthesize", kept):
        yield


def run_demo(folder: Path, *, read_aloud: bool = False):
    """``manage.py demo`` with its files under ``folder``; ``read_aloud`` makes the clips too."""
    with (
        _speech_kept_between_runs() if read_aloud else contextlib.nullcontext(),
        override_settings(
            DEBUG=True,
            READ_ALOUD_ON_PUBLISH=read_aloud,
            MEDIA_ROOT=str(folder / "media"),
            PRIVATE_MEDIA_ROOT=str(folder / "private"),
        ),
        open(os.devnull, "w") as quiet,
        # Read-aloud clips are made after the transaction commits, as in a real run.
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        call_command("demo", stdout=quiet)


class DemoWorld(TestCase):
    """The demo, with read-aloud clips, made once for the class; its files stay readable."""

    @classmethod
    def setUpTestData(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="demo-test-"))
        cls.addClassCleanup(shutil.rmtree, cls.folder, ignore_errors=True)
        run_demo(cls.folder, read_aloud=True)

    def setUp(self):
        files = override_settings(
            MEDIA_ROOT=str(self.folder / "media"),
            PRIVATE_MEDIA_ROOT=str(self.folder / "private"),
        )
        files.enable()
        self.addCleanup(files.disable)
