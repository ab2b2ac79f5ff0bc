"""Background jobs of the CMS (django-q2): read-aloud clips after a page is published."""

from django.db import transaction
from django_q.tasks import async_task


def make_read_aloud(page_id: int) -> int:
    """Make the missing read-aloud clips of a page. Idempotent; a deleted page is a no-op."""
    from wagtail.models import Page

    from cms.read_aloud import make_for_page

    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not hasattr(page, "content_language"):
        return 0
    return make_for_page(page)


def enqueue_read_aloud(page) -> None:
    """After the publishing transaction commits, make the page's clips in the background."""
    from django.conf import settings

    if not settings.READ_ALOUD_ON_PUBLISH:
        return
    transaction.on_commit(
        lambda: async_task("cms.tasks.make_read_aloud", page.pk, task_name=f"read-aloud-{page.pk}")
    )
