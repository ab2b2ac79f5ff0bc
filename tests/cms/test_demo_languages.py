"""Every demo page in every language: each text is marked with the language it is really in,
and every module page can be heard in every translated language.

The real language of a text is decided without trusting the markup: Arabic and Cyrillic
letters give themselves away; a Latin text is German when it is one of the texts of the
German pages (the translation status: a translation that still shows a German text is
showing the German page's text), otherwise it is in the page's language.
"""

import re
from html.parser import HTMLParser

from django.test import Client
from wagtail.models import Page

from cms.languages import fragments_for
from cms.models import ModulePage, SitePage
from cms.read_aloud import players

ARABIC = re.compile(r"[\u0600-\u06ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LETTER = re.compile(r"[^\W\d_]")
# Names that are the same in every language (brands, places).
# German on purpose where it appears, but on no German page: the German name of the switch.
ALSO_GERMAN = {"· Auch auf Deutsch"}
NEUTRAL = {"WhatsApp", "Signal", "Telegram", "Threema", "Altenhagen", "Wehringhausen"}
SKIPPED = {"script", "style", "template"}
VOID = {"img", "br", "input", "meta", "link", "source", "hr", "wbr"}


class _Texts(HTMLParser):
    """Text nodes of <body> with the lang and dir in force, leaving out the language switcher."""

    def __init__(self, page_lang, page_dir):
        super().__init__(convert_charrefs=True)
        self.stack = [(page_lang, page_dir, False)]
        self.texts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang, direction, skip = self.stack[-1]
        skip = skip or tag in SKIPPED or "language-switcher" in (attrs.get("class") or "")
        entry = (attrs.get("lang", lang), attrs.get("dir", direction), skip)
        if tag in VOID:
            if tag == "img" and attrs.get("alt") and not skip:
                self.texts.append((attrs["alt"], entry[0], entry[1]))
            return
        self.stack.append(entry)

    def handle_endtag(self, tag):
        if tag not in VOID and len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        lang, direction, skip = self.stack[-1]
        text = " ".join(data.split())
        if text and not skip:
            self.texts.append((text, lang, direction))


def _texts(html):
    head, body = html.split("<body", 1)
    match = re.search(r'<html lang="([\w-]+)" dir="(\w+)"', head)
    parser = _Texts(match.group(1), match.group(2))
    parser.feed("<body" + body)
    return parser.texts


class DemoLanguageChecks:
    """Run on the demo made once for all demo checks (tests/test_demo_data.py)."""

    def _pages(self):
        return [
            p for p in Page.objects.live().filter(depth__gt=1).specific() if isinstance(p, SitePage)
        ]

    def test_every_text_is_marked_with_its_real_language(self):
        client = Client()
        pages = self._pages()
        german = set()
        for page in pages:
            if page.locale.language_code == "de":
                response = client.get(page.get_url())
                assert response.status_code == 200, page.get_url()
                html = response.content.decode()
                german.update(text for text, _lang, _dir in _texts(html))
        assert "das Stoßlüften" in german and len(german) > 200

        wrong, checked = [], 0
        for page in pages:
            page_lang = page.locale.language_code
            if page_lang == "de":
                continue
            url = page.get_url()
            response = client.get(url)
            assert response.status_code == 200, url
            for text, lang, direction in _texts(response.content.decode()):
                if len(LETTER.findall(text)) < 4 or text in NEUTRAL or "://" in text:
                    continue
                if ARABIC.search(text):
                    real = {"ar"}
                elif CYRILLIC.search(text):
                    real = {"bg", "uk"}
                elif text in german or text in ALSO_GERMAN:
                    real = {"de"}
                elif page_lang == "ar":
                    continue  # a Latin text that is not German on an Arabic page: cannot tell
                else:
                    real = {page_lang}
                checked += 1
                expected_dir = "rtl" if real == {"ar"} else "ltr"
                if lang not in real or direction != expected_dir:
                    wrong.append(
                        f"{url}: {text[:50]!r} is {sorted(real)} but lang={lang} dir={direction}"
                    )
        assert checked > 2000, checked
        assert wrong == [], "\n".join(wrong[:40])

    def test_every_module_page_can_be_heard_in_every_translated_language(self):
        from django.utils import translation

        pages = ModulePage.objects.live().select_related("locale")
        translated = [p for p in pages if not p.alias_of_id]
        assert {p.locale.language_code for p in translated} >= {"de", "ro", "bg", "ar"}
        for page in pages:
            with translation.override(page.locale.language_code):
                found = players(page, fragments_for(page, page.locale.language_code))
            # Title and introduction, every text block, key term, list and quiz.
            keys = {"intro"} | {
                block.id
                for block in page.body
                if block.block_type != "image"
                and block.block_type not in ("audio", "handout", "key_terms")
            }
            keys |= {
                f"{block.id}/{term.id}"
                for block in page.body
                if block.block_type == "key_terms"
                for term in block.value["terms"].bound_blocks
            }
            assert keys <= set(found), (page.url_path, page.locale, keys - set(found))

    def test_a_read_aloud_clip_plays_as_mp3_with_byte_ranges(self):
        page = ModulePage.objects.get(locale__language_code="ar", module__code="heizen-lueften")
        html = Client().get(page.get_url()).content.decode()
        url = re.search(r'<audio controls preload="none" src="(/read-aloud/\w+\.mp3)"', html).group(
            1
        )
        whole = Client().get(url)
        assert whole.status_code == 200 and whole["Content-Type"] == "audio/mpeg"
        body = b"".join(whole.streaming_content)
        assert body[:3] == b"ID3" or body[0] == 0xFF
        piece = Client().get(url, HTTP_RANGE="bytes=100-199")
        assert piece.status_code == 206
        assert piece["Content-Range"] == f"bytes 100-199/{len(body)}"
        assert b"".join(piece.streaming_content) == body[100:200]
