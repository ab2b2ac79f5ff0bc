"""Module pages as PDF in their language, Arabic right-to-left with an Arabic font."""

import subprocess

import pytest

from cms import pdf as handouts
from cms.pdf import LocalFilesFetcher


def _pdf(response) -> bytes:
    return b"".join(response.streaming_content)


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
    text, fonts = _text_and_fonts(tmp_path, _pdf(response))
    assert "Încălzire și aerisire" in text
    assert "das Stoßlüften" in text
    assert "Noto-Sans" in fonts


def test_arabic_pdf_uses_the_arabic_font(client, db, tmp_path):
    from tests.cms.conftest import build_materials

    build_materials(languages=("ar",))
    response = client.get("/ar/materialien/heizen-lueften/pdf/")
    assert response.status_code == 200
    text, fonts = _text_and_fonts(tmp_path, _pdf(response))
    assert "Noto-Sans-Arabic" in fonts
    assert "التدفئة" in text


def test_untranslated_pdf_is_german(client, materials, tmp_path):
    response = client.get("/tr/materialien/heizen-lueften/pdf/")
    assert 'filename="heizen-lueften-de.pdf"' in response["Content-Disposition"]
    text, _fonts = _text_and_fonts(tmp_path, _pdf(response))
    assert "Heizen und Lüften" in text


@pytest.mark.parametrize(
    "url",
    ["http://example.org/x.png", "file:///etc/passwd", "https://127.0.0.1/admin/"],
)
def test_pdf_renderer_reads_only_our_fonts_and_media(url):
    with pytest.raises(ValueError):
        LocalFilesFetcher().fetch(url)


def _images(tmp_path, pdf: bytes) -> int:
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["/usr/bin/pdfimages", "-list", str(path)], capture_output=True, check=True
    ).stdout.decode()
    return len(listing.splitlines()) - 2  # two header lines


def test_handout_has_pictures_and_an_answer_key_in_the_pages_language(client, db, tmp_path):
    from tests.cms.conftest import build_materials

    build_materials(languages=("ro", "ar"))
    for lang, answers, right_answer in [
        ("ro", "Răspunsuri", "Fereastra complet deschisă 5–10 minute"),
        # pdftotext splits Arabic ligatures (لإ), so look for the answer key's tick.
        ("ar", "✓", None),
    ]:
        pdf = _pdf(client.get(f"/{lang}/materialien/heizen-lueften/pdf/"))
        text, _fonts = _text_and_fonts(tmp_path, pdf)
        assert answers in text, lang
        if right_answer:
            assert right_answer in text
        # The picture, three key-term pictograms and two quiz pictograms.
        assert _images(tmp_path, pdf) >= 6, lang


def test_handout_is_rendered_once_per_version_of_the_page(client, materials, monkeypatch):
    """Security review, issue 10 finding 11: every request rendered the PDF anew."""
    renders = []
    real = handouts.render_pdf
    monkeypatch.setattr(handouts, "render_pdf", lambda html: renders.append(1) or real(html))
    url = "/ro/materialien/heizen-lueften/pdf/"
    first = [_pdf(client.get(url)) for _ in range(8)]
    assert len(renders) == 1
    assert len(set(first)) == 1

    romanian = materials["heizen-lueften"].get_translation(
        materials["heizen-lueften"].locale.__class__.objects.get(language_code="ro")
    )
    romanian.title = "Încălzire și aerisire corectă"
    romanian.save_revision().publish()
    text = _pdf(client.get(url))
    assert len(renders) == 2  # a new revision is a new handout …
    assert text != first[0]
    _pdf(client.get(url))
    assert len(renders) == 2  # … made once as well


def test_concurrent_first_requests_wait_for_one_renderer(materials, rf, monkeypatch):
    import threading

    from django.core.cache import cache

    page = materials["heizen-lueften"]
    request = rf.get("/de/materialien/heizen-lueften/pdf/")
    html = handouts.handout_html(page, request)
    name = handouts.handout_name(page, html)
    # Another process holds the lock for this version and finishes while we wait.
    assert cache.add(f"cms-handout-lock:{name}", 1, 30)
    renders = []
    monkeypatch.setattr(handouts, "render_pdf", lambda html: renders.append(1) or b"%PDF-")

    def finish():
        from django.core.files.base import ContentFile
        from django.core.files.storage import default_storage

        default_storage.save(name, ContentFile(b"%PDF-made-elsewhere"))

    timer = threading.Timer(0.5, finish)
    timer.start()
    try:
        assert handouts.handout_file(page, request) == name
    finally:
        timer.join()
        cache.delete(f"cms-handout-lock:{name}")
    assert renders == []
