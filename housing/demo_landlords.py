"""Invented landlords, agreements, tenancies, visits and concerns for the demo.

Idempotent: landlords, flats, agreements and tenancies are found by natural keys;
visits and concerns are only made for a household that has none yet. All names
are invented; phone numbers are from +49 30 23125 xxx.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from courses.models import CurriculumModule
from housing import services
from housing.models import (
    AgreementStatus,
    CooperationAgreement,
    Flat,
    HomeVisit,
    Household,
    Landlord,
    LandlordConcern,
    LandlordContact,
    Tenancy,
)

# (name, kind, street, postcode, phone index, contacts [(name, function)])
LANDLORDS = [
    (
        "Hagener Wohnungsgenossenschaft Volmetal eG",
        "association",
        "Volmestraße 40",
        "58095",
        700,
        [("Sabine Ackermann", "Vermietungsbüro"), ("Dirk Brandes", "Hausmeister")],
    ),
    (
        "Altenhagener Bauverein eG",
        "association",
        "Friedensstraße 12",
        "58097",
        710,
        [("Petra Lindner", "Sozialmanagement")],
    ),
    (
        "Ruhrblick Immobilien GmbH",
        "company",
        "Bahnhofstraße 5",
        "58095",
        720,
        [("Jens Kortmann", "Objektbetreuung")],
    ),
    (
        "Wohnbau Wehringhausen GmbH",
        "company",
        "Lange Straße 2",
        "58089",
        730,
        [("Melanie Vogt", "Vermietung"), ("Uwe Sander", "Hausmeister")],
    ),
    ("Gerda Hollmann", "private", "Am Stadtgarten 7", "58095", 740, []),
    ("Klaus-Peter Riedel", "private", "Eppenhauser Straße 88", "58093", 750, []),
    (
        "Mitte Wohnen Verwaltung GmbH & Co. KG",
        "company",
        "Elberfelder Straße 60",
        "58095",
        760,
        [("Anja Wiegand", "Kundenservice")],
    ),
    (
        "Familie Köster GbR",
        "private",
        "Buscheystraße 30",
        "58089",
        770,
        [("Heinz Köster", "Eigentümer")],
    ),
    (
        "Lenne-Volme Wohnen AG",
        "company",
        "Körnerstraße 1",
        "58095",
        780,
        [("Tobias Engel", "Vermietungsbüro")],
    ),
    ("Inge Baumgart", "private", "Boeler Straße 3", "58097", 790, []),
]
ACTIVE_AGREEMENTS = 6
# Days from today until these agreements end; two fall into the 60-day reminder.
AGREEMENT_ENDS = [25, 50, 200, 300, 400, 500]

VISIT_NOTES = [
    (
        "Wohnung ordentlich. Heizkörper waren zugestellt, Stoßlüften gezeigt.",
        "Morgens und abends fünf Minuten lüften.",
    ),
    ("Post vom Jobcenter gemeinsam gelesen, Termin notiert.", "Unterlagen zum Termin mitnehmen."),
    (
        "Mülltrennung in der Küche eingerichtet, gelbe Säcke besorgt.",
        "Trennplan an den Kühlschrank hängen.",
    ),
    (
        "Nebenkostenabrechnung besprochen, Nachzahlung in Raten möglich.",
        "Ratenzahlung beim Vermieter anfragen.",
    ),
    ("Ruhezeiten der Hausordnung erklärt, Nachbarin kam kurz dazu.", ""),
    ("Stromzähler abgelesen, Abschlag geprüft.", "Standby-Geräte abends ausschalten."),
]
CONCERNS = [
    ("Familie Lungu", "waste", "Sperrmüll steht seit zwei Wochen im Hof."),
    ("Familie Al-Khatib", "mould", "Schimmel im Schlafzimmer gemeldet, bitte Lüften besprechen."),
    ("Familie Dimitrov", "noise", "Beschwerden über Lärm nach 22 Uhr."),
    ("Familie Yılmaz", "rent_arrears", "Miete für den Vormonat ist nicht eingegangen."),
]


def _phone(index: int) -> str:
    return f"+49 30 23125 {index:03d}"


def agreement_pdf(landlord: Landlord, signed_on: dt.date) -> bytes:
    """A one-page stand-in for a signed agreement, rendered with WeasyPrint."""
    import logging

    from django.utils.html import escape
    from weasyprint import HTML

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

    html = f"""<html lang="de"><body style="font-family: sans-serif">
      <h1>Kooperationsvereinbarung „Wohnen“</h1>
      <p>zwischen dem Quartiersmanagement (Demo-Stadt) und {escape(landlord.name)}</p>
      <p>Fassung 2026-01 · unterschrieben am {signed_on:%d.%m.%Y}</p>
      <p><em>Demo-Dokument mit erfundenen Angaben.</em></p></body></html>"""
    return HTML(string=html).write_pdf()


def seed(stdout) -> None:
    User = get_user_model()
    today = timezone.localdate()
    coordinator = User.objects.filter(username="coordinator").first()
    companions = {u.username: u for u in User.objects.filter(username__startswith="companion")}

    landlords = []
    for name, kind, street, postcode, phone, contacts in LANDLORDS:
        landlord, created = Landlord.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "street": street,
                "postcode": postcode,
                "city": "Hagen",
                "phone": _phone(phone),
            },
        )
        if created:
            for offset, (person, function) in enumerate(contacts, start=1):
                LandlordContact.objects.create(
                    landlord=landlord, name=person, function=function, phone=_phone(phone + offset)
                )
        landlords.append(landlord)

    agreements = 0
    if coordinator:
        for landlord, ends_in in zip(landlords[:ACTIVE_AGREEMENTS], AGREEMENT_ENDS, strict=True):
            signed_on = today - dt.timedelta(days=400 - ends_in // 2)
            agreement, created = CooperationAgreement.objects.get_or_create(
                landlord=landlord,
                text_version="2026-01",
                defaults={
                    "signed_on": signed_on,
                    "valid_from": signed_on,
                    "valid_until": today + dt.timedelta(days=ends_in),
                    "status": AgreementStatus.ACTIVE,
                    "programme_contact": coordinator,
                },
            )
            if created:
                agreement.document.save(
                    f"landlord-{landlord.pk}.pdf", ContentFile(agreement_pdf(landlord, signed_on))
                )
            agreements += 1

    # Every demo household rents its flat from one of the landlords.
    households = list(Household.objects.filter(name__startswith="Familie").order_by("pk"))
    for index, household in enumerate(households):
        landlord = landlords[index % len(landlords)]
        flat, _ = Flat.objects.get_or_create(
            landlord=landlord,
            street=household.street,
            defaults={"postcode": household.postcode, "city": household.city, "position": "EG"},
        )
        if not Tenancy.objects.filter(household=household).exists():
            start = today - dt.timedelta(days=200 + 15 * index)
            services.start_tenancy(
                household=household,
                flat=flat,
                start=start,
                move_in=start + dt.timedelta(days=3),
                through_programme=index % 3 != 2,
            )

    modules = list(CurriculumModule.objects.all())
    visits = 0
    for index, household in enumerate(households):
        team = [c for c in household.companions.all() if c.username in companions]
        if not team or HomeVisit.objects.filter(household=household).exists():
            continue
        member = household.members.order_by("pk").first()
        language = member.preferred_language if member else "de"
        # Four visits over the past six months, about six weeks apart.
        for number in range(4):
            date = today - dt.timedelta(days=170 - 42 * number - index % 7)
            observations, agreed = VISIT_NOTES[(index + number) % len(VISIT_NOTES)]
            last = number == 3
            services.log_visit(
                household=household,
                companions=team,
                user=team[0],
                date=date,
                duration_minutes=[45, 60, 30, 90][(index + number) % 4],
                language=language,
                interpreted=language not in ("de",) and (index + number) % 3 == 0,
                present="Eltern" if number % 2 == 0 else "ganze Familie",
                topics=modules[(index + number) % len(modules) :][:2] if modules else [],
                observations=observations,
                agreed_actions=agreed,
                next_visit=today + dt.timedelta(days=7 + index % 14) if last else None,
            )
            visits += 1

    concerns = 0
    for name, kind, description in CONCERNS:
        tenancy = Tenancy.objects.filter(household__name=name).first()
        if tenancy is None:
            continue
        if not LandlordConcern.objects.filter(tenancy=tenancy).exists():
            services.record_concern(
                tenancy=tenancy,
                kind=kind,
                description=description,
                reported_on=today - dt.timedelta(days=12 + concerns * 3),
                # Used only where nobody in the family has agreed to landlord contact yet.
                contact_reason=(
                    "Die Vermieterin hat sich selbst gemeldet; die Einwilligung wird beim "
                    "nächsten Hausbesuch eingeholt."
                ),
            )
        concerns += 1

    stdout.write(
        f"Landlords: {len(landlords)}, active agreements: {agreements}, "
        f"tenancies: {Tenancy.objects.count()}, visits: {HomeVisit.objects.count()} "
        f"({visits} new), open concerns: {concerns}"
    )
