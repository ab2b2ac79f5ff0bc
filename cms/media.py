"""Which files editors may upload as documents, decided by what the file contains.

A file's name is easy to fake; its first bytes are not. Wagtail checks images with
Pillow already; documents (audio, video, PDF handouts) are checked here. The
extension must also agree with the content, because browsers and the document
view pick the content type from it.
"""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.pdf_safety import has_active_content

AUDIO_EXTENSIONS = ("mp3", "ogg", "oga", "wav", "m4a")
VIDEO_EXTENSIONS = ("mp4", "webm")
DOCUMENT_EXTENSIONS = ("pdf", *AUDIO_EXTENSIONS, *VIDEO_EXTENSIONS)

# Big enough for a few minutes of phone video, small enough for readers with little data.
DEFAULT_MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def sniff(head: bytes) -> str | None:
    """The kind of file these first bytes start: "pdf", "mp3", "ogg", "wav", "mp4", "webm"."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"OggS"):
        return "ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "m4a" if brand.startswith(b"M4A") else "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    return None


# Which detected content each extension may carry.
COMPATIBLE = {
    "pdf": {"pdf"},
    "mp3": {"mp3"},
    "ogg": {"ogg"},
    "oga": {"ogg"},
    "wav": {"wav"},
    "m4a": {"m4a", "mp4"},
    "mp4": {"mp4"},
    "webm": {"webm"},
}


def check_upload(uploaded, max_bytes: int | None = None) -> None:
    """Raise ``forms.ValidationError`` unless ``uploaded`` is a PDF, audio or video file."""
    max_bytes = max_bytes or getattr(
        settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", DEFAULT_MAX_DOCUMENT_BYTES
    )
    if uploaded.size > max_bytes:
        raise forms.ValidationError(
            _("This file is %(size)s; the limit is %(limit)s. Please upload a smaller file.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_bytes)},
            code="file_too_large",
        )
    uploaded.seek(0)
    head = uploaded.read(32)
    uploaded.seek(0)
    kind = sniff(head)
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if kind is None:
        raise forms.ValidationError(
            _(
                "This file is not a PDF, audio or video file. Allowed are: %(types)s. "
                "Pictures belong under Images."
            )
            % {"types": ", ".join(DOCUMENT_EXTENSIONS)},
            code="file_type_not_allowed",
        )
    if kind not in COMPATIBLE.get(extension, set()):
        raise forms.ValidationError(
            _("The file's name ends in “.%(extension)s”, but its content is %(kind)s.")
            % {"extension": extension, "kind": kind.upper()},
            code="file_name_mismatch",
        )
    if kind == "pdf":
        # Handouts open in the reader's browser: the whole file is read, not only its
        # first bytes, and scripts or embedded files are refused (core.pdf_safety).
        data = uploaded.read()
        uploaded.seek(0)
        if has_active_content(data) or b"%%EOF" not in data[-2048:]:
            raise forms.ValidationError(
                _(
                    "This PDF is damaged or contains scripts or embedded files. "
                    "Please export the handout to PDF again without them."
                ),
                code="pdf_not_allowed",
            )
