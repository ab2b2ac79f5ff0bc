import http.client

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path
from django.utils.translation import get_language

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
    """Strict Content-Security-Policy on the public site, a looser one in the admin.

    The header is built once per policy, not per response: django-csp rebuilds it from
    the dictionaries for every response (``dataclasses.asdict`` and string joins, about
    a tenth of the verification page's time, benchmarks/README.md). A policy is the
    settings' dictionaries or a view decorator's, all constants; the cache keeps them
    and is used only when the very same objects come again and no nonce is involved.
    """

    def __init__(self, get_response=None):
        super().__init__(get_response)
        self._built = {}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts

    def _policy(self, parts, report_only):
        kwargs = {"config": parts.config, "update": parts.update, "replace": parts.replace}
        if parts.nonce is not None:
            return build_policy(**kwargs, nonce=parts.nonce, report_only=report_only)
        objects = (
            parts.config,
            parts.update,
            parts.replace,
            getattr(settings, "CONTENT_SECURITY_POLICY", None),
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None),
        )
        key = (report_only, *map(id, objects))
        hit = self._built.get(key)
        # The same objects (held by the cache, so their ids cannot be reused).
        if hit is not None and all(a is b for a, b in zip(hit[0], objects, strict=True)):
            return hit[1]
        policy = build_policy(**kwargs, report_only=report_only)
        if len(self._built) < 100:
            self._built[key] = (objects, policy)
        return policy

    def process_response(self, request, response):
        # django-csp's process_response, with the header from _policy().
        if settings.DEBUG and response.status_code in (
            http.client.INTERNAL_SERVER_ERROR,
            http.client.NOT_FOUND,
        ):
            return response
        for report_only, header, exempt, setting in (
            (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            parts = self.get_policy_parts(
                request=request, response=response, report_only=report_only
            )
            policy = self._policy(parts, report_only)
            if not policy or header in response or getattr(response, exempt, False):
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


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
