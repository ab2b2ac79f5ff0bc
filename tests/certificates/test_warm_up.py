"""The cluster loads the renderer before django-q2 forks its workers.

``manage.py qcluster`` is the certificates app's command (certificates/management/
commands/qcluster.py), which calls ``rendering.warm_up()`` first. The warm-up must open
no database connection (the workers would share its socket) and must change nothing in
what a worker forked after it renders: the same bytes as a worker that started cold.
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands

from certificates import rendering
from tests.certificates.test_layout import _certificate

ROOT = Path(__file__).resolve().parents[2]

# A worker as django-q2 makes one: forked from the process that ran (or did not run)
# the warm-up, rendering in the child. Prints the SHA-256 of the child's PDF.
FORKED_WORKER = """
import gc, hashlib, os, sys
import django
django.setup()
from certificates import rendering
from tests.certificates.test_layout import _certificate
if sys.argv[1] == "warm":
    rendering.warm_up()
    gc.freeze()
    assert "weasyprint" in sys.modules
else:
    assert "weasyprint" not in sys.modules
read, write = os.pipe()
if os.fork() == 0:
    digest = hashlib.sha256(rendering.render_pdf(_certificate("ar"))).hexdigest()
    os.write(write, digest.encode())
    os._exit(0)
os.close(write)
os.wait()
print(os.read(read, 64).decode())
"""


def test_manage_py_qcluster_is_the_command_that_warms_up():
    assert get_commands()["qcluster"] == "certificates"
    from django_q.management.commands.qcluster import Command as ClusterCommand

    from certificates.management.commands.qcluster import Command

    assert issubclass(Command, ClusterCommand)


def test_the_warm_up_renders_without_the_database():
    # No ``db`` fixture: pytest-django fails any query made here.
    rendering.warm_up()


def test_a_worker_forked_after_the_warm_up_renders_the_same_bytes():
    def forked_worker(mode):
        return subprocess.run(
            [sys.executable, "-c", FORKED_WORKER, mode],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.test_settings"},
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout.strip()

    warm, cold = forked_worker("warm"), forked_worker("cold")
    assert len(warm) == 64
    assert warm == cold
    # And both are the PDF this process renders.
    assert warm == hashlib.sha256(rendering.render_pdf(_certificate("ar"))).hexdigest()
