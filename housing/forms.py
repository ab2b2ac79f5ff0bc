"""Forms of the housing task screens (log a visit, assign companions)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import Language
from core.roles import Role
from courses.models import CurriculumModule
from housing.models import FollowUp, VisitOutcome

DURATIONS = [(m, _("%(minutes)s min") % {"minutes": m}) for m in (15, 30, 45, 60, 90, 120)]


class DateInput(forms.DateInput):
    """The phone's own date picker; it shows TT.MM.JJJJ in a German browser."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class VisitForm(forms.Form):
    """Log a home visit: the essentials first, the rest behind "More details"."""

    date = forms.DateField(label=_("Date of the visit"), widget=DateInput)
    duration_minutes = forms.TypedChoiceField(
        label=_("Duration"), choices=DURATIONS, coerce=int, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=VisitOutcome.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Language used"), choices=Language.choices)
    interpreted = forms.BooleanField(label=_("with interpreter"), required=False)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=CurriculumModule.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    resolves = forms.ModelMultipleChoiceField(
        label=_("Open follow-ups settled during this visit"),
        queryset=FollowUp.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    observations = forms.CharField(
        label=_("Observations"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    next_visit = forms.DateField(label=_("Next planned visit"), widget=DateInput, required=False)
    # Behind "More details":
    companions = forms.ModelMultipleChoiceField(
        label=_("Companions"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    present = forms.CharField(label=_("Who was present"), max_length=255, required=False)
    free_topics = forms.CharField(label=_("Other topics"), max_length=255, required=False)
    agreed_actions = forms.CharField(
        label=_("Agreed actions"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    follow_up_due = forms.DateField(label=_("Follow-up due"), widget=DateInput, required=False)

    DETAIL_FIELDS = ("companions", "present", "free_topics", "agreed_actions", "follow_up_due")

    def __init__(self, *args, household, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household
        self.fields["resolves"].queryset = FollowUp.objects.filter(household=household).open()
        companions = (
            get_user_model()
            .objects.filter(groups__name=Role.COMPANION)
            .filter(assigned_households=household)
            .order_by("first_name", "username")
        )
        self.fields["companions"].queryset = companions
        self.fields["companions"].label_from_instance = lambda u: u.get_full_name() or u.username
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("duration_minutes", 60)
            self.initial.setdefault("outcome", VisitOutcome.HELD)
            first = household.members.order_by("pk").first()
            self.initial.setdefault("language", first.preferred_language if first else "de")
            if user in companions:
                self.initial.setdefault("companions", [user.pk])

    def main_fields(self):
        return [self[name] for name in self.fields if name not in self.DETAIL_FIELDS]

    def detail_fields(self):
        return [self[name] for name in self.DETAIL_FIELDS]

    def details_have_errors(self):
        return any(self[name].errors for name in self.DETAIL_FIELDS)


class AssignForm(forms.Form):
    companions = forms.ModelMultipleChoiceField(
        label=_("Companions"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["companions"]
        field.queryset = (
            get_user_model()
            .objects.filter(groups__name=Role.COMPANION, is_active=True)
            .order_by("first_name", "username")
        )
        field.label_from_instance = lambda u: u.get_full_name() or u.username


class FollowUpDoneForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=255, required=False)
