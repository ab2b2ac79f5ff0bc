"""Forms of the monitoring screens. They parse input; the rules are in services.py."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monitoring import sources
from monitoring.models import (
    ISCED_OF,
    Education,
    ExitReason,
    ExitSituation,
    FollowUpStatus,
    Gender,
    HousingExclusion,
    LabourStatus,
    Nationality,
    SpecialAnswer,
    YesNo,
)
from monitoring.report import Period

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date_field(label, required=True, **kwargs):
    return forms.DateField(
        label=label, required=required, input_formats=DATE_FORMATS, widget=DateInput(), **kwargs
    )


NOT_RECORDED = ("", _("not recorded yet"))


def _radio(label, choices, required=False, help_text=""):
    return forms.ChoiceField(
        label=label,
        choices=list(choices) if required else [*choices, NOT_RECORDED],
        required=required,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


def _select(label, choices, help_text=""):
    return forms.ChoiceField(
        label=label, choices=[NOT_RECORDED, *choices], required=False, help_text=help_text
    )


def education_choices():
    """Each German qualification with the ISCED group it counts in, for staff to see."""
    return [(value, f"{label} → {ISCED_OF[value].value}") for value, label in Education.choices]


class EntryForm(forms.Form):
    entry_date = _date_field(_("date of entry"))
    gender = _radio(_("gender"), Gender.choices)
    labour_status = _radio(
        _("labour market status on entry"),
        LabourStatus.choices,
        help_text=_("Long-term: unemployed for 12 months or more (under 25: 6 months or more)."),
    )
    education = _select(
        _("highest education"),
        education_choices(),
        help_text=_("The arrow shows the ISCED group the funder counts it in."),
    )
    nationality = _radio(_("nationality"), Nationality.choices)
    foreign_background = _radio(
        _("foreign background"),
        YesNo.choices,
        help_text=_("Born abroad, or at least one parent born abroad."),
    )
    housing_exclusion = _select(
        _("homeless or affected by housing exclusion"), HousingExclusion.choices
    )
    minority = _radio(_("belongs to a minority (incl. Roma)"), SpecialAnswer.choices)
    disability = _radio(_("has a disability"), SpecialAnswer.choices)

    special_fields = ("minority", "disability")

    def __init__(self, *args, show_special=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_special:
            for name in self.special_fields:
                del self.fields[name]

    def main_fields(self):
        return [self[name] for name in self.fields if name not in self.special_fields]

    def special(self):
        return [self[name] for name in self.special_fields if name in self.fields]


class ExitForm(forms.Form):
    exit_date = _date_field(_("date of exit"))
    reason = forms.ChoiceField(label=_("reason for leaving"), choices=ExitReason.choices)
    situation = _radio(_("situation upon leaving"), ExitSituation.choices)
    situation_on = _date_field(
        _("situation as of"),
        required=False,
        help_text=_("The day the situation was known: from the exit to four weeks after it."),
    )


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(
        label=_("result of the follow-up"),
        choices=[c for c in FollowUpStatus.choices if c[0] != FollowUpStatus.OPEN],
        widget=forms.RadioSelect,
    )
    answered_on = _date_field(_("date of the follow-up"))
    employed = forms.TypedChoiceField(
        label=_("in employment (incl. self-employment) six months after leaving"),
        choices=YesNo.choices,
        coerce=lambda value: value == YesNo.YES,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    improved = forms.TypedChoiceField(
        label=_("improved labour market situation"),
        help_text=_(
            "E.g. from unemployed to employed, from precarious to stable work, from part-time "
            "to full-time, or a promotion."
        ),
        choices=YesNo.choices,
        coerce=lambda value: value == YesNo.YES,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("note"), max_length=255, required=False)


class PeriodKind:
    QUARTER, YEAR, CUSTOM = "quarter", "year", "custom"
    CHOICES = [(QUARTER, _("quarter")), (YEAR, _("year")), (CUSTOM, _("custom period"))]


class PeriodForm(forms.Form):
    """The report's period (quarter, year or custom) and district, from the query string."""

    kind = forms.ChoiceField(
        label=_("period"),
        choices=PeriodKind.CHOICES,
        initial=PeriodKind.YEAR,
        required=False,
        widget=forms.RadioSelect,
    )
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100, required=False)
    quarter = forms.TypedChoiceField(
        label=_("quarter"),
        choices=[(n, f"Q{n}") for n in range(1, 5)],
        coerce=int,
        required=False,
    )
    start = _date_field(_("from"), required=False)
    end = _date_field(_("to"), required=False)
    district = forms.ModelChoiceField(
        label=_("district"),
        queryset=None,
        required=False,
        empty_label=_("all districts"),
    )

    def __init__(self, data=None, **kwargs):
        today = timezone.localdate()
        defaults = {
            "kind": PeriodKind.YEAR,
            "year": today.year,
            "quarter": (today.month - 1) // 3 + 1,
        }
        data = {**defaults, **{k: v for k, v in (data or {}).items() if v not in ("", None)}}
        super().__init__(data, **kwargs)
        self.fields["district"].queryset = sources.districts()

    def clean(self):
        data = super().clean()
        kind = data.get("kind") or PeriodKind.YEAR
        year = data.get("year")
        if kind == PeriodKind.CUSTOM:
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                raise forms.ValidationError(_("Enter the first and the last day of the period."))
            if end < start:
                self.add_error("end", _("The end of the period cannot be before its start."))
                return data
            if (end - start).days > 366 * 10:
                self.add_error("end", _("A period can be at most ten years long."))
                return data
        elif year is None:
            return data
        elif kind == PeriodKind.QUARTER:
            quarter = data.get("quarter") or 1
            start = dt.date(year, 3 * quarter - 2, 1)
            end = (dt.date(year, 3 * quarter, 28) + dt.timedelta(days=4)).replace(
                day=1
            ) - dt.timedelta(days=1)
        else:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        data["period"] = Period(start, end, data.get("district"), self._label(kind, start, end))
        return data

    @staticmethod
    def _label(kind, start, end):
        if kind == PeriodKind.QUARTER:
            return f"Q{(start.month - 1) // 3 + 1}/{start.year}"
        if kind == PeriodKind.YEAR:
            return str(start.year)
        return f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
