from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from simple_history import models as history_models


class MultipleChoiceField(models.JSONField):
    """A list of choice values, stored as JSON; edited as checkboxes.

    Works the same on SQLite and PostgreSQL (unlike ArrayField).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        # JSONField.validate would reject a list against the choices as a whole;
        # each item must be one of the choices instead.
        allowed = {key for key, _label in self.flatchoices}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown value(s): %(values)s"), params={"values": ", ".join(map(str, unknown))}
            )
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            **{k: v for k, v in kwargs.items() if k in {"label", "help_text", "required"}},
        )


class HistoricalRecords(history_models.HistoricalRecords):
    """django-simple-history that also works for models with a modelcluster ParentalKey.

    The historical copy of a ParentalKey must be a plain ForeignKey: a ParentalKey
    may not have ``related_name='+'``, which every historical foreign key has.
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, ParentalKey):
                # As simple-history does: deconstruct without resolving swappable models,
                # which are not loaded yet while models are being built.
                swappable, field.swappable = field.swappable, False
                try:
                    _name, _path, args, kwargs = field.deconstruct()
                finally:
                    field.swappable = swappable
                plain = models.ForeignKey(*args, **kwargs)
                plain.name = field.name
                fields[name] = plain
        return fields
