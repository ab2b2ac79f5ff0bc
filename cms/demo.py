"""Demo course materials: German pages, their translations, pictograms, contacts, glossary.

Idempotent: pages are found by slug, images and documents by title; a language
version that is already translated is left alone. Translations are stored the way
a translator's work is (wagtail-localize string translations), so the translation
status, PO export and the "sync" of changed German text behave as with real work.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms import demo_content as content
from cms.models import (
    AdviceCentre,
    ContentPage,
    GlossaryPage,
    HomePage,
    LandlordInfoPage,
    MaterialsIndexPage,
    ModulePage,
)
from cms.pictograms import pictogram_png
from cms.read_aloud import ReadAloudUnavailable, Utterance, missing_tools, synthesize
from cms.services import SOURCE_LANGUAGE, ensure_locales

HEATING = "heizen-lueften"
READ_ALOUD_TITLE = "Aufnahme: Heizen und Lüften"
LARGE_PICTURE = "Bild Stoßlüften"
FLAT_SEARCH = "wohnungssuche"
GLOSSARY = "woerterbuch"
AUDIO_TITLE = {
    "de": "Zum Anhören (Deutsch)",
    "ro": "Pentru ascultat (în germană)",
    "bg": "За слушане (на немски)",
    "ar": "للاستماع (بالألمانية)",
}
PICTURE_ALT = {
    "de": "Ein weit geöffnetes Fenster, frische Luft strömt herein.",
    "ro": "O fereastră larg deschisă, intră aer proaspăt.",
    "bg": "Широко отворен прозорец, влиза свеж въздух.",
    "ar": "نافذة مفتوحة بالكامل، يدخل منها هواء نقي.",
}
HANDOUT_TITLE = {
    "de": "Merkblatt zum Ausdrucken",
    "ro": "Fișă de printat",
    "bg": "Листовка за печат",
    "ar": "ورقة إرشادات للطباعة",
}


def seed(stdout) -> None:
    if missing_tools():
        # The read-aloud is part of the materials: say so instead of leaving it out.
        raise ReadAloudUnavailable(
            f"{', '.join(missing_tools())} missing: run bin/system-packages, then the demo again."
        )
    with transaction.atomic():
        ensure_locales()
        images = {name: _pictogram(name) for name in _pictogram_names()}
        images["window-large"] = _pictogram("window", size=960, title=LARGE_PICTURE)
        recording = _recording()
        home = _home()
        index = _child(home, MaterialsIndexPage, "materialien", content.INDEX["de"])
        modules = {}
        for module_code, texts in content.MODULES.items():
            modules[module_code] = _module_page(index, module_code, texts["de"], images, recording)
        flat_search = _content_page(index, images)
        glossary = _child(index, GlossaryPage, GLOSSARY, content.GLOSSARY["de"])
        _child(home, LandlordInfoPage, "vermieter", _landlord_fields())
        # Aliases of new German pages in every other language, then the translations.
        ensure_locales()
        _translate(home, _home_mapping)
        _translate(index, _index_mapping)
        for module_code, page in modules.items():
            _translate(page, lambda lang, code=module_code: _module_mapping(code, lang))
        _translate(flat_search, _content_mapping)
        _translate(glossary, _glossary_mapping)
        centres = _advice_centres()
    stdout.write(
        f"CMS: home, materials index, {len(modules)} module pages, a free page, glossary, "
        f"landlord page, {centres} advice centres; translations: ro, bg (all), ar (home, "
        "index, Heizen und Lüften, Wohnungssuche, glossary); read-aloud is made by the "
        "background worker (make run starts it)"
    )


# --- Media -------------------------------------------------------------------


def _pictogram_names(module_codes=None):
    names = set()
    for code, texts in content.MODULES.items():
        if module_codes is not None and code not in module_codes:
            continue
        names.update(picture for _word, _meaning, picture in texts["de"]["terms"])
        for answer in texts["de"].get("quiz", {}).get("answers", []):
            names.add(answer[3])
    return sorted(names)


def _pictogram(name, size=None, title=None):
    Image = get_image_model()
    title = title or f"Piktogramm {name}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = io.BytesIO(pictogram_png(name, size) if size else pictogram_png(name))
        image = Image(title=title, file=ImageFile(data, name=f"piktogramm-{name}.png"))
        image.save()
    return image


def _recording():
    """An editor's own recording of the heating module's first paragraph (German).

    Made with the computer voice at another speed, standing in for a recording a
    co-trainer would make; it shows that an uploaded recording wins.
    """
    Document = get_document_model()
    existing = Document.objects.filter(title=READ_ALOUD_TITLE).first()
    if existing:
        return existing
    text = content.MODULES[HEATING]["de"]["paragraphs"][0]
    mp3, _duration = synthesize(Utterance((("de", text),)))
    document = Document(title=READ_ALOUD_TITLE)
    document.file.save("aufnahme-heizen-lueften.mp3", ContentFile(mp3), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


# --- German pages -----------------------------------------------------------------


def _home():
    home = HomePage.objects.get(locale__language_code=SOURCE_LANGUAGE, depth=2)
    if home.intro != content.HOME["de"]["intro"] and not home.has_unpublished_changes:
        home.title = content.HOME["de"]["title"]
        home.intro = content.HOME["de"]["intro"]
        home.save_revision().publish()
    return home


def _child(parent, model, slug, fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, show_in_menus=True, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _landlord_fields():
    data = dict(content.LANDLORD)
    data["body"] = [("text", data.pop("body"))]
    return data


def _text(paragraph, recording=None):
    return ("text", {"text": f"<p>{paragraph}</p>", "recording": recording})


def _key_terms(terms, images):
    return (
        "key_terms",
        {
            "heading": content.TERMS_HEADING["de"],
            "terms": [
                {"image": images[picture], "german": word, "meaning": meaning, "audio": None}
                for word, meaning, picture in terms
            ],
        },
    )


def _module_page(index, module_code, de, images, recording=None):
    from courses.models import CurriculumModule

    heating = module_code == HEATING
    body = [_text(de["paragraphs"][0], recording if heating else None)]
    if heating:
        body.append(
            (
                "image",
                {
                    "image": images.get("window-large", images["window"]),
                    "alt": PICTURE_ALT["de"],
                    "caption": "",
                },
            )
        )
        if recording is not None:
            body.append(
                (
                    "audio",
                    {
                        "title": AUDIO_TITLE["de"],
                        "audio": recording,
                        "transcript": de["paragraphs"][0],
                    },
                )
            )
    body += [_text(paragraph) for paragraph in de["paragraphs"][1:]]
    body.append(_key_terms(de["terms"], images))
    body.append(
        ("checklist", {"heading": content.CHECK_HEADING["de"], "do": de["do"], "dont": de["dont"]})
    )
    if "quiz" in de:
        body.append(
            (
                "quiz",
                {
                    "question": de["quiz"]["question"],
                    "answers": [
                        {"image": images[pic], "text": text, "correct": ok, "feedback": feedback}
                        for text, ok, feedback, pic in de["quiz"]["answers"]
                    ],
                    "recording": None,
                },
            )
        )
    # The handout is this page as a PDF in the reader's language (no uploaded document).
    body.append(("handout", {"title": HANDOUT_TITLE["de"], "document": None}))
    return _child(
        index,
        ModulePage,
        module_code,
        {
            "title": de["title"],
            "intro": de["intro"],
            "module": CurriculumModule.objects.get(code=module_code),
            "body": body,
        },
    )


def _content_page(index, images):
    de = content.FLAT_SEARCH["de"]
    body = [_text(paragraph) for paragraph in de["paragraphs"]]
    body.append(_key_terms(de["terms"], images))
    return _child(
        index,
        ContentPage,
        FLAT_SEARCH,
        {"title": de["title"], "intro": de["intro"], "body": body},
    )


def _advice_centres() -> int:
    """The contact block for families: German entries and their translations (idempotent)."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for order, data in enumerate(content.ADVICE_CENTRES, start=1):
        shared = {
            key: data[key] for key in ("district", "address", "phone", "messenger", "messenger_url")
        }
        german = AdviceCentre.objects.filter(
            locale=locales[SOURCE_LANGUAGE], name=data["de"]["name"]
        ).first()
        if german is None:
            german = AdviceCentre.objects.create(
                locale=locales[SOURCE_LANGUAGE], sort_order=order, **shared, **data["de"]
            )
        for code, texts in data.items():
            if code not in locales or code == SOURCE_LANGUAGE or not isinstance(texts, dict):
                continue
            if german.get_translation_or_none(locales[code]) is None:
                translated = german.copy_for_translation(locales[code])
                for field, value in texts.items():
                    setattr(translated, field, value)
                translated.save()
    return len(content.ADVICE_CENTRES)


# --- Translations -------------------------------------------------------------------


def _home_mapping(lang):
    if lang not in content.HOME:
        return None
    de, tr = content.HOME["de"], content.HOME[lang]
    return {de["title"]: tr["title"], de["intro"]: tr["intro"]}


def _index_mapping(lang):
    if lang not in content.INDEX:
        return None
    de, tr = content.INDEX["de"], content.INDEX[lang]
    return {de["title"]: tr["title"], de["intro"]: tr["intro"]}


def _module_mapping(module_code, lang):
    texts = content.MODULES[module_code]
    if lang not in texts:
        return None
    de, tr = texts["de"], texts[lang]
    mapping = {
        de["title"]: tr["title"],
        de["intro"]: tr["intro"],
        content.TERMS_HEADING["de"]: content.TERMS_HEADING[lang],
        content.CHECK_HEADING["de"]: content.CHECK_HEADING[lang],
        AUDIO_TITLE["de"]: AUDIO_TITLE[lang],
        # The transcript is the first paragraph, translated with it.
        PICTURE_ALT["de"]: PICTURE_ALT[lang],
        HANDOUT_TITLE["de"]: HANDOUT_TITLE[lang],
    }
    pairs = [
        (de["paragraphs"], tr["paragraphs"]),
        ([meaning for _word, meaning, _pic in de["terms"]], tr["meanings"]),
        (de["do"], tr["do"]),
        (de["dont"], tr["dont"]),
    ]
    for german, translated in pairs:
        assert len(german) == len(translated), (module_code, lang, german)
        mapping.update(zip(german, translated, strict=True))
    if "quiz" in de:
        mapping[de["quiz"]["question"]] = tr["quiz"]["question"]
        for (text, _ok, feedback, _pic), (text_tr, feedback_tr) in zip(
            de["quiz"]["answers"], tr["quiz"]["answers"], strict=True
        ):
            mapping[text] = text_tr
            mapping[feedback] = feedback_tr
    return mapping


def _content_mapping(lang):
    texts = content.FLAT_SEARCH
    if lang not in texts:
        return None
    de, tr = texts["de"], texts[lang]
    mapping = {
        de["title"]: tr["title"],
        de["intro"]: tr["intro"],
        content.TERMS_HEADING["de"]: content.TERMS_HEADING[lang],
    }
    mapping.update(zip(de["paragraphs"], tr["paragraphs"], strict=True))
    mapping.update(zip([meaning for _w, meaning, _p in de["terms"]], tr["meanings"], strict=True))
    return mapping


def _glossary_mapping(lang):
    if lang not in content.GLOSSARY:
        return None
    de, tr = content.GLOSSARY["de"], content.GLOSSARY[lang]
    return {de["title"]: tr["title"], de["intro"]: tr["intro"]}


def _translate(page, mapping_for):
    """Translate ``page`` into every language ``mapping_for(lang)`` has texts for."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    source, _ = TranslationSource.update_or_create_from_instance(page)
    for locale in Locale.objects.exclude(language_code=SOURCE_LANGUAGE):
        mapping = mapping_for(locale.language_code)
        if mapping is None:
            continue
        target = page.get_translation_or_none(locale)
        if target is not None and not target.alias_of_id:
            continue  # translated already (perhaps changed by an editor since)
        translation, _ = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            german = segment.string.data
            path = segment.context.path
            if path == "slug" or path.endswith(".german"):
                translated = german  # addresses and the German key words stay as they are
            else:
                translated = mapping.get(german)
            if translated is None:
                raise LookupError(f"No {locale.language_code} text for {german!r} ({path})")
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": translated,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        translation.save_target(publish=True)
