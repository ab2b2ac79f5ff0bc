"""S3 settings from the environment: the storages they make, and one clear line when wrong."""

import pytest

from tests.core.test_startup import PRODUCTION, manage

S3 = {
    "S3_BUCKET": "mietfuehrerschein",
    "S3_ENDPOINT_URL": "https://s3.example-cloud.de",
    "S3_ACCESS_KEY_ID": "mfs-app",
    "S3_SECRET_ACCESS_KEY": "a-secret-only-for-this-test",
}
SHOW = (
    "from django.core.files.storage import storages as s; "
    "print(*(type(s[n]).__name__ for n in ('default', 'private')), "
    "*(getattr(s[n], 'location', '') for n in ('default', 'private')))"
)


def test_without_a_bucket_files_stay_on_the_local_disk(tmp_path):
    result = manage(
        "shell", "--no-imports", "-c", SHOW, DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/db",
        DJANGO_SETTINGS_MODULE="config.settings",
        MEDIA_ROOT=str(tmp_path / "media"), PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "FileSystemStorage", "PrivateFileSystemStorage",
        str(tmp_path / "media"), str(tmp_path / "private"),
    ]  # fmt: skip


def test_a_bucket_holds_public_and_private_files_under_their_prefixes(tmp_path):
    result = manage(
        "shell", "--no-imports", "-c", SHOW, DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path}/db",
        DJANGO_SETTINGS_MODULE="config.settings", S3_PREFIX="stadt", **S3,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "PublicS3Storage", "PrivateS3Storage", "stadt/media", "stadt/private"
    ]  # fmt: skip


def test_check_deploy_is_clean_with_a_bucket(tmp_path):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        **PRODUCTION, **S3, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("env", "line"),
    [
        (
            {"S3_SECRET_ACCESS_KEY": ""},
            "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together.",
        ),
        (
            {"S3_ENDPOINT_URL": "s3.example-cloud.de"},
            "S3_ENDPOINT_URL must be an absolute http/https URL, got 's3.example-cloud.de'.",
        ),
    ],
)
def test_a_half_configured_bucket_is_one_clear_line(env, line):
    result = manage("check", **PRODUCTION, **{**S3, **env})
    assert result.returncode == 1
    assert result.stderr.strip() == f"Configuration error: {line}"
