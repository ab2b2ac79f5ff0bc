"""What the privacy app itself holds about a person."""

from django.utils.translation import gettext_lazy as _

from core.personal_data import KEEP, Holding

HOLDINGS = [
    Holding(
        "privacy.AccessLogEntry",
        person="participant",
        on_erase=KEEP,
        reason=_(
            "Who looked at the record, when: staff accountability (Art. 5(2), 32); "
            "names no one but the staff member, refers to the person by number."
        ),
    ),
    Holding(
        "privacy.ErasureRequest",
        person="participant",
        on_erase=KEEP,
        reason=_("Proof that the request was carried out (Art. 5(2)); holds no identity."),
    ),
]
