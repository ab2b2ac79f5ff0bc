from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HousingConfig(AppConfig):
    """The people the programme serves: participants and households; later landlords,
    agreements, tenancies and home visits."""

    name = "housing"
    verbose_name = _("Participants and housing")
