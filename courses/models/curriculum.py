"""The curriculum: the teaching modules every course, visit and material page refers to."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class CurriculumModuleQuerySet(models.QuerySet):
    def active(self):
        """Modules offered for new courses, visits and material pages (not retired)."""
        return self.filter(retired_at__isnull=True)

    def offered(self, *keep_pks):
        """Active modules, plus those a record already uses (an edit form keeps its value)."""
        return self.filter(Q(retired_at__isnull=True) | Q(pk__in=[pk for pk in keep_pks if pk]))


class CurriculumModule(models.Model):
    """One teaching module of the Mietführerschein, e.g. "Heizen und Lüften".

    Editors and coordinators add, rename, order and retire modules
    (``courses/services/curriculum.py``); ``code`` never changes once saved, because course
    sessions and the CMS material pages refer to modules by it. A retired module is
    no longer offered for new work; what refers to it (courses, visits, its material
    pages) stays as it is and readable.
    """

    log_label_from_str = True  # a module's title names no person (core.audit)

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Part of web addresses; cannot be changed later."),
    )
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True, editable=False)

    objects = CurriculumModuleQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("curriculum module")
        verbose_name_plural = _("curriculum modules")

    def __str__(self):
        return self.title

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None
