"""What the privacy app itself holds about a person."""

from core.personal_data import KEEP, Holding

HOLDINGS = [
    Holding(
        "privacy.AccessLogEntry",
        person="participant",
        on_erase=KEEP,
        reason="Who looked at the record, when: staff accountability (Art. 5(2), 32); "
        "names no one but the staff member, refers to the person by number.",
    ),
    Holding(
        "privacy.ErasureRequest",
        person="participant",
        on_erase=KEEP,
        reason="Proof that the request was carried out (Art. 5(2)); holds no identity.",
    ),
]
