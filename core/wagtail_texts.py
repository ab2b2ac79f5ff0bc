"""Wagtail's own admin texts that our German catalog translates differently.

Wagtail names itself to our staff ("Bei Wagtail anmelden", "Zum Wagtail
Admin-Interface", "Wagtail 8.0 Editor-Handbuch") and leaves a few screen-reader
labels in English ("Breadcrumb"). The catalog in ``locale/de`` comes before Wagtail's,
so an entry there wins; listing the texts here keeps ``make messages`` from dropping
them as unused. They must stay exactly Wagtail's wording (the test in
tests/core/test_wagtail_branding.py renders the screens and would notice a change).
Nothing imports this module.
"""

from django.utils.translation import gettext_noop

WAGTAIL_TEXTS = [
    gettext_noop("Wagtail admin"),
    gettext_noop("Go to Wagtail admin"),
    gettext_noop("Sign in to Wagtail"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("Wagtail upgrade available"),
    gettext_noop("Things in Wagtail %(version)s have changed!"),
    gettext_noop("What's new in Wagtail %(version)s"),
    gettext_noop("View Wagtail quick actions"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    gettext_noop(
        "The root level is where you can add new sites to your Wagtail installation. "
        "Pages created here will not be accessible at any URL until they are "
        "associated with a site."
    ),
    gettext_noop(
        "JavaScript is required to use Wagtail, but it is currently disabled.<br /> "
        'Here are the <a href="https://www.enable-javascript.com/" target="_blank" '
        'rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.'
    ),
    gettext_noop("Breadcrumb"),
]
