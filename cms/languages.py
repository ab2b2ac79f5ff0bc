"""The language of every piece of text on a public page, for ``lang``/``dir`` and read-aloud.

A page mixes languages: an untranslated page shows German text inside an Arabic
interface; a published translation may still contain German sentences nobody has
translated (wagtail-localize fills gaps with the source); key terms stay German
everywhere. Screen readers pick their voice from ``lang``, browsers the direction from
``dir``, and the read-aloud its voice from the same answer, so the answer is computed
once, here.
"""

import html
import re
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

SOURCE_LANGUAGE = "de"
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "prs"})

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
# Block-level elements of easy-language rich text: wagtail-localize makes one segment of each.
_BLOCK_ELEMENT = re.compile(r"<(p|li|h2|h3|h4)(\s[^>]*)?>(.*?)</\1>", re.DOTALL)


def direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def plain_text(text) -> str:
    """Text without tags and entities, whitespace collapsed: how a text is compared and spoken."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", str(text or "")))).strip()


def lang_attrs(language: str) -> SafeString:
    return format_html(' lang="{}" dir="{}"', language, direction(language))


@dataclass(frozen=True)
class Fragments:
    """Which language each text of one page is in.

    ``ui``: the reader's interface language (the URL's); ``content``: the language the
    page's text is written in (German for a page not translated yet); ``untranslated``:
    plain texts of German sentences inside a published translation.
    """

    ui: str
    content: str
    untranslated: frozenset[str] = field(default_factory=frozenset)

    def language_of(self, text) -> str:
        if self.untranslated and plain_text(text) in self.untranslated:
            return SOURCE_LANGUAGE
        return self.content

    @property
    def content_attrs(self) -> SafeString:
        """For the element around the page's text, when it is not in the interface language."""
        return lang_attrs(self.content) if self.content != self.ui else mark_safe("")

    @property
    def ui_attrs(self) -> SafeString:
        """For interface words inside the page's text (e.g. "Check yourself")."""
        return lang_attrs(self.ui) if self.content != self.ui else mark_safe("")

    def attrs(self, text) -> SafeString:
        """For one text inside the page's text: only when it is in another language."""
        language = self.language_of(text)
        return lang_attrs(language) if language != self.content else mark_safe("")

    def mark_rich_text(self, rendered: str) -> SafeString:
        """Rendered rich text with each untranslated paragraph or list item marked German."""
        if not self.untranslated:
            return mark_safe(rendered)  # noqa: S308 - rendered by Wagtail's rich text

        def mark(match):
            tag, attributes, inner = match.group(1), match.group(2) or "", match.group(3)
            if plain_text(inner) not in self.untranslated or " lang=" in attributes:
                return match.group(0)
            return f"<{tag}{attributes}{lang_attrs(SOURCE_LANGUAGE)}>{inner}</{tag}>"

        return mark_safe(_BLOCK_ELEMENT.sub(mark, rendered))  # noqa: S308


def fragments_for(page, ui_language: str) -> Fragments:
    """The languages of ``page``'s texts (one query for a published translation)."""
    from cms.models import UntranslatedTexts

    content = page.content_language()
    untranslated = frozenset()
    if content != SOURCE_LANGUAGE:
        row = UntranslatedTexts.objects.filter(page_id=page.pk).values_list("texts", flat=True)
        untranslated = frozenset(next(iter(row), []))
    return Fragments(ui=ui_language, content=content, untranslated=untranslated)
