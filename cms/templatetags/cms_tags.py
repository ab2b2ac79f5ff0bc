"""Template tags of the public pages: language marks, read-aloud players, pictures, contacts."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.languages import SOURCE_LANGUAGE, Fragments, lang_attrs

register = template.Library()

# Widths offered in srcset, for phones (360 px at 1x–3x) up to the 46 rem column.
IMAGE_WIDTHS = (360, 720, 1080)


def _fragments(context) -> Fragments | None:
    return context.get("fragments")


@register.simple_tag(takes_context=True)
def text_lang(context, text):
    """` lang="de" dir="ltr"` on a text that is in another language than the page's text."""
    fragments = _fragments(context)
    return fragments.attrs(text) if fragments else ""


@register.simple_tag(takes_context=True)
def marked_rich_text(context, value):
    """Rich text with untranslated (German) paragraphs of a translation marked as German."""
    fragments = _fragments(context)
    rendered = value.__html__() if hasattr(value, "__html__") else str(value)
    return fragments.mark_rich_text(rendered) if fragments else mark_safe(rendered)  # noqa: S308


@register.simple_tag
def german_attrs():
    """For the German word of a key term (always German), relative to any page."""
    if get_language() == SOURCE_LANGUAGE:
        return ""
    return lang_attrs(SOURCE_LANGUAGE)


@register.inclusion_tag("cms/includes/player.html", takes_context=True)
def player(context, key, label=""):
    """An audio player for the read-aloud of one part of the page, if its clip exists."""
    clip = (context.get("players") or {}).get(key)
    return {"clip": clip, "label": label, "ui_attrs": context.get("ui_attrs", "")}


@register.simple_tag
def picture(image, alt="", sizes="100vw", eager=False, css_class=""):
    """A responsive <img>: srcset lists only widths the picture really has.

    Wagtail does not enlarge pictures, so asking a 240 px picture for 360/720/1080
    gave three files of 240 px announced as 360w/720w/1080w. The first picture of a
    page loads at once (it is usually on the first screen); the others when scrolled to.
    """
    widths = sorted({w for w in IMAGE_WIDTHS if w < image.width} | {min(image.width, 1080)})
    renditions = image.get_renditions(*[f"width-{w}" for w in widths])
    ordered = sorted(renditions.values(), key=lambda r: r.width)
    smallest = ordered[0]
    srcset = format_html_join(", ", "{} {}w", ((r.url, r.width) for r in ordered))
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" {} '
        'decoding="async"{}>',
        smallest.url,
        srcset,
        sizes,
        smallest.width,
        smallest.height,
        alt,
        mark_safe(loading),  # noqa: S308 - fixed strings
        format_html(' class="{}"', css_class) if css_class else "",
    )


@register.inclusion_tag("cms/includes/advice_centres.html", takes_context=True)
def advice_centres(context):
    """The contact block for families: advice centres in the reader's language (one query)."""
    from cms.models import AdviceCentre

    language = get_language()
    centres = list(
        AdviceCentre.objects.filter(locale__language_code__in={language, SOURCE_LANGUAGE})
        .select_related("locale")
        .order_by("sort_order", "name")
    )
    # One entry per centre: its translation where there is one, else the German entry.
    chosen = {}
    for centre in centres:
        key = centre.translation_key
        if key not in chosen or centre.locale.language_code == language:
            chosen[key] = centre
    entries = [
        {
            "centre": centre,
            "attrs": lang_attrs(SOURCE_LANGUAGE) if centre.locale.language_code != language else "",
        }
        for centre in sorted(chosen.values(), key=lambda c: (c.sort_order, c.name))
    ]
    return {"entries": entries}


@register.simple_tag
def page_lang(page):
    """For a page listed in the reader's language (search results): its text's language."""
    language = page.content_language() if hasattr(page, "content_language") else get_language()
    return lang_attrs(language) if language != get_language() else ""
