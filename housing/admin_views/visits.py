"""Logging a home visit from the caseload (also from a draft kept offline)."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from core.forms import add_domain_error
from housing import integrations, services
from housing.admin_views.base import HousingTaskMixin, household_card
from housing.forms import VisitForm
from housing.models import HomeVisit


class LogVisitView(HousingTaskMixin, FormView):
    permission_required = "housing.add_homevisit"
    template_name = "housing/log_visit.html"
    form_class = VisitForm
    header_icon = "edit"

    def get_page_title(self):
        return _("Log a visit")

    def get_page_subtitle(self):
        return str(self.household)

    def get_initial(self):
        # A new key per empty form; a draft restored on the phone brings its own.
        return {**super().get_initial(), "client_key": uuid.uuid4()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(household_card(self.household))
        # Each topic's course material, in the household's language (else German).
        modules = list(context["form"].fields["topics"].queryset)
        links = integrations.material_links(
            [module.pk for module in modules], context["material_language"], self.request
        )
        context["topic_material"] = [
            (module, *links[module.pk]) for module in modules if module.pk in links
        ]
        context["idle_minutes"] = settings.SESSION_IDLE_MINUTES
        return context

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "household": self.household, "user": self.request.user}

    def post(self, request, *args, **kwargs):
        # A draft that already arrived (sent again after a lost answer, or from the
        # offline queue) is answered as a success before any validation: by now its
        # follow-ups are closed, which would otherwise read as a conflict.
        key = request.POST.get("client_key", "")
        try:
            key = uuid.UUID(key) if key else None
        except ValueError:
            key = None
        if key and HomeVisit.objects.filter(client_key=key, household=self.household).exists():
            return self._saved()
        return super().post(request, *args, **kwargs)

    def _saved(self):
        messages.success(
            self.request, _("Visit to %(household)s saved.") % {"household": self.household}
        )
        return redirect("housing_caseload")

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            services.log_visit(household=self.household, user=self.request.user, **data)
        except services.HousingError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        return self._saved()
