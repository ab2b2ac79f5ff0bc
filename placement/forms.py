"""Forms of the placement task screens. They parse input; services decide."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.forms import DomainErrorFormMixin
from housing.models import active_companions
from placement.models import DeclinedBy, DeclineReason

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_PHOTO_BYTES = 8 * 1024 * 1024


class ProposeForm(DomainErrorFormMixin, forms.Form):
    why = forms.CharField(
        label=_("Why this household fits"), widget=forms.Textarea(attrs={"rows": 3})
    )
    size_exception = forms.CharField(
        label=_("Reason for exceeding the landlord's person limit"),
        required=False,
        max_length=255,
    )
    viewing_on = forms.DateField(
        label=_("Viewing on (if already agreed)"), required=False, widget=DATE
    )


class ViewingForm(DomainErrorFormMixin, forms.Form):
    viewing_on = forms.DateField(label=_("Viewing on"), widget=DATE)


class AcceptForm(DomainErrorFormMixin, forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=255)


class DeclineForm(DomainErrorFormMixin, forms.Form):
    declined_by = forms.ChoiceField(
        label=_("Declined by"), choices=DeclinedBy.choices, widget=forms.RadioSelect
    )
    decline_reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", "–"), *DeclineReason.choices]
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=255)


class TenancyForm(DomainErrorFormMixin, forms.Form):
    start = forms.DateField(label=_("Start of the lease"), widget=DATE)
    move_in = forms.DateField(label=_("Move-in"), required=False, widget=DATE)
    companion = forms.ModelChoiceField(
        label=_("Companion for the tenancy"),
        queryset=get_user_model().objects.none(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["companion"]
        field.queryset = active_companions()
        field.label_from_instance = lambda user: user.get_full_name() or user.get_username()


class WithdrawForm(DomainErrorFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why is the vacancy withdrawn?"), max_length=255)


class PhotoForm(forms.Form):
    image = forms.ImageField(label=_("Photo (JPEG or PNG, at most 8 MB)"))
    caption = forms.CharField(label=_("Caption"), required=False, max_length=120)

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("The photo is larger than 8 MB."))
        # Pillow has read the bytes (ImageField): the format is the file's, not its name's.
        kind = getattr(image, "image", None) and image.image.format
        if kind not in ("JPEG", "PNG"):
            raise forms.ValidationError(_("Please upload a JPEG or PNG photo."))
        image.detected_type = "image/jpeg" if kind == "JPEG" else "image/png"
        return image


class EndSearchForm(DomainErrorFormMixin, forms.Form):
    ended_on = forms.DateField(label=_("Search ended on"), widget=DATE)
