"""Forms of the course task screens. They parse input; the services decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.forms import DomainErrorFormMixin
from core.languages import Language
from core.roles import Role
from courses.models import ExamFormat

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


# Plain inputs rather than Wagtail's pop-up pickers: on a phone the pickers cover the
# form, while typing TT.MM.JJJJ and the phone's own time picker are quick.
def date_field(label, **kwargs):
    widget = forms.DateInput(
        format="%d.%m.%Y",
        attrs={"placeholder": _("DD.MM.YYYY"), "inputmode": "numeric", "autocomplete": "off"},
    )
    return forms.DateField(label=label, input_formats=DATE_FORMATS, widget=widget, **kwargs)


def time_field(label, **kwargs):
    widget = forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    return forms.TimeField(label=label, input_formats=TIME_FORMATS, widget=widget, **kwargs)


class WeeklySeriesForm(DomainErrorFormMixin, forms.Form):
    first_date = date_field(_("date of the first session"))
    count = forms.IntegerField(label=_("number of weeks"), min_value=1, max_value=52, initial=8)
    start_time = time_field(_("start time"))
    end_time = time_field(_("end time"))
    room = forms.CharField(label=_("room"), max_length=100, required=False)
    trainer = forms.ModelChoiceField(label=_("trainer"), queryset=None, required=False)
    assign_modules = forms.BooleanField(
        label=_("assign the course's modules in order, one per session"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        users = get_user_model().objects.filter(pk__in=course.trainers.values("pk"))
        self.fields["trainer"].queryset = users | get_user_model().objects.filter(
            pk__in=course.co_trainers.values("pk")
        )


class MoveSessionForm(DomainErrorFormMixin, forms.Form):
    date = date_field(_("date"))
    start_time = time_field(_("start time"))
    end_time = time_field(_("end time"))
    room = forms.CharField(label=_("room"), max_length=100, required=False)


class CancelSessionForm(DomainErrorFormMixin, forms.Form):
    reason = forms.CharField(label=_("reason for cancellation"), max_length=255)


class ReasonForm(DomainErrorFormMixin, forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=255)


class ExamForm(DomainErrorFormMixin, forms.Form):
    date = date_field(_("date"))
    format = forms.ChoiceField(label=_("format"), choices=ExamFormat.choices)
    language = forms.ChoiceField(label=_("language"), choices=Language.choices, initial="de")
    interpreter = forms.CharField(
        label=_("interpreter"),
        max_length=200,
        required=False,
        help_text=_("Name and language, if any."),
    )
    pass_mark_percent = forms.IntegerField(
        label=_("pass mark (%)"), min_value=1, max_value=100, initial=60
    )
    reason = forms.CharField(
        label=_("reason for changing the pass mark"),
        max_length=255,
        required=False,
        help_text=_("Needed once results have been recorded."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The pass mark is the programme's (courses.services.save_exam): shown, but
        # only coordinators change it.
        if user is not None and not user.has_perm("courses.set_admission_rule"):
            self.fields["pass_mark_percent"].disabled = True
            del self.fields["reason"]

    committee = forms.ModelMultipleChoiceField(
        label=_("exam committee"),
        queryset=get_user_model()
        .objects.filter(groups__name__in=[Role.TRAINER, Role.COORDINATOR], is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ExamPartForm(forms.Form):
    name = forms.CharField(label=_("part"), max_length=120, required=False)
    max_points = forms.IntegerField(label=_("maximum points"), min_value=1, required=False)
    pass_mark_percent = forms.IntegerField(
        label=_("own pass mark (%)"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("Optional. Below it the result is flagged."),
    )
    pass_mark_binding = forms.BooleanField(
        label=_("binding: below it the exam is not passed"), required=False
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Pass marks are the programme's (courses.services.save_exam): shown, but only
        # coordinators change them.
        if user is not None and not user.has_perm("courses.set_admission_rule"):
            self.fields["pass_mark_percent"].disabled = True
            self.fields["pass_mark_binding"].disabled = True

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("max_points"):
            self.add_error("max_points", _("Enter the maximum points of this part."))
        if data.get("max_points") and not data.get("name"):
            self.add_error("name", _("Give this part a name."))
        if data.get("pass_mark_binding") and not data.get("pass_mark_percent"):
            self.add_error("pass_mark_percent", _("A binding part needs its own pass mark."))
        return data


ExamPartFormSet = forms.formset_factory(ExamPartForm, extra=0, min_num=1)


class ExamResultCorrectionForm(DomainErrorFormMixin, forms.Form):
    """Correct one recorded attempt: its date, the points per part, and why.

    The form checks what it can show next to a field (a number, within the part's
    maximum); ``services.correct_exam_result`` decides the rest.
    """

    date = date_field(_("date of the attempt"))
    reason = forms.CharField(
        label=_("reason for the correction"),
        max_length=255,
        help_text=_("Shown in the course's history, e.g. “points of part 2 typed wrongly”."),
        error_messages={"required": _("Please give a reason for the correction.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, parts, with_interpreter=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.parts = list(parts)
        self.with_interpreter = with_interpreter
        if with_interpreter:
            # Oral or pictorial exams: who interpreted for this person (both or neither).
            self.fields["interpreter_language"] = forms.ChoiceField(
                label=_("interpreted into"),
                choices=[("", _("no interpreter")), *Language.choices],
                required=False,
            )
            self.fields["interpreter_name"] = forms.CharField(
                label=_("interpreter's name"), max_length=200, required=False
            )
        for part in self.parts:
            self.fields[self.points_field(part)] = forms.IntegerField(
                label=_("%(part)s (max. %(max)s points)")
                % {"part": part.name, "max": part.max_points},
                min_value=0,
                max_value=part.max_points,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "mfs-points"}),
                error_messages={
                    "required": _("Enter the points for this part."),
                    "invalid": _("Enter a whole number of points."),
                    "min_value": _("Points cannot be negative."),
                    "max_value": _("At most %(limit_value)s points."),
                },
            )
        self.order_fields(
            [
                "date",
                *(self.points_field(p) for p in self.parts),
                "interpreter_language",
                "interpreter_name",
                "reason",
            ]
        )

    @staticmethod
    def points_field(part) -> str:
        return f"points-{part.pk}"

    def points(self) -> dict[int, int]:
        return {part.pk: self.cleaned_data[self.points_field(part)] for part in self.parts}

    def interpreter(self) -> dict[str, str]:
        """The interpreter fields for ``correct_exam_result`` (none for a written exam)."""
        if not self.with_interpreter:
            return {}
        return {
            "interpreter_language": self.cleaned_data.get("interpreter_language", ""),
            "interpreter_name": self.cleaned_data.get("interpreter_name", ""),
        }
