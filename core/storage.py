"""Where files live: two storages of Django's storage API, on the local disk or in a bucket.

``storages["default"]`` holds public material: Wagtail images and documents, read-aloud
clips, handouts. ``storages["private"]`` holds files with personal data: certificate
PDFs, signed cooperation agreements, consent evidence, photos of vacant flats. Every
file is read and written through these storages (never through a path on the disk),
so a worker on one host writes a certificate PDF that a web process on another host
serves.

Without configuration both are folders on the local disk (``MEDIA_ROOT`` and
``PRIVATE_MEDIA_ROOT``). With ``S3_BUCKET`` (config/settings.py, README
"Configuration") both are prefixes of one S3 bucket (``media/`` and ``private/``): the
bucket stays private, nothing in it has a public URL. Private files are sent by the
permission-checked views; public images by :func:`public_media` below (same origin, so
the Content-Security-Policy stays ``'self'``); documents by Wagtail's serve view, which
checks a collection's privacy. The bucket's classes are in core/storage_s3.py (imported
only when configured: boto3 takes a while to load).
"""

import contextlib
import mimetypes
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404
from django.utils.functional import LazyObject, empty

# Public files the app itself serves under MEDIA_URL: images and their renditions.
# Documents go through Wagtail's /documents/ view (collection privacy), clips and
# handouts through their own views.
PUBLIC_PREFIXES = ("original_images/", "images/")


class PrivateFileSystemStorage(FileSystemStorage):
    """The private folder, PRIVATE_MEDIA_ROOT, read at use time (tests change the setting)."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # no public URL: files are sent by a permission-checked view

    def url(self, name):
        raise ValueError("Private files have no public URL.")

    def replace(self, name: str, data: bytes) -> str:
        """Write ``data`` under exactly ``name``, replacing an older file.

        Written to a temporary file next to the final one and renamed over it, so a
        reader never sees half a file; temporaries a killed writer left are removed.
        """
        final = self.path(name)
        folder, base = os.path.split(final)
        os.makedirs(folder, exist_ok=True)
        prefix = f".{base}."
        for stale in os.listdir(folder):
            if stale.startswith(prefix) and stale.endswith(".tmp"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(os.path.join(folder, stale))
        temporary = os.path.join(folder, f"{prefix}{os.getpid()}.tmp")
        try:
            with open(temporary, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, final)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.remove(temporary)
        return name


class _PrivateStorage(LazyObject):
    """``storages["private"]``, looked up on first use and again after STORAGES changes."""

    def _setup(self):
        self._wrapped = storages["private"]


private = _PrivateStorage()


@receiver(setting_changed)
def _storages_changed(setting, **kwargs):
    if setting == "STORAGES":
        private._wrapped = empty


def public_storage():
    return storages["default"]


def replace(storage, name: str, data: bytes) -> str:
    """Store ``data`` under exactly ``name`` in ``storage``, replacing what was there."""
    return storage.replace(name, data)


def public_media(request, path):
    """/media/<path>: a public image from the public storage (the bucket or MEDIA_ROOT).

    A proxy in front may serve MEDIA_ROOT itself; with a bucket every host serves the
    same files through this view.
    """
    if not path.startswith(PUBLIC_PREFIXES) or ".." in path.split("/") or "\\" in path:
        raise Http404
    storage = public_storage()
    if not storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(storage.open(path, "rb"), content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
