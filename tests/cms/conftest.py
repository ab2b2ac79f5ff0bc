"""A small materials tree: German home, index, the heating module; Romanian translation."""

import copy

import pytest
from django.test import TestCase

from cms import demo, demo_content
from cms.models import MaterialsIndexPage
from cms.services import ensure_locales
from tests.kept_data import kept_for_module


def build_materials(module_codes=(demo.HEATING,), languages=("ro",), recording=None):
    # wagtail-localize publishes translations after the transaction commits: run those
    # callbacks, as a real request would, so publishing times and signals are real.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return _build(module_codes, languages, recording)


def _build(module_codes, languages, recording):
    ensure_locales()
    images = {name: demo._pictogram(name) for name in demo._pictogram_names(module_codes)}
    home = demo._home()
    index = demo._child(home, MaterialsIndexPage, "materialien", demo_content.INDEX["de"])
    pages = {
        code: demo._module_page(index, code, demo_content.MODULES[code]["de"], images, recording)
        for code in module_codes
    }
    ensure_locales()

    def only(mapping_for):
        return lambda lang: mapping_for(lang) if lang in languages else None

    demo._translate(home, only(demo._home_mapping))
    demo._translate(index, only(demo._index_mapping))
    for code, page in pages.items():
        demo._translate(page, only(lambda lang, code=code: demo._module_mapping(code, lang)))
    return {"home": home, "index": index, **pages}


@pytest.fixture
def materials(db):
    return build_materials()


def materials_made_once_per_module():
    """``materials`` made once for a module whose every test uses it (tests/kept_data.py).

    In the module: ``materials_made_once, materials = materials_made_once_per_module()``.
    Each test gets its own copy of the page objects, and its changes are rolled back.
    """

    @pytest.fixture(scope="module")
    def materials_made_once(django_db_setup, django_db_blocker):
        with kept_for_module(django_db_blocker) as media:
            yield build_materials(), media

    @pytest.fixture
    def materials(db, materials_made_once, settings):
        pages, media = materials_made_once
        for name, folder in media.items():  # the pictures stay where they were made
            setattr(settings, name, folder)
        return copy.deepcopy(pages)

    return materials_made_once, materials
