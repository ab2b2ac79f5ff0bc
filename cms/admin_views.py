"""Admin screen for editors: how far each German page is translated, language by language."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.services import SOURCE_LANGUAGE, Status, translation_status


def can_edit_pages(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def translation_overview(request):
    """Every German page with the status of each language version (no personal data)."""
    if not can_edit_pages(request.user):
        raise PermissionDenied
    labels = {
        Status.SOURCE: _("German source"),
        Status.UP_TO_DATE: _("Up to date"),
        Status.OUT_OF_DATE: _("Out of date"),
        Status.NOT_TRANSLATED: _("Not translated (shows German)"),
    }
    pages = (
        Page.objects.filter(locale__language_code=SOURCE_LANGUAGE, depth__gt=1)
        .order_by("path")
        .specific()
    )
    rows = [{"page": page, "languages": translation_status(page)} for page in pages]
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return render(
        request,
        "cms/admin/translation_overview.html",
        {"rows": rows, "languages": languages, "labels": labels},
    )
