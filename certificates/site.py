"""Whether the QR codes printed on certificates can reach a landlord.

A certificate's QR code encodes ``SITE_URL/v/<token>``. Printed with a loopback
address or a host this server refuses, every code on paper leads nowhere, and the
paper cannot be corrected later. So no certificate is issued then; with DEBUG on
(a development machine, make run) a loopback address is accepted.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from config.env import site_url_problem
from core.errors import DomainError


def require_reachable_site(error_class: type[DomainError]) -> None:
    """Raise ``error_class("site_unreachable", ...)`` while SITE_URL cannot reach a landlord."""
    problem = site_url_problem(
        settings.SITE_URL, settings.ALLOWED_HOSTS, allow_loopback=settings.DEBUG
    )
    if problem:
        raise error_class(
            "site_unreachable",
            _(
                "Certificates cannot be issued now: the address in their QR code (%(url)s) "
                "cannot be opened by landlords. Ask the administrator to set SITE_URL."
            )
            % {"url": settings.SITE_URL},
        )
