"""The storages of an S3 bucket (django-storages with boto3), used when S3_BUCKET is set.

See core/storage.py for what goes where; config/files.py builds their options.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class _BucketStorage(S3Storage):
    def replace(self, name: str, data: bytes) -> str:
        """Write ``data`` under exactly ``name`` (one PUT: readers see the old or the new)."""
        return self._save(name, ContentFile(data))


class PublicS3Storage(_BucketStorage):
    """Public material in the bucket, addressed through this site (``MEDIA_URL``)."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))


class PrivateS3Storage(_BucketStorage):
    """Files with personal data in the bucket; only the permission-checked views read them."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no public URL.")
