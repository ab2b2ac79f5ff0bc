"""Wagtail's action log (site history) without personal names and within each user's scope.

Wagtail writes a log entry for every save through a generic admin form and labels it
with the record's ``str()``: a participant's name. Its "site history" report then
shows an entry to everyone with any permission on the record's model. Here:

- a log entry of one of our records is labelled "Teilnehmende(r) #42" instead of the
  name (models whose labels name no person say so with ``log_label_from_str = True``);
- ``visible_log_entries(user)`` keeps only entries of records in ``visible_to(user)``,
  the same rule as every list and edit screen; a record of ours without such a rule
  (or one deleted since) is shown only to those who see everything.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.db.models.signals import pre_save
from django.utils import translation
from wagtail.models import ModelLogEntry

from core.roles import sees_everything

# Apps whose records carry programme data (later apps add themselves here).
PROGRAMME_APPS = (
    "core",
    "housing",
    "courses",
    "certificates",
    "monitoring",
    "privacy",
    "placement",
)


def is_programme_model(model) -> bool:
    return model is not None and model._meta.app_label in PROGRAMME_APPS


def neutral_label(model, pk) -> str:
    """What a log entry calls a record: its type and number, in the programme's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return f"{model._meta.verbose_name} #{pk}"


def connect():
    pre_save.connect(_label_without_personal_names, sender=ModelLogEntry, dispatch_uid="core.audit")


def _label_without_personal_names(sender, instance, **kwargs):
    model = instance.content_type.model_class() if instance.content_type_id else None
    if is_programme_model(model) and not getattr(model, "log_label_from_str", False):
        instance.label = neutral_label(model, instance.object_id)


def _scope_condition(user) -> Q:
    """Entries of our records the user may see: one subquery per model with a scope."""
    condition = Q()
    for model in apps.get_models():
        manager = model._default_manager
        if is_programme_model(model) and hasattr(manager, "visible_to"):
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            visible_ids = manager.visible_to(user).annotate(
                _log_id=Cast("pk", output_field=CharField())
            )
            condition |= Q(content_type=content_type, object_id__in=visible_ids.values("_log_id"))
    return condition


def _programme_content_type_ids() -> list[int]:
    return [
        ContentType.objects.get_for_model(model, for_concrete_model=False).pk
        for model in apps.get_models()
        if is_programme_model(model)
    ]


def visible_log_entries(log_model, user):
    """Wagtail's entries of ``log_model`` the user may see, limited to the user's scope.

    Wagtail's own rule (a permission on the model, page permissions for pages) comes
    first; entries of our records then also need the record in ``visible_to(user)``.
    """
    entries = log_model.objects.viewable_by_user(user)
    if log_model is not ModelLogEntry or sees_everything(user):
        return entries
    ours = Q(content_type_id__in=_programme_content_type_ids())
    return entries.filter(~ours | _scope_condition(user))
