"""Files with personal data in a real bucket (SeaweedFS, bin/s3-server): written, read,
copied into the person's data export, and deleted by erasure and retention. The local
disk's PRIVATE_MEDIA_ROOT stays empty throughout."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from certificates import services as certificate_services
from certificates import tasks as certificate_tasks
from core import storage
from placement.models import VacancyPhoto
from privacy import services, tasks
from privacy.export import build_zip
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.conftest import client_for
from tests.placement.factories import VacancyFactory
from tests.privacy.conftest import FAMILY, GIVEN, SECRETS
from tests.storage.s3 import bucket_keys, s3_client

pytestmark = [pytest.mark.django_db, pytest.mark.s3]


def _private_keys(bucket) -> set[str]:
    prefix = f"{bucket['prefix']}/private/"
    return {key.removeprefix(prefix) for key in bucket_keys(bucket) if key.startswith(prefix)}


def _private_text(bucket) -> str:
    client = s3_client(bucket)
    return "\n".join(
        client.get_object(Bucket=bucket["S3_BUCKET"], Key=f"{bucket['prefix']}/private/{key}")[
            "Body"
        ]
        .read()
        .decode("utf-8", "replace")
        for key in _private_keys(bucket)
    )


def _local_files() -> list[Path]:
    roots = [Path(settings.PRIVATE_MEDIA_ROOT), Path(settings.MEDIA_ROOT)]
    return [path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()]


def _rendered(coordinator):
    certificate = certificate_services.issue_certificate(
        passed_enrolment(course_with_exam()), coordinator
    )
    assert certificate_tasks.render_certificate(certificate.pk) == "rendered"
    certificate.refresh_from_db()
    return certificate


def test_a_certificate_is_rendered_into_the_bucket_and_downloaded_from_it(bucket, coordinator):
    certificate = _rendered(coordinator)
    assert certificate.status == "issued"
    assert _private_keys(bucket) == {certificate.pdf_path}
    assert certificate_tasks.render_certificate(certificate.pk) == "already rendered"
    response = client_for(coordinator).get(reverse("certificates_download", args=[certificate.pk]))
    pdf = b"".join(response.streaming_content)
    assert response.status_code == 200 and pdf.startswith(b"%PDF-")
    assert certificate_tasks.sha256_of(certificate.pdf_path) == certificate.pdf_sha256
    printed = client_for(coordinator).get(
        reverse("certificates_course_pdf", args=[certificate.course_id])
    )
    assert printed.status_code == 200 and printed.content.startswith(b"%PDF-")
    assert _local_files() == []


def test_erasure_deletes_the_persons_files_in_the_bucket(
    bucket, person, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.RETENTION_UNTIL = ""
    settings.RETENTION_YEARS = 0
    kept = _private_keys(bucket)
    assert any(key.startswith("consents/") for key in kept)
    assert any(key.startswith("certificates/") for key in kept)
    assert [s for s in SECRETS if s in _private_text(bucket)]

    with django_capture_on_commit_callbacks(execute=True):
        services.request_erasure(
            person["participant"], by=coordinator, confirmation=GIVEN + " " + FAMILY
        )

    assert [s for s in SECRETS if s in _private_text(bucket)] == []
    assert _private_keys(bucket) == set()
    assert _local_files() == []


def test_the_persons_copy_holds_their_files_from_the_bucket(bucket, person):
    archive = zipfile.ZipFile(io.BytesIO(build_zip(person["participant"])))
    stored = {f"files/{key}" for key in _private_keys(bucket)}
    assert stored and stored <= set(archive.namelist())
    for name in stored:
        with storage.private.open(name.removeprefix("files/")) as handle:
            assert archive.read(name) == handle.read()


@pytest.mark.parametrize("where", ["disk", "bucket"])
def test_retention_removes_orphans_and_keeps_every_referenced_file(where, request, coordinator):
    if where == "bucket":
        request.getfixturevalue("bucket")
    issued = _rendered(coordinator)
    photo = VacancyPhoto.objects.create(
        vacancy=VacancyFactory(), image=ContentFile(b"\x89PNG\r\n\x1a\n", name="k.png")
    )
    orphan = storage.private.save("agreements/replaced.pdf", ContentFile(b"%PDF-1.4 old"))
    names = {issued.pdf_path, photo.image.name, orphan}
    assert all(storage.private.exists(name) for name in names)

    assert tasks.delete_unreferenced_files() == 0  # all younger than the hour of grace
    assert tasks.delete_unreferenced_files(grace=dt.timedelta(0)) == 1
    assert not storage.private.exists(orphan)
    # Flat photos are referenced too (they were deleted after an hour before).
    assert storage.private.exists(photo.image.name)
    assert storage.private.exists(issued.pdf_path)
    if where == "bucket":
        assert _local_files() == []


def _png(width=40, height=30) -> bytes:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (10, 120, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def _public_keys(bucket) -> set[str]:
    prefix = f"{bucket['prefix']}/media/"
    return {key.removeprefix(prefix) for key in bucket_keys(bucket) if key.startswith(prefix)}


def test_public_images_and_clips_are_served_from_the_bucket(bucket, client):
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from cms.models import SpeechClip

    image = get_image_model().objects.create(
        title="Grundriss", file=ImageFile(io.BytesIO(_png()), name="grundriss.png")
    )
    rendition = image.get_rendition("width-20")
    assert rendition.url.startswith("/media/images/")  # this site's address, not the bucket's
    response = client.get(rendition.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert {image.file.name, rendition.file.name} <= _public_keys(bucket)

    clip = SpeechClip(text_hash="c" * 64, language="de", text="Hallo", duration_ms=500)
    clip.file.save(f"{clip.text_hash}.mp3", ContentFile(b"ID3" + b"\0" * 200), save=False)
    clip.save()
    url = reverse("cms_read_aloud", args=[clip.text_hash])
    piece = client.get(url, headers={"Range": "bytes=0-2"})
    assert piece.status_code == 206 and b"".join(piece.streaming_content) == b"ID3"
    assert piece["Content-Range"] == "bytes 0-2/203"
    assert clip.file.name in _public_keys(bucket)
    assert _local_files() == []
