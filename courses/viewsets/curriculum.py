"""The curriculum in the admin ("Lehrplan"): list, add, rename, order, retire modules.

Editors keep the curriculum together with the material pages; coordinators plan
courses with it. No personal data is shown here.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.permissions import check_permission
from courses.models import CurriculumModule
from courses.services.curriculum import CurriculumError, reactivate_module, retire_module


class StatusColumn(Column):
    def get_value(self, instance):
        if instance.is_retired:
            return _("Retired on %(date)s") % {
                "date": date_format(localtime(instance.retired_at), "d.m.Y")
            }
        return _("In use")


class CurriculumIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("courses.change_curriculummodule"):
            name = "reactivate" if instance.is_retired else "retire"
            label = _("Use again") if instance.is_retired else _("Retire")
            buttons.append(
                MenuItem(
                    label,
                    url=reverse(f"curriculum:{name}", args=[instance.pk]),
                    icon_name="undo" if instance.is_retired else "lock",
                    priority=25,
                )
            )
        return buttons


class CurriculumModuleViewSet(ModelViewSet):
    model = CurriculumModule
    icon = "list-ol"
    menu_label = gettext_lazy("Curriculum")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = CurriculumIndexView
    list_display = ["title", "code", StatusColumn("status", label=gettext_lazy("Status"))]
    search_fields = ["title", "code", "description"]
    sort_order_field = "sort_order"
    copy_view_enabled = False
    form_fields = ["code", "title", "description"]

    def get_form_class(self, for_update=False):
        # The code is part of every material page's address and of course records:
        # it is chosen once, when the module is added.
        fields = ["title", "description"] if for_update else self.form_fields
        return forms.modelform_factory(self.model, fields=fields)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/retire/", RetireView.as_view(retire=True), name="retire"),
            path("<int:pk>/reactivate/", RetireView.as_view(retire=False), name="reactivate"),
        ]


class RetireView(View):
    """Confirm, then retire a module (or offer it again). Its pages stay readable."""

    retire = True

    def dispatch(self, request, pk):
        check_permission(request.user, "courses.change_curriculummodule")
        self.module = get_object_or_404(CurriculumModule, pk=pk)
        return super().dispatch(request, pk)

    def get(self, request, pk):
        return TemplateResponse(
            request,
            "courses/curriculum/retire.html",
            {
                "module": self.module,
                "retire": self.retire,
                "pages": self.module.material_pages.live().count(),
                "courses": self.module.courses.count(),
                "index_url": reverse("curriculum:index"),
            },
        )

    def post(self, request, pk):
        action = retire_module if self.retire else reactivate_module
        try:
            action(self.module)
        except CurriculumError as error:
            messages.error(request, error.message)
        else:
            text = (
                _("“%(module)s” is retired. Its material pages stay online.")
                if self.retire
                else _("“%(module)s” is offered again.")
            )
            messages.success(request, text % {"module": self.module.title})
        return redirect("curriculum:index")
