"""The glossary: every key term of every material page of one language, A to Z.

Read from the pages themselves (the key-term blocks), so a term is written once, on
its module page, and the glossary can never disagree with it.
"""

import re
from collections import defaultdict

from django.urls import reverse

from cms.languages import SOURCE_LANGUAGE, Fragments, lang_attrs, plain_text

ARTICLE = re.compile(r"^(der|die|das|den|dem|des|ein|eine)\s+", re.IGNORECASE)


def sort_key(word: str) -> str:
    """German words are sorted without their article: "die Kaution" under K."""
    return ARTICLE.sub("", word.strip()).casefold().replace("ä", "a").replace("ö", "o").replace(
        "ü", "u"
    ).replace("ß", "ss")


def glossary_entries(locale, ui_language: str) -> list[tuple[str, list[dict]]]:
    """[(letter, [entry, …]), …]: each key term with its page, picture, meaning and sound.

    Three queries (pages, their untranslated texts, read-aloud clips) however many
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
    entries, speakables = [], []
    for page in pages:
        fragments = Fragments(
            ui=ui_language,
            content=page.content_language(),
            untranslated=frozenset(gaps.get(page.pk, [])),
        )
        for block in page.body:
            if block.block_type != "key_terms":
                continue
            for term in block.value["terms"].bound_blocks:
                german = plain_text(term.value["german"])
                meaning = term.value["meaning"]
                parts = [(SOURCE_LANGUAGE, german), *_parts(fragments, meaning)]
                speakable = Speakable(
                    f"{block.id}/{term.id}", Utterance(tuple(parts)), term.value["audio"]
                )
                speakables.append(speakable)
                meaning_language = fragments.language_of(meaning)
                entries.append(
                    {
                        "german": german,
                        "meaning": meaning,
                        "meaning_attrs": lang_attrs(meaning_language)
                        if meaning_language != ui_language
                        else "",
                        "image": term.value["image"],
                        "page": page,
                        "page_attrs": lang_attrs(fragments.language_of(page.title))
                        if fragments.language_of(page.title) != ui_language
                        else "",
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
