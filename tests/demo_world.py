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

import os
import shutil
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase, override_settings


def run_demo(folder: Path, *, read_aloud: bool = False):
    """``manage.py demo`` with its files under ``folder``; ``read_aloud`` makes the clips too."""
    with (
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
