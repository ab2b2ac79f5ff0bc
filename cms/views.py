"""The public search over the course materials, in the reader's language."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 100


def search(request):
    """Search live material pages of the active language (Wagtail's database backend).

    Pages not translated yet exist in every language as aliases carrying the German
    text, so a reader finds those too, under their own language's address.
    """
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(query, operator="and"), RESULTS_PER_PAGE)
        results = paginator.get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"search_query": query, "results": results})
