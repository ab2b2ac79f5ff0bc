"""Where families get help: the advice centres of the districts, shown on every page.

Edited as a snippet (*Snippets → Beratungsstellen*) and translated like pages
(opening hours and notes are texts for the families; address and phone stay as they are).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class MessengerService(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    SIGNAL = "signal", "Signal"
    TELEGRAM = "telegram", "Telegram"
    THREEMA = "threema", "Threema"


class AdviceCentre(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=120)
    district = models.CharField(
        _("district"), max_length=80, blank=True, help_text=_("e.g. Altenhagen")
    )
    address = models.TextField(_("address"), help_text=_("Street and number, postcode and town."))
    opening_hours = models.TextField(
        _("opening hours"), help_text=_("One line per day, e.g. “Mo–Do 9–12 Uhr”.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    messenger = models.CharField(
        _("messenger"), max_length=20, choices=MessengerService.choices, blank=True
    )
    messenger_url = models.URLField(
        _("messenger link"),
        blank=True,
        help_text=_("e.g. https://wa.me/4923311234567 (opens a chat with the centre)"),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("e.g. “We speak Arabic and Romanian.”")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("district"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("phone"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("messenger"), FieldPanel("messenger_url")])],
            heading=_("Messenger"),
        ),
        FieldPanel("note"),
        FieldPanel("sort_order"),
    ]
    # Only what families read is translated; the address and numbers stay as they are.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("district", overridable=False),
        SynchronizedField("address", overridable=False),
        TranslatableField("opening_hours"),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("messenger", overridable=False),
        SynchronizedField("messenger_url", overridable=False),
        TranslatableField("note"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("advice centre")
        verbose_name_plural = _("advice centres")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.messenger_url and not self.messenger_url.startswith("https://"):
            raise ValidationError(
                {"messenger_url": _("Please enter an address starting with https://.")}
            )
        if bool(self.messenger) != bool(self.messenger_url):
            raise ValidationError(
                {
                    "messenger_url": _(
                        "Choose the messenger and enter its link, or leave both empty."
                    )
                }
            )

    def phone_link(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
