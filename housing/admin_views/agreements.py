"""The signed cooperation agreement's PDF."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from housing.models import CooperationAgreement


def agreement_document(request, pk):
    """Send a signed agreement's PDF to someone allowed to see the agreement."""
    if not request.user.has_perm("housing.view_cooperationagreement"):
        raise PermissionDenied
    agreement = get_object_or_404(CooperationAgreement.objects.visible_to(request.user), pk=pk)
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
