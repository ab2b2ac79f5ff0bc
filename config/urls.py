from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from certificates import views as certificate_views
from cms import views as cms_views
from core import views as core_views
from core.reports import ScopedLogEntriesView

# Wagtail admin screens replaced by scoped versions: listed before Wagtail's own
# URLs at the same paths, so these answer; Wagtail's templates still link to them
# by Wagtail's URL names.
scoped_admin_overrides = [
    path(
        "admin/reports/site-history/",
        require_admin_access(never_cache(ScopedLogEntriesView.as_view())),
        name="scoped_site_history",
    ),
    path(
        "admin/reports/site-history/results/",
        require_admin_access(never_cache(ScopedLogEntriesView.as_view(results_only=True))),
        name="scoped_site_history_results",
    ),
]

urlpatterns = [
    *scoped_admin_overrides,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", core_views.health, name="health"),
    # Printed in QR codes: short and outside the language prefixes; the page
    # follows the browser's language instead.
    path("v/", certificate_views.verify_form, name="certificate_verify_form"),
    path("v/<str:token>", certificate_views.verify, name="certificate_verify"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Only public media (images) is served in development; private files such as
    # certificate PDFs never live under MEDIA_ROOT.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree last: it answers every path not matched above.
urlpatterns += i18n_patterns(
    path("search/", cms_views.search, name="cms_search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
