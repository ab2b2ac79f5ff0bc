"""Five years of households, participants, landlords, tenancies and home visits
(``manage.py generate_volume``; see core/generation.py)."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.generation import BATCH, GROUP_LANGUAGE, transliterate
from core.roles import Role
from courses.models import CurriculumModule
from housing.models import (
    AgreementStatus,
    ConcernKind,
    ConcernStatus,
    Consent,
    ConsentPurpose,
    CooperationAgreement,
    District,
    Flat,
    FollowUp,
    FollowUpStatus,
    HomeVisit,
    Household,
    Landlord,
    LandlordConcern,
    LandlordKind,
    Participant,
    Tenancy,
    TenancyOutcome,
    VisitOutcome,
)

STREETS = [
    "Lindenstraße", "Boeler Straße", "Wehringhauser Straße", "Eugen-Richter-Straße",
    "Alexanderstraße", "Lange Straße", "Bergstraße", "Augustastraße", "Minervastraße",
]  # fmt: skip
DISTRICT_POSTCODES = {"Altenhagen": "58097", "Wehringhausen": "58089", "Mitte": "58095"}
COMPANIONS = 12  # the demo's two plus ten more, so caseloads are realistic (about 60 each)


def generate(volume):
    rng = volume.rng
    districts = list(District.objects.all())
    companions = _companions(volume)
    # The demo companion gets a caseload of 60 households: the benchmark's figure.
    households = _households(volume, districts, companions)
    people = _participants(volume, households)
    _consents(volume, people)
    landlords, flats = _landlords(volume)
    tenancies = _tenancies(volume, households, landlords, flats)
    topics = list(CurriculumModule.objects.values_list("pk", flat=True))
    _visits(volume, households, companions, topics, rng)
    _concerns(volume, tenancies)


def _companions(volume):
    User = get_user_model()
    group = Group.objects.get(name=Role.COMPANION)
    for i in range(COMPANIONS - 2):
        first, last, _latin = volume.name(volume.group())
        user, created = User.objects.get_or_create(
            username=f"volume-companion-{i}",
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"volume-companion-{i}@example.org",
            },
        )
        if created:
            user.set_unusable_password()
            user.save()
        group.user_set.add(user)
    # "companion" (the demo's) sorts first: it gets the 60-household caseload.
    return list(User.objects.filter(groups=group).order_by("username"))


def _households(volume, districts, companions):
    rng = volume.rng
    n = volume.count(2500)
    rows = []
    for _ in range(n):
        group = volume.group()
        _first, family, _latin = volume.name(group)
        district = rng.choice(districts)
        rows.append(
            Household(
                name=f"Familie {family}",
                street=f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
                postcode=DISTRICT_POSTCODES.get(district.name, "58089"),
                city="Hagen",
                district=district,
                notes=group,  # the name group, read below; cleared once members exist
            )
        )
    households = Household.objects.bulk_create(rows, batch_size=BATCH)
    # Caseloads: the demo companion ("companion", first by name) about 60, the rest shared.
    Through = Household.companions.through
    links = []
    for i, household in enumerate(households):
        companion = companions[0] if i < 60 else companions[1 + i % (len(companions) - 1)]
        links.append(Through(household_id=household.pk, user_id=companion.pk))
    Through.objects.bulk_create(links, batch_size=BATCH)
    volume.done("housing.Household", households)
    return households


def _participants(volume, households):
    rng = volume.rng
    target = volume.count(6000)
    rows = []
    for index, household in enumerate(households):
        group = household.notes
        remaining = len(households) - index
        size = max(1, min(6, round((target - len(rows)) / remaining) + rng.randint(-1, 1)))
        family = household.name.removeprefix("Familie ")
        for _ in range(size):
            first, _last, spelled = volume.name(group)
            if spelled:  # Latin spelling of the whole name, so staff can search by typing
                spelled = f"{transliterate(first)} {transliterate(family)}"
            entry = volume.day(end=volume.today - dt.timedelta(days=30))
            born = entry - dt.timedelta(days=rng.randint(16 * 365, 65 * 365))
            language = GROUP_LANGUAGE[group]
            left = rng.random() < 0.55 and (volume.today - entry).days > 200
            rows.append(
                Participant(
                    given_names=first,
                    family_name=family,
                    name_latin=spelled,
                    date_of_birth=born,
                    household=household,
                    languages=sorted({language, "de"}) if rng.random() < 0.3 else [language],
                    preferred_language=language,
                    entry_date=entry,
                    exit_date=entry + dt.timedelta(days=rng.randint(120, 400)) if left else None,
                )
            )
    for row in rows:
        if row.exit_date and row.exit_date > volume.today:
            row.exit_date = None
    people = Participant.objects.bulk_create(rows, batch_size=BATCH)
    Household.objects.filter(pk__in=[h.pk for h in households]).update(notes="")
    volume.done("housing.Participant", people)
    return people


def _consents(volume, people):
    rows = [
        Consent(participant=person, purpose=purpose, status="given", date=person.entry_date)
        for person in people
        for purpose in (ConsentPurpose.PROGRAMME, ConsentPurpose.MONITORING)
    ]
    volume.done("housing.Consent", Consent.objects.bulk_create(rows, batch_size=BATCH))


def _landlords(volume):
    rng = volume.rng
    kinds = [LandlordKind.values[i % len(LandlordKind.values)] for i in range(8)]
    landlords = Landlord.objects.bulk_create(
        [
            Landlord(
                name=(
                    f"Wohnungsgesellschaft {rng.choice(STREETS).split('straße')[0]} {i}"
                    if i % 3
                    else f"{volume.name('de')[0]} {volume.name(volume.group())[1]}"
                ),
                kind=rng.choice(kinds),
                street=f"{rng.choice(STREETS)} {rng.randint(1, 99)}",
                postcode="58095",
                city="Hagen",
            )
            for i in range(volume.count(200))
        ],
        batch_size=BATCH,
    )
    flats = Flat.objects.bulk_create(
        [
            Flat(
                landlord=landlord,
                street=f"{rng.choice(STREETS)} {rng.randint(1, 180)}",
                postcode=rng.choice(list(DISTRICT_POSTCODES.values())),
                city="Hagen",
                position=rng.choice(["EG links", "1. OG rechts", "2. OG", "DG"]),
                rooms=Decimal(rng.choice(["2.0", "2.5", "3.0", "4.0"])),
                available=rng.random() < 0.3,
            )
            for landlord in landlords
            for _ in range(3)
        ][: volume.count(600)],
        batch_size=BATCH,
    )
    contact = get_user_model().objects.get(username="coordinator")
    agreements = []
    for landlord in landlords:
        signed = volume.day()
        active = rng.random() < 0.8
        agreements.append(
            CooperationAgreement(
                landlord=landlord,
                text_version="2026-01",
                programme_contact=contact,
                signed_on=signed,
                valid_from=signed,
                status=AgreementStatus.ACTIVE if active else AgreementStatus.ENDED,
                end_reason="" if active else "Bestand verkauft",
                valid_until=None if active else min(volume.today, signed + dt.timedelta(days=700)),
            )
        )
    CooperationAgreement.objects.bulk_create(agreements, batch_size=BATCH)
    volume.done("housing.Landlord", landlords)
    volume.done("housing.Flat", flats)
    return landlords, flats


def _tenancies(volume, households, landlords, flats):
    rng = volume.rng
    rows = []
    for i in range(min(volume.count(1500), len(households))):
        flat = flats[i % len(flats)]
        start = volume.day()
        ended = rng.random() < 0.25 and (volume.today - start).days > 90
        end = start + dt.timedelta(days=rng.randint(90, 900)) if ended else None
        if end and end > volume.today:
            end = None
        rows.append(
            Tenancy(
                household=households[(i * 7) % len(households)],
                landlord_id=flat.landlord_id,
                flat=flat,
                start=start,
                move_in=start,
                end=end,
                outcome=rng.choice(TenancyOutcome.values) if end else "",
                through_programme=rng.random() < 0.7,
            )
        )
    tenancies = Tenancy.objects.bulk_create(rows, batch_size=BATCH)
    volume.done("housing.Tenancy", tenancies)
    return tenancies


def _visits(volume, households, companions, topics, rng):
    n = volume.count(40000)
    # Visits cluster on a few households (the busiest has hundreds), as in the field.
    weights = [1.0 / (1 + i) ** 0.6 for i in range(len(households))]
    chosen = rng.choices(households, weights=weights, k=n)
    Companion = Household.companions.through
    assigned = dict(
        Companion.objects.filter(household_id__in=[h.pk for h in households]).values_list(
            "household_id", "user_id"
        )
    )
    rows = [
        HomeVisit(
            household=household,
            date=volume.day(),
            duration_minutes=rng.choice([30, 45, 60, 90]),
            language=rng.choice(["de", "ro", "bg", "ar"]),
            interpreted=rng.random() < 0.2,
            present=rng.choice(["beide Eltern", "Mutter", "ganze Familie", ""]),
            observations=rng.choice(
                [
                    "Lüften besprochen, Fenster gekippt.",
                    "Mülltrennung geübt.",
                    "Nebenkostenabrechnung erklärt.",
                    "Schimmel im Bad, Vermieter informiert.",
                ]
            ),
            outcome=rng.choices(VisitOutcome.values, weights=[8, 2, 1, 1])[0],
            created_by_id=assigned.get(household.pk),
        )
        for household in chosen
    ]
    visits = HomeVisit.objects.bulk_create(rows, batch_size=BATCH)
    VisitCompanion = HomeVisit.companions.through
    VisitCompanion.objects.bulk_create(
        [
            VisitCompanion(homevisit_id=v.pk, user_id=assigned[v.household_id])
            for v in visits
            if v.household_id in assigned
        ],
        batch_size=BATCH,
    )
    if topics:
        VisitTopic = HomeVisit.topics.through
        VisitTopic.objects.bulk_create(
            [
                VisitTopic(homevisit_id=v.pk, curriculummodule_id=topic)
                for v in visits
                for topic in rng.sample(topics, k=min(2, len(topics)))
            ],
            batch_size=BATCH,
        )
    volume.done("housing.HomeVisit", visits)


def _concerns(volume, tenancies):
    rng = volume.rng
    rows = []
    for _ in range(volume.count(5000)):
        tenancy = rng.choice(tenancies)
        reported = volume.day(start=tenancy.start)
        resolved = rng.random() < 0.7
        resolved_on = min(volume.today, reported + dt.timedelta(days=rng.randint(3, 60)))
        rows.append(
            LandlordConcern(
                tenancy=tenancy,
                kind=rng.choice(ConcernKind.values),
                reported_on=reported,
                description="Beschwerde der Hausverwaltung (erfunden).",
                status=ConcernStatus.RESOLVED if resolved else ConcernStatus.OPEN,
                resolved_on=resolved_on if resolved else None,
            )
        )
    concerns = LandlordConcern.objects.bulk_create(rows, batch_size=BATCH)
    household_of = {t.pk: t.household_id for t in tenancies}
    follow_ups = []
    for concern in concerns:
        done = concern.status == ConcernStatus.RESOLVED
        follow_ups.append(
            FollowUp(
                household_id=household_of[concern.tenancy_id],
                concern=concern,
                title="Mit der Familie über die Beschwerde sprechen",
                due_on=concern.reported_on + dt.timedelta(days=14),
                status=FollowUpStatus.DONE if done else FollowUpStatus.OPEN,
                done_on=concern.resolved_on if done else None,
            )
        )
    FollowUp.objects.bulk_create(follow_ups, batch_size=BATCH)
    volume.done("housing.LandlordConcern", concerns)
    volume.done("housing.FollowUp", follow_ups)
