from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.filter
def display_name(user) -> str:
    """A staff member's name as every screen shows it (core.users.display_name)."""
    from core.users import display_name as name_of

    return name_of(user)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The current page in every site language: code, name, URL, whether it is current.

    Used for the language switcher and the hreflang alternates. A page that has no
    translation yet is still reachable under each language prefix (Wagtail falls back
    to the German page), so every link works.
    """
    request = context.get("request")
    page = context.get("page")
    # A CMS page knows its real translations (their slugs may differ per language).
    if hasattr(page, "language_versions"):
        return page.language_versions(request)
    path = request.get_full_path() if request else "/"
    current = get_language()
    base = settings.SITE_URL
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "absolute_url": base + translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
