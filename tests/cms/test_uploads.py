"""Documents (audio, video, PDF) are accepted by their content, not their name."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import ValidationError
from PIL import Image
from wagtail.documents import get_document_model

from cms.media import check_upload, sniff
from tests.conftest import client_for

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OGG = b"OggS\x00\x02" + b"\x00" * 40
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 30
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 30


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [("merkblatt.pdf", PDF), ("vorlesen.ogg", OGG), ("vorlesen.wav", WAV), ("film.mp4", MP4)],
)
def test_real_media_is_accepted(name, data):
    check_upload(SimpleUploadedFile(name, data))


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("merkblatt.pdf", _png(), "file_type_not_allowed"),  # a picture renamed
        ("virus.pdf", b"MZ\x90\x00 this is a program", "file_type_not_allowed"),
        ("seite.mp3", b"<html><script>alert(1)</script></html>", "file_type_not_allowed"),
        ("film.mp4", PDF, "file_name_mismatch"),  # a PDF posing as a video
    ],
)
def test_anything_else_is_refused(name, data, code):
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile(name, data))
    assert error.value.code == code


def test_size_limit(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile("gross.pdf", PDF + b"0" * 2000))
    assert error.value.code == "file_too_large"
    assert "1000" in str(error.value.messages) or "1,0" in str(error.value.messages[0])


def test_sniff_knows_webm_and_m4a():
    assert sniff(b"\x1a\x45\xdf\xa3" + b"\x00" * 10) == "webm"
    assert sniff(b"\x00\x00\x00\x20ftypM4A " + b"\x00" * 10) == "m4a"


def test_editor_uploading_a_fake_pdf_gets_a_clear_message(editor):
    client = client_for(editor)
    client.cookies.load({"django_language": "de"})
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Merkblatt",
            "file": SimpleUploadedFile("merkblatt.pdf", _png()),
            "collection": 1,
        },
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 200  # the form again, with the error
    assert "keine PDF-, Audio- oder Videodatei" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_editor_uploads_a_real_pdf(editor):
    response = client_for(editor).post(
        "/admin/documents/add/",
        {"title": "Merkblatt", "file": SimpleUploadedFile("merkblatt.pdf", PDF), "collection": 1},
    )
    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Merkblatt"
