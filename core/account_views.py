"""Staff sign-in screens: the second factor, one's sessions, signing out, colleagues' resets.

The second-step pages (verify, setup, recovery codes) look like Wagtail's login page:
the person has passed only the password and sees nothing of the staff area yet.
"""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import PasswordResetView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import ratelimit, sessions, twofactor
from core.clientip import client_address
from core.roles import Role, sees_everything
from core.users import display_name

logger = logging.getLogger("core.security")
RECOVERY_CODES_SESSION_KEY = "mfs_new_recovery_codes"
ROLE_LABELS = dict(Role.choices)
WAIT_MESSAGE = gettext_lazy(
    "Too many wrong codes. Please wait a few seconds, then type the code the app shows now."
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )


def _next_url(request, default="wagtailadmin_home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def _show_recovery_codes(request, codes):
    request.session[RECOVERY_CODES_SESSION_KEY] = codes
    return redirect(reverse("core_2fa_recovery_codes") + "?next=" + _next_url(request))


# --- Second step of signing in ---------------------------------------------------------------


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Type the code from the app (or a recovery code) after the password."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not twofactor.has_app(request.user):
        return redirect("core_2fa_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.must_wait(request.user):
            form.add_error("code", WAIT_MESSAGE)
        elif twofactor.verify(request, form.cleaned_data["code"]):
            return redirect(_next_url(request))
        else:
            form.add_error(
                "code",
                _(
                    "This code is not right. Type the six digits your app shows now, "
                    "or one of your recovery codes."
                ),
            )
    return render(request, "core/twofactor/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Set up (or replace) the authenticator app: QR code or typed secret, then a code."""
    user = request.user
    if twofactor.has_app(user) and not user.is_verified():
        # Replacing the app needs the present second factor first.
        return redirect(reverse("core_2fa_verify") + "?next=" + reverse("core_2fa_setup"))
    device = twofactor.pending_app(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", WAIT_MESSAGE)
            codes = None
        else:
            codes = twofactor.confirm_app(request, device, form.cleaned_data["code"])
        if codes is not None:
            messages.success(request, _("Two-step sign-in is set up."))
            return _show_recovery_codes(request, codes)
        if not form.errors:
            form.add_error(
                "code",
                _(
                    "This code is not right. Check that the app shows “Mietführerschein” "
                    "and type the six digits it shows now."
                ),
            )
    return render(
        request,
        "core/twofactor/setup.html",
        {
            "form": form,
            "qr_code": twofactor.qr_code_svg(device),
            "secret": twofactor.secret_for_people(device),
            "replacing": twofactor.has_app(user),
            "required": twofactor.needs_setup(user),
            "next": _next_url(request),
        },
    )


@never_cache
@login_required(login_url="wagtailadmin_login")
def recovery_codes(request):
    """The new recovery codes, shown once."""
    codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect(reverse("core_2fa"))
    return render(
        request,
        "core/twofactor/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


# --- One's own second factor and sessions -----------------------------------------------------


class AccountPageMixin(WagtailAdminTemplateMixin):
    """Pages of one's account: breadcrumbs "Konto › <this page>" like Wagtail's own."""

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]


class TwoFactorView(AccountPageMixin, TemplateView):
    template_name = "core/twofactor/overview.html"
    page_title = gettext_lazy("Two-step sign-in")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        user = self.request.user
        app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        return super().get_context_data(
            app=app,
            recovery_left=twofactor.remaining_recovery_codes(user),
            required=settings.STAFF_2FA == twofactor.REQUIRED,
            may_reset_colleagues=sees_everything(user),
            **kwargs,
        )


@require_POST
def new_recovery_codes(request):
    if not twofactor.has_app(request.user):
        raise Http404
    codes = twofactor.new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes made; the earlier ones no longer work."))
    return _show_recovery_codes(request, codes)


class SessionsView(AccountPageMixin, TemplateView):
    template_name = "core/sessions.html"
    page_title = gettext_lazy("Where you are signed in")
    header_icon = "desktop"

    def get_context_data(self, **kwargs):
        current = self.request.session.session_key
        rows = [
            {
                "browser": sessions.describe_browser(row.user_agent),
                "started_at": row.started_at,
                "last_seen_at": row.last_seen_at,
                "current": row.session_key == current,
            }
            for row in sessions.active_sessions(self.request.user)
        ]
        return super().get_context_data(
            sessions=rows, idle_minutes=settings.SESSION_IDLE_MINUTES, **kwargs
        )


@require_POST
def end_all_sessions(request):
    """ "Sign out everywhere": every session of this person, this one included."""
    user = request.user
    sessions.end_sessions(user, keep=request.session.session_key)
    logout(request)
    messages.success(request, _("You are signed out on every device."))
    return redirect("wagtailadmin_login")


@never_cache
def logout_view(request):
    """Signing out is a POST (a link or an image cannot sign anyone out); a GET asks first.

    Wagtail's own logout answered a GET with 405 but deleted the cookie anyway, leaving
    the session valid on the server.
    """
    if request.method == "POST":
        from wagtail.admin.views.account import LogoutView

        return LogoutView.as_view()(request)
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    return render(request, "core/logout_confirm.html", {})


# --- Colleagues ----------------------------------------------------------------------------------


def _require_coordinator(request):
    if not sees_everything(request.user):
        raise PermissionDenied


class ColleaguesView(AccountPageMixin, TemplateView):
    template_name = "core/twofactor/colleagues.html"
    page_title = gettext_lazy("Colleagues' two-step sign-in")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        _require_coordinator(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        User = get_user_model()
        has_app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        people = (
            User.objects.filter(Q(groups__isnull=False) | Q(is_superuser=True), is_active=True)
            .distinct()
            .annotate(has_app=Exists(has_app))
            .prefetch_related("groups")
            .order_by("last_name", "first_name", "username")
        )
        actor = self.request.user
        rows = [
            {
                "user": person,
                "roles": ", ".join(
                    sorted(str(ROLE_LABELS.get(g.name, g.name)) for g in person.groups.all())
                ),
                "has_app": person.has_app,
                "may_reset": person.has_app and twofactor.may_reset(actor, person),
            }
            for person in people
        ]
        return super().get_context_data(people=rows, **kwargs)


class ResetColleagueView(AccountPageMixin, TemplateView):
    """Confirm, then remove a colleague's second factor and sign them out everywhere."""

    template_name = "core/twofactor/reset_confirm.html"
    page_title = gettext_lazy("Reset two-step sign-in")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        _require_coordinator(request)
        self.colleague = get_object_or_404(get_user_model(), pk=kwargs["pk"], is_active=True)
        if not twofactor.may_reset(request.user, self.colleague):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return display_name(self.colleague)

    def get_context_data(self, **kwargs):
        return super().get_context_data(colleague=self.colleague, **kwargs)

    def post(self, request, *args, **kwargs):
        twofactor.reset(request.user, self.colleague)
        messages.success(
            request,
            _(
                "The second factor of %(name)s is reset. They set up their app again "
                "at their next sign-in."
            )
            % {"name": display_name(self.colleague)},
        )
        return redirect("core_2fa_colleagues")


# --- Password reset ------------------------------------------------------------------------------


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's "forgotten password", limited so it can flood neither us nor a mailbox.

    Per client address at most PASSWORD_RESET_RATE_LIMIT requests a minute (counted
    across all web processes, core.ratelimit); per e-mail address one mail in
    PASSWORD_RESET_MAIL_INTERVAL seconds. Over a limit the answer is the same "sent"
    page, so it tells nobody whether an address belongs to an account.
    """

    def form_valid(self, form):
        email = form.cleaned_data.get("email", "")
        with transaction.atomic():
            count = ratelimit.count_request("password_reset", client_address(self.request))
        mail_key = "password-reset:" + ratelimit.client_key("password_reset_mail", email.lower())
        if count > settings.PASSWORD_RESET_RATE_LIMIT or not cache.add(
            mail_key, 1, timeout=settings.PASSWORD_RESET_MAIL_INTERVAL
        ):
            logger.warning("password reset over its limit; nothing sent")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
