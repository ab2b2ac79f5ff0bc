"""Handouts: material pages as PDF (WeasyPrint) in the page's language, made once per version.

Fonts come from static/fonts (Noto Sans and Noto Sans Arabic, OFL), so the PDF looks
the same on every server and Arabic is shaped by HarfBuzz with a font that has the
glyphs. WeasyPrint may only read those fonts and the page's images (from the public
storage, local disk or bucket): nothing from the network, nothing else from the disk.

Rendering takes a few hundred milliseconds of CPU, so a handout is rendered once for
each version of the page and kept in the media storage: the file name holds the
hash of the HTML it was made from, which changes with every published revision
(and with a changed picture or interface text). Concurrent first requests wait for
one renderer instead of all rendering (the security review saw eight anonymous
clients slow every page).
"""

import hashlib
import mimetypes
import time
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from cms.languages import direction, fragments_for
from core.storage import PUBLIC_PREFIXES

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
HANDOUT_DIR = "handouts"
LOCK_SECONDS = 120
WAIT_SECONDS = 60


MEDIA_SCHEME = "media:"


class LocalFilesFetcher(URLFetcher):
    """Fetch the fonts (``file://`` below the font folder) and the page's images
    (``media:<name>``, read from the public storage: disk or bucket); refuse everything
    else."""

    def fetch(self, url, headers=None):
        if "/../" in url or url.endswith("/.."):
            raise ValueError(f"Not fetched in PDFs: {url}")
        if url.startswith(MEDIA_SCHEME):
            return self._media(url)
        if not url.startswith(FONTS_DIR.resolve().as_uri() + "/"):
            raise ValueError(f"Not fetched in PDFs: {url}")
        return super().fetch(url, headers)

    def _media(self, url):
        name = unquote(url.removeprefix(MEDIA_SCHEME))
        if not name.startswith(PUBLIC_PREFIXES) or ".." in name.split("/"):
            raise ValueError(f"Not fetched in PDFs: {url}")
        with default_storage.open(name, "rb") as handle:
            body = handle.read()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def handout_html(page, request) -> str:
    """The HTML a handout is printed from, in the language the page's text is in."""
    language = page.content_language()
    fragments = fragments_for(page, language)
    with translation.override(language):
        return render_to_string(
            "cms/module_page_pdf.html",
            {
                "page": page,
                "language": language,
                "direction": direction(language),
                "fragments": fragments,
                "content_attrs": "",
                "fonts_url": FONTS_DIR.resolve().as_uri(),
                "page_url": request.build_absolute_uri(page.get_url(request)),
                "programme_organisation": settings.PROGRAMME_ORGANISATION,
            },
            request=request,
        )


def render_pdf(html: str) -> bytes:
    return HTML(
        string=html, base_url=FONTS_DIR.resolve().as_uri() + "/", url_fetcher=LocalFilesFetcher()
    ).write_pdf()


def handout_name(page, html: str) -> str:
    digest = hashlib.sha256(html.encode()).hexdigest()[:24]
    return f"{HANDOUT_DIR}/{page.pk}-{page.content_language()}-{digest}.pdf"


def handout_file(page, request) -> str:
    """The storage name of the page's current handout, rendered if it does not exist yet."""
    html = handout_html(page, request)
    name = handout_name(page, html)
    if default_storage.exists(name):
        return name
    lock = f"cms-handout-lock:{name}"
    if cache.add(lock, 1, LOCK_SECONDS):
        try:
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(render_pdf(html)))
                _remove_older_versions(page, name)
        finally:
            cache.delete(lock)
        return name
    # Another request is rendering this very version: wait for it rather than render too.
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if default_storage.exists(name):
            return name
    default_storage.save(name, ContentFile(render_pdf(html)))
    return name


def _remove_older_versions(page, keep: str) -> None:
    prefix = f"{page.pk}-{page.content_language()}-"
    try:
        _dirs, files = default_storage.listdir(HANDOUT_DIR)
    except FileNotFoundError:
        return
    for filename in files:
        name = f"{HANDOUT_DIR}/{filename}"
        if filename.startswith(prefix) and name != keep:
            default_storage.delete(name)


def handout_response(page, request) -> FileResponse:
    name = handout_file(page, request)
    filename = f"{page.handout_name()}-{page.content_language()}.pdf"
    response = FileResponse(
        default_storage.open(name, "rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=filename,
    )
    # Public material; a new version has a new file behind the same address.
    response["Cache-Control"] = "public, max-age=300"
    return response
