"""The ESF Plus common indicators (Regulation (EU) 2021/1057, Annex I) this programme
reports, one definition each.

Each indicator is a function returning the condition (a ``Q`` on the record it counts)
under which a participant counts; its docstring is the definition. Three groups:

- **outputs** (EECO…) count entry records whose entry date lies in the period;
- **immediate results** (EECR01–EECR04) count exit records whose exit date lies in it;
- **longer-term results** (EECR05, EECR06) count six-month follow-ups answered in it.

Rules shared by all of them:

- A participant whose mandatory entry data (gender, labour market status, highest
  education) is incomplete counts in EECO01's total and nowhere else: in no breakdown,
  not by gender, in no other indicator (``COMPLETE``).
- Age bands use the age at entry, stored on the entry record when it was recorded.
- Special-category answers (EECO12 disability, EECO15 minority) count only as "yes";
  "not stated" and "not asked" count as neither.

Not collected: EECO17 (rural areas: the programme works in city districts only), EECO18
and EECO19 (entities, not people).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from monitoring.models import (
    Education,
    ExitSituation,
    FollowUpStatus,
    Gender,
    HousingExclusion,
    Isced,
    LabourStatus,
    Nationality,
    SpecialAnswer,
    YesNo,
    educations_in,
)

OUTPUT, RESULT, LONGER_TERM = "output", "result", "longer_term"
GROUP_LABELS = {
    OUTPUT: _("Outputs: participants on entry"),
    RESULT: _("Immediate results: upon leaving"),
    LONGER_TERM: _("Longer-term results: six months after leaving"),
}

# Mandatory entry data; the path prefix is added per group ("" or "entry__").
MANDATORY = ("gender", "labour_status", "education")
GENDERS = (Gender.WOMAN, Gender.MAN, Gender.NON_BINARY)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    group: str
    condition: Callable[[], Q]

    @property
    def definition(self) -> str:
        return " ".join((self.condition.__doc__ or "").split())

    @property
    def counts_incomplete(self) -> bool:
        return self.code == "EECO01"


INDICATORS: list[Indicator] = []


def _indicator(code, label, group):
    def register(condition):
        INDICATORS.append(Indicator(code, label, group, condition))
        return condition

    return register


def by_group(group: str) -> list[Indicator]:
    return [indicator for indicator in INDICATORS if indicator.group == group]


def complete(prefix: str = "") -> Q:
    """The mandatory entry data is there (``prefix`` leads from the counted record)."""
    q = Q()
    for field in MANDATORY:
        q &= ~Q(**{f"{prefix}{field}": ""})
    return q


# --- Outputs: entry records, by entry date ------------------------------------------------------


@_indicator("EECO01", _("Total number of participants"), OUTPUT)
def eeco01():
    """Every participant who entered in the period, including those whose mandatory
    entry data is incomplete (they count here only, in the total column)."""
    return Q()


@_indicator("EECO02", _("Unemployed, including long-term unemployed"), OUTPUT)
def eeco02():
    """Labour market status on entry: unemployed (registered or seeking work) or
    long-term unemployed."""
    return Q(labour_status__in=[LabourStatus.UNEMPLOYED, LabourStatus.LONG_TERM_UNEMPLOYED])


@_indicator("EECO03", _("Long-term unemployed"), OUTPUT)
def eeco03():
    """Labour market status on entry: unemployed for 12 months or more (6 months or more
    under 25)."""
    return Q(labour_status=LabourStatus.LONG_TERM_UNEMPLOYED)


@_indicator("EECO04", _("Inactive"), OUTPUT)
def eeco04():
    """Labour market status on entry: inactive, whether in education or training or not."""
    return Q(labour_status__in=[LabourStatus.INACTIVE, LabourStatus.INACTIVE_IN_EDUCATION])


@_indicator("EECO05", _("Employed, including self-employed"), OUTPUT)
def eeco05():
    """Labour market status on entry: employed, self-employment included."""
    return Q(labour_status=LabourStatus.EMPLOYED)


@_indicator("EECO06", _("Children below 18 years of age"), OUTPUT)
def eeco06():
    """Age at entry under 18."""
    return Q(age_at_entry__lt=18)


@_indicator("EECO07", _("Young people between 18 and 29 years of age"), OUTPUT)
def eeco07():
    """Age at entry from 18 to 29."""
    return Q(age_at_entry__gte=18, age_at_entry__lte=29)


@_indicator("EECO08", _("Participants 55 years of age and above"), OUTPUT)
def eeco08():
    """Age at entry 55 or more."""
    return Q(age_at_entry__gte=55)


@_indicator("EECO09", _("With lower secondary education or less (ISCED 0–2)"), OUTPUT)
def eeco09():
    """Highest education maps to ISCED 0–2 (see ``models.ISCED_OF``)."""
    return Q(education__in=educations_in(Isced.LOW))


@_indicator("EECO10", _("With upper secondary or post-secondary education (ISCED 3–4)"), OUTPUT)
def eeco10():
    """Highest education maps to ISCED 3–4."""
    return Q(education__in=educations_in(Isced.MEDIUM))


@_indicator("EECO11", _("With tertiary education (ISCED 5–8)"), OUTPUT)
def eeco11():
    """Highest education maps to ISCED 5–8."""
    return Q(education__in=educations_in(Isced.HIGH))


@_indicator("EECO12", _("Participants with disabilities"), OUTPUT)
def eeco12():
    """The person said yes to the (optional) question about a disability."""
    return Q(disability=SpecialAnswer.YES)


@_indicator("EECO13", _("Third-country nationals"), OUTPUT)
def eeco13():
    """Nationality of a country outside the EU."""
    return Q(nationality=Nationality.THIRD_COUNTRY)


@_indicator("EECO14", _("Participants with a foreign background"), OUTPUT)
def eeco14():
    """Born abroad, or at least one parent born abroad."""
    return Q(foreign_background=YesNo.YES)


@_indicator("EECO15", _("Minorities (including marginalised communities such as the Roma)"), OUTPUT)
def eeco15():
    """The person said yes to the (optional) question about belonging to a minority."""
    return Q(minority=SpecialAnswer.YES)


@_indicator("EECO16", _("Homeless or affected by housing exclusion"), OUTPUT)
def eeco16():
    """Any ETHOS category on entry (roofless, houseless, insecure or inadequate housing)."""
    return Q(housing_exclusion__in=[c for c in HousingExclusion.values if c != "none"])


# --- Immediate results: exit records, by exit date ------------------------------------------------


@_indicator("EECR01", _("Engaged in job searching upon leaving"), RESULT)
def eecr01():
    """The latest situation within four weeks of leaving is "engaged in job searching"."""
    return Q(situation=ExitSituation.JOB_SEARCHING)


@_indicator("EECR02", _("In education or training upon leaving"), RESULT)
def eecr02():
    """The latest situation within four weeks of leaving is "in education or training"."""
    return Q(situation=ExitSituation.EDUCATION)


@_indicator("EECR03", _("Gaining a qualification upon leaving"), RESULT)
def eecr03():
    """The person holds an Integrationszertifikat Wohnen (not revoked) for an exam passed
    between the entry and four weeks after the exit, as the certificates app records it."""
    return Q(qualified=True)


@_indicator("EECR04", _("In employment, including self-employment, upon leaving"), RESULT)
def eecr04():
    """The latest situation within four weeks of leaving is "in employment"."""
    return Q(situation=ExitSituation.EMPLOYED)


# --- Longer-term results: six-month follow-ups, by the date of the follow-up -------------


@_indicator(
    "EECR05", _("In employment, including self-employment, six months after leaving"), LONGER_TERM
)
def eecr05():
    """The six-month follow-up, answered in the period, says the person is in employment."""
    return Q(status=FollowUpStatus.ANSWERED, employed=True)


@_indicator(
    "EECR06", _("With an improved labour market situation six months after leaving"), LONGER_TERM
)
def eecr06():
    """The six-month follow-up, answered in the period, says the person's labour market
    situation improved (e.g. from unemployed to employed, from precarious to stable work,
    from part-time to full-time, or a promotion)."""
    return Q(status=FollowUpStatus.ANSWERED, improved=True)


SPECIAL_CATEGORY_FIELDS = ("minority", "disability")
CODES = [indicator.code for indicator in INDICATORS]
__all__ = ["CODES", "GENDERS", "INDICATORS", "Education", "Indicator", "by_group", "complete"]
