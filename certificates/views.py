"""The public verification page: a landlord scans the QR code and sees whether the
certificate is genuine, still valid, and whose it is. No login.

It shows only what is needed to match the paper to the person's ID card. Unknown
and malformed tokens get the very same "not found" page, so guessing reveals
nothing; a per-client rate limit makes guessing slow on top of 192 random bits.
"""

import datetime as dt
import functools
import threading
from collections import OrderedDict
from contextlib import contextmanager

from csp.decorators import csp
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_GET

from certificates import counting
from certificates.models import (
    TOKEN_ALPHABET,
    TOKEN_LENGTH,
    Certificate,
    VerificationOutcome,
)
from core import ratelimit
from core.clientip import client_address

# Languages the page is translated into (every language of the site); any other
# browser language gets German.
PAGE_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)

# What the public page may read of a certificate; nothing else is even loaded.
PUBLIC_FIELDS = (
    "pk",
    "number",
    "status",
    "holder_given_names",
    "holder_family_name",
    "holder_name_latin",
    "holder_date_of_birth",
    "issued_on",
    "valid_until",
    "revoked_at",
    "organisation",
)

# The strictest policy that still lets the page load its one stylesheet.
STRICT_CSP = {
    "default-src": ["'none'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
}


def page_language(request) -> str:
    """The language chosen with the page's language switch (``?lang=``), else the first
    language of the browser's Accept-Language that the page speaks.

    The choice travels in the address only: the page sets no cookie and keeps nothing.
    """
    chosen = request.GET.get("lang", "")
    if chosen in PAGE_LANGUAGES:
        return chosen
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        primary = code.split("-")[0].lower()
        if primary in PAGE_LANGUAGES:
            return primary
    return settings.LANGUAGE_CODE


def over_rate_limit(request) -> bool:
    """Count this request; True once the client has made more than
    VERIFICATION_RATE_LIMIT requests this minute (in all web processes together)."""
    count = ratelimit.count_request("verify", client_address(request))
    return count > settings.VERIFICATION_RATE_LIMIT


@contextmanager
def counting_transaction():
    """One transaction, one commit, for the rate counter when it lives in the database.

    With Redis the page writes nothing to the database (the counter is in Redis, the
    verification record goes through certificates.counting), so no transaction is
    opened: on SQLite even an empty IMMEDIATE transaction takes the writer lock.
    On PostgreSQL the commit does not wait for the disk: a crash could lose the last
    fraction of a second of counts, never a certificate's status.
    """
    if not ratelimit.counts_in_database():
        yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield


def direction(language: str) -> str:
    return "rtl" if translation.get_language_info(language)["bidi"] else "ltr"


def _language_links(path: str, language: str) -> list[dict]:
    """The language switch: ``path`` in every page language (the code kept, nothing else)."""
    return [
        {
            "code": code,
            "name": name,
            "dir": direction(code),
            "url": f"{path}?{urlencode({'lang': code})}",
            "current": code == language,
        }
        for code, name in settings.LANGUAGES
    ]


class PageCache:
    """Rendered pages of this process by everything they show (bounded, least recently
    used first out).

    A page here is a pure function of its key: the template, the language, the address,
    and for a certificate its public fields and outcome. The certificate itself is still
    read on every request, so a revocation changes the key and shows on the very next
    request; only the template work (about half of the page's time) is saved.
    """

    def __init__(self, size: int):
        self.size = size
        self._pages: OrderedDict = OrderedDict()
        self._lock = threading.Lock()  # gthread workers share the process

    def get_or_render(self, key, render) -> str:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
                return page
        page = render()
        with self._lock:
            self._pages[key] = page
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
        return page

    def clear(self):
        with self._lock:
            self._pages.clear()


PAGES = PageCache(size=1024)


def _respond(request, template, context, status=200, key=()):
    """The page in the visitor's language. A certificate's page switches language in
    place; every other page (not found, too many checks) switches to the form, so
    those answers stay the same whatever code was asked for.

    ``key`` is what the page shows beyond template, language and address (for a
    certificate: its public fields and outcome); the rendered page is kept under it.
    """
    language = page_language(request)
    path = request.path if status == 200 else reverse("certificates_verify_form")
    # Kept in the form and the links only when the visitor chose it.
    chosen = language if request.GET.get("lang") == language else ""

    def render():
        with translation.override(language):
            return render_to_string(
                template,
                {
                    **context,
                    "page_language": language,
                    "page_direction": direction(language),
                    "chosen_language": chosen,
                    "languages": _language_links(path, language),
                },
                request=request,
            )

    page = PAGES.get_or_render((template, language, chosen, path, *key), render)
    response = HttpResponse(page, status=status)
    response["Content-Language"] = language
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    patch_vary_headers(response, ["Accept-Language"])
    return response


@functools.cache
def _public_fields() -> tuple:
    opts = Certificate._meta
    chosen = {opts.pk if name == "pk" else opts.get_field(name) for name in PUBLIC_FIELDS}
    # In the model's order, the order Model.from_db expects of a part of the fields.
    return tuple(field for field in opts.concrete_fields if field in chosen)


@functools.cache
def _public_row_sql(vendor: str) -> str:
    """SELECT of the public fields of the certificate with a token (unique: one row)."""
    opts = Certificate._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in _public_fields())
    token = quote(opts.get_field("token").column)
    return f"SELECT {columns} FROM {quote(opts.db_table)} WHERE {token} = %s LIMIT 1"  # noqa: S608


def _public_row(token: str) -> dict | None:
    """The public fields of the certificate with ``token``, or None.

    The page's one query, on every request (so a revocation shows at once), written out
    because building it through the ORM cost twice as much as the rest of the view
    (measured: benchmarks/README.md). Values become Python values as the ORM would make
    them: SQLite returns dates as text, and datetimes are UTC.
    """
    with connection.cursor() as cursor:
        cursor.execute(_public_row_sql(connection.vendor), [token])
        values = cursor.fetchone()
    if values is None:
        return None
    row = {}
    for field, value in zip(_public_fields(), values, strict=True):
        if value is not None:
            value = field.to_python(value)
            if isinstance(value, dt.datetime) and timezone.is_naive(value):
                value = timezone.make_aware(value, dt.UTC)
        row[field.attname] = value
    return row


def _well_formed(token: str) -> bool:
    return len(token) == TOKEN_LENGTH and set(token) <= TOKEN_ALPHABET


@require_GET
@csp(STRICT_CSP)
def verify_form(request):
    """/v/: type the code printed under the QR code."""
    with counting_transaction():
        limited = over_rate_limit(request)
    if limited:
        return _limited(request)
    # Printed in groups of four: the spaces (and any others typed) do not count.
    token = "".join(request.GET.get("token", "").split())
    if token and not _well_formed(token):
        # Not a code we print (e.g. "a/b", which no URL of ours can carry):
        # the same answer as for an unknown code.
        return _respond(request, "certificates/verify_not_found.html", {}, status=404)
    if token:
        url = reverse("certificates_verify", args=[_typed_token(token)])
        language = request.GET.get("lang", "")
        if language in PAGE_LANGUAGES:
            url += "?" + urlencode({"lang": language})
        return HttpResponseRedirect(url)
    return _respond(request, "certificates/verify_form.html", {})


def _typed_token(typed: str) -> str:
    """The token a typed code stands for: itself, or the one certificate whose token
    it matches up to case and I/l/1, O/0 (Certificate.objects.matching_typed_code).
    Unknown or ambiguous codes stay as typed and get the "not found" page."""
    matches = list(
        Certificate.objects.matching_typed_code(typed).values_list("token", flat=True)[:2]
    )
    if len(matches) == 1 or (matches and matches[0] == typed):
        return matches[0]
    return typed


@require_GET
@csp(STRICT_CSP)
def verify(request, token):
    """/v/<token>: valid, expired or revoked, with the holder's name and date of birth."""
    with counting_transaction():
        limited = over_rate_limit(request)
        certificate, outcome = (None, None) if limited else _look_up_and_count(token)
    if limited:
        return _limited(request)
    if certificate is None:
        return _respond(request, "certificates/verify_not_found.html", {}, status=404)
    return _respond(
        request,
        "certificates/verify.html",
        {"certificate": certificate, "outcome": outcome},
        key=(outcome, *(getattr(certificate, f.attname) for f in _public_fields())),
    )


def _limited(request):
    response = _respond(request, "certificates/verify_limited.html", {}, status=429)
    response["Retry-After"] = "60"
    return response


def _look_up_and_count(token):
    """The certificate (only what the page shows) and its outcome, with the check counted;
    (None, None) for an unknown or malformed token."""
    if not _well_formed(token):
        return None, None
    row = _public_row(token)
    if row is None:
        return None, None
    # As the ORM makes a row read with .only() (the fields in the model's order): the
    # others stay unset (reading one would be a query of its own) and no field's default
    # is computed, in a third of the time of Certificate(**row).
    certificate = Certificate.from_db(connection.alias, list(row), list(row.values()))
    if certificate.is_revoked:
        outcome = VerificationOutcome.REVOKED
    elif certificate.is_expired():
        outcome = VerificationOutcome.EXPIRED
    else:
        outcome = VerificationOutcome.VALID
    counting.record(certificate.pk, outcome)
    return certificate, outcome
