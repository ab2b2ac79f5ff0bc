"""Two fixes to wagtail-localize's translation editor that translators asked for.

1. A key term's meaning is shown with its German word. The word itself is not offered
   for translation (it stays German, see ``GermanWordBlock``), so without this the
   translator saw "Meaning" lines without knowing which word they explain.
2. (templates/wagtail_localize/admin/edit_translation.html) Input boxes follow the
   target language's direction: Arabic is typed right to left.

wagtail-localize builds each text's label in ``get_segment_location_info``; we wrap
it. tests/cms/test_translation_editor.py fails if an upgrade changes that function.
"""

import re

from django.utils.translation import gettext as _
from wagtail_localize.views import edit_translation

_MEANING = re.compile(r"^body\.([^.]+)\.terms\.([^.]+)\.meaning$")
_original = edit_translation.get_segment_location_info


def _german_word(source_instance, block_id, term_id):
    for block in getattr(source_instance, "body", None) or []:
        if block.id == block_id and block.block_type == "key_terms":
            for term in block.value["terms"].bound_blocks:
                if term.id == term_id:
                    return term.value["german"]
    return None


def location_with_german_word(source_instance, tab_helper, content_path, field_path, widget=False):
    info = _original(source_instance, tab_helper, content_path, field_path, widget=widget)
    match = _MEANING.match(content_path or "")
    if match:
        word = _german_word(source_instance, *match.groups())
        if word:
            info["subField"] = _("Meaning of “%(word)s”") % {"word": word}
    return info


edit_translation.get_segment_location_info = location_with_german_word
