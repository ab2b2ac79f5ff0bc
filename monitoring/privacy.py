"""What the monitoring app holds about a person, for the privacy app (see core.personal_data).

The ESF Plus entry, exit and follow-up data are categories (gender, age at entry,
labour market status, outcomes), not identity: they stay after an erasure, tied to the
anonymised participant, so that the funder's report keeps its totals.
"""

from django.utils.translation import gettext_lazy as _

from core.personal_data import KEEP, Holding

HOLDINGS = [
    Holding(
        "monitoring.EntryRecord",
        person="participant",
        on_erase=KEEP,
        retained=True,
        reason=_("ESF Plus monitoring (CPR Art. 82 retention): categories only, no identity."),
    ),
    Holding(
        "monitoring.ExitRecord",
        person="entry__participant",
        on_erase=KEEP,
        reason=_("ESF Plus result indicators: categories only."),
    ),
    Holding(
        "monitoring.SixMonthFollowUp",
        person="exit__entry__participant",
        scrub={"note": ""},
        reason=_("ESF Plus longer-term indicators stay; the free-text note goes."),
    ),
]
