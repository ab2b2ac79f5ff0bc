from django.conf import settings
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _


def site(request):
    """What every public template needs: the programme's name and text direction."""
    return {
        # The programme's name in the reader's language ("Mietführerschein" in German).
        "site_name": _("Tenant's licence"),
        "programme_organisation": settings.PROGRAMME_ORGANISATION,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
