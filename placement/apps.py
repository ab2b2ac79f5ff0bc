from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementConfig(AppConfig):
    """Vermittlung: cooperating landlords' vacancies offered to households of the programme."""

    name = "placement"
    verbose_name = _("Placement")

    def ready(self):
        # Housing does not import placement: the household timeline asks through its registry.
        from housing.timeline import Section, register
        from placement.timeline import proposal_entries

        register(
            Section(
                "proposals", _("Flat proposals"), "placement.view_proposal", proposal_entries, 25
            )
        )
