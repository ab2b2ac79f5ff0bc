"""Counting the database queries a page needs (to prove lists have no N+1)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str, params: dict | None = None) -> int:
    """Queries for one GET of ``url``, after a first GET has warmed the caches."""
    first = client.get(url, params or {})
    assert first.status_code == 200, first.status_code
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)
