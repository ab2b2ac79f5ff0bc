from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Issuing, rendering, verifying and revoking the Integrationszertifikat Wohnen."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        # Housing and courses must not import this app; they ask through these
        # registrations.
        from certificates.integrations import (
            enrolment_certificate_number,
            household_timeline_entries,
            households_holding_a_certificate,
        )
        from courses.integrations import register_certificate_lookup as register_for_courses
        from housing.integrations import register_certificate_lookup
        from housing.timeline import Section, register

        register_certificate_lookup(households_holding_a_certificate)
        # Courses refuses to correct a result to "not passed" while a certificate stands.
        register_for_courses(enrolment_certificate_number)
        register(
            Section(
                "certificates",
                _("Certificates"),
                "certificates.view_certificate",
                household_timeline_entries,
                order=70,
            )
        )
