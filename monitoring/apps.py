from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """ESF Plus participant monitoring, programme figures and the funder's report.

    Reads the other apps through ``monitoring/sources.py``; no other app imports it.
    """

    name = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from monitoring import figures

        # Figures other apps offer in their own ``monitoring_figures.py`` (see figures.py).
        figures.autodiscover()
