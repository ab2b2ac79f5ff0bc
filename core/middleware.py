from django.conf import settings
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"


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
