"""Private files (signed agreements) and the content check for uploaded PDFs.

Signed agreements carry signatures and addresses: they live under
``settings.PRIVATE_MEDIA_ROOT``, never under the public media folder, and are
only ever sent by a view that checks permission and scope.
"""

import os
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from core.pdf_safety import has_active_content

MAX_PDF_BYTES = 10 * 1024 * 1024


class PrivateStorage(FileSystemStorage):
    """File storage under PRIVATE_MEDIA_ROOT, read at use time (tests change the setting)."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None  # no public URL: files are sent by a permission-checked view

    def url(self, name):
        raise ValueError("Private files have no public URL.")


def private_storage():
    return PrivateStorage()


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
