"""Module pages in every language: translated, or German with a notice, never a 404."""

import re

import pytest
from django.apps import apps
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError

from cms.models import ModulePage
from tests.cms.conftest import materials_made_once_per_module

# Every test here starts from the same small tree: made once (tests/kept_data.py).
materials_made_once, materials = materials_made_once_per_module()

URL = "/{lang}/materialien/heizen-lueften/"


def test_german_module_page_shows_every_block(client, materials):
    html = client.get(URL.format(lang="de")).content.decode()
    assert "<h1>Heizen und Lüften</h1>" in html
    assert "das Stoßlüften" in html  # key term
    assert "checklist__do" in html and "Das Fenster stundenlang kippen." in html
    assert html.count('<details class="quiz__answer') == 2
    assert 'alt="Ein weit geöffnetes Fenster' in html
    assert "notice" not in html


def test_translated_page_is_served_in_its_language(client, materials):
    response = client.get(URL.format(lang="ro"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ro" dir="ltr">' in html
    assert "<h1>Încălzire și aerisire</h1>" in html
    # The German word stays German, marked as such for screen readers.
    assert '<strong lang="de" dir="ltr">das Stoßlüften</strong>' in html
    assert "Deschideți fereastra complet pentru scurt timp." in html
    assert "Sari la conținut" in html  # the site's own strings in Romanian too


@pytest.mark.parametrize("lang", ["tr", "uk", "en", "bg", "ar"])
def test_untranslated_page_shows_german_with_a_notice(client, materials, lang):
    response = client.get(URL.format(lang=lang))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Heizen und Lüften</h1>" in html
    assert '<article class="page module" lang="de" dir="ltr">' in html
    assert 'class="notice"' in html


def test_notice_is_in_the_readers_language(client, materials):
    html = client.get(URL.format(lang="tr")).content.decode()
    assert "Bu sayfa henüz sizin dilinize çevrilmedi." in html


def test_arabic_pages_are_right_to_left(client, materials):
    html = client.get(URL.format(lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_every_page_links_its_language_versions(client, materials):
    html = client.get(URL.format(lang="ro")).content.decode()
    # The switcher offers every language (German text with a notice where untranslated) …
    for code in ["de", "ro", "bg", "en", "ar", "tr", "uk"]:
        assert f'href="/{code}/materialien/heizen-lueften/" lang="{code}"' in html
    assert 'aria-current="true">Română' in html
    # … but search engines hear only of real translations and the German original.
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html)
    assert [code for code, _url in hreflangs] == ["de", "x-default", "ro"]
    for code, url in hreflangs:
        assert url.endswith(f"/{'de' if code == 'x-default' else code}/materialien/heizen-lueften/")


def test_switcher_follows_a_translated_slug(client, materials):
    romanian = materials["heizen-lueften"].get_translation(
        materials["heizen-lueften"].locale.__class__.objects.get(language_code="ro")
    )
    romanian.slug = "incalzire-aerisire"
    romanian.save_revision().publish()
    html = client.get(URL.format(lang="de")).content.decode()
    assert 'href="/ro/materialien/incalzire-aerisire/"' in html
    assert client.get("/ro/materialien/incalzire-aerisire/").status_code == 200


def test_home_and_index_list_their_children(client, materials):
    home = client.get("/ro/").content.decode()
    assert "Materiale de învățare" in home
    index = client.get("/ro/materialien/").content.decode()
    assert 'href="/ro/materialien/heizen-lueften/"' in index


def test_course_code_finds_the_material_page_without_importing_cms(materials):
    page_model = apps.get_model("cms", "ModulePage")
    assert page_model.url_for_module("heizen-lueften", "ro") == URL.format(lang="ro")
    assert page_model.url_for_module("heizen-lueften", "de") == URL.format(lang="de")
    assert page_model.url_for_module("mietvertrag", "ro") is None


def test_one_material_page_per_module_and_language(materials):
    index = materials["index"]
    duplicate = ModulePage(
        title="Noch einmal", slug="noch-einmal", module=materials["heizen-lueften"].module
    )
    duplicate.locale = index.locale
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=duplicate)
    assert "module" in error.value.message_dict


def test_module_page_is_light_and_needs_no_javascript(client, materials):
    html = client.get(URL.format(lang="ro")).content.decode()
    assert "<script" not in html
    weight = len(html.encode())
    for href in re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html):
        with open(finders.find(href), "rb") as stylesheet:
            weight += len(stylesheet.read())
    assert weight < 100 * 1024, weight
    # Images are responsive renditions and load only when scrolled to.
    assert 'srcset="' in html and 'loading="lazy"' in html
