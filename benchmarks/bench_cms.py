"""A module page next to a bare page carrying the same text, rendered in the same run.

Subject: the Romanian "Heizen und Lüften" page with all its blocks (easy text, image
renditions, key terms with pictures, checklist, quiz) and the language switcher.
Baseline: the same text in one plain text field of a page type without StreamField
(LandlordInfoPage with only its introduction), same base template, same Wagtail serving.
"""

from benchmarks.harness import compare, get_ok


def run():
    from django.test import Client
    from django.utils.html import strip_tags

    from cms.models import HomePage, LandlordInfoPage, ModulePage
    from tests.cms.conftest import build_materials

    build_materials(languages=("ro",))
    module = ModulePage.objects.get(locale__language_code="ro")
    text = "\n\n".join(strip_tags(str(block.value)) for block in module.body)
    home = HomePage.objects.get(locale__language_code="ro")
    bare = LandlordInfoPage(title=module.title, slug="bare-text", intro=text)
    home.add_child(instance=bare)
    bare.save_revision().publish()

    client = Client()
    compare(
        "Public: module page vs bare page with the same text",
        ("module page (ro, all blocks)", get_ok(client, module.url)),
        ("bare page, same text in one field", get_ok(client, bare.url)),
    )
