"""Where staff find their sign-in settings: the account page ("More actions") and,
for coordinators, the colleagues' second factor."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static


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


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts():
    # Starts date choosers and inline panels whose inline scripts our template copies
    # replaced (the admin's Content-Security-Policy allows no inline scripts).
    return format_html('<script src="{}"></script>', versioned_static("js/admin-init.js"))
