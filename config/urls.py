from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates import views as certificate_views
from cms import views as cms_views
from cms.sitemaps import TranslatedPagesSitemap
from core import storage
from core import urls as core_urls
from core import views as core_views
from housing import views as housing_views

urlpatterns = [
    # Before Wagtail's admin: our sign-in screens and scoped versions of its screens.
    *core_urls.urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.health, name="core_health"),
    path("robots.txt", cms_views.robots_txt, name="cms_robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"pages": TranslatedPagesSitemap}},
        name="sitemap",
    ),
    # Read-aloud clips, outside the language prefixes: a clip is the same in every UI language.
    path("read-aloud/<str:text_hash>.mp3", cms_views.read_aloud, name="cms_read_aloud"),
    # Printed in QR codes: short and outside the language prefixes; the page
    # follows the browser's language instead.
    path("v/", certificate_views.verify_form, name="certificates_verify_form"),
    path("v/<str:token>", certificate_views.verify, name="certificates_verify"),
    # Calendar apps cannot sign in: the secret token is the key (housing.views).
    path("calendar/<str:token>.ics", housing_views.calendar_feed, name="housing_calendar_feed"),
]

# Public images from the public storage (local disk or the bucket: every host serves
# the same files). Documents, clips and handouts have their own views; private files
# are never under MEDIA_URL.
urlpatterns.append(
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", storage.public_media, name="core_media")
)

# Wagtail's page tree last: it answers every path not matched above.
urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="cms_search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
