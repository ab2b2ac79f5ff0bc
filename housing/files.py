"""Private files (signed agreements) and the content check for uploaded PDFs.

Signed agreements carry signatures and addresses: they live in the private storage
(core/storage.py: ``PRIVATE_MEDIA_ROOT`` or the bucket's ``private/`` prefix), never
with the public media, and are only ever sent by a view that checks permission and scope.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core import storage
from core.pdf_safety import has_active_content

MAX_PDF_BYTES = 10 * 1024 * 1024


def private_storage():
    """The storage of FileFields with personal data (migrations name this function)."""
    return storage.private


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


def pdf_problem(data: bytes) -> str | None:
    """Why ``data`` is not a usable PDF, or None when it looks like one.

    The file name and the browser's content type are chosen by whoever uploads, so the
    bytes decide: the header, and a trailer whose cross-reference offset points inside
    the file at a cross-reference table or stream. That is what a PDF reader needs to
    open the file at all; a renamed Word file or a truncated download fails here.
    """
    if not data.startswith(b"%PDF-"):
        return "not_pdf"
    tail = data[-2048:]
    match = _STARTXREF.search(tail)
    if not match:
        return "not_parseable"
    offset = int(match.group(1))
    if offset >= len(data):
        return "not_parseable"
    target = data[offset : offset + 64].lstrip()
    if not (target.startswith(b"xref") or re.match(rb"\d+\s+\d+\s+obj", target)):
        return "not_parseable"
    if has_active_content(data):
        return "active_content"
    return None


PDF_MESSAGES = {
    "too_large": _("The file is larger than 10 MB. Please scan it with a lower resolution."),
    "not_pdf": _("The file is not a PDF document. Please upload the signed agreement as PDF."),
    "not_parseable": _(
        "The PDF file is damaged or incomplete and cannot be opened. Please upload it again."
    ),
    "active_content": _(
        "The PDF contains scripts or embedded files, which an agreement never needs. "
        "Please scan or print the signed agreement to PDF again."
    ),
}


@deconstructible
class PdfValidator:
    """Field validator: a PDF by content, at most MAX_PDF_BYTES."""

    def __call__(self, file):
        if file.size is not None and file.size > MAX_PDF_BYTES:
            raise ValidationError(PDF_MESSAGES["too_large"], code="too_large")
        file.seek(0)
        data = file.read()
        file.seek(0)
        problem = pdf_problem(data)
        if problem:
            raise ValidationError(PDF_MESSAGES[problem], code=problem)

    def __eq__(self, other):
        return isinstance(other, PdfValidator)
