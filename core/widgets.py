"""Form widgets for choices that grow with the programme's data."""

import html

from django import forms
from django.utils.safestring import SafeData, mark_safe


class LongSelect(forms.Select):
    """A ``<select>`` whose options are written in one pass instead of one template each.

    Django renders every option through a template include of its own and escapes each
    part through lazy-aware wrappers; a list filter offering every course or landlord of
    five years (300 and 200 options) spent more time on its dropdown than on the list
    itself (profile: benchmarks/README.md). The same HTML as Django's Select, groups
    included; only the line breaks between options differ.
    """

    template_name = "core/widgets/long_select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        parts = []
        # Django puts each option outside a group into a "group" of its own (named None).
        for group, options, _index in context["widget"]["optgroups"]:
            if group:
                parts.append(f'<optgroup label="{_escape(group)}">')
            parts.extend(
                f'<option value="{_escape(option["value"])}"{_attributes(option["attrs"])}>'
                f"{_escape(option['label'])}</option>"
                for option in options
            )
            if group:
                parts.append("</optgroup>")
        # Every value above went through _escape.
        context["widget"]["options_html"] = mark_safe("\n".join(parts))  # noqa: S308
        return context


def _escape(value) -> str:
    """As Django's conditional_escape, without its lazy-string wrappers."""
    if isinstance(value, SafeData):
        return str(value)
    return html.escape(str(value))


def _attributes(attrs: dict) -> str:
    """As Django's flatatt: True gives the bare name, False and None leave it out."""
    out = []
    for key, value in attrs.items():
        if value is True:
            out.append(f" {key}")
        elif value is not False and value is not None:
            out.append(f' {key}="{_escape(value)}"')
    return "".join(out)
