"""Pages go out gzip-compressed for phones on a weak signal (issue 15); files do not."""

import gzip

from django.http import FileResponse, HttpResponse
from django.test import RequestFactory

from core.middleware import TextGZipMiddleware

BODY = "<!doctype html><p>" + "Fallübersicht " * 200 + "</p>"


def _through(response, accept="gzip, deflate, br"):
    request = RequestFactory().get("/admin/housing/caseload/", HTTP_ACCEPT_ENCODING=accept)
    return TextGZipMiddleware(lambda request: response)(request)


def test_a_page_is_compressed():
    response = _through(HttpResponse(BODY, content_type="text/html; charset=utf-8"))
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).decode() == BODY
    assert len(response.content) < len(BODY.encode()) / 5
    assert "Accept-Encoding" in response["Vary"]


def test_nothing_for_a_browser_without_gzip():
    response = _through(HttpResponse(BODY, content_type="text/html"), accept="identity")
    assert not response.has_header("Content-Encoding")


def test_files_ranges_and_other_types_are_left_alone(tmp_path):
    pdf = HttpResponse(b"%PDF-1.7 " * 100, content_type="application/pdf")
    assert not _through(pdf).has_header("Content-Encoding")
    partial = HttpResponse(BODY, content_type="text/html", status=206)
    assert not _through(partial).has_header("Content-Encoding")
    path = tmp_path / "clip.mp3"
    path.write_bytes(b"ID3" + b"\0" * 5000)
    streamed = FileResponse(path.open("rb"), content_type="audio/mpeg")
    assert not _through(streamed).has_header("Content-Encoding")
    streamed.file_to_stream.close()
