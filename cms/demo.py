"""Demo course materials: German pages, their translations, pictograms and one read-aloud.

Idempotent: pages are found by slug, images and documents by title; a language
version that is already translated is left alone. Translations are stored the way
a translator's work is (wagtail-localize string translations), so the translation
status, PO export and the "sync" of changed German text behave as with real work.
"""

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from cms import demo_content as content
from cms.models import HomePage, LandlordInfoPage, MaterialsIndexPage, ModulePage
from cms.pictograms import pictogram_png
from cms.services import SOURCE_LANGUAGE, ensure_locales

HEATING = "heizen-lueften"
READ_ALOUD_TITLE = "Vorlesen: Heizen und Lüften"
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
    "de": "Merkblatt Lüften zum Ausdrucken",
    "ro": "Fișă despre aerisire, de printat",
    "bg": "Листовка за проветряване за печат",
    "ar": "ورقة إرشادات التهوية للطباعة",
}


def seed(stdout) -> None:
    with transaction.atomic():
        ensure_locales()
        images = {name: _pictogram(name) for name in _pictogram_names()}
        audio = _read_aloud()
        handout = _handout()
        home = _home()
        index = _child(home, MaterialsIndexPage, "materialien", content.INDEX["de"])
        modules = {}
        for module_code, texts in content.MODULES.items():
            modules[module_code] = _module_page(
                index, module_code, texts["de"], images, audio, handout
            )
        _child(home, LandlordInfoPage, "vermieter", _landlord_fields())
        # Aliases of new German pages in every other language, then the translations.
        ensure_locales()
        _translate(home, _home_mapping)
        _translate(index, _index_mapping)
        for module_code, page in modules.items():
            _translate(page, lambda lang, code=module_code: _module_mapping(code, lang))
    stdout.write(
        f"CMS: home, materials index, {len(modules)} module pages, landlord page; "
        "translations: ro, bg (all), ar (home, index, Heizen und Lüften)"
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


def _pictogram(name):
    Image = get_image_model()
    title = f"Piktogramm {name}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = io.BytesIO(pictogram_png(name))
        image = Image(title=title, file=ImageFile(data, name=f"piktogramm-{name}.png"))
        image.save()
    return image


def _read_aloud():
    """German read-aloud of the heating module's first paragraph (espeak-ng), or None."""
    Document = get_document_model()
    existing = Document.objects.filter(title=READ_ALOUD_TITLE).first()
    if existing or not shutil.which("espeak-ng"):
        return existing
    text = content.MODULES[HEATING]["de"]["paragraphs"][0]
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "vorlesen.wav"
        subprocess.run(  # noqa: S603 - fixed program, our own text
            ["espeak-ng", "-v", "de", "-s", "140", "-w", str(wav), text],  # noqa: S607
            check=True,
            capture_output=True,
            timeout=60,
        )
        document = Document(title=READ_ALOUD_TITLE)
        document.file.save("vorlesen-heizen-lueften.wav", ContentFile(wav.read_bytes()), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _handout():
    from weasyprint import HTML

    Document = get_document_model()
    title = "Merkblatt Lüften"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    texts = content.MODULES[HEATING]["de"]
    items = "".join(f"<li>{item}</li>" for item in texts["do"])
    html = f"<h1>{texts['title']}</h1><p>{texts['intro']}</p><ul>{items}</ul>"
    document = Document(title=title)
    document.file.save("merkblatt-lueften.pdf", ContentFile(HTML(string=html).write_pdf()), False)
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


def _module_page(index, module_code, de, images, audio, handout):
    from courses.models import CurriculumModule

    body = [("text", f"<p>{de['paragraphs'][0]}</p>")]
    if module_code == HEATING and "window" in images:
        body.append(("image", {"image": images["window"], "alt": PICTURE_ALT["de"], "caption": ""}))
        if audio is not None:
            body.append(
                (
                    "audio",
                    {"title": AUDIO_TITLE["de"], "audio": audio, "transcript": de["paragraphs"][0]},
                )
            )
    body += [("text", f"<p>{paragraph}</p>") for paragraph in de["paragraphs"][1:]]
    body.append(
        (
            "key_terms",
            {
                "heading": content.TERMS_HEADING["de"],
                "terms": [
                    {
                        "image": images[picture],
                        "german": word,
                        "meaning": meaning,
                        "audio": None,
                    }
                    for word, meaning, picture in de["terms"]
                ],
            },
        )
    )
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
                },
            )
        )
    if module_code == HEATING and handout is not None:
        body.append(("handout", {"title": HANDOUT_TITLE["de"], "document": handout}))
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
            if path == "slug" or path.endswith(".transcript") or path.endswith(".german"):
                translated = german  # addresses and German read-aloud texts stay as they are
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
