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
