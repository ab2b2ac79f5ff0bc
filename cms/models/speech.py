"""Read-aloud clips made by a computer voice, one per text and voice, found by hash.

The same sentence on several pages (or in the glossary) is spoken once. A clip never
changes: a changed text has another hash and gets a new clip.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SpeechClip(models.Model):
    text_hash = models.CharField(_("text hash"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("spoken text"))
    file = models.FileField(_("file"), upload_to="read-aloud/")
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("read-aloud clip")
        verbose_name_plural = _("read-aloud clips")
        constraints = [
            models.UniqueConstraint(fields=["text_hash"], name="speechclip_unique_text_hash"),
        ]

    def __str__(self):
        return f"{self.language}: {self.text[:60]}"
