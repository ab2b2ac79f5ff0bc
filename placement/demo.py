"""Invented placement data for the demo: the KdU table, vacancies of cooperating landlords,
households looking for a (larger) flat, proposals at every step and two placements.

Idempotent: rent limits and flats are found by natural keys, a flat gets a vacancy only
once, a household one flat search, and the proposals are made only when none exist.
Everything goes through ``placement.services``.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from housing.models import (
    AgreementStatus,
    Consent,
    ConsentPurpose,
    District,
    Flat,
    Household,
    Landlord,
)
from placement import services
from placement.models import FlatSearch, Proposal, RentLimit, Vacancy

# Invented figures in the style of a city's KdU table (cold rent + service charges).
RENT_LIMITS = {1: "449", 2: "543", 3: "642", 4: "737", 5: "832", 6: "927"}

# (street, district, available in days, rooms, m², cold rent, service charges, floor, lift,
#  max persons, pets, restrictions, wishes)
VACANCIES = [
    (
        "Kuhlestraße 21",
        "Altenhagen",
        30,
        "3",
        "71",
        "395",
        "170",
        1,
        False,
        None,
        False,
        "",
        "Gern eine Familie mit Kindern, ruhiges Haus.",
    ),
    (
        "Eugen-Richter-Straße 8",
        "Wehringhausen",
        45,
        "4",
        "88",
        "480",
        "210",
        2,
        True,
        6,
        True,
        "",
        "Zuverlässige Mietzahlung, Interesse an der Hausgemeinschaft.",
    ),
    (
        "Pelmkestraße 4",
        "Wehringhausen",
        -40,
        "3",
        "64",
        "360",
        "150",
        0,
        False,
        4,
        False,
        "Nichtraucher",
        "Erdgeschoss mit kleinem Garten, Gartenpflege erwünscht.",
    ),
    (
        "Wehringhauser Straße 55",
        "Wehringhausen",
        -30,
        "2",
        "52",
        "310",
        "130",
        3,
        False,
        3,
        False,
        "",
        "Ideal für ein Paar oder eine kleine Familie.",
    ),
    (
        "Heinitzstraße 17",
        "Altenhagen",
        -35,
        "4",
        "92",
        "520",
        "200",
        1,
        True,
        None,
        False,
        "",
        "Großzügige Wohnung, Familie mit Zertifikat bevorzugt.",
    ),
]


def _ensure_consent(household, given=True):
    person = household.members.order_by("date_of_birth", "pk").first()
    if person is None:
        return
    exists = Consent.objects.filter(participant=person, purpose=ConsentPurpose.LANDLORD_CONTACT)
    if given and not exists.exists():
        Consent.objects.create(
            participant=person,
            purpose=ConsentPurpose.LANDLORD_CONTACT,
            date=timezone.localdate() - dt.timedelta(days=60),
            note="Demo: Einwilligung für das Mieterprofil",
        )


def seed(stdout) -> None:
    today = timezone.localdate()
    users = {user.username: user for user in get_user_model().objects.all()}
    coordinator = users.get("coordinator")
    companion = users.get("companion")
    for size, rent in RENT_LIMITS.items():
        RentLimit.objects.get_or_create(
            household_size=size,
            defaults={"max_rent": Decimal(rent), "note": "Demo-Richtwert (erfunden)"},
        )

    landlords = list(
        Landlord.objects.filter(agreements__status=AgreementStatus.ACTIVE).distinct().order_by("pk")
    )
    if not landlords or coordinator is None:
        stdout.write("Placement: no landlord with an active agreement, nothing made.")
        return
    vacancies = []
    for index, row in enumerate(VACANCIES):
        (
            street,
            district_name,
            days,
            rooms,
            space,
            cold,
            charges,
            floor,
            lift,
            most,
            pets,
            rest,
            wish,
        ) = row
        landlord = landlords[index % len(landlords)]
        flat, _ = Flat.objects.get_or_create(
            landlord=landlord,
            street=street,
            defaults={
                "postcode": "58089",
                "city": "Hagen",
                "position": f"{floor}. OG" if floor else "EG",
            },
        )
        vacancy = Vacancy.objects.filter(flat=flat).order_by("pk").first()
        if vacancy is None:
            district, _ = District.objects.get_or_create(name=district_name)
            vacancy = services.record_vacancy(
                user=coordinator,
                flat=flat,
                district=district,
                available_from=today + dt.timedelta(days=days),
                rooms=Decimal(rooms),
                living_space=Decimal(space),
                cold_rent=Decimal(cold),
                service_charges=Decimal(charges),
                floor=floor,
                lift=lift,
                deposit=Decimal(cold) * 3,
                pets_allowed=pets,
                max_persons=most,
                restrictions=rest,
                landlord_wishes=wish,
                proposal_deadline=today + dt.timedelta(days=max(days, 0) + 14),
            )
        vacancies.append(vacancy)

    households = list(Household.objects.filter(name__startswith="Familie").order_by("pk")[:9])
    for index, household in enumerate(households):
        members = household.members.count()
        FlatSearch.objects.get_or_create(
            household=household,
            defaults={
                "searching_since": today - dt.timedelta(days=120 - 10 * index),
                "rooms_needed": Decimal(max(2, min(members, 4))),
                "earliest_move_in": today + dt.timedelta(days=index % 3 * 10 - 40),
                "needs_ground_floor": index == 6,
                "needs_school_nearby": members > 3,
                "other_needs": "Sucht eine größere Wohnung" if members > 3 else "",
            },
        )
        # The last household has not agreed to landlord contact (the refusal to show).
        _ensure_consent(household, given=index < len(households) - 1)

    if Proposal.objects.exists() or len(households) < 7:
        stdout.write(f"Placement: {len(vacancies)} vacancies, proposals exist already.")
        return
    v_new, v_big, v_ground, v_small, v_large = vacancies

    def propose(vacancy, household, why, **kwargs):
        return services.propose(
            vacancy=vacancy, household=household, user=coordinator, why=why, **kwargs
        )

    propose(v_new, households[0], "Familie mit Zertifikat, sucht im Quartier.")
    sent = propose(v_new, households[1], "Lange auf Wohnungssuche, passt in Größe und Miete.")
    services.send_to_landlord(sent, user=coordinator)
    propose(
        v_big,
        households[2],
        "Möchte in Wehringhausen bleiben, Kinder gehen dort zur Schule.",
        viewing_on=today + dt.timedelta(days=5),
    )
    declined = propose(v_big, households[3], "Passt zur Wohnungsgröße.")
    services.send_to_landlord(declined, user=coordinator)
    services.decline(declined, user=coordinator, by="landlord", reason="schufa")
    accepted = propose(v_large, households[4], "Große Familie, Zertifikat vorhanden.")
    services.record_viewing(accepted, user=coordinator, on=today)
    services.accept(accepted, user=coordinator)
    for vacancy, household, start in (
        (v_ground, households[5], today - dt.timedelta(days=10)),
        (v_small, households[6], today - dt.timedelta(days=3)),
    ):
        proposal = propose(
            vacancy,
            household,
            "Passt gut zum Haus, Begleitung durch Klartext zugesagt.",
            size_exception="Ein Kind zieht bald aus" if vacancy.max_persons else "",
        )
        services.send_to_landlord(proposal, user=coordinator, send_mail=False)
        services.record_viewing(proposal, user=coordinator, on=today)
        services.accept(proposal, user=coordinator)
        helper = household.companions.first() or companion
        services.create_tenancy(proposal, user=coordinator, start=start, companion=helper)
    stdout.write(
        f"Placement: {len(vacancies)} vacancies, {len(households)} searches, "
        f"{Proposal.objects.count()} proposals, 2 placements"
    )
