"""The benchmarks time pages as production renders them, not as the test client does."""

from django.template import Context, Template
from django.test import utils

from benchmarks import harness


def test_the_benchmarks_render_templates_without_the_test_instrumentation(monkeypatch):
    # Setting the attribute to itself makes monkeypatch put it back after the test:
    # the rest of the suite needs the instrumented render (response.context).
    monkeypatch.setattr(Template, "_render", Template._render)
    assert Template._render is utils.instrumented_test_render

    harness._render_templates_as_production_does()

    assert Template._render is not utils.instrumented_test_render
    assert Template._render is utils._TestState.saved_data.template_render
    assert Template("{{ a }}").render(Context({"a": "gerendert"})) == "gerendert"
