"""Does a PDF carry active content: scripts, launch actions, embedded files?

A PDF may run JavaScript when opened (``/OpenAction`` with ``/JS``), start programs
(``/Launch``) or carry other files. None of the programme's PDFs (signed agreements,
course handouts) needs any of it, so uploads with it are refused. Names may be
written with ``#xx`` escapes (``/J#61vaScript``) and objects may sit in compressed
streams; both are undone before looking.
"""

import re
import zlib

ACTIVE_NAMES = (
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/EmbeddedFiles",
    b"/RichMedia",
    b"/SubmitForm",
    b"/ImportData",
    b"/XFA",
)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
# Enough for any real handout's streams; a "zip bomb" stream stops being read here.
MAX_INFLATED_BYTES = 50 * 1024 * 1024


def _unescape_names(data: bytes) -> bytes:
    return _NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _has_active_name(data: bytes) -> bool:
    text = _unescape_names(data)
    return any(re.search(re.escape(name) + rb"(?![A-Za-z])", text) for name in ACTIVE_NAMES)


def has_active_content(data: bytes) -> bool:
    if _has_active_name(data):
        return True
    budget = MAX_INFLATED_BYTES
    for match in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(match.group(1), budget)
        except zlib.error:
            continue  # not Flate (an image, or another filter): nothing to read there
        budget -= len(inflated)
        if _has_active_name(inflated):
            return True
        if budget <= 0:
            return True  # more than any handout needs: refuse rather than guess
    return False
