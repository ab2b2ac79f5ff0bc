"""Records made once for many tests of a module, as Django's ``setUpTestData`` does.

The data is made inside a transaction that stays open while the module's tests run;
each test runs in a savepoint inside it (pytest-django's ``db``), which is rolled back
after the test, so every test starts from the same records and none sees another's
changes. After the module's last test on this worker the outer transaction is rolled
back too, and the next module starts from the migrated database as always.

Only for modules whose tests all use ``db`` (not ``transaction=True``: a transactional
test empties the tables, which an open transaction around it would not survive).
"""

import contextlib
import shutil
import tempfile
from pathlib import Path

from django.db import transaction
from django.test import override_settings


@contextlib.contextmanager
def kept_for_module(django_db_blocker):
    """Yield the media settings of the module's files; the data made inside is rolled back."""
    media = Path(tempfile.mkdtemp(prefix="mfs-kept-media-"))
    folders = {"MEDIA_ROOT": str(media / "media"), "PRIVATE_MEDIA_ROOT": str(media / "private")}
    with override_settings(**folders), django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield folders
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            shutil.rmtree(media, ignore_errors=True)
