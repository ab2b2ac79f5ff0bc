"""What readers see besides the material: language marks, notices, German beside, glossary,
contacts, pictures, site files."""

import re

from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.blocks import StreamValue
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from cms.models import AdviceCentre, ContentPage, GlossaryPage, ModulePage, UntranslatedTexts
from tests.cms.conftest import build_materials
from tests.queries import count_queries

URL = "/{lang}/materialien/heizen-lueften/"
BEHIND = "Această traducere este mai veche decât versiunea în germană."


def _change_german_intro(page, text):
    page = ModulePage.objects.get(pk=page.pk)
    page.intro = text
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()


def test_reader_is_told_when_the_translation_is_behind(client, materials):
    html = client.get(URL.format(lang="ro")).content.decode()
    assert BEHIND not in html
    _change_german_intro(materials["heizen-lueften"], "Gut heizen, richtig lüften.")
    html = client.get(URL.format(lang="ro")).content.decode()
    assert BEHIND in html
    assert 'href="/de/materialien/heizen-lueften/" hreflang="de">Citiți versiunea actuală' in html
    # The page itself still shows the Romanian text it had.
    assert "Încălzirea și aerisirea corectă" in html
    # The German page and untranslated languages show the new text, without that notice.
    assert BEHIND not in client.get(URL.format(lang="de")).content.decode()


def test_translator_finishes_and_publishes_then_the_notice_goes(client, materials):
    _change_german_intro(materials["heizen-lueften"], "Gut heizen, richtig lüften.")
    romanian = Locale.objects.get(language_code="ro")
    translation = Translation.objects.get(
        source__object_id=materials["heizen-lueften"].translation_key, target_locale=romanian
    )
    segment = translation.source.stringsegment_set.get(string__data="Gut heizen, richtig lüften.")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=romanian,
        context=segment.context,
        data="Încălziți bine, aerisiți corect.",
    )
    assert BEHIND in client.get(URL.format(lang="ro")).content.decode()  # not published yet
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    html = client.get(URL.format(lang="ro")).content.decode()
    assert "Încălziți bine, aerisiți corect." in html
    assert BEHIND not in html


def test_german_sentences_left_in_a_translation_are_marked_german(client, materials):
    """wagtail-localize publishes untranslated sentences in German: they must say so."""
    _change_german_intro(materials["heizen-lueften"], "Gut heizen, richtig lüften.")
    romanian = Locale.objects.get(language_code="ro")
    translation = Translation.objects.get(
        source__object_id=materials["heizen-lueften"].translation_key, target_locale=romanian
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)  # published with the new German intro
    page = ModulePage.objects.get(locale=romanian)
    assert "Gut heizen, richtig lüften." in UntranslatedTexts.objects.get(page=page).texts
    html = client.get(URL.format(lang="ro")).content.decode()
    assert '<p class="lead" lang="de" dir="ltr">Gut heizen, richtig lüften.</p>' in html
    assert "<h1>Încălzire și aerisire</h1>" in html  # translated parts stay unmarked


def test_untranslated_page_marks_german_text_and_interface_words(client, db):
    build_materials(languages=())
    html = client.get(URL.format(lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<article class="page module" lang="de" dir="ltr">' in html
    # Arabic interface words inside the German text are marked Arabic, right to left.
    assert '<h2 lang="ar" dir="rtl">اختبر نفسك</h2>' in html


def test_index_marks_titles_only_in_german(client, db):
    build_materials(module_codes=("heizen-lueften", "mietvertrag"), languages=("ar",))
    html = client.get("/ar/materialien/").content.decode()
    assert re.search(
        r'href="/ar/materialien/mietvertrag/" lang="de" dir="ltr">Der Mietvertrag', html
    )
    assert "بالألمانية فقط" in html  # "only in German"
    assert re.search(r'href="/ar/materialien/heizen-lueften/">التدفئة والتهوية', html)


def test_german_beside_the_translation_without_javascript(client, materials):
    plain = client.get(URL.format(lang="ro")).content.decode()
    assert 'href="?de=1"' in plain and "Beim Kochen, Duschen" not in plain
    both = client.get(URL.format(lang="ro") + "?de=1").content.decode()
    assert '<div class="also-german" lang="de" dir="ltr">' in both
    assert "Beim Kochen, Duschen und Atmen" in both and "Când gătiți, faceți duș" in both
    assert "<script" not in both


def test_glossary_lists_every_key_term_a_to_z_in_the_readers_language(client, db):
    pages = build_materials(module_codes=("heizen-lueften", "mietvertrag"), languages=("ro",))
    glossary = GlossaryPage(title="Wörterbuch", slug="woerterbuch")
    pages["index"].add_child(instance=glossary)
    with TestCase.captureOnCommitCallbacks(execute=True):
        glossary.save_revision().publish()
    from cms.services import ensure_locales

    ensure_locales()
    html = client.get("/ro/materialien/woerterbuch/").content.decode()
    words = re.findall(r'<strong lang="de" dir="ltr">([^<]+)</strong>', html)
    assert "das Stoßlüften" in words and "die Heizung" in words
    # Sorted without the article: Heizung (H) before Schimmel (S) before Stoßlüften.
    assert words.index("die Heizung") < words.index("der Schimmel") < words.index("das Stoßlüften")
    assert "Deschideți fereastra complet pentru scurt timp." in html  # translated meaning
    assert '<span class="key-term__meaning" lang="de"' not in html
    # In Turkish nothing is translated: the meanings are German and marked so.
    turkish = client.get("/tr/materialien/woerterbuch/").content.decode()
    assert '<span class="key-term__meaning" lang="de" dir="ltr">Das Fenster kurz' in turkish
    few = count_queries(client, "/ro/materialien/woerterbuch/")
    build_materials(
        module_codes=("heizen-lueften", "mietvertrag", "muelltrennung", "geld-konto"),
        languages=("ro",),
    )
    assert count_queries(client, "/ro/materialien/woerterbuch/") == few


def test_advice_centres_on_every_page_in_the_readers_language(client, materials):
    german = AdviceCentre.objects.create(
        locale=Locale.objects.get(language_code="de"),
        name="Quartiersbüro Altenhagen",
        address="Beispielstraße 12\n58000 Demo-Stadt",
        opening_hours="Mo–Do 9–12 Uhr",
        phone="02331 000 100",
        messenger="whatsapp",
        messenger_url="https://wa.me/492331000100",
    )
    romanian = german.copy_for_translation(Locale.objects.get(language_code="ro"))
    romanian.name = "Biroul de cartier Altenhagen"
    romanian.opening_hours = "Lu–Jo 9–12"
    romanian.save()
    ro = client.get(URL.format(lang="ro")).content.decode()
    assert "Biroul de cartier Altenhagen" in ro and "Lu–Jo 9–12" in ro
    assert 'href="tel:023310001000"' not in ro and 'href="tel:02331000100"' in ro
    assert 'href="https://wa.me/492331000100"' in ro
    tr = client.get(URL.format(lang="tr")).content.decode()
    assert '<li class="advice__centre" lang="de" dir="ltr">' in tr  # German entry, marked
    assert "Biroul de cartier Altenhagen" in client.get("/ro/search/?q=x").content.decode()


def test_messenger_link_must_be_https():
    centre = AdviceCentre(name="x", address="y", opening_hours="z", messenger="signal")
    centre.messenger_url = "http://signal.me/#p/+49"
    try:
        centre.clean()
    except ValidationError as error:
        assert "messenger_url" in error.message_dict
    else:
        raise AssertionError("an http messenger link was accepted")


def test_first_picture_loads_at_once_with_real_widths(client, db):
    from cms import demo

    pages = build_materials()
    big = demo._pictogram("window", size=960, title="Bild groß")
    page = ModulePage.objects.get(pk=pages["heizen-lueften"].pk)
    body = [(b.block_type, b.value) for b in page.body]
    for _type, value in body:
        if _type == "image":
            value["image"] = big
    page.body = StreamValue(page.body.stream_block, body)
    page.save_revision().publish()
    html = client.get(URL.format(lang="de")).content.decode()
    image = re.search(r"<figure class=\"figure\"><img [^>]+>", html).group(0)
    assert 'fetchpriority="high"' in image and 'loading="lazy"' not in image
    widths = re.findall(r" (\d+)w", re.search(r'srcset="([^"]+)"', image).group(1))
    assert widths == ["360", "720", "960"]  # not 1080: the picture is 960 px wide
    small = demo._pictogram("window")
    for _type, value in body:
        if _type == "image":
            value["image"] = small
    page.body = StreamValue(page.body.stream_block, body)
    page.save_revision().publish()
    html = client.get(URL.format(lang="de")).content.decode()
    image = re.search(r"<figure class=\"figure\"><img [^>]+>", html).group(0)
    assert re.findall(r" (\d+)w", image) == ["240"]  # one real width, not three claims


def test_site_name_is_translated_and_not_doubled(client, materials):
    assert "<title>Mietführerschein</title>" in client.get("/de/").content.decode()
    assert "<title>Permisul de chiriaș</title>" in client.get("/ro/").content.decode()
    assert "– رخصة الاستئجار</title>" in client.get(URL.format(lang="ar")).content.decode()


def test_favicon_robots_and_sitemap(client, materials):
    assert client.get("/favicon.ico").status_code == 200
    assert client.get("/apple-touch-icon.png").status_code == 200
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert any(u.endswith("/de/materialien/heizen-lueften/") for u in locations)
    assert any(u.endswith("/ro/materialien/heizen-lueften/") for u in locations)
    # German copies in other languages are not announced as translations.
    assert not any(u.endswith("/tr/materialien/heizen-lueften/") for u in locations)
    assert not any(u.endswith("/ar/materialien/heizen-lueften/") for u in locations)


def test_free_pages_are_listed_after_the_modules(client, materials):
    page = ContentPage(title="Wohnungssuche", slug="wohnungssuche", intro="So finden Sie …")
    materials["index"].add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/de/materialien/").content.decode()
    assert (
        html.index("Heizen und Lüften") < html.index("Weitere Themen") < html.index("Wohnungssuche")
    )
    assert client.get("/de/materialien/wohnungssuche/pdf/").status_code == 200
