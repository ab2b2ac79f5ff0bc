"""Byte ranges (HTTP 206) for files served by the app: audio and video seek and show their length.

Browsers ask media files in pieces (``Range: bytes=…``); without an answer in kind,
Safari refuses to play and other browsers cannot seek. Django's ``FileResponse``
always sends the whole file, so this middleware cuts the requested piece from any
file response of the app (read-aloud clips, Wagtail documents, media in development).
One range per request, as browsers ask; anything else gets the whole file.
"""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class RangeRequestsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not isinstance(response, FileResponse) or response.status_code != 200:
            return response
        response["Accept-Ranges"] = "bytes"
        header = request.headers.get("Range")
        if request.method not in ("GET", "HEAD") or not header:
            return response
        size = _size(response)
        match = _RANGE.match(header.strip())
        if size is None or match is None:
            return response
        first, last = match.groups()
        if first == "" and last == "":
            return response
        if first == "":  # the last N bytes
            start, end = max(size - int(last), 0), size - 1
        else:
            start, end = int(first), min(int(last) if last else size - 1, size - 1)
        if start >= size or start > end:
            # Close only the file: ``response.close()`` would also send ``request_finished``
            # for a response that is never returned (the handler sends it for ``refused``),
            # which closes the database connection in the middle of a request.
            response.file_to_stream.close()
            refused = HttpResponse(status=416)
            refused["Content-Range"] = f"bytes */{size}"
            return refused
        return _partial(response, start, end, size)


def _size(response):
    try:
        return int(response["Content-Length"])
    except (KeyError, ValueError):
        return None


CHUNK = 64 * 1024


def _piece(source, start, length):
    # Streamed in chunks: "bytes=0-" of a 50 MB video must not be read into memory.
    try:
        source.seek(start)
        while length > 0:
            chunk = source.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        source.close()


def _partial(response, start, end, size):
    length = end - start + 1
    partial = StreamingHttpResponse(
        _piece(response.file_to_stream, start, length),
        status=206,
        content_type=response["Content-Type"],
    )
    partial["Content-Length"] = str(length)
    for header in ("Cache-Control", "Last-Modified", "ETag", "Content-Disposition", "Expires"):
        if header in response:
            partial[header] = response[header]
    partial["Accept-Ranges"] = "bytes"
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    return partial
