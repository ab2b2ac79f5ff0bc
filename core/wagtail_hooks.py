"""Where staff find their sign-in settings: the account page ("More actions") and,
for coordinators, the colleagues' second factor."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_step_sign_in(request):
    return {
        "url": reverse("core_2fa"),
        "label": _("Two-step sign-in"),
        "help_text": _("Your authenticator app and recovery codes."),
    }


@hooks.register("register_account_menu_item")
def signed_in_devices(request):
    return {
        "url": reverse("core_sessions"),
        "label": _("Where you are signed in"),
        "help_text": _("Your open sessions; sign out everywhere."),
    }
