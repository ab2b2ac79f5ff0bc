"""Assigning companions to a household (coordinators)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from core.forms import add_domain_error
from housing import services
from housing.admin_views.base import HousingTaskMixin
from housing.forms import AssignForm


class AssignCompanionsView(HousingTaskMixin, FormView):
    permission_required = "housing.change_household"
    template_name = "housing/assign.html"
    form_class = AssignForm
    header_icon = "group"

    def get_page_title(self):
        return _("Assign companions")

    def get_page_subtitle(self):
        return str(self.household)

    def get_initial(self):
        return {"companions": list(self.household.companions.all())}

    def form_valid(self, form):
        try:
            services.assign_companions(self.household, form.cleaned_data["companions"])
        except services.HousingError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Companions of %(h)s saved.") % {"h": self.household})
        return redirect("housing_caseload")
