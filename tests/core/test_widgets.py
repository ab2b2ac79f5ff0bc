"""core.widgets.LongSelect: the same select as Django's, written without a template per option."""

import re

import pytest
from django import forms

from core.widgets import LongSelect

CHOICES = [
    ("", "---------"),
    (1, 'Frühjahr <Mitte> & "Nord"'),
    (2, "Herbst"),
    ("Archiv", [(3, "Winter 2024"), (4, "Sommer 2024")]),
    (5, "Sommer"),
]


def _dom(html: str) -> str:
    # Django's template puts line breaks and indents between the options; the browser
    # ignores them inside a select.
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("value", ["", "2", "4", "nothing"])
def test_the_same_html_as_djangos_select(value):
    def rendered(widget):
        return widget.render("course", value, attrs={"id": "id_course"})

    ours = rendered(LongSelect(choices=CHOICES))
    django = rendered(forms.Select(choices=CHOICES))
    assert _dom(ours) == _dom(django)
    assert "Frühjahr &lt;Mitte&gt; &amp; &quot;Nord&quot;" in ours
    assert ours.count(" selected") == (0 if value == "nothing" else 1)


@pytest.mark.django_db
def test_the_list_filters_of_related_records_use_it(coordinator_client):
    """The tenancy list's landlord filter (ScopedFilterSet) and the certificate list's
    course filter: choices that grow with the years."""
    from django.template.loader import get_template

    for url, name in (("/admin/tenancies/", "landlord"), ("/admin/certificates/", "course")):
        response = coordinator_client.get(url)
        assert response.status_code == 200
        form = response.context["filters"].form
        assert isinstance(form.fields[name].widget, LongSelect), url
    assert get_template(LongSelect.template_name)


def test_attributes_and_safe_labels_as_django_writes_them():
    from django.forms.utils import flatatt
    from django.utils.safestring import mark_safe

    from core.widgets import _attributes, _escape

    for attrs in ({}, {"selected": True}, {"disabled": False, "data-x": 'a"<b>'}, {"x": None}):
        assert _attributes(attrs) == flatatt(attrs)
    assert _escape(mark_safe("<b>Kurs</b>")) == "<b>Kurs</b>"
    assert _escape("<b>") == "&lt;b&gt;"
