"""PDFs with scripts or embedded files are refused: signed agreements and CMS handouts
(security finding 13). Signed agreements are sent as downloads, never shown inline."""

import zlib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.media import check_upload
from core.pdf_safety import has_active_content
from housing.files import PdfValidator
from tests.housing.factories import AgreementFactory, minimal_pdf


def pdf_with(catalog_extra: bytes = b"", extra_objects=()) -> bytes:
    """A well-formed PDF (right offsets) whose catalog carries ``catalog_extra``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _compressed(body: bytes) -> bytes:
    data = zlib.compress(body)
    return (
        b"<< /Type /ObjStm /Filter /FlateDecode /Length %d >>\nstream\n" % len(data)
        + data
        + b"\nendstream"
    )


ACTIVE = {
    "open action script": pdf_with(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
    "escaped name": pdf_with(b"/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>"),
    "launch": pdf_with(b"/OpenAction << /S /Launch /F (cmd.exe) >>"),
    "embedded file": pdf_with(b"/Names << /EmbeddedFiles 4 0 R >>", [b"<< /Names [] >>"]),
    "script in a compressed stream": pdf_with(
        extra_objects=[_compressed(b"<< /S /JavaScript /JS (app.alert(1)) >>")]
    ),
}


@pytest.mark.parametrize("name", ACTIVE)
def test_active_content_is_found(name):
    assert has_active_content(ACTIVE[name])


def test_plain_pdfs_pass():
    assert not has_active_content(minimal_pdf())
    assert not has_active_content(pdf_with(extra_objects=[_compressed(b"BT (JSON) Tj ET")]))


@pytest.mark.parametrize("name", ACTIVE)
def test_a_signed_agreement_with_active_content_is_refused(name):
    upload = SimpleUploadedFile("vertrag.pdf", ACTIVE[name], content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        PdfValidator()(upload)
    assert refused.value.code == "active_content"
    PdfValidator()(SimpleUploadedFile("vertrag.pdf", pdf_with()))  # the same without: fine


def test_a_cms_handout_is_read_beyond_its_first_bytes():
    # The script sits far past the first 32 bytes the check used to read.
    with pytest.raises(forms.ValidationError) as refused:
        check_upload(SimpleUploadedFile("merkblatt.pdf", ACTIVE["open action script"]))
    assert refused.value.code == "pdf_not_allowed"
    check_upload(SimpleUploadedFile("merkblatt.pdf", pdf_with()))


def test_the_signed_agreement_is_sent_as_a_download(coordinator_client):
    agreement = AgreementFactory(with_document=True)
    response = coordinator_client.get(reverse("housing_agreement_document", args=[agreement.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
