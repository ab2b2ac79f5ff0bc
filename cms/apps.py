from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Public pages: course materials and landlord information, in every programme language."""

    name = "cms"
    verbose_name = _("Course materials")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.signals import page_published
        from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

        from cms.services import sync_source_after_publish

        def refresh_translation_source(sender, instance, **kwargs):
            sync_source_after_publish(instance)

        # Every way of publishing (editor, scheduled publishing, scripts) refreshes the source.
        page_published.connect(
            refresh_translation_source, weak=False, dispatch_uid="cms_sync_source"
        )

        # wagtail-localize syncs the page trees whenever a LocaleSynchronization is saved,
        # also while fixtures or a test database snapshot are loaded (raw saves), when the
        # locales it points to may not be loaded yet. Skip raw saves; ensure_locales() syncs.
        post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)

        def sync_trees_unless_raw(sender, instance, raw=False, **kwargs):
            if not raw:
                sync_trees_on_locale_sync_save(instance=instance, **kwargs)

        post_save.connect(
            sync_trees_unless_raw,
            sender=LocaleSynchronization,
            weak=False,
            dispatch_uid="cms_sync_trees_unless_raw",
        )
