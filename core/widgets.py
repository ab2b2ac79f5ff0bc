"""Form widgets for choices that grow with the programme's data."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class LongSelect(forms.Select):
    """A ``<select>`` whose options are written in one pass instead of one template each.

    Django renders every option through its own template include; a list filter that
    offers every course or landlord of five years (300 and 200 options) spent more time
    on its dropdown than on the list itself (profile: benchmarks/README.md). Same HTML
    as Django's Select, option groups included.
    """

    template_name = "core/widgets/long_select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # Django puts each option outside a group into a "group" of its own (named None).
        context["widget"]["options_html"] = format_html_join(
            "\n",
            "{}",
            (
                (_group_html(group, options) if group else _options_html(options),)
                for group, options, _index in context["widget"]["optgroups"]
            ),
        )
        return context


def _options_html(options):
    return format_html_join(
        "\n",
        '<option value="{}"{}>{}</option>',
        ((str(option["value"]), flatatt(option["attrs"]), option["label"]) for option in options),
    )


def _group_html(group, options):
    return format_html('<optgroup label="{}">{}</optgroup>', group, _options_html(options))
