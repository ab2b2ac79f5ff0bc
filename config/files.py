"""The STORAGES entries for a bucket (config/settings.py); the classes are in core/storage_s3.py."""


def s3_storages(
    *,
    bucket: str,
    endpoint_url: str = "",
    access_key: str = "",
    secret_key: str = "",
    region: str = "",
    prefix: str = "",
) -> dict:
    """The ``default`` and ``private`` entries of STORAGES for one bucket."""
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        "region_name": region or None,
        "addressing_style": "path",  # works with every S3 server, also without DNS per bucket
        "signature_version": "s3v4",
        "default_acl": None,  # the bucket's own (private) policy; nothing is public-read
        "querystring_auth": True,
        "querystring_expire": 300,
        "file_overwrite": False,  # like the disk: a second upload of "plan.jpg" gets a new name
        # Downloads up to 2 MB stay in memory, larger ones spill to a temporary file.
        "max_memory_size": 2 * 1024 * 1024,
    }
    prefix = prefix.strip("/")
    base = f"{prefix}/" if prefix else ""
    return {
        "default": {
            "BACKEND": "core.storage_s3.PublicS3Storage",
            "OPTIONS": {**common, "location": f"{base}media"},
        },
        "private": {
            "BACKEND": "core.storage_s3.PrivateS3Storage",
            "OPTIONS": {**common, "location": f"{base}private"},
        },
    }
