"""The certificate's layout in every language it is printed in: nothing runs into the
QR code, nothing overlaps, the organisation keeps its German spelling, the quotation
marks are those of the language.

Each language is rendered with the longest texts the demo has (all nine modules, a
long course title, a name with its Latin spelling), then read back with
``pdftotext -bbox`` (where every word is) and a real QR decoder (where the code is).
"""

import datetime as dt
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from certificates.models import SECOND_PAGE_LANGUAGES, Certificate
from certificates.rendering import render_pdf

# The curriculum's German titles (courses/migrations/0002_curriculum.py).
GERMAN_MODULES = {
    "mietvertrag": "Mietvertrag",
    "miete-nebenkosten": "Miete und Nebenkosten",
    "heizen-lueften": "Heizen und Lüften",
    "muelltrennung": "Mülltrennung",
    "hausordnung-ruhezeiten": "Hausordnung und Ruhezeiten",
    "strom-energie": "Strom und Energie sparen",
    "geld-konto": "Geld und Konto",
    "rechte-pflichten": "Rechte und Pflichten",
    "post-behoerden": "Post und Behörden",
}

DPI = 100
# The QR code's quiet zone: text closer than this (in pt) to the code disturbs scanning.
QUIET_ZONE = 2.0

HOLDERS = {
    "ro": ("Ana-Maria Florentina", "Dumitrescu-Rădulescu", ""),
    "bg": ("Иван", "Иванов", "Ivan Ivanov"),
    "ar": ("ليلى", "الخطيب", "Layla Al-Khatib"),
    "tr": ("Ayşe", "Yılmaz", ""),
    "uk": ("Наталія", "Шевчук", "Nataliia Shevchuk"),
    "en": ("Ahmad Zia", "Rahimi", ""),
}


def _certificate(language: str) -> Certificate:
    given, family, latin = HOLDERS[language]
    return Certificate(
        number="IZW-2026-00042",
        token="AbCdEfGhJkMnPqRsTuVwXyZ234567890",
        holder_given_names=given,
        holder_family_name=family,
        holder_name_latin=latin,
        holder_date_of_birth=dt.date(1983, 4, 4),
        course_title="Mietführerschein Herbst – Wehringhausen (Abendkurs)",
        course_start=dt.date(2026, 9, 7),
        course_end=dt.date(2026, 11, 16),
        course_location="Stadtteilzentrum Wehringhausen, Lange Straße 87",
        course_district="Wehringhausen",
        modules=[{"code": code, "title": title} for code, title in GERMAN_MODULES.items()],
        exam_date=dt.date(2026, 11, 23),
        exam_format="written",
        issued_on=dt.date(2026, 11, 30),
        valid_until=dt.date(2029, 11, 30),
        organisation="Quartiersmanagement Altenhagen und Wehringhausen (Demo-Stadt)",
        signatory_name="Dr. Friederike Müller-Lüdenscheidt",
        signatory_title="Leiterin des Quartiersmanagements",
        language=language,
    )


def _words(pdf: Path) -> list[dict]:
    """Every word with its page and box (pt, origin top left), from pdftotext -bbox."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        match = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>',
            line,
        )
        if match:
            x0, y0, x1, y1 = (float(v) for v in match.groups()[:4])
            words.append({"page": page, "box": (x0, y0, x1, y1), "text": unescape(match[5])})
    return words


def _qr_box(pdf: Path, page: int, workdir: Path) -> tuple[float, float, float, float]:
    """Where the QR code is on ``page`` (pt), found by decoding the rendered page."""
    prefix = workdir / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-f", str(page), "-l", str(page), str(pdf), prefix],
        check=True,
    )
    (png,) = workdir.glob(f"page{page}*.png")
    (code,) = [
        r
        for r in zxingcpp.read_barcodes(Image.open(png))
        if r.format == zxingcpp.BarcodeFormat.QRCode
    ]
    corners = [
        code.position.top_left,
        code.position.top_right,
        code.position.bottom_left,
        code.position.bottom_right,
    ]
    scale = 72 / DPI
    xs, ys = [c.x * scale for c in corners], [c.y * scale for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _intersects(a, b, margin=0.0) -> bool:
    return not (
        a[2] + margin <= b[0]
        or b[2] + margin <= a[0]
        or a[3] + margin <= b[1]
        or b[3] + margin <= a[1]
    )


@pytest.fixture(scope="module", params=SECOND_PAGE_LANGUAGES)
def rendered(request, tmp_path_factory):
    language = request.param
    workdir = tmp_path_factory.mktemp(f"layout-{language}")
    pdf = workdir / "certificate.pdf"
    pdf.write_bytes(render_pdf(_certificate(language)))
    return language, pdf, workdir


def test_two_pages_and_no_text_on_the_qr_code(rendered):
    language, pdf, workdir = rendered
    words = _words(pdf)
    assert {w["page"] for w in words} == {1, 2}, f"{language}: the certificate is not two pages"
    for page in (1, 2):
        qr = _qr_box(pdf, page, workdir)
        # A QR code of 30 mm is about 85 pt wide; a much smaller box is a misread.
        assert qr[2] - qr[0] > 70
        on_code = [
            w["text"] for w in words if w["page"] == page and _intersects(w["box"], qr, QUIET_ZONE)
        ]
        assert not on_code, f"{language} page {page}: text on the QR code: {on_code}"


def test_no_two_words_overlap(rendered):
    language, pdf, _workdir = rendered
    words = _words(pdf)
    for page in (1, 2):
        boxes = [w for w in words if w["page"] == page]
        # pdftotext's box is the font's full ascent to descent (for Arabic fonts about
        # twice the font size), so boxes of neighbouring lines overlap although the
        # letters do not. The middle half of each box is where the letters are; two of
        # those overlapping means two words printed on top of each other.
        shrunk = [
            (w, (x0 + 0.5, y0 + (y1 - y0) / 4, x1 - 0.5, y1 - (y1 - y0) / 4))
            for w in boxes
            for x0, y0, x1, y1 in [w["box"]]
        ]
        clashes = [
            (a["text"], b["text"])
            for i, (a, box_a) in enumerate(shrunk)
            for b, box_b in shrunk[i + 1 :]
            if _intersects(box_a, box_b)
        ]
        assert not clashes, f"{language} page {page}: overlapping text {clashes[:5]}"


def test_every_word_stays_inside_the_frame(rendered):
    language, pdf, _workdir = rendered
    # A4 in pt, minus the 11 mm page margin: the frame's border.
    left, top, right, bottom = 31.2, 31.2, 595.3 - 31.2, 841.9 - 31.2
    outside = [
        w["text"]
        for w in _words(pdf)
        if w["box"][0] < left or w["box"][1] < top or w["box"][2] > right or w["box"][3] > bottom
    ]
    assert not outside, f"{language}: text outside the frame: {outside}"


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_organisation_in_german_spelling_on_every_page(rendered):
    language, pdf, _workdir = rendered
    for page in (1, 2):
        # Letter-spaced capitals come out of pdftotext with spaces between letters.
        text = "".join(_page_text(pdf, page).split())
        # Printed in capitals by CSS with German rules: never the Turkish dotted İ.
        assert "QUARTIERSMANAGEMENTALTENHAGENUNDWEHRINGHAUSEN" in text, f"{language} page {page}"
        assert "QUARTİERSMANAGEMENT" not in text


def test_the_latin_spelling_is_printed_on_both_pages(rendered):
    language, pdf, _workdir = rendered
    latin = HOLDERS[language][2]
    for page in (1, 2):
        text = " ".join(_page_text(pdf, page).split())
        if latin:
            assert latin in text, f"{language} page {page}"
        else:
            assert "lateinischer Schrift" not in text


# The opening and closing quotation marks each language uses around the course title.
QUOTES = {
    "de": ("„", "“"),
    "ro": ("„", "”"),
    "bg": ("„", "“"),
    "ar": ("«", "»"),
    "tr": ("“", "”"),
    "uk": ("«", "»"),
    "en": ("“", "”"),
}


def test_quotation_marks_of_each_language_around_the_course(rendered):
    """Read from the word boxes: they are in the order printed, left to right, so on
    the Arabic page a mark that points the wrong way shows as the wrong character."""
    language, pdf, _workdir = rendered
    words = _words(pdf)
    for page, (opening, closing) in ((1, QUOTES["de"]), (2, QUOTES[language])):
        on_page = {
            w["text"].replace("\u2066", "").replace("\u2069", "")
            for w in words
            if w["page"] == page
        }
        assert f"{opening}Mietführerschein" in on_page, f"{language} page {page}"
        assert f"(Abendkurs){closing}" in on_page, f"{language} page {page}"


def _plain(text: str) -> str:
    return text.replace("\u2066", "").replace("\u2069", "")


def _lines(words: list[dict], page: int) -> list[list[str]]:
    """The words of ``page`` grouped into printed lines (by their box's middle), top to
    bottom, each line left to right."""
    lines: dict[int, list[dict]] = {}
    for w in words:
        if w["page"] == page:
            lines.setdefault(round((w["box"][1] + w["box"][3]) / 2 / 8), []).append(w)
    return [
        [_plain(w["text"]) for w in sorted(lines[key], key=lambda w: w["box"][0])]
        for key in sorted(lines)
    ]


def test_the_address_keeps_its_parentheses(rendered):
    language, pdf, _workdir = rendered
    words = {_plain(w["text"]) for w in _words(pdf)}
    assert "(Stadtteilzentrum" in words, language
    assert "87)" in words, language


def test_arabic_parentheses_at_a_line_break(tmp_path):
    """A shorter course title moves the line break into the address: the opening
    parenthesis stays before its first word on the first line and the closing one
    after its last on the next (as separate right-to-left text, "(" was mirrored to a
    ")" at the end of the first line and the second line started with "(")."""
    certificate = _certificate("ar")
    certificate.course_title = "Mietführerschein Herbst"
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(render_pdf(certificate))
    lines = _lines(_words(pdf), 2)
    (first,) = [n for n, line in enumerate(lines) if "(Stadtteilzentrum" in line]
    (last,) = [n for n, line in enumerate(lines) if "87)" in line]
    assert last == first + 1, "the break no longer falls inside the address"
    # Left to right on the first line: the address's start, then the course title.
    assert lines[first].index("(Stadtteilzentrum") < lines[first].index("«Mietführerschein")
    for line in (lines[first], lines[last]):
        assert "(" not in line and ")" not in line, line


def test_the_body_is_centred_on_the_page(rendered):
    """The body text (and the statement, styled alike) is a centred column of 150 mm on
    both pages. On the right-to-left page WeasyPrint placed a box with auto side margins
    one margin too far right (about 2 mm), so the CSS gives the margins as lengths."""
    language, pdf, _workdir = rendered
    words = _words(pdf)
    middle = 595.3 / 2
    for page in (1, 2):
        on_page = [w for w in words if w["page"] == page]
        # The line of the body that holds the course's address (always a full line).
        (anchor,) = [w for w in on_page if _plain(w["text"]) == "(Stadtteilzentrum"]
        y = (anchor["box"][1] + anchor["box"][3]) / 2
        line = [w for w in on_page if w["box"][1] < y < w["box"][3]]
        left, right = min(w["box"][0] for w in line), max(w["box"][2] for w in line)
        assert abs((left + right) / 2 - middle) < 1.5, (language, page, left, right)
