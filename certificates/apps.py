from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Issuing, rendering, verifying and revoking the Integrationszertifikat Wohnen."""

    name = "certificates"
    verbose_name = _("Certificates")
