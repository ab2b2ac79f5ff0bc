"""The rendered certificate: text, embedded fonts, PDF/A, QR code, idempotent storage."""

import hashlib
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from certificates import services, tasks
from certificates.models import Certificate, CertificateStatus
from core.storage import private
from tests.certificates.factories import course_with_exam, passed_enrolment
from tests.certificates.pdf_tools import decode_qr
from tests.factories import ParticipantFactory


def _on_disk(certificate) -> Path:
    """Where the local private storage (the embedded default) keeps the PDF."""
    return Path(private.path(certificate.pdf_path))


def _text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


@pytest.fixture
def rendered(coordinator):
    participant = ParticipantFactory(
        given_names="ليلى", family_name="الحسن", preferred_language="ar", languages=["ar"]
    )
    certificate = services.issue_certificate(
        passed_enrolment(course_with_exam(), participant), coordinator
    )
    assert tasks.render_certificate(certificate.pk) == "rendered"
    certificate.refresh_from_db()
    return certificate


def test_render_stores_the_pdf_privately_with_its_hash(rendered):
    assert rendered.status == CertificateStatus.ISSUED
    path = _on_disk(rendered)
    assert path.is_file()
    assert str(path).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(path).startswith(str(settings.MEDIA_ROOT))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == rendered.pdf_sha256


def test_text_in_both_languages_fonts_embedded_pdfa(rendered):
    path = _on_disk(rendered)
    text = _text(path)
    assert "Integrationszertifikat Wohnen" in text
    assert rendered.number in text
    # The token is printed letter-spaced; pdftotext sometimes reads that spacing as a
    # space between two letters (depending on the random token), so compare without spaces.
    assert rendered.token in "".join(text.split())
    assert "Heizen und Lüften" in text
    # The Arabic page is there and the holder's Arabic name survives extraction
    # (only the family name: pdftotext splits the lam–alef maksura ligature of "ليلى").
    arabic = unicodedata.normalize("NFKC", text)
    assert "الحسن" in arabic
    assert "التدفئة والتهوية" in arabic
    fonts = _fonts(path)
    assert {row[0].split("+")[-1] for row in fonts} >= {"Noto-Sans", "Noto-Sans-Arabic"}
    assert all(row[-5] == "yes" for row in fonts), fonts  # "emb" column
    xmp = subprocess.run(
        ["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    # Document dates are the issue date, so a second rendering is byte-identical.
    assert f"<xmp:CreateDate>{rendered.issued_on.isoformat()}T12:00:00" in xmp


def test_qr_code_encodes_the_verification_url(rendered, tmp_path):
    assert decode_qr(_on_disk(rendered), tmp_path) == (f"{settings.SITE_URL}/v/{rendered.token}")


def test_rendering_again_is_a_no_op_and_reproducible(rendered):
    path = _on_disk(rendered)
    first = path.read_bytes()
    assert tasks.render_certificate(rendered.pk) == "already rendered"
    # Forced again (e.g. the file was lost): the very same bytes, no stray files.
    path.unlink()
    assert tasks.render_certificate(rendered.pk) == "rendered"
    assert path.read_bytes() == first
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_failing_render_is_marked_and_retried_a_limited_number_of_times(coordinator, monkeypatch):
    calls = []

    def broken(certificate):
        calls.append(certificate.pk)
        raise RuntimeError("font missing")

    monkeypatch.setattr(tasks, "render_pdf", broken)
    certificate = services.issue_certificate(passed_enrolment(course_with_exam()), coordinator)
    for _ in range(5):
        tasks.render_certificate(certificate.pk)
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.FAILED
    assert "font missing" in certificate.render_error
    assert len(calls) == tasks.MAX_RENDER_ATTEMPTS
    assert not list(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.tmp"))
    assert Certificate.objects.get(pk=certificate.pk).pdf_path == ""


def test_weasyprint_progress_lines_are_not_logged(caplog):
    """WeasyPrint logs seven INFO lines ("Step 1 - …") per PDF; a worker rendering a
    course's certificates formatted and wrote them all (config/settings.py LOGGING)."""
    import logging

    from weasyprint import HTML

    assert not logging.getLogger("weasyprint.progress").isEnabledFor(logging.INFO)
    with caplog.at_level(logging.INFO):
        HTML(string="<p>x</p>").write_pdf()
    assert not [r for r in caplog.records if r.name == "weasyprint.progress"]
