from django.conf import settings
from django.utils.translation import get_language_bidi


def site(request):
    """What every public template needs: the programme's name and text direction."""
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "programme_organisation": settings.PROGRAMME_ORGANISATION,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
