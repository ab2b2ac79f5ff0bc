"""Module pages as PDF (WeasyPrint), in the page's language, right-to-left for Arabic.

Fonts come from static/fonts (Noto Sans and Noto Sans Arabic, OFL), so the PDF looks
the same on every server and Arabic is shaped by HarfBuzz with a font that has the
glyphs. WeasyPrint may only read those fonts and our media files: nothing from the
network, nothing else from the disk.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "prs"}


class LocalFilesFetcher(URLFetcher):
    """Fetch ``file://`` URLs below the font and media folders, refuse everything else."""

    def fetch(self, url, headers=None):
        allowed = [FONTS_DIR.resolve().as_uri(), Path(settings.MEDIA_ROOT).resolve().as_uri()]
        if not url.startswith("file://") or not any(url.startswith(a + "/") for a in allowed):
            raise ValueError(f"Not fetched in PDFs: {url}")
        if "/../" in url or url.endswith("/.."):
            raise ValueError(f"Not fetched in PDFs: {url}")
        return super().fetch(url, headers)


def render_module_pdf(page, request) -> bytes:
    """The PDF bytes of a module page, in the language its text is written in."""
    language = page.content_language()
    with translation.override(language):
        html = render_to_string(
            "cms/module_page_pdf.html",
            {
                "page": page,
                "language": language,
                "direction": "rtl" if language in RTL_LANGUAGES else "ltr",
                "fonts_url": FONTS_DIR.resolve().as_uri(),
                "page_url": request.build_absolute_uri(page.get_url(request)),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "programme_organisation": settings.PROGRAMME_ORGANISATION,
            },
            request=request,
        )
    return HTML(
        string=html, base_url=FONTS_DIR.resolve().as_uri() + "/", url_fetcher=LocalFilesFetcher()
    ).write_pdf()
