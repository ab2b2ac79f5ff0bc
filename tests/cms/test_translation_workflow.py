"""Translation status, sync after the German page changes, PO export and import."""

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from cms.models import ModulePage
from cms.services import Status, translation_status
from tests.cms.conftest import materials_made_once_per_module
from tests.conftest import client_for

# Every test here starts from the same small tree: made once (tests/kept_data.py).
materials_made_once, materials = materials_made_once_per_module()


def _status(page):
    return {entry.code: entry.status for entry in translation_status(page)}


def _change_first_paragraph(page, text):
    body = [(block.block_type, block.value) for block in page.body]
    text_block = page.body.stream_block.child_blocks["text"]
    body[0] = ("text", text_block.to_python({"text": f"<p>{text}</p>", "recording": None}))
    page.body = StreamValue(page.body.stream_block, body)
    page.save_revision().publish()


def test_status_per_language(materials):
    status = _status(materials["heizen-lueften"])
    assert status["de"] == Status.SOURCE
    assert status["ro"] == Status.UP_TO_DATE
    assert status["bg"] == Status.NOT_TRANSLATED
    assert status["ar"] == Status.NOT_TRANSLATED


def test_changing_the_german_text_marks_translations_out_of_date(materials, client):
    page = ModulePage.objects.get(pk=materials["heizen-lueften"].pk)
    _change_first_paragraph(page, "Feuchte Luft muss raus, sonst wächst Schimmel.")
    page.refresh_from_db()
    assert _status(page)["ro"] == Status.OUT_OF_DATE
    # The new German sentence waits for a translator; the others are still translated.
    romanian = next(e for e in translation_status(page) if e.code == "ro")
    assert 0 < romanian.percent < 100
    # The Romanian page stays as it was until a translator publishes the new text …
    html = client.get("/ro/materialien/heizen-lueften/").content.decode()
    assert "Când gătiți, faceți duș" in html
    # … while languages without a translation follow the German page at once.
    assert (
        "Feuchte Luft muss raus" in client.get("/bg/materialien/heizen-lueften/").content.decode()
    )


def test_editor_sees_out_of_date_in_the_overview(materials, editor):
    page = ModulePage.objects.get(pk=materials["heizen-lueften"].pk)
    _change_first_paragraph(page, "Feuchte Luft muss raus, sonst wächst Schimmel.")
    client = client_for(editor)
    response = client.get(reverse("cms_translation_overview"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-language="ro" data-status="out_of_date"' in html
    assert 'data-language="bg" data-status="not_translated"' in html


def test_po_export_and_import_for_outside_translators(materials, editor):
    romanian = Locale.objects.get(language_code="ro")
    translation = Translation.objects.get(
        source__object_id=materials["heizen-lueften"].translation_key, target_locale=romanian
    )
    client = client_for(editor)
    exported = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert exported.status_code == 200
    po = polib.pofile(exported.content.decode())
    entry = next(e for e in po if e.msgid == "Das Fenster kurz ganz öffnen.")
    assert entry.msgstr == "Deschideți fereastra complet pentru scurt timp."

    entry.msgstr = "Deschideți fereastra larg, pentru scurt timp."
    upload = SimpleUploadedFile("ro.po", str(po).encode(), content_type="text/x-gettext")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=romanian, data="Deschideți fereastra larg, pentru scurt timp."
    ).exists()


def test_overview_is_for_page_editors_only(materials, coordinator):
    response = client_for(coordinator).get(reverse("cms_translation_overview"))
    assert response.status_code in (302, 403)


def test_translation_editor_shows_the_german_word_and_hides_the_module(materials, editor):
    from wagtail_localize.fields import get_translatable_fields

    fields = {f.field_name: f for f in get_translatable_fields(ModulePage)}
    assert fields["module"].is_overridable(materials["heizen-lueften"]) is False
    arabic = Locale.objects.get(language_code="ar")
    client = client_for(editor)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[materials["heizen-lueften"].pk]),
        {"locales": [arabic.pk]},
    )
    translation = Translation.objects.get(
        source__object_id=materials["heizen-lueften"].translation_key, target_locale=arabic
    )
    page = ModulePage.objects.get(locale=arabic)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    import html as entities
    import json
    import re

    props = json.loads(entities.unescape(re.search(r'data-props="([^"]+)"', html).group(1)))
    labels = [segment["location"]["subField"] for segment in props["segments"]]
    assert "Bedeutung von „das Stoßlüften“" in labels
    assert not any(segment["location"]["field"] == "Lehrplanmodul" for segment in props["segments"])
    assert 'data-language="ar" data-direction="rtl"' in html
    assert translation.pk


def test_not_translated_cells_open_the_translate_form(materials, editor):
    html = client_for(editor).get(reverse("cms_translation_overview")).content.decode()
    url = reverse("wagtail_localize:submit_page_translation", args=[materials["heizen-lueften"].pk])
    assert f'href="{url}"' in html
