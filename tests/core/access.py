"""Staff sign-in screens and the scoped site history: every role, anonymous included."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import Role
from tests.access import LOGIN, NOT_FOUND, OK, Rule, everyone, staff_only
from tests.factories import UserFactory

_STAFF = {**everyone(OK), "anonymous": LOGIN}
_POST_ONLY = {**everyone("status 405"), "anonymous": LOGIN}
_COORDINATOR = staff_only(coordinator=OK)


def extend_world(world, users):
    # A public image in the public storage (disk here; tests/storage/ has the bucket).
    world["public_image"] = default_storage.save(
        "original_images/access-matrix.png", ContentFile(b"\x89PNG\r\n\x1a\n")
    )
    world["public_document"] = default_storage.save(
        "documents/access-matrix.pdf", ContentFile(b"%PDF-1.4")
    )
    colleague = UserFactory(username="trainer-with-app", role=Role.TRAINER)
    TOTPDevice.objects.create(user=colleague, name="App", confirmed=True)
    world["colleague_with_app"] = colleague
    admin = UserFactory(username="admin-with-app", is_superuser=True, is_staff=True)
    TOTPDevice.objects.create(user=admin, name="App", confirmed=True)
    world["admin_with_app"] = admin


RULES = {
    # Public images from the public storage; documents only through Wagtail's view (which
    # checks a collection's privacy), nothing outside the image folders.
    "core_media": Rule(
        cases={
            "image": (lambda w: [w["public_image"]], everyone(OK)),
            "document": (lambda w: [w["public_document"]], everyone(NOT_FOUND)),
            "outside": (
                lambda w: ["original_images/../documents/access-matrix.pdf"],
                everyone(NOT_FOUND),
            ),
        }
    ),
    "core_health": Rule(expect=everyone(OK)),  # for load balancers: "ok", nothing else
    # GET asks "Sign out?"; only a POST signs out.
    "core_logout": Rule(expect=_STAFF),
    "core_password_reset": Rule(expect=everyone(OK)),  # "forgotten password", rate limited
    "core_account": Rule(expect=_STAFF),  # Wagtail's account page, name and e-mail read only
    "core_site_history": Rule(expect=_STAFF),
    "core_site_history_results": Rule(expect=_STAFF),
    # Without an app there is nothing to verify: set one up.
    "core_2fa_verify": Rule(
        expect={**everyone("redirect to /admin/2fa/setup/"), "anonymous": LOGIN}
    ),
    "core_2fa_setup": Rule(expect=_STAFF),
    # Shown once after setting up; without new codes in the session, the overview.
    "core_2fa_recovery_codes": Rule(
        expect={**everyone("redirect to /admin/2fa/"), "anonymous": LOGIN}
    ),
    "core_2fa": Rule(expect=_STAFF),
    "core_2fa_new_codes": Rule(expect=_POST_ONLY),
    "core_2fa_colleagues": Rule(expect=_COORDINATOR),
    "core_2fa_reset": Rule(
        cases={
            "a trainer": (lambda w: [w["colleague_with_app"].pk], _COORDINATOR),
            # Coordinators do not reset administrators (an administrator does).
            "an administrator": (lambda w: [w["admin_with_app"].pk], staff_only()),
        }
    ),
    "core_sessions": Rule(expect=_STAFF),
    "core_sessions_end": Rule(expect=_POST_ONLY),
}
