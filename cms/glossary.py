"""The glossary: every key term of every material page of one language, A to Z.

Read from the pages themselves (the key-term blocks), so a term is written once, on
its module page, and the glossary can never disagree with it.
"""

import re
from collections import defaultdict

from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.languages import SOURCE_LANGUAGE, Fragments, lang_attrs, plain_text

ARTICLE = re.compile(r"^(der|die|das|den|dem|des|ein|eine)\s+", re.IGNORECASE)


def sort_key(word: str) -> str:
    """German words are sorted without their article: "die Kaution" under K."""
    return (
        ARTICLE.sub("", word.strip())
        .casefold()
        .replace("ä", "a")
        .replace("ö", "o")
        .replace("ü", "u")
        .replace("ß", "ss")
    )


def glossary_entries(locale, ui_language: str) -> list[tuple[str, list[dict]]]:
    """[(letter, [entry, …]), …]: each key term with its page, picture, meaning and sound.

    Five queries (pages, untranslated texts, pictures, recordings, read-aloud clips) however many
    pages and terms there are; pictures come from the renditions cache.
    """
    from cms.models import ModulePage, SpeechClip, UntranslatedTexts
    from cms.models.pages import ContentPage
    from cms.read_aloud import Speakable, Utterance, _parts

    pages = [
        *ModulePage.objects.live().filter(locale=locale).select_related("locale", "module"),
        *ContentPage.objects.live().filter(locale=locale).select_related("locale"),
    ]
    gaps = dict(
        UntranslatedTexts.objects.filter(page_id__in=[p.pk for p in pages]).values_list(
            "page_id", "texts"
        )
    )
    # The raw stream data, so that pictures and recordings of all pages are read in
    # one query each (the blocks' own loading would take one per page).
    raw_terms = []
    for page in pages:
        for block in page.body.raw_data:
            if block["type"] != "key_terms":
                continue
            for item in block["value"]["terms"]:
                value = item.get("value", item)
                raw_terms.append((page, block["id"], item.get("id", ""), value))
    images = get_image_model().objects.in_bulk(
        {value.get("image") for *_rest, value in raw_terms if value.get("image")}
    )
    documents = get_document_model().objects.in_bulk(
        {value.get("audio") for *_rest, value in raw_terms if value.get("audio")}
    )
    entries, speakables = [], []
    for page, block_id, term_id, value in raw_terms:
        fragments = Fragments(
            ui=ui_language,
            content=page.content_language(),
            untranslated=frozenset(gaps.get(page.pk, [])),
        )
        german = plain_text(value.get("german", ""))
        meaning = value.get("meaning", "")
        parts = [(SOURCE_LANGUAGE, german), *_parts(fragments, meaning)]
        speakable = Speakable(
            f"{block_id}/{term_id}", Utterance(tuple(parts)), documents.get(value.get("audio"))
        )
        speakables.append(speakable)
        meaning_language = fragments.language_of(meaning)
        title_language = fragments.language_of(page.title)
        entries.append(
            {
                "german": german,
                "meaning": meaning,
                "meaning_attrs": lang_attrs(meaning_language)
                if meaning_language != ui_language
                else "",
                "image": images.get(value.get("image")),
                "page": page,
                "page_attrs": lang_attrs(title_language) if title_language != ui_language else "",
                "speakable": speakable,
            }
        )
    hashes = {s.utterance.text_hash for s in speakables if s.recording is None}
    made = set(SpeechClip.objects.filter(text_hash__in=hashes).values_list("text_hash", flat=True))
    letters = defaultdict(list)
    for entry in sorted(entries, key=lambda e: (sort_key(e["german"]), e["page"].title)):
        speakable = entry.pop("speakable")
        if speakable.recording is not None:
            entry["audio_url"] = speakable.recording.url
        elif speakable.utterance.text_hash in made:
            entry["audio_url"] = reverse("cms_read_aloud", args=[speakable.utterance.text_hash])
        letters[sort_key(entry["german"])[:1].upper() or "#"].append(entry)
    return sorted(letters.items())
