"""Staff sign in with a second factor: an authenticator app (TOTP) and recovery codes.

Built on django-otp. Signing in is two steps: Wagtail's login page checks the
password; until the session is also verified with a code, ``SecondFactorMiddleware``
lets the browser reach nothing of the staff area but the pages of the second step.

``STAFF_2FA`` decides who needs it:
- ``required`` (always when DEBUG is off): every staff account. One without an app
  is sent to set it up right after the password. Under DEBUG the demo accounts may
  skip it, so ``make run`` works without a phone.
- ``optional`` (only with DEBUG on): whoever set up an app is asked for a code.

A coordinator (or an administrator) resets a colleague's second factor when the phone
is lost: the colleague's devices are removed, every session of theirs ends, and they
set it up again at their next sign-in.
"""

import logging
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import sessions
from core.roles import sees_everything

logger = logging.getLogger("core.security")

REQUIRED = "required"
OPTIONAL = "optional"
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator-App"
RECOVERY_DEVICE_NAME = "Wiederherstellungscodes"

# The staff area: what an unverified session may not reach.
PROTECTED_PREFIXES = ("/admin/", "/documents/")
# What it may reach: the second step itself, signing out, and what those pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "core_logout",
    "core_2fa_verify",
    "core_2fa_setup",
    "core_2fa_recovery_codes",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtail_localize:javascript_catalog",
}


def demo_may_skip(user) -> bool:
    from core.demo import DEMO_STAFF

    return settings.DEBUG and user.get_username() in DEMO_STAFF


def has_app(user) -> bool:
    return user_has_device(user, confirmed=True)


def needs_setup(user) -> bool:
    """The user must set up an app before reaching the staff area."""
    return settings.STAFF_2FA == REQUIRED and not has_app(user) and not demo_may_skip(user)


def is_verified(request) -> bool:
    return request.user.is_verified()


class SecondFactorMiddleware:
    """Keeps a session that has only passed the password out of the staff area."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self._second_step(request)
        if redirect_to:
            url = reverse(redirect_to)
            if request.method == "GET":
                url += "?" + urlencode({"next": request.get_full_path()})
            return redirect(url)
        return self.get_response(request)

    def _second_step(self, request) -> str | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not request.path_info.startswith(PROTECTED_PREFIXES) or _is_open(request):
            return None
        if has_app(user):
            return "core_2fa_verify"
        if needs_setup(user):
            return "core_2fa_setup"
        return None


def _is_open(request) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in OPEN_URL_NAMES


# --- Setting up the app -----------------------------------------------------------------


def pending_app(user) -> TOTPDevice:
    """The app being set up: the same secret until it is confirmed (a reload keeps it)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_people(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed: base32, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2
    )
    return image.to_string(encoding="unicode")


@transaction.atomic
def confirm_app(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app being set up with a code it shows; return new recovery codes.

    The new app replaces any earlier one; the session counts as verified from now on
    and continues under a new key. None if the code is wrong (nothing changes).
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(_digits(code)):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(device.user)
    _verified(request, device)
    logger.info("second factor set up for user %s", device.user_id)
    return codes


def new_recovery_codes(user) -> list[str]:
    """Ten new one-time codes for when the phone is not at hand; earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- Signing in ----------------------------------------------------------------------------


def must_wait(user) -> bool:
    """After wrong codes every further try waits longer (1 s, 2 s, 4 s, …): django-otp's
    throttling, so that six digits cannot be guessed quickly."""
    devices = list(devices_for_user(user, confirmed=None))
    return bool(devices) and not any(device.verify_is_allowed()[0] for device in devices)


def verify(request, code: str) -> bool:
    """Check a code from the app or a recovery code; on success the session is verified."""
    user = request.user
    code = code.strip()
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            token = _digits(code) if isinstance(device, TOTPDevice) else code.lower()
            if token and device.verify_token(token):
                _verified(request, device)
                return True
    logger.warning("wrong second-factor code for user %s", user.pk)
    return False


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())


def _verified(request, device) -> None:
    old_key = request.session.session_key
    # A new session key once the second factor is passed: a key seen before (e.g.
    # on a shared computer) is worth nothing afterwards.
    request.session.cycle_key()
    otp_login(request, device)
    sessions.rekey(request, old_key)


# --- Resetting a colleague's second factor ------------------------------------------------------


def may_reset(actor, colleague) -> bool:
    """Coordinators reset colleagues who are not administrators; administrators anyone."""
    if actor.pk == colleague.pk or not colleague.is_active:
        return False
    if actor.is_superuser:
        return True
    return sees_everything(actor) and not colleague.is_superuser


@transaction.atomic
def reset(actor, colleague) -> None:
    """Remove the colleague's app and recovery codes and end all their sessions."""
    if not may_reset(actor, colleague):
        raise PermissionError("not allowed to reset this account's second factor")
    TOTPDevice.objects.filter(user=colleague).delete()
    StaticDevice.objects.filter(user=colleague).delete()
    sessions.end_sessions(colleague)
    logger.info("second factor of user %s reset by user %s", colleague.pk, actor.pk)
