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


# Security review, issue 10 finding 8: `/de/search/?q=%22a` answered 500 (FTS5 syntax error).
NASTY_QUERIES = [
    '"a',
    '"',
    "a\"b'c",
    "*",
    "Stoß*",
    "AND OR NOT",
    "(heizen",
    "heizen)",
    "NEAR(a b)",
    "a:b",
    "^a",
    "-heizen",
    "a\x00b",
    "\\",
    "'; DROP TABLE wagtailcore_page; --",
    "%",
    "ü" * 500,
    "\u202e\u0644\u0627",
    "{}[]",
]


def test_any_input_gives_a_normal_page(client, materials):
    for query in NASTY_QUERIES:
        response = client.get("/de/search/", {"q": query, "page": "x"})
        assert response.status_code == 200, query
        assert "<h1>Suchen</h1>" in response.content.decode(), query


def test_quotes_around_a_word_still_find_it(client, materials):
    assert 'href="/de/materialien/heizen-lueften/"' in _titles(client, "de", '"Stoßlüften')
