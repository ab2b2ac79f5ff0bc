"""The signed cooperation agreement's PDF."""

from django.http import FileResponse, Http404

from core.permissions import permission_then_scope
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
