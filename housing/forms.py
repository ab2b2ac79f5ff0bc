"""Forms of the housing task screens (log a visit, assign companions, end an agreement or a
tenancy)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from core.forms import DomainErrorFormMixin
from core.languages import Language
from courses.models import CurriculumModule
from housing.models import (
    FollowUp,
    FollowUpStatus,
    TenancyOutcome,
    VisitOutcome,
    active_companions,
)


def display_name(user) -> str:
    """Staff by their name, not their login; "–" when nobody is recorded."""
    if user is None:
        return "–"
    return user.get_full_name() or user.username


DURATIONS = [(m, _("%(minutes)s min") % {"minutes": m}) for m in (15, 30, 45, 60, 90, 120)]


class DateInput(forms.DateInput):
    """The phone's own date picker; it shows TT.MM.JJJJ in a German browser."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AgreementEndForm(DomainErrorFormMixin, forms.Form):
    """End an active agreement (``services.end_agreement``): its own two fields, named
    after the service's parameters, so the service's errors land on them."""

    ended_on = forms.DateField(
        label=_("End of the agreement"),
        widget=AdminDateInput,
        help_text=_("Becomes the agreement's “valid until” date."),
    )
    # Not required here: that the reason is missing is the service's rule and message.
    reason = forms.CharField(label=_("Reason it ended"), max_length=255, required=False)


class TenancyEndForm(DomainErrorFormMixin, forms.Form):
    """End a tenancy, or correct its end (``services.end_tenancy``)."""

    end = forms.DateField(label=_("End of the lease"), widget=AdminDateInput)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("", "–"), *TenancyOutcome.choices],
        help_text=_("How the tenancy ended (monitoring data)."),
        required=False,  # a missing outcome is the service's refusal ("outcome_missing")
    )


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

    # Made by the page for each draft (static/js/offline-visits.js) and checked by
    # services.log_visit: the same draft never makes two visits.
    client_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    DETAIL_FIELDS = ("companions", "present", "free_topics", "agreed_actions", "follow_up_due")

    def __init__(self, *args, household, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.household = household
        # Every follow-up of the household is a valid answer, so that a draft typed
        # offline that ticks one closed meanwhile gets a clear message (clean_resolves)
        # instead of "not a valid choice"; only the open ones are offered.
        resolves = self.fields["resolves"]
        resolves.queryset = FollowUp.objects.filter(household=household).select_related("done_by")
        self.open_follow_ups = list(resolves.queryset.open())
        resolves.widget.choices = [
            (f.pk, f"{f.title} ({f.due_on:%d.%m.%Y})") for f in self.open_follow_ups
        ]
        companions = active_companions().filter(assigned_households=household)
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

    def clean(self):
        # Every date problem at once (the service would stop at the first one).
        data = super().clean()
        day, due, following = data.get("date"), data.get("follow_up_due"), data.get("next_visit")
        if day and day > timezone.localdate():
            self.add_error("date", _("A visit cannot be logged for a day in the future."))
        if day and due and due < day:
            self.add_error("follow_up_due", _("The follow-up cannot be due before the visit."))
        if day and following and following <= day:
            self.add_error("next_visit", _("The next visit must be after this one."))
        return data

    def clean_resolves(self):
        chosen = list(self.cleaned_data["resolves"])
        closed = [f for f in chosen if f.status != FollowUpStatus.OPEN]
        if closed:
            raise forms.ValidationError(
                _("Meanwhile already done, please untick: %(titles)s. Your other entries are kept.")
                % {
                    "titles": "; ".join(
                        f"„{f.title}“ ({display_name(f.done_by)}, {f.done_on:%d.%m.%Y})"
                        for f in closed
                    )
                }
            )
        return chosen

    def main_fields(self):
        return [
            self[name]
            for name in self.fields
            if name not in self.DETAIL_FIELDS and name != "client_key"
        ]

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
        field.queryset = active_companions()
        field.label_from_instance = lambda u: u.get_full_name() or u.username


class ConcernResolveForm(DomainErrorFormMixin, forms.Form):
    resolved_on = forms.DateField(label=_("Resolved on"), widget=DateInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class ConcernReopenForm(DomainErrorFormMixin, forms.Form):
    """Reopen a resolved concern (``services.reopen_concern``): a confirmation, no fields."""


class FollowUpDoneForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class FollowUpForm(forms.Form):
    """Add or edit a follow-up by hand."""

    title = forms.CharField(label=_("What to do"), max_length=255)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)
