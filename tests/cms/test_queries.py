"""Rendering a page takes the same number of queries however much it contains."""

from wagtail.blocks import StreamValue

from cms.models import ModulePage
from tests.cms.conftest import build_materials
from tests.queries import count_queries


def _grow_key_terms(page, factor):
    """Repeat the key-term list ``factor`` times (3 → 3 × factor terms, each with a picture)."""
    body = []
    for block in page.body:
        value = block.value
        if block.block_type == "key_terms":
            value["terms"] = list(value["terms"]) * factor
        body.append((block.block_type, value))
    page.body = StreamValue(page.body.stream_block, body)
    page.save_revision().publish()


def test_module_page_queries_do_not_grow_with_content(client, db):
    build_materials()
    url = "/ro/materialien/heizen-lueften/"
    small = count_queries(client, url)
    romanian = ModulePage.objects.get(locale__language_code="ro")
    _grow_key_terms(romanian, 10)
    large = count_queries(client, url)
    assert "das Stoßlüften" in client.get(url).content.decode()
    assert small == large, (small, large)


def test_materials_index_queries_do_not_grow_with_modules(client, db):
    build_materials(module_codes=("heizen-lueften",), languages=())
    one = count_queries(client, "/de/materialien/")
    build_materials(
        module_codes=("heizen-lueften", "mietvertrag", "muelltrennung", "geld-konto"),
        languages=(),
    )
    four = count_queries(client, "/de/materialien/")
    assert one == four, (one, four)
