from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils.translation import get_language

ADMIN_PREFIX = "/admin/"


class TextGZipMiddleware(GZipMiddleware):
    """Django's gzip for pages and other text answers, and nothing else.

    Static files arrive precompressed from whitenoise (gzip and brotli, written by
    ``collectstatic``). Files (PDFs, audio and video with byte ranges, exports) are
    left alone: a compressed 206 or download would break ranges and gains little.
    Django's BREACH mitigation (random padding) applies; CSRF tokens are masked.
    """

    COMPRESSED_TYPES = (
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "image/svg+xml",
        "application/manifest+json",
    )

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if (
            response.status_code != 200
            or response.streaming
            or content_type not in self.COMPRESSED_TYPES
        ):
            return response
        return super().process_response(request, response)


class SameOriginPreviewMiddleware:
    """Let the Wagtail admin frame its own page previews.

    Everything else keeps ``X-Frame-Options: DENY``: Django's clickjacking middleware
    leaves a header alone that a later middleware (this one) already set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PREFIX) and "/preview/" in request.path_info:
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """Strict Content-Security-Policy on the public site, a looser one in the admin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus one surprise.

    Django turns any 404 outside the language prefixes into a redirect to
    ``/<lang>/<path>`` when that path would resolve, and Wagtail's page tree resolves
    every path. So a record not found in the admin (``/admin/…/edit/99/``) became a
    redirect to a page that does not exist either. A 404 from a path that resolved
    as it is, is a real "not found" and stays one.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and is_valid_path(
            request.path_info, getattr(request, "urlconf", None)
        ):
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
