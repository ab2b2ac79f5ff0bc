"""The curriculum: editors and coordinators add, rename, order and retire modules.

Adding, renaming and ordering are plain edits (the module list in the admin);
retiring is a state change and happens only here, so that every screen applies the
same rule: a retired module is no longer offered for new courses, visits or
material pages, and everything that already refers to it stays as it is.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from courses.models import CurriculumModule


class CurriculumError(DomainError):
    """A curriculum rule was broken."""


@transaction.atomic
def retire_module(module: CurriculumModule) -> CurriculumModule:
    """Retire ``module`` now. Its material pages stay published and readable."""
    module = CurriculumModule.objects.select_for_update().get(pk=module.pk)
    if module.is_retired:
        raise CurriculumError("already_retired", _("This module is retired already."))
    module.retired_at = timezone.now()
    module.save(update_fields=["retired_at"])
    return module


@transaction.atomic
def reactivate_module(module: CurriculumModule) -> CurriculumModule:
    """Offer a retired module again, in its old place in the order."""
    module = CurriculumModule.objects.select_for_update().get(pk=module.pk)
    if not module.is_retired:
        raise CurriculumError("not_retired", _("This module is in use; it is not retired."))
    module.retired_at = None
    module.save(update_fields=["retired_at"])
    return module
