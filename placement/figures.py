"""The placement's figures: one definition each, for the dashboard and monitoring's report.

Each function takes a period (``start``, ``end``, ``district`` or None) and uses a fixed
number of queries.
"""

import statistics

from django.db.models import Count, Exists, OuterRef, Q

from placement.models import Proposal, ProposalStatus, Vacancy, VacancyStatus


def _vacancies(period):
    found = Vacancy.objects.filter(
        created_at__date__gte=period.start, created_at__date__lte=period.end
    )
    if period.district is not None:
        found = found.filter(district=period.district)
    return found


def _proposals(period):
    found = Proposal.objects.filter(proposed_on__gte=period.start, proposed_on__lte=period.end)
    if period.district is not None:
        found = found.filter(vacancy__district=period.district)
    return found


def _placements(period):
    """Proposals that became a signed tenancy starting in the period."""
    found = Proposal.objects.filter(
        status=ProposalStatus.LET,
        tenancy__start__gte=period.start,
        tenancy__start__lte=period.end,
    )
    if period.district is not None:
        found = found.filter(vacancy__district=period.district)
    return found


def vacancies_offered(period) -> int:
    """Vacancies recorded in the period."""
    return _vacancies(period).count()


def proposals_made(period) -> int:
    """Households proposed for a vacancy in the period (each proposal counts once)."""
    return _proposals(period).count()


def placements(period) -> int:
    """Tenancies created from a proposal, with the lease starting in the period."""
    return _placements(period).count()


def certified_placements(period) -> int:
    """Placements (as above) of households with a member whose certificate was in force
    on the day the lease started (certificates' ``currently_valid`` rule on that day)."""
    from certificates.models import Certificate

    start = OuterRef("tenancy__start")
    valid = Certificate.objects.currently_valid(start).filter(
        participant__household=OuterRef("household"), issued_on__lte=start
    )
    return _placements(period).filter(Exists(valid)).count()


def median_days_to_tenancy(period):
    """Median days from the vacancy's "available from" to the signed tenancy's start, over
    the period's placements (None without placements)."""
    days = [
        (row["tenancy__start"] - row["vacancy__available_from"]).days
        for row in _placements(period).values("tenancy__start", "vacancy__available_from")
    ]
    return statistics.median(days) if days else None


def acceptance_rate(period):
    """Share (per cent) of the period's decided proposals (accepted, let or declined) that
    were accepted or let; None when none was decided."""
    decided = _proposals(period).filter(
        status__in=[ProposalStatus.ACCEPTED, ProposalStatus.LET, ProposalStatus.DECLINED]
    )
    # One query whatever the data (the report's query count must not grow with it).
    counts = decided.aggregate(
        whole=Count("pk"), part=Count("pk", filter=~Q(status=ProposalStatus.DECLINED))
    )
    if not counts["whole"]:
        return None
    return round(100 * counts["part"] / counts["whole"], 1)


def open_vacancies() -> int:
    return Vacancy.objects.filter(status__in=[VacancyStatus.OPEN, VacancyStatus.PROPOSED]).count()
