"""Turning a certificate's snapshot into its PDF (WeasyPrint, PDF/A-3b).

Rendering the same certificate twice gives the same bytes: every input comes from
the snapshot, the document dates are the issue date, and the PDF identifier is
derived from the certificate number (not from the clock or a random source).
"""

import atexit
import base64
import contextlib
import datetime as dt
import functools
import gc
import hashlib
import io
from pathlib import Path

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html

from certificates.texts import MODULES, TEXTS, module_title

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
STYLESHEET = Path(__file__).resolve().parent / "certificate.css"
UA_STYLESHEET = Path(__file__).resolve().parent / "certificate_ua.css"


def qr_image(data: str) -> str:
    """The QR code as an inline PNG of one pixel per module, drawn without smoothing.

    In the PDF it is an image with interpolation off, so every viewer and printer draws
    sharp square modules at any size, as the vector version did; but WeasyPrint lays it
    out and embeds it in well under a millisecond, where its SVG path parser spent about
    a fifth of the whole render on the QR code's long path (measured: see
    benchmarks/README.md).
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, box_size=1)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return format_html(
        '<img src="data:image/png;base64,{}" alt="" '
        'style="display: block; width: 30mm; height: 30mm; image-rendering: pixelated">',
        encoded,
    )


def _date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def fill_date(value):
    return format_html('<span dir="ltr">{}</span>', _date(value))


def _page(certificate, language: str) -> dict:
    texts = TEXTS[language]
    # Each value isolated, so a German course name keeps its order inside Arabic text.
    fill = {
        key: format_html('<span dir="ltr">{}</span>', value)
        for key, value in {
            "start": _date(certificate.course_start),
            "end": _date(certificate.course_end),
            "exam": _date(certificate.exam_date),
        }.items()
    }
    # The course title in the language's quotation marks, marks and title in one
    # left-to-right isolate (U+2066 ... U+2069): on the Arabic page the marks then
    # point outwards (see certificates/texts.py).
    opening, closing = texts["quotes"]
    fill["course"] = format_html(
        '<span dir="ltr">\u2066{}{}{}\u2069</span>', opening, certificate.course_title, closing
    )
    # The address in parentheses, the parentheses inside its isolate: a line break in
    # the address then keeps "(" before its first word and ")" after its last on the
    # Arabic page too (see certificates/texts.py).
    fill["place"] = format_html(
        '<span dir="ltr">\u2066({})\u2069</span>', certificate.course_location
    )
    modules = [module_title(module, language) for module in certificate.modules]
    return {
        "language": language,
        "dir": texts["dir"],
        "title": texts["title"],
        "subtitle": texts["subtitle"],
        "intro": texts["intro"],
        "latin": texts["latin"],
        "born": format_html(texts["born"], date=fill_date(certificate.holder_date_of_birth)),
        # The wording is ours (certificates/texts.py); only the values are escaped.
        "body": format_html(texts["body"], **fill),
        "modules_heading": texts["modules"],
        "modules": modules,
        # Two lists side by side (cheaper to lay out than CSS columns).
        "modules_first": modules[: (len(modules) + 1) // 2],
        "modules_second": modules[(len(modules) + 1) // 2 :],
        "statement": texts["statement"],
        "issued": texts["issued"].format(date=_date(certificate.issued_on)),
        "valid_until": (
            texts["valid_until"].format(date=_date(certificate.valid_until))
            if certificate.valid_until
            else ""
        ),
        "number_label": texts["number"],
        # Split around the address so the template can keep it left-to-right in Arabic.
        "verify_before": texts["verify"].split("{url}")[0],
        "verify_after": texts["verify"].split("{url}")[1],
        "translation": texts["translation"],
    }


def render_html(certificate) -> str:
    pages = [_page(certificate, "de")]
    if certificate.language != "de":
        pages.append(_page(certificate, certificate.language))
    issued = dt.datetime.combine(certificate.issued_on, dt.time(12, 0), tzinfo=dt.UTC)
    return render_to_string(
        "certificates/certificate.html",
        {
            "certificate": certificate,
            "pages": pages,
            # The template's name for the QR code's markup (now an image, see qr_image).
            "qr_svg": qr_image(certificate.verification_url),
            "document_date": issued.isoformat(),
        },
    )


@functools.cache
def styles():
    """The certificate's fonts, its stylesheet and its user-agent defaults, parsed and
    loaded once per process.

    Every render of a worker uses the same ``FontConfiguration`` and ``CSS``: loading the
    four fonts (@font-face) and parsing the styles was a large part of each render
    (benchmarks/README.md). Nothing in them depends on the certificate.
    """
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    css = CSS(
        string=STYLESHEET.read_text().replace("FONTS_DIR", FONTS_DIR.as_uri()),
        base_url=str(settings.BASE_DIR),
        font_config=font_config,
    )
    defaults = CSS(string=UA_STYLESHEET.read_text(), font_config=font_config)
    return font_config, css, defaults


@functools.cache
def _document_class(full_defaults: bool):
    from weasyprint import HTML

    class CertificateHTML(HTML):
        def _ua_stylesheets(self, forms=False):
            if full_defaults:
                return super()._ua_stylesheets(forms)
            return [styles()[2]]

    return CertificateHTML


def certificate_html(markup: str, *, full_defaults: bool = False):
    """The certificate's markup as a WeasyPrint document with the certificate's own
    user-agent defaults (certificate_ua.css) instead of those for all of HTML.

    WeasyPrint has no option for its user-agent stylesheet; a document takes it from
    ``_ua_stylesheets``, which WeasyPrint's own test suite overrides the same way for a
    lighter sheet. Should a later WeasyPrint stop calling it, the PDFs would be as slow
    as before and no different (tests/certificates/test_rendering_shortcuts.py).
    ``full_defaults`` gives WeasyPrint's own sheet, for that comparison.
    """
    return _document_class(full_defaults)(string=markup, base_url=str(settings.BASE_DIR))


# Drop them while the interpreter is whole: the font configuration removes its
# temporary font folder when it is collected, which fails late in the shutdown.
atexit.register(styles.cache_clear)


@contextlib.contextmanager
def collection_paused():
    """No cyclic garbage collection while WeasyPrint lays out a certificate.

    A render allocates some hundred thousand small objects, so the collector ran about
    eleven times in each one, and twice in twenty renders through everything the worker
    had loaded (277 ms each): about a tenth of the render's time (benchmarks/README.md).
    What the render leaves behind is collected as usual after it. Reference counting
    still frees everything that is not in a cycle at once, so memory does not pile up.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def warm_up() -> None:
    """Load WeasyPrint, the fonts and the styles, and lay out one sample certificate.

    Called by ``manage.py qcluster`` before django-q2 forks its workers
    (certificates/management/commands/qcluster.py): every worker then starts with all
    of it in memory instead of paying about 0.7 s of CPU for its first certificate, and
    so does a worker the cluster starts again after one was killed. The sample lives
    only in memory: no database connection is opened before the fork.
    """
    from certificates.models import Certificate

    day = dt.date(2026, 1, 15)
    sample = Certificate(
        number="MFS-0000-00000",
        holder_given_names="Muster",
        holder_family_name="Beispiel",
        holder_date_of_birth=day,
        course_title="Mietführerschein",
        course_start=day,
        course_end=day,
        course_location="Musterstraße 1",
        course_district="Mitte",
        modules=[{"code": code, "title": code} for code in MODULES],
        exam_date=day,
        issued_on=day,
        organisation="Muster",
        signatory_name="Muster",
        language="ar",  # both fonts, both directions
    )
    render_pdf(sample)
    gc.collect()


def render_pdf(certificate, *, full_defaults: bool = False) -> bytes:
    font_config, css, _defaults = styles()
    identifier = hashlib.sha256(certificate.number.encode()).hexdigest()[:32].encode()
    document = certificate_html(render_html(certificate), full_defaults=full_defaults)
    with collection_paused():
        return document.write_pdf(
            stylesheets=[css],
            font_config=font_config,
            pdf_variant="pdf/a-3b",
            pdf_identifier=identifier,
            uncompressed_pdf=False,
        )
