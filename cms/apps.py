from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Public pages: course materials and landlord information, in every programme language."""

    name = "cms"
    verbose_name = _("Course materials")
