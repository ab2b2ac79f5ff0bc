"""What the housing app holds about a person, for the privacy app (see core.personal_data).

Household records (the address, visits, tenancies, concerns, follow-ups) are the
household's: a member's copy shows them as household data, and erasure removes their
texts only when the household has no other member.
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from core.personal_data import AccessView, Holding, placeholder


def birthday_kept_as_year(participant) -> dt.date:
    """1 July of the year of birth: the age band stays right for the figures, the date
    goes (2 July for someone born on 1 July, so the stored date is never the real one)."""
    born = participant.date_of_birth
    kept = dt.date(born.year, 7, 1)
    return kept if kept != born else dt.date(born.year, 7, 2)


HOLDINGS = [
    Holding(
        "housing.Participant",
        person="pk",
        scrub={
            "given_names": "Gelöscht",
            "family_name": placeholder("Person"),
            "name_latin": "",
            "date_of_birth": birthday_kept_as_year,
            "phone": "",
            "notes": "",
        },
        reason=_(
            "Kept without identity: enrolments, certificates and the ESF Plus entry "
            "data hang on it, and the figures must keep counting the person."
        ),
    ),
    Holding(
        "housing.Consent",
        person="participant",
        scrub={"note": "", "evidence": ""},
        reason=_(
            "Purpose, decision and date stay (what was agreed, and that withdrawals "
            "are counted); the note and the scanned form go."
        ),
    ),
    Holding(
        "housing.Household",
        household="pk",
        scrub={
            "name": placeholder("Gelöschter Haushalt"),
            "street": "",
            "postcode": "",
            "city": "",
            "notes": "",
        },
        reason=_("District stays for the figures."),
    ),
    Holding("housing.Tenancy", household="household", scrub={"notes": ""}),
    Holding(
        "housing.LandlordConcern",
        household="tenancy__household",
        scrub={"description": "–"},
    ),
    Holding(
        "housing.HomeVisit",
        household="household",
        scrub={"present": "", "free_topics": "", "observations": "", "agreed_actions": ""},
        reason=_("Date, outcome and topics stay for the programme's figures."),
    ),
    Holding("housing.FollowUp", household="household", scrub={"title": "–", "note": ""}),
]

# Screens that show a person's data; each look is logged (privacy.middleware).
ACCESS_VIEWS = [
    AccessView("participants:inspect", "participant_inspect", "participant"),
    AccessView("participants:edit", "participant_edit", "participant"),
    AccessView("participants:history", "participant_history", "participant"),
    AccessView("participants:index", "list_export", when_param="export"),
    AccessView("households:inspect", "household_inspect", "household"),
    AccessView("households:edit", "household_edit", "household"),
    AccessView("households:index", "list_export", when_param="export"),
    AccessView("housing_timeline", "household_timeline", "household", kwarg="household_id"),
    AccessView("housing_log_visit", "visit_form", "household", kwarg="household_id"),
]
