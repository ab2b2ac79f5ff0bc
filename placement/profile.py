"""The "Mieterprofil": one page in German for the landlord, with only what the household
agreed to share (landlord-contact consent) and nothing else: no dates of birth, no notes.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.languages import Language
from housing.models import ConsentPurpose, Participant

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"


def profile_context(proposal) -> dict:
    """What the profile shows. Members without consent in force add to the size only."""
    from certificates.models import Certificate
    from housing.models import AgreementStatus, Household
    from placement.matching import searching_households

    household = proposal.household
    row = searching_households(Household.objects.filter(pk=household.pk)).first()
    consenting = list(
        Participant.objects.filter(household=household)
        .consenting(ConsentPurpose.LANDLORD_CONTACT)
        .order_by("pk")
    )
    languages = sorted({label for person in consenting for label in _language_labels(person)})
    certificates = list(
        Certificate.objects.currently_valid()
        .filter(participant__in=[p.pk for p in consenting])
        .order_by("issued_on", "pk")
    )
    landlord = proposal.vacancy.flat.landlord
    agreement = (
        landlord.agreements.filter(status=AgreementStatus.ACTIVE)
        .select_related("programme_contact")
        .first()
    )
    return {
        "proposal": proposal,
        "vacancy": proposal.vacancy,
        "household_name": household.name,
        "size": row.size if row else household.members.count(),
        "languages": languages,
        "certificates": certificates,
        "companions": list(household.companions.order_by("first_name")),
        "programme_contact": agreement.programme_contact if agreement else None,
        "organisation": settings.PROGRAMME_ORGANISATION,
        "today": timezone.localdate(),
        "fonts_dir": FONTS_DIR.as_uri(),
    }


def _language_labels(person):
    # The profile is German whatever the coordinator's UI language.
    with translation.override("de"):
        return [
            str(Language(code).label) for code in person.languages or [] if code in Language.values
        ]


def render_profile(proposal) -> bytes:
    from weasyprint import HTML

    with translation.override("de"):
        html = render_to_string("placement/profile.html", profile_context(proposal))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
