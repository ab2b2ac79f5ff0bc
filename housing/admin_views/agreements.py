"""Cooperation agreements: the signed PDF, and ending an agreement."""

from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.permissions import permission_then_scope
from housing import services
from housing.admin_views.base import StatusActionView
from housing.forms import AgreementEndForm
from housing.models import CooperationAgreement


@permission_then_scope("housing.view_cooperationagreement", CooperationAgreement)
def agreement_document(request, agreement):
    """Send a signed agreement's PDF to someone allowed to see the agreement."""
    if not agreement.document:
        raise Http404
    # A download, never shown inside our site's origin: a PDF viewer in the page
    # would run whatever the file carries with the site's cookies at hand.
    response = FileResponse(
        agreement.document.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"kooperationsvereinbarung-{agreement.pk}.pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class AgreementEndView(StatusActionView):
    """End an active agreement: ``services.end_agreement`` with this screen's reason and
    date (the edit form has neither), its refusals as form errors."""

    model = CooperationAgreement
    permission = "housing.change_cooperationagreement"
    form_class = AgreementEndForm
    service = staticmethod(services.end_agreement)
    index_url_name = "agreements:index"
    record_url_name = "agreements:edit"
    header_icon = "doc-full"
    submit_label = gettext_lazy("End the agreement")
    success_message = gettext_lazy("Agreement “%(record)s” ended.")

    def get_page_title(self):
        return _("End the agreement")

    def get_initial(self):
        return {"ended_on": timezone.localdate()}
