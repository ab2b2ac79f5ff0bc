"""The certificate renders with its own user-agent defaults (certificates/certificate_ua.css)
instead of WeasyPrint's sheet for all of HTML, a tenth faster, and nothing else may change:
every kind of certificate gives the same PDF bytes with either sheet."""

import dataclasses

import pytest

from certificates.models import SECOND_PAGE_LANGUAGES
from certificates.rendering import certificate_html, render_pdf, styles
from tests.certificates.test_layout import _certificate


@dataclasses.dataclass
class Variant:
    name: str
    changes: dict


VARIANTS = [
    Variant("in full", {}),
    Variant(
        "no Latin spelling, no end of validity", {"holder_name_latin": "", "valid_until": None}
    ),
    Variant(
        "no signatory title, one module",
        {"signatory_title": "", "modules": [{"code": "mietvertrag", "title": "Mietvertrag"}]},
    ),
    Variant("no modules", {"modules": []}),
]


@pytest.mark.parametrize("language", ["de", *SECOND_PAGE_LANGUAGES])
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_the_same_pdf_as_with_weasyprints_own_defaults(language, variant):
    # A German-only certificate (one page), with a holder of the Turkish example.
    certificate = _certificate("tr" if language == "de" else language)
    certificate.language = language
    for field, value in variant.changes.items():
        setattr(certificate, field, value)
    lighter = render_pdf(certificate)
    assert lighter.startswith(b"%PDF-")
    assert lighter == render_pdf(certificate, full_defaults=True)


def test_the_certificates_own_defaults_are_the_ones_used():
    """If WeasyPrint stopped asking for its documents' user-agent sheet, the test above
    would still pass and the speed-up would be gone without a word: here a default the
    certificate does not need (a quotation block's indent) must be missing."""
    font_config, css, _defaults = styles()

    def text_left_edge(document):
        page = document.render(stylesheets=[css], font_config=font_config).pages[0]
        html_box = page._page_box.children[0]
        block = html_box.children[0].children[0]  # html > body > blockquote
        return block.content_box_x()

    markup = "<blockquote>Zitat</blockquote>"
    own = text_left_edge(certificate_html(markup))
    full = text_left_edge(certificate_html(markup, full_defaults=True))
    assert full - own == pytest.approx(40)  # CSS px, as WeasyPrint lays out
