from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Issuing, rendering, verifying and revoking the Integrationszertifikat Wohnen."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        # Housing must not import this app; it asks through these registrations.
        from certificates.integrations import (
            household_timeline_entries,
            households_holding_a_certificate,
        )
        from housing.integrations import register_certificate_lookup
        from housing.timeline import Section, register

        register_certificate_lookup(households_holding_a_certificate)
        register(
            Section(
                "certificates",
                _("Certificates"),
                "certificates.view_certificate",
                household_timeline_entries,
                order=70,
            )
        )
