from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Public pages: course materials and landlord information, in every programme language."""

    name = "cms"
    verbose_name = _("Course materials")

    def ready(self):
        from wagtail.signals import page_published

        from cms.services import sync_source_after_publish

        def refresh_translation_source(sender, instance, **kwargs):
            sync_source_after_publish(instance)

        # Every way of publishing (editor, scheduled publishing, scripts) refreshes the source.
        page_published.connect(
            refresh_translation_source, weak=False, dispatch_uid="cms_sync_source"
        )
