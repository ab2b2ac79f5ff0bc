"""Languages the programme's participants speak (ISO 639 codes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    GERMAN = "de", _("German")
    ROMANIAN = "ro", _("Romanian")
    BULGARIAN = "bg", _("Bulgarian")
    ROMANI = "rom", _("Romani")
    ARABIC = "ar", _("Arabic")
    TURKISH = "tr", _("Turkish")
    UKRAINIAN = "uk", _("Ukrainian")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    DARI = "prs", _("Dari")
    PASHTO = "ps", _("Pashto")
    KURDISH = "ku", _("Kurdish")
    FRENCH = "fr", _("French")
    OTHER = "other", _("Other")
