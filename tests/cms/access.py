from tests.access import OK, Rule, everyone, staff_only

_EDITOR = staff_only(editor=OK)
# Wagtail's snippet choosers answer every signed-in staff member (upstream behaviour);
# advice centres are public information, shown on every public page.
_STAFF = staff_only(coordinator=OK, trainer=OK, companion=OK, editor=OK)


def extend_world(world, users):
    from django.core.files.base import ContentFile
    from wagtail.models import Locale

    from cms.models import AdviceCentre, SpeechClip

    clip = SpeechClip(text_hash="a" * 64, language="de", text="Hallo", duration_ms=500)
    clip.file.save("access.mp3", ContentFile(b"ID3" + b"\x00" * 64), save=False)
    clip.save()
    world["speech_clip"] = clip
    world["advice_centre"] = AdviceCentre.objects.create(
        locale=Locale.objects.get_or_create(language_code="de")[0],
        name="Quartiersbüro",
        address="Beispielstraße 1",
        opening_hours="Mo 9–12",
    )


def _centre(world):
    return [world["advice_centre"].pk]


RULES = {
    # The public search: no login, shows only live public pages.
    "cms_search": Rule(expect=everyone(OK)),
    # Read-aloud clips and robots.txt are public like the materials.
    "cms_read_aloud": Rule(expect=everyone(OK), args=lambda w: [w["speech_clip"].text_hash]),
    "cms_robots_txt": Rule(expect=everyone(OK)),
    # The translation status is for people who edit pages (editors, superusers).
    "cms_translation_overview": Rule(expect=staff_only(editor=OK)),
    # Advice centres (contact block for families): editors keep them.
    "wagtailsnippets_cms_advicecentre:list": Rule(expect=_EDITOR),
    "wagtailsnippets_cms_advicecentre:list_results": Rule(expect=_EDITOR),
    "wagtailsnippets_cms_advicecentre:add": Rule(expect=_EDITOR),
    "wagtailsnippets_cms_advicecentre:edit": Rule(expect=_EDITOR, args=_centre),
    "wagtailsnippets_cms_advicecentre:copy": Rule(expect=_EDITOR, args=_centre),
    "wagtailsnippets_cms_advicecentre:delete": Rule(expect=_EDITOR, args=_centre),
    "wagtailsnippets_cms_advicecentre:history": Rule(expect=_EDITOR, args=_centre),
    "wagtailsnippets_cms_advicecentre:history_results": Rule(expect=_EDITOR, args=_centre),
    "wagtailsnippets_cms_advicecentre:usage": Rule(expect=_EDITOR, args=_centre),
    "wagtailsnippetchoosers_cms_advicecentre:choose": Rule(expect=_STAFF),
    "wagtailsnippetchoosers_cms_advicecentre:choose_results": Rule(expect=_STAFF),
    "wagtailsnippetchoosers_cms_advicecentre:chosen": Rule(expect=_STAFF, args=_centre),
    "wagtailsnippetchoosers_cms_advicecentre:chosen_multiple": Rule(expect=_STAFF),
    "wagtailsnippetchoosers_cms_advicecentre:create": Rule(expect=_EDITOR),
}
