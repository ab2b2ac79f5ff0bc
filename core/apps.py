from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Cross-app concerns: roles and object scope, the admin base classes, demo data."""

    name = "core"
    verbose_name = _("Programme")

    def ready(self):
        # core.audit connects the signal that keeps personal names out of the admin's
        # action log; core.exports makes every admin export safe for spreadsheets.
        from core import audit, exports, sessions
        from core.users import name_users_by_display_name

        name_users_by_display_name()
        audit.connect()
        exports.install()
        sessions.connect()
