"""What makes a certificate render faster must change nothing else.

Its own user-agent defaults (certificates/certificate_ua.css) instead of WeasyPrint's
sheet for all of HTML: every kind of certificate gives the same PDF bytes with either
sheet. The garbage collector paused during a render: switched back on afterwards, and
left off if the caller had it off. The fonts cut down by HarfBuzz, not by the slow fallback.
"""

import dataclasses
import gc

import pytest

from certificates import rendering
from certificates.models import SECOND_PAGE_LANGUAGES
from certificates.rendering import certificate_html, collection_paused, render_pdf, styles
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


def test_the_collector_is_paused_during_a_render_only(monkeypatch):
    seen = []
    real_write = rendering._document_class(False).write_pdf

    def write_pdf(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(rendering._document_class(False), "write_pdf", write_pdf)
    assert gc.isenabled()
    render_pdf(_certificate("ar"))
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_stays_off_when_the_caller_had_it_off():
    gc.disable()
    try:
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_a_failed_render():
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("WeasyPrint failed")
    assert gc.isenabled()


def test_the_fonts_are_cut_down_by_harfbuzz_not_by_fonttools(caplog):
    """Without the system's HarfBuzz-Subset (libharfbuzz-subset0, bin/system-packages)
    WeasyPrint cuts the fonts with fontTools, says so in a warning, and a certificate
    takes about four times as long (benchmarks/README.md)."""
    from weasyprint.text.ffi import harfbuzz_subset

    assert harfbuzz_subset is not None, "libharfbuzz-subset0 is missing: bin/system-packages"
    with caplog.at_level("WARNING", logger="weasyprint"):
        render_pdf(_certificate("ar"))
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]
