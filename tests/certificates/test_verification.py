"""The public verification page /v/<token>: content, privacy, headers, 404s, limits, counting."""

import datetime as dt

import pytest
from django.test import Client

from certificates import services, views
from certificates.models import Verification
from tests.certificates.factories import course_with_exam, fake_rendered, passed_enrolment
from tests.factories import HouseholdFactory, ParticipantFactory


@pytest.fixture
def certificate(coordinator):
    household = HouseholdFactory(street="Geheimweg 7", postcode="58089")
    participant = ParticipantFactory(
        given_names="Ioana",
        family_name="Dumitrescu",
        date_of_birth=dt.date(1990, 4, 3),
        household=household,
        notes="Vertrauliche Notiz",
        phone="+49 30 23125 123",
    )
    enrolment = passed_enrolment(course_with_exam(), participant)
    return fake_rendered(services.issue_certificate(enrolment, coordinator))


def get(client, url, language="de"):
    return client.get(url, headers={"accept-language": language})


def test_valid_certificate_shows_what_a_landlord_needs(client, certificate):
    response = get(client, f"/v/{certificate.token}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-outcome="valid"' in html
    assert "Gültig" in html
    assert "Ioana Dumitrescu" in html
    assert "03.04.1990" in html
    assert certificate.number in html
    assert certificate.organisation in html
    assert "Ausweis" in html  # the hint to compare with the ID card


def test_page_shows_nothing_else(client, certificate):
    html = get(client, f"/v/{certificate.token}").content.decode()
    for private in ("Geheimweg", "58089", "Vertrauliche", "23125", "80", "Romanian"):
        assert private not in html, private


def test_revoked_says_so_without_the_reason(client, certificate, coordinator):
    services.revoke(certificate, "Betrugsverdacht intern", coordinator)
    html = get(client, f"/v/{certificate.token}").content.decode()
    assert 'data-outcome="revoked"' in html
    assert "Widerrufen" in html
    assert "Betrugsverdacht" not in html


def test_revoked_page_gives_the_date_and_nothing_to_compare(client, certificate, coordinator):
    services.revoke(certificate, "Betrugsverdacht intern", coordinator)
    type(certificate).objects.filter(pk=certificate.pk).update(
        revoked_at=dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
    )
    html = get(client, f"/v/{certificate.token}").content.decode()
    assert "Widerrufen am 20.11.2026" in html
    assert "Gültig bis" not in html
    assert "unbefristet" not in html
    assert "03.04.1990" not in html  # no date of birth
    assert "Geburtsdatum" not in html
    assert "Ausweis" not in html  # no hint to compare
    assert "Ioana Dumitrescu" in html  # whose certificate was revoked


def test_latin_spelling_shown_next_to_the_name(client, coordinator):
    participant = ParticipantFactory(
        given_names="Наталія", family_name="Шевчук", name_latin="Nataliia Shevchuk"
    )
    certificate = fake_rendered(
        services.issue_certificate(passed_enrolment(course_with_exam(), participant), coordinator)
    )
    assert certificate.holder_name_latin == "Nataliia Shevchuk"
    html = get(client, f"/v/{certificate.token}").content.decode()
    assert "Наталія Шевчук" in html
    assert "Nataliia Shevchuk" in html
    assert "Name in lateinischer Schrift" in html


def test_no_latin_line_when_the_name_is_latin(client, certificate):
    html = get(client, f"/v/{certificate.token}").content.decode()
    assert "Lateinische Schrift" not in html and "lateinischen Buchstaben" not in html


def _typos(token: str) -> str:
    """The token as someone might type it from paper: in groups, lower case, and
    every I/l/1 and O/0 swapped for its look-alike."""
    swapped = token.lower().translate(
        str.maketrans({"i": "l", "l": "1", "1": "I", "o": "0", "0": "O"})
    )
    return " ".join(swapped[i : i + 4] for i in range(0, len(swapped), 4))


def test_form_accepts_the_code_typed_with_spaces_case_and_look_alikes(client, certificate):
    typed = _typos(certificate.token)
    assert "".join(typed.split()) != certificate.token
    response = client.get("/v/", {"token": typed}, headers={"accept-language": "de"})
    assert response.status_code == 302
    assert response["Location"] == f"/v/{certificate.token}"


def test_a_typed_code_that_fits_two_tokens_is_not_guessed(client, certificate, coordinator):
    other = fake_rendered(
        services.issue_certificate(passed_enrolment(course_with_exam()), coordinator)
    )
    # Make the second token differ from the first only in case: ambiguous when folded.
    twin = certificate.token.swapcase()
    type(other).objects.filter(pk=other.pk).update(token=twin, token_key=certificate.token_key)
    typed = certificate.token.lower()
    # (A 32-character random token without a capital letter has odds of about 1e-7.)
    assert typed not in (certificate.token, twin)
    response = client.get("/v/", {"token": typed})
    assert response["Location"] == f"/v/{typed}"
    assert client.get(response["Location"]).status_code == 404
    # The exact token still works.
    exact = client.get("/v/", {"token": certificate.token})
    assert exact["Location"] == f"/v/{certificate.token}"


def test_expired(client, certificate):
    type(certificate).objects.filter(pk=certificate.pk).update(
        issued_on=dt.date(2025, 1, 1), valid_until=dt.date(2026, 1, 1)
    )
    html = get(client, f"/v/{certificate.token}").content.decode()
    assert 'data-outcome="expired"' in html


@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("de-DE,de;q=0.9", "Gültig"),
        ("en-GB,en;q=0.8", "Valid"),
        ("ro", "Valabil"),
        ("bg", "Валиден"),
        ("ar", "صالحة"),
        ("tr", "Geçerli"),
        ("uk", "Дійсний"),
        ("fr-FR,fr;q=0.9", "Gültig"),
    ],
)
def test_language_follows_the_browser(client, certificate, language, word):
    response = get(client, f"/v/{certificate.token}", language)
    assert word in response.content.decode()
    assert "Accept-Language" in response["Vary"]


def test_headers(client, certificate):
    for url in (f"/v/{certificate.token}", "/v/", "/v/" + "B" * 32):
        response = get(client, url)
        assert "noindex" in response["X-Robots-Tag"]
        assert response["Cache-Control"] == "no-store"
        assert response["Referrer-Policy"] == "no-referrer"
        policy = response["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src" not in policy
        assert "frame-ancestors 'none'" in policy
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
        assert "Set-Cookie" not in response


def test_unknown_and_malformed_tokens_get_the_same_404(client, certificate):
    unknown = get(client, "/v/" + "A" * 32)
    malformed = get(client, "/v/%3Cscript%3E")
    changed = get(
        client, "/v/" + certificate.token[:-1] + ("A" if certificate.token[-1] != "A" else "B")
    )
    assert unknown.status_code == malformed.status_code == changed.status_code == 404
    assert unknown.content == malformed.content == changed.content
    assert "Nicht gefunden" in unknown.content.decode()


def test_form_redirects_to_the_token(client, certificate):
    response = get(client, f"/v/?token=+{certificate.token}+")
    assert response.status_code == 302
    assert response["Location"] == f"/v/{certificate.token}"


@pytest.mark.parametrize("typed", ["a/b", "a%2Fb", "../admin", "x" * 500, "%00"])
def test_the_form_answers_any_typed_code_without_a_server_error(client, certificate, typed):
    response = get(client, f"/v/?token={typed}")
    assert response.status_code == 404
    assert response.content == get(client, "/v/" + "A" * 32).content


def test_every_check_is_counted_without_an_address(client, certificate, coordinator):
    get(client, f"/v/{certificate.token}")
    get(client, f"/v/{certificate.token}")
    services.revoke(certificate, "Fehler", coordinator)
    get(client, f"/v/{certificate.token}")
    outcomes = list(Verification.objects.order_by("at").values_list("outcome", flat=True))
    assert outcomes == ["valid", "valid", "revoked"]
    assert {f.name for f in Verification._meta.get_fields()} == {
        "id",
        "certificate",
        "at",
        "outcome",
    }
    staff = Client()
    staff.force_login(coordinator)
    page = staff.get(f"/admin/certificates/inspect/{certificate.pk}/").content.decode()
    assert "3 Mal geprüft" in page


def test_rate_limit_per_client(client, certificate, settings):
    settings.VERIFICATION_RATE_LIMIT = 5
    for _ in range(5):
        assert get(client, f"/v/{certificate.token}").status_code == 200
    limited = get(client, f"/v/{certificate.token}")
    assert limited.status_code == 429
    assert "Bitte warten Sie eine Minute" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    # Another address is not affected.
    other = client.get(f"/v/{certificate.token}", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200
    assert Verification.objects.count() == 6


def test_forwarded_for_is_trusted_only_as_far_as_our_proxies(client, certificate, settings):
    settings.VERIFICATION_RATE_LIMIT = 2
    settings.PROXY_COUNT = 1
    # The client forges a different left-most address on every request; our proxy
    # appends the real one, which is what counts.
    for forged in ("1.1.1.1", "2.2.2.2"):
        response = client.get(
            f"/v/{certificate.token}", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.5"
        )
        assert response.status_code == 200
    response = client.get(f"/v/{certificate.token}", HTTP_X_FORWARDED_FOR="3.3.3.3, 203.0.113.5")
    assert response.status_code == 429
    response = client.get(f"/v/{certificate.token}", HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert response.status_code == 200


def test_without_proxies_forwarded_for_is_ignored(client, certificate, settings):
    settings.VERIFICATION_RATE_LIMIT = 1
    settings.PROXY_COUNT = 0
    assert client.get(f"/v/{certificate.token}", HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 200
    assert client.get(f"/v/{certificate.token}", HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 429


# What the valid page says in each language: its status word and two labels.
SEVEN_LANGUAGES = {
    "de": ("Gültig", "Zertifikatsnummer", "Geburtsdatum"),
    "en": ("Valid", "Certificate number", "Date of birth"),
    "ro": ("Valabil", "Numărul certificatului", "Data nașterii"),
    "bg": ("Валиден", "Номер на сертификата", "Дата на раждане"),
    "ar": ("صالحة", "رقم الشهادة", "تاريخ الميلاد"),
    "tr": ("Geçerli", "Sertifika numarası", "Doğum tarihi"),
    "uk": ("Дійсний", "Номер сертифіката", "Дата народження"),
}


@pytest.mark.parametrize("language", SEVEN_LANGUAGES)
def test_every_site_language_from_the_switch(client, certificate, language):
    """?lang= chooses the language over the browser's; only the right-to-left Arabic
    page turns around; the switch lists all seven languages in their own names."""
    response = client.get(
        f"/v/{certificate.token}", {"lang": language}, headers={"accept-language": "de"}
    )
    html = response.content.decode()
    for text in SEVEN_LANGUAGES[language]:
        assert text in html, (language, text)
    assert response["Content-Language"] == language
    expected_dir = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{expected_dir}">' in html
    for code, name in (("de", "Deutsch"), ("ar", "العربية"), ("uk", "Українська")):
        assert f'href="/v/{certificate.token}?lang={code}" lang="{code}"' in html
        assert f">{name}</a>" in html
    assert (
        f'?lang={language}" lang="{language}" hreflang="{language}" '
        f'dir="{expected_dir}" aria-current="true"' in html
    )
    # The number and the date keep their order inside the Arabic page.
    assert f'<dd dir="ltr">{certificate.number}</dd>' in html
    # The choice is in the address only.
    assert "Set-Cookie" not in response


def test_an_unknown_language_in_the_address_falls_back_to_the_browser(client, certificate):
    response = client.get(
        f"/v/{certificate.token}", {"lang": "xx"}, headers={"accept-language": "ro"}
    )
    assert response["Content-Language"] == "ro"


def test_the_typed_code_keeps_the_chosen_language(client, certificate):
    form = client.get("/v/", {"lang": "uk"}).content.decode()
    assert '<input type="hidden" name="lang" value="uk">' in form
    assert "Перевірка сертифіката" in form
    response = client.get("/v/", {"token": certificate.printed_token, "lang": "uk"})
    assert response["Location"] == f"/v/{certificate.token}?lang=uk"
    page = client.get(response["Location"]).content.decode()
    assert "Дійсний" in page
    assert 'href="/v/?lang=uk"' in page
    # Without a choice the form and the links stay plain (the browser's language).
    plain = client.get("/v/", headers={"accept-language": "tr"}).content.decode()
    assert 'name="lang"' not in plain and "Sertifika kontrolü" in plain


@pytest.mark.parametrize("language", ["ar", "tr", "uk"])
def test_revoked_not_found_and_limited_pages_are_translated(
    client, certificate, coordinator, language, settings
):
    services.revoke(certificate, "Test", coordinator)
    revoked = client.get(f"/v/{certificate.token}", {"lang": language}).content.decode()
    not_found = client.get("/v/" + "B" * 32, {"lang": language}).content.decode()
    words = {
        "ar": ("أُلغيت بتاريخ", "لا توجد شهادة بهذا الرمز"),
        "tr": ("tarihinde iptal edildi", "Bu koda ait bir sertifika yok"),
        "uk": ("Відкликано", "Сертифіката з таким кодом немає"),
    }[language]
    assert words[0] in revoked and words[1] in not_found
    # Nothing falls back to German (the fallback of a missing translation).
    for html in (revoked, not_found):
        for german in ("Widerrufen", "Zertifikat", "Nicht gefunden", "Geburtsdatum"):
            assert german not in html.replace("Integrationszertifikat", ""), (language, german)


def test_the_page_is_kept_rendered_but_a_revocation_shows_on_the_next_request(
    client, certificate, coordinator
):
    views.PAGES.clear()
    url = f"/v/{certificate.token}"
    first, second = get(client, url), get(client, url)
    assert [t.name for t in first.templates][:1] == ["certificates/verify.html"]
    assert second.templates == []  # kept: no template rendered again
    assert second.content == first.content
    services.revoke(certificate, "Betrugsverdacht intern", coordinator)
    after = get(client, url)
    assert 'data-outcome="revoked"' in after.content.decode()
    assert [t.name for t in after.templates][:1] == ["certificates/verify.html"]
    # Every language is a page of its own.
    assert 'lang="ar"' in get(client, url, "ar").content.decode()


def test_the_kept_pages_are_bounded_least_recently_used_out():
    cache = views.PageCache(size=2)
    renders = []

    def page(name):
        return cache.get_or_render(name, lambda: renders.append(name) or name.upper())

    assert [page("a"), page("b"), page("a"), page("c"), page("a"), page("b")] == list("ABACAB")
    assert renders == ["a", "b", "c", "b"]  # "b" was the oldest when "c" came


def test_the_page_reads_the_certificate_as_the_orm_does(certificate, coordinator):
    services.revoke(certificate, "intern", coordinator)
    row = views._public_row(certificate.token)
    orm = type(certificate).objects.filter(pk=certificate.pk).values(*views.PUBLIC_FIELDS).get()
    orm["id"] = orm.pop("pk")
    assert row == orm
    assert row["revoked_at"].tzinfo is not None and isinstance(row["issued_on"], dt.date)
    assert views._public_row("x" * 32) is None
