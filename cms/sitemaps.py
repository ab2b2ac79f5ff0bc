"""sitemap.xml: the public pages in every language they are really written in.

A page not translated yet exists in every language as a copy showing German
(an alias); search engines are told only about the German original and real
translations, each with its language alternates.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page


class TranslatedPagesSitemap(Sitemap):
    i18n = False  # our URLs carry the language already

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def location(self, page):
        return page.get_url()

    def get_urls(self, page=1, site=None, protocol=None):
        # Absolute addresses from SITE_URL, not from the request's host header.
        urls = []
        for page_obj in self.paginator.page(page).object_list:
            urls.append(
                {
                    "item": page_obj,
                    "location": settings.SITE_URL + self.location(page_obj),
                    "lastmod": page_obj.last_published_at,
                    "changefreq": None,
                    "priority": None,
                    "alternates": [],
                }
            )
        return urls

    def lastmod(self, page):
        return page.last_published_at
