"""What the placement app holds about a person, for the privacy app (see core.personal_data).

A flat search and the proposals are the household's records: a member's copy shows them
as household data; erasure clears their free texts and keeps the facts (sizes, dates,
outcomes) that the placement figures count.
"""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Holding

HOLDINGS = [
    Holding(
        "placement.FlatSearch",
        household="household",
        scrub={"other_needs": ""},
        reason=_("Size, rooms, rent limit and dates stay for the placement figures."),
    ),
    Holding(
        "placement.Proposal",
        household="household",
        scrub={"why": "–", "size_exception": "", "decline_note": ""},
        reason=_("Vacancy, status, dates and the decline reason stay for the figures."),
    ),
    Holding(
        "placement.ProposalStep",
        household="proposal__household",
        scrub={"note": ""},
        reason=_("The steps' dates stay: how long a placement took is a figure."),
    ),
]
