"""Which German texts a published translation still shows.

wagtail-localize publishes a translation with the German text wherever a sentence has
not been translated yet. Readers' screen readers and the read-aloud must know that
those parts are German: the list is taken when the translation is published (what
translators do afterwards does not change the published page).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UntranslatedTexts(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    # Plain text of each German segment without a translation (cms.languages.plain_text).
    texts = models.JSONField(_("German texts"), default=list)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("untranslated texts of a published translation")
        verbose_name_plural = _("untranslated texts of published translations")

    def __str__(self):
        return f"{self.page_id}: {len(self.texts)}"
