"""Five years of placement (``manage.py generate_volume``; see core/generation.py):
about 200 vacancies of the cooperating landlords' flats (most of them let or withdrawn
long ago, a few open now), 400 households with a flat search (a third still
searching) and 600 proposals with their steps.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from core.generation import BATCH
from housing.models import District, Flat
from placement.models import (
    DeclinedBy,
    DeclineReason,
    FlatSearch,
    Proposal,
    ProposalStatus,
    ProposalStep,
    Vacancy,
    VacancyStatus,
)


def generate(volume):
    flats = list(Flat.objects.filter(pk__in=volume.made.get("housing.Flat", [])))
    households = list(volume.made.get("housing.Household", []))
    districts = list(District.objects.values_list("pk", flat=True))
    if not flats or not households or not districts:
        return
    coordinator = get_user_model().objects.filter(username="coordinator").first()
    vacancies = _vacancies(volume, flats, districts, coordinator)
    searches = _searches(volume, households)
    _proposals(volume, vacancies, searches, coordinator)


def _vacancies(volume, flats, districts, coordinator):
    rng = volume.rng
    rows = []
    for flat in rng.sample(flats, k=min(len(flats), volume.count(200))):
        available = volume.day()
        recent = (volume.today - available).days < 60
        status = (
            rng.choice([VacancyStatus.OPEN, VacancyStatus.PROPOSED])
            if recent
            else rng.choices([VacancyStatus.LET, VacancyStatus.WITHDRAWN], weights=[4, 1])[0]
        )
        rooms = flat.rooms or Decimal(rng.choice([2, 3, 4]))
        rows.append(
            Vacancy(
                flat=flat,
                district_id=rng.choice(districts),
                available_from=available,
                rooms=rooms,
                living_space=Decimal(20 * rooms + rng.randint(0, 15)),
                cold_rent=Decimal(120 * rooms + rng.randint(0, 80)),
                service_charges=Decimal(50 * rooms),
                floor=rng.randint(0, 4),
                lift=rng.random() < 0.3,
                pets_allowed=rng.random() < 0.4,
                max_persons=rng.choice([None, 4, 6]),
                landlord_wishes="Zuverlässige Mietzahlung (erfunden).",
                status=status,
                let_on=available if status == VacancyStatus.LET else None,
                withdrawn_reason="Eigenbedarf" if status == VacancyStatus.WITHDRAWN else "",
                created_by=coordinator,
            )
        )
    vacancies = Vacancy.objects.bulk_create(rows, batch_size=BATCH)
    volume.done("placement.Vacancy", vacancies)
    return vacancies


def _searches(volume, households):
    rng = volume.rng
    rows = []
    for household in rng.sample(households, k=min(len(households), volume.count(400))):
        since = volume.day()
        active = rng.random() < 0.35
        rows.append(
            FlatSearch(
                household_id=household,
                searching_since=since,
                rooms_needed=Decimal(rng.choice([2, 3, 3, 4])),
                earliest_move_in=since + dt.timedelta(days=rng.randint(0, 90)),
                needs_ground_floor=rng.random() < 0.1,
                has_pets=rng.random() < 0.15,
                ended_on=None if active else min(volume.today, since + dt.timedelta(days=300)),
            )
        )
    searches = FlatSearch.objects.bulk_create(rows, batch_size=BATCH)
    volume.done("placement.FlatSearch", searches)
    return searches


def _proposals(volume, vacancies, searches, coordinator):
    rng = volume.rng
    pairs = set()
    for _ in range(volume.count(600)):
        pairs.add((rng.choice(vacancies), rng.choice(searches)))
    rows, step_plans = [], []
    for vacancy, search in pairs:
        proposed = max(search.searching_since, vacancy.available_from - dt.timedelta(days=30))
        proposed = min(proposed, volume.today)
        open_now = vacancy.status in (VacancyStatus.OPEN, VacancyStatus.PROPOSED)
        status = (
            rng.choice([ProposalStatus.PROPOSED, ProposalStatus.SENT])
            if open_now
            else ProposalStatus.DECLINED
        )
        declined = status == ProposalStatus.DECLINED
        rows.append(
            Proposal(
                vacancy=vacancy,
                household_id=search.household_id,
                status=status,
                why="Passt nach Zimmern und Miete (erfunden).",
                declined_by=rng.choice(DeclinedBy.values) if declined else "",
                decline_reason=rng.choice(DeclineReason.values) if declined else "",
                proposed_by=coordinator,
                proposed_on=proposed,
            )
        )
        steps = [ProposalStatus.PROPOSED, ProposalStatus.SENT]
        if declined:
            steps.append(ProposalStatus.DECLINED)
        elif status == ProposalStatus.PROPOSED:
            steps = steps[:1]
        step_plans.append((proposed, steps))
    proposals = Proposal.objects.bulk_create(rows, batch_size=BATCH)
    steps = [
        ProposalStep(
            proposal=proposal,
            status=status,
            date=min(volume.today, proposed + dt.timedelta(days=7 * i)),
            by=coordinator,
        )
        for proposal, (proposed, plan) in zip(proposals, step_plans, strict=True)
        for i, status in enumerate(plan)
    ]
    ProposalStep.objects.bulk_create(steps, batch_size=BATCH)
    volume.done("placement.Proposal", proposals)
    volume.done("placement.ProposalStep", steps)
