"""Search finds materials in the reader's language."""

from tests.cms.conftest import build_materials


def _titles(client, lang, query):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_romanian_reader_finds_romanian_material(client, db):
    build_materials(module_codes=("heizen-lueften", "muelltrennung"), languages=("ro",))
    html = _titles(client, "ro", "mucegai")
    assert 'href="/ro/materialien/heizen-lueften/"' in html
    assert "Încălzire și aerisire" in html
    assert "/ro/materialien/muelltrennung/" not in html


def test_german_reader_finds_german_material(client, db):
    build_materials(module_codes=("heizen-lueften", "muelltrennung"), languages=("ro",))
    html = _titles(client, "de", "Biotonne")
    assert 'href="/de/materialien/muelltrennung/"' in html
    assert "/de/materialien/heizen-lueften/" not in html
    assert "/ro/" not in html.split("<main", 1)[1].split("</main>")[0]


def test_untranslated_material_is_found_under_the_readers_language(client, materials):
    html = _titles(client, "tr", "Stoßlüften")
    assert 'href="/tr/materialien/heizen-lueften/"' in html


def test_empty_and_unknown_queries(client, materials):
    assert "result" not in _titles(client, "de", "")
    assert "Nichts gefunden" in _titles(client, "de", "Xylophonkonzert")
