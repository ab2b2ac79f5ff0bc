"""The public search over the course materials, in the reader's language."""

import re

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 100
MAX_TERMS = 10
# Words in any script (letters, digits); everything else separates them.
WORD = re.compile(r"\w+")


def search_terms(query: str) -> str:
    """The words of what the reader typed, without anything a search engine reads as syntax.

    The database backends pass terms on to SQLite's FTS5 or PostgreSQL's tsquery
    with incomplete quoting (a lone ``"`` made FTS5 fail with a syntax error), so
    quotes, operators, wildcards and control characters are dropped here: a reader
    searches for words, and every input gives a normal page.
    """
    return " ".join(WORD.findall(query[:MAX_QUERY_LENGTH])[:MAX_TERMS])


def search(request):
    """Search live material pages of the active language (Wagtail's database backend).

    Pages not translated yet exist in every language as aliases carrying the German
    text, so a reader finds those too, under their own language's address.
    """
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    results = None
    if query:
        results = []
        if terms:
            pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
            paginator = Paginator(pages.search(terms, operator="and"), RESULTS_PER_PAGE)
            results = paginator.get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"search_query": query, "results": results})


def read_aloud(request, text_hash):
    """One read-aloud clip (MP3). Public material; a clip never changes (its name is its hash)."""
    from django.http import FileResponse, Http404

    from cms.models import SpeechClip

    clip = SpeechClip.objects.filter(text_hash=text_hash).only("file").first()
    if clip is None:
        raise Http404
    response = FileResponse(clip.file.open("rb"), content_type="audio/mpeg")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def robots_txt(request):
    """Everything public may be indexed except the admin and the certificate checks."""
    from django.conf import settings
    from django.http import HttpResponse

    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /v/",
        "Disallow: /documents/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
