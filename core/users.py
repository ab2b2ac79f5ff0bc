"""Staff accounts: one e-mail address per person, names and addresses set by administrators.

A staff member's name is what every history shows as "who changed this"; the e-mail
address receives password-reset links. Someone who could give themselves a
colleague's name or address could act in the colleague's name or take over the
account. So on one's own account page both are read only, and in the users admin
(administrators) an address already used by another account is refused, whatever its
capitals. A unique database index (migration core 0004) keeps it so for every path.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import AccountView, BaseSettingsPanel, NameEmailSettingsPanel
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

User = get_user_model()


def display_name(user) -> str:
    """How a staff member is named on every screen, export and history: the name
    the administrators set, the login name only while no name is set."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def name_users_by_display_name() -> None:
    """Make ``str(user)`` the display name (called once from core's AppConfig.ready).

    Django's own User says its login name; every form choice (exam committee,
    trainers), Wagtail list and message that prints a user would show "trainer2"
    instead of the person. One switch here instead of a label in every form.
    """
    User.__str__ = display_name


def email_taken(email: str, *, exclude_pk=None) -> bool:
    if not email:
        return False
    return User.objects.filter(email__iexact=email).exclude(pk=exclude_pk).exists()


class UniqueEmailMixin:
    def clean_email(self):
        email = self.cleaned_data.get("email", "").strip()
        if email_taken(email, exclude_pk=self.instance.pk):
            raise forms.ValidationError(
                _("Another account already uses this e-mail address."), code="email_taken"
            )
        return email


class StaffUserCreationForm(UniqueEmailMixin, UserCreationForm):
    pass


class StaffUserEditForm(UniqueEmailMixin, UserEditForm):
    pass


class StaffUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm


class _NoFields(forms.ModelForm):
    class Meta:
        model = User
        fields = []


class ReadOnlyNamePanel(BaseSettingsPanel):
    name = "name_email"
    title = _("Name and e-mail")
    order = 100
    form_class = _NoFields
    template_name = "core/account_name_readonly.html"

    def get_context_data(self):
        return {**super().get_context_data(), "account": self.user}


class StaffAccountView(AccountView):
    """Wagtail's account page, with name and e-mail shown but not editable."""

    def get_panels(self):
        panels = [
            ReadOnlyNamePanel(self.request, self.request.user, None)
            if isinstance(panel, NameEmailSettingsPanel)
            else panel
            for panel in super().get_panels()
        ]
        return panels
