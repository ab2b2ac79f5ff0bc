"""Tenancies: ending one (or correcting its end) through ``services.end_tenancy``."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from housing import services
from housing.admin_views.base import StatusActionView
from housing.forms import TenancyEndForm
from housing.models import Tenancy


class TenancyEndView(StatusActionView):
    """The end date and outcome of a tenancy, the only way they are set: the generic
    edit form has no such fields, so an end can neither be typed past the service's
    rules (overlap, end before start) nor removed."""

    model = Tenancy
    permission = "housing.change_tenancy"
    form_class = TenancyEndForm
    service = staticmethod(services.end_tenancy)
    index_url_name = "tenancies:index"
    record_url_name = "tenancies:inspect"
    header_icon = "home"
    submit_label = gettext_lazy("Save the end")
    success_message = gettext_lazy("End of the tenancy “%(record)s” saved.")

    def get_queryset(self):
        return Tenancy.objects.select_related("household", "landlord", "flat")

    def get_page_title(self):
        if self.object.end:
            return _("Correct the end of the tenancy")
        return _("End the tenancy")

    def get_initial(self):
        tenancy = self.object
        return {"end": tenancy.end or timezone.localdate(), "outcome": tenancy.outcome}
