"""Rich text is whitelisted: an editor cannot smuggle a script into a material page."""

import json

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.blocks import StreamValue

from cms.blocks import EASY_FEATURES, EasyTextBlock
from cms.models import ModulePage


def test_html_from_an_editor_loses_scripts_and_event_handlers():
    converter = EditorHTMLConverter(features=EASY_FEATURES)
    html = converter.to_database_format(
        '<p onclick="steal()">Lüften<script>alert(1)</script></p>'
        '<p><a href="javascript:alert(2)">Link</a><img src=x onerror=alert(3)></p>'
    )
    assert "<script" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "onerror" not in html
    assert "Lüften" in html


def test_draftail_input_with_a_script_tag_is_stored_as_text(client, materials):
    block = EasyTextBlock()
    contentstate = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "depth": 0,
                "text": "<script>alert(1)</script> Fenster auf",
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    value = block.value_from_datadict({"text": json.dumps(contentstate)}, {}, "text")
    assert "<script>" not in value.source
    assert "&lt;script&gt;" in value.source

    page = ModulePage.objects.get(locale__language_code="de")
    text = page.body.stream_block.child_blocks["text"]
    page.body = StreamValue(
        page.body.stream_block, [("text", text.to_python({"text": value.source}))]
    )
    page.save_revision().publish()
    html = client.get("/de/materialien/heizen-lueften/").content.decode()
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Fenster auf" in html
