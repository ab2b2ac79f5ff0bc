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

        from cms import checks, translation_editor  # noqa: F401 - registers checks and patches
        from cms.services import record_untranslated_texts, sync_source_after_publish
        from cms.tasks import enqueue_read_aloud

        def after_publish(sender, instance, **kwargs):
            if instance.alias_of_id:
                return  # an alias shows the German page, whose publishing did the work
            sync_source_after_publish(instance)
            record_untranslated_texts(instance)
            if hasattr(instance, "content_language"):
                enqueue_read_aloud(instance)

        # Every way of publishing (editor, translation editor, scheduled publishing,
        # scripts) refreshes the source, notes untranslated texts and makes read-aloud.
        page_published.connect(after_publish, weak=False, dispatch_uid="cms_after_publish")

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
