"""Module pages as PDF in their language, Arabic right-to-left with an Arabic font."""

import subprocess

import pytest

from cms.pdf import LocalFilesFetcher


def _text_and_fonts(tmp_path, pdf: bytes) -> tuple[str, str]:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["/usr/bin/pdftotext", str(path), "-"], capture_output=True, check=True
    ).stdout
    fonts = subprocess.run(["/usr/bin/pdffonts", str(path)], capture_output=True, check=True).stdout
    return text.decode(), fonts.decode()


def test_romanian_pdf(client, materials, tmp_path):
    response = client.get("/ro/materialien/heizen-lueften/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="heizen-lueften-ro.pdf"' in response["Content-Disposition"]
    text, fonts = _text_and_fonts(tmp_path, response.content)
    assert "Încălzire și aerisire" in text
    assert "das Stoßlüften" in text
    assert "Noto-Sans" in fonts


def test_arabic_pdf_uses_the_arabic_font(client, db, tmp_path):
    from tests.cms.conftest import build_materials

    build_materials(languages=("ar",))
    response = client.get("/ar/materialien/heizen-lueften/pdf/")
    assert response.status_code == 200
    text, fonts = _text_and_fonts(tmp_path, response.content)
    assert "Noto-Sans-Arabic" in fonts
    assert "التدفئة" in text


def test_untranslated_pdf_is_german(client, materials, tmp_path):
    response = client.get("/tr/materialien/heizen-lueften/pdf/")
    assert 'filename="heizen-lueften-de.pdf"' in response["Content-Disposition"]
    text, _fonts = _text_and_fonts(tmp_path, response.content)
    assert "Heizen und Lüften" in text


@pytest.mark.parametrize(
    "url",
    ["http://example.org/x.png", "file:///etc/passwd", "https://127.0.0.1/admin/"],
)
def test_pdf_renderer_reads_only_our_fonts_and_media(url):
    with pytest.raises(ValueError):
        LocalFilesFetcher().fetch(url)
