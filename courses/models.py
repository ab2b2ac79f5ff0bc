"""Courses: the curriculum modules (more arrives with the courses issue)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CurriculumModule(models.Model):
    """One teaching module of the Mietführerschein, e.g. "Heizen und Lüften".

    The list is stable and ordered; ``code`` never changes once published, because
    course sessions and the CMS material pages refer to modules by it.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("curriculum module")
        verbose_name_plural = _("curriculum modules")

    def __str__(self):
        return self.title
