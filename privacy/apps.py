from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The person's rights (GDPR): their copy of their data, erasure, retention, the
    access log and the records of processing.

    Reads what the other apps declare in their ``<app>/privacy.py`` (see
    ``core.personal_data``); no other app imports this one.
    """

    name = "privacy"
    verbose_name = _("Data protection")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from core.personal_data import PersonAction, register_person_action
        from privacy import registry

        registry.autodiscover()
        register_person_action(
            PersonAction(_("Consents"), "privacy_consents", "housing.view_participant", "tick")
        )
        register_person_action(
            PersonAction(_("Data access request"), "privacy_export", "privacy.export_person")
        )
        register_person_action(
            PersonAction(_("Erase"), "privacy_erase", "privacy.erase_person", "bin")
        )
