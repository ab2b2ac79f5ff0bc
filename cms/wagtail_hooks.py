from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import admin_views
from cms.models import AdviceCentre


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "cms/translations/",
            admin_views.translation_overview,
            name="cms_translation_overview",
        ),
    ]


class EditorMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_edit_pages(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_menu_item():
    return EditorMenuItem(
        _("Translation status"),
        reverse("cms_translation_overview"),
        icon_name="globe",
        order=250,
    )


class AdviceCentreViewSet(SnippetViewSet):
    model = AdviceCentre
    icon = "site"
    menu_label = _("Advice centres")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "district", "phone", "locale"]
    search_fields = ["name", "district", "address"]


register_snippet(AdviceCentreViewSet)
