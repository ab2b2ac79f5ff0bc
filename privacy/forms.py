from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from housing.models import ConsentPurpose, ConsentStatus


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=ConsentPurpose.choices)
    status = forms.ChoiceField(
        label=_("Decision"), choices=ConsentStatus.choices, widget=forms.RadioSelect
    )
    date = forms.DateField(
        label=_("Date of the decision"),
        initial=timezone.localdate,
        input_formats=["%d.%m.%Y", "%Y-%m-%d"],
        widget=forms.DateInput(format="%d.%m.%Y"),
        help_text=_("TT.MM.JJJJ"),
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)
    evidence = forms.FileField(
        label=_("Evidence (scan of the signed form)"),
        required=False,
        help_text=_("Optional: a PDF or a photo (PNG, JPEG), at most 10 MB. Stored privately."),
    )


class ErasureForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type the person's name to confirm"), max_length=300, required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        required=False,
        help_text=_("For example: the person asked on 01.12.2026 (Art. 17 GDPR)."),
    )


class AccessLogFilterForm(forms.Form):
    participant = forms.IntegerField(label=_("Participant no."), required=False, min_value=1)
    household = forms.IntegerField(label=_("Household no."), required=False, min_value=1)
    user = forms.ModelChoiceField(
        label=_("Staff member"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only staff members who appear in the log: the list stays short.
        from privacy.models import AccessLogEntry

        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(pk__in=AccessLogEntry.objects.values("user_id"))
            .order_by("last_name", "first_name", "username")
        )
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.username
