"""Invented demo households and participants.

Names are typical of the programme's communities but belong to no real person;
phone numbers are from the range the Bundesnetzagentur keeps free for fiction
(+49 30 23125 xxx).
"""

import datetime as dt

from django.contrib.auth import get_user_model

from core.languages import Language as L
from housing.models import Consent, ConsentPurpose, District, Household, Participant

DISTRICTS = ["Altenhagen", "Wehringhausen", "Mitte"]

# (household name, street, postcode, district, companion, members)
# member: (given names, family name, Latin spelling or "", birth date, languages, preferred)
HOUSEHOLDS = [
    (
        "Familie Popescu",
        "Lindenstraße 14",
        "58089",
        "Altenhagen",
        "companion",
        [
            ("Andrei", "Popescu", "", "1984-03-12", [L.ROMANIAN, L.ROMANI], L.ROMANIAN),
            ("Elena", "Popescu", "", "1987-07-02", [L.ROMANIAN], L.ROMANIAN),
            ("Ștefan", "Popescu", "", "2006-11-23", [L.ROMANIAN, L.GERMAN], L.ROMANIAN),
            ("Ioana", "Popescu", "", "2008-01-30", [L.ROMANIAN, L.GERMAN], L.GERMAN),
        ],
    ),
    (
        "Familie Dumitrescu",
        "Alexanderstraße 3",
        "58089",
        "Altenhagen",
        "companion",
        [
            ("Mihai", "Dumitrescu", "", "1979-05-18", [L.ROMANIAN], L.ROMANIAN),
            ("Cristina", "Dumitrescu", "", "1981-09-09", [L.ROMANIAN, L.ENGLISH], L.ROMANIAN),
            ("Ana-Maria", "Dumitrescu", "", "2005-04-14", [L.ROMANIAN, L.GERMAN], L.ROMANIAN),
        ],
    ),
    (
        "Familie Lungu",
        "Boeler Straße 120",
        "58097",
        "Altenhagen",
        "companion",
        [
            ("Gheorghe", "Lungu", "", "1972-12-01", [L.ROMANIAN, L.ROMANI], L.ROMANI),
            ("Florentina", "Lungu", "", "1975-02-25", [L.ROMANIAN, L.ROMANI], L.ROMANIAN),
        ],
    ),
    (
        "Familie Rădulescu",
        "Wehringhauser Straße 41",
        "58089",
        "Wehringhausen",
        "companion",
        [
            ("Costel", "Rădulescu", "", "1990-06-06", [L.ROMANIAN], L.ROMANIAN),
            ("Mirela", "Rădulescu", "", "1992-10-17", [L.ROMANIAN], L.ROMANIAN),
            ("Denisa", "Rădulescu", "", "2007-08-08", [L.ROMANIAN, L.GERMAN], L.ROMANIAN),
        ],
    ),
    (
        "Familie Ivanov",
        "Lange Straße 77",
        "58089",
        "Wehringhausen",
        "companion",
        [
            ("Иван", "Иванов", "Ivan Ivanov", "1983-04-04", [L.BULGARIAN, L.TURKISH], L.BULGARIAN),
            ("Мария", "Иванова", "Maria Ivanova", "1986-12-19", [L.BULGARIAN], L.BULGARIAN),
            (
                "Георги",
                "Иванов",
                "Georgi Ivanov",
                "2006-02-11",
                [L.BULGARIAN, L.GERMAN],
                L.BULGARIAN,
            ),
        ],
    ),
    (
        "Familie Petrov",
        "Buscheystraße 9",
        "58089",
        "Wehringhausen",
        "companion",
        [
            ("Петър", "Петров", "Petar Petrov", "1977-07-21", [L.BULGARIAN], L.BULGARIAN),
            ("Йорданка", "Петрова", "Yordanka Petrova", "1979-03-03", [L.BULGARIAN], L.BULGARIAN),
        ],
    ),
    (
        "Familie Dimitrov",
        "Eugen-Richter-Straße 22",
        "58089",
        "Wehringhausen",
        "companion",
        [
            ("Stojan", "Dimitrov", "", "1988-09-30", [L.BULGARIAN, L.TURKISH], L.BULGARIAN),
            ("Radka", "Dimitrova", "", "1991-01-15", [L.BULGARIAN], L.BULGARIAN),
            ("Nikolaj", "Dimitrov", "", "2008-05-05", [L.BULGARIAN, L.GERMAN], L.GERMAN),
        ],
    ),
    (
        "Familie Asenov",
        "Pelmkestraße 5",
        "58089",
        "Wehringhausen",
        "companion",
        [
            ("Sevdalina", "Asenova", "", "1995-11-11", [L.BULGARIAN], L.BULGARIAN),
            ("Emil", "Asenov", "", "1993-06-28", [L.BULGARIAN, L.ENGLISH], L.BULGARIAN),
        ],
    ),
    (
        "Familie Al-Hassan",
        "Körnerstraße 60",
        "58095",
        "Mitte",
        "companion2",
        [
            ("أحمد", "الحسن", "Ahmad Al-Hassan", "1980-01-20", [L.ARABIC, L.KURDISH], L.ARABIC),
            ("فاطمة", "الحسن", "Fatima Al-Hassan", "1985-05-10", [L.ARABIC], L.ARABIC),
            ("يوسف", "الحسن", "Yusuf Al-Hassan", "2007-09-01", [L.ARABIC, L.GERMAN], L.ARABIC),
        ],
    ),
    (
        "Familie Al-Khatib",
        "Elberfelder Straße 33",
        "58095",
        "Mitte",
        "companion2",
        [
            ("محمد", "الخطيب", "Mohammad Al-Khatib", "1976-08-14", [L.ARABIC], L.ARABIC),
            ("ليلى", "الخطيب", "Layla Al-Khatib", "1982-02-02", [L.ARABIC, L.ENGLISH], L.ARABIC),
            ("سارة", "الخطيب", "Sara Al-Khatib", "2006-12-24", [L.ARABIC, L.GERMAN], L.GERMAN),
        ],
    ),
    (
        "Familie Yılmaz",
        "Bergischer Ring 18",
        "58095",
        "Mitte",
        "companion2",
        [
            ("Mehmet", "Yılmaz", "", "1978-10-10", [L.TURKISH, L.KURDISH], L.TURKISH),
            ("Ayşe", "Yılmaz", "", "1983-03-27", [L.TURKISH], L.TURKISH),
            ("Emre", "Yılmaz", "", "2005-07-19", [L.TURKISH, L.GERMAN], L.TURKISH),
        ],
    ),
    (
        "Familie Demir",
        "Hohenzollernstraße 8",
        "58095",
        "Mitte",
        "companion2",
        [
            ("Hüseyin", "Demir", "", "1969-04-01", [L.TURKISH], L.TURKISH),
            ("Zeynep", "Demir", "", "1971-11-30", [L.TURKISH], L.TURKISH),
        ],
    ),
    (
        "Familie Kovalenko",
        "Altenhagener Straße 51",
        "58097",
        "Altenhagen",
        "companion2",
        [
            (
                "Олена",
                "Коваленко",
                "Olena Kovalenko",
                "1986-06-16",
                [L.UKRAINIAN, L.RUSSIAN],
                L.UKRAINIAN,
            ),
            ("Андрій", "Коваленко", "Andrii Kovalenko", "1984-02-09", [L.UKRAINIAN], L.UKRAINIAN),
            (
                "Софія",
                "Коваленко",
                "Sofiia Kovalenko",
                "2008-10-03",
                [L.UKRAINIAN, L.GERMAN],
                L.UKRAINIAN,
            ),
        ],
    ),
    (
        "Familie Shevchuk",
        "Franklinstraße 2",
        "58095",
        "Mitte",
        "companion2",
        [
            ("Тарас", "Шевчук", "Taras Shevchuk", "1990-12-12", [L.UKRAINIAN], L.UKRAINIAN),
            (
                "Наталія",
                "Шевчук",
                "Nataliia Shevchuk",
                "1992-08-22",
                [L.UKRAINIAN, L.ENGLISH],
                L.UKRAINIAN,
            ),
        ],
    ),
    (
        "Familie Stoica",
        "Minervastraße 26",
        "58089",
        "Wehringhausen",
        "companion",
        [
            ("Nicoleta", "Stoica", "", "1989-02-14", [L.ROMANIAN], L.ROMANIAN),
            ("Marian", "Stoica", "", "1987-05-31", [L.ROMANIAN, L.ROMANI], L.ROMANIAN),
            ("Alexandru", "Stoica", "", "2007-03-09", [L.ROMANIAN, L.GERMAN], L.ROMANIAN),
        ],
    ),
]

CITY = "Hagen"
ENTRY_DATE = dt.date(2026, 2, 2)


def _phone(index: int) -> str:
    return f"+49 30 23125 {index:03d}"


def _seed_people(stdout) -> None:
    User = get_user_model()
    districts = {name: District.objects.get_or_create(name=name)[0] for name in DISTRICTS}
    companions = {
        u.username: u for u in User.objects.filter(username__in=["companion", "companion2"])
    }
    people = 0
    for index, (name, street, postcode, district, companion, members) in enumerate(HOUSEHOLDS):
        household, _ = Household.objects.get_or_create(
            name=name,
            defaults={
                "street": street,
                "postcode": postcode,
                "city": CITY,
                "district": districts[district],
            },
        )
        if companion in companions:
            household.companions.add(companions[companion])
        for member_index, (given, family, latin, born, languages, preferred) in enumerate(members):
            adult = dt.date.fromisoformat(born).year < 2008
            participant, created = Participant.objects.get_or_create(
                given_names=given,
                family_name=family,
                date_of_birth=dt.date.fromisoformat(born),
                defaults={
                    "name_latin": latin,
                    "household": household,
                    "languages": [str(code) for code in languages],
                    "preferred_language": str(preferred),
                    "phone": _phone(index * 10 + member_index) if adult else "",
                    "entry_date": ENTRY_DATE + dt.timedelta(days=7 * (index % 4)),
                },
            )
            if created:
                Consent.objects.create(
                    participant=participant,
                    purpose=ConsentPurpose.PROGRAMME,
                    date=participant.entry_date,
                )
                Consent.objects.create(
                    participant=participant,
                    purpose=ConsentPurpose.MONITORING,
                    date=participant.entry_date,
                )
            people += 1
    stdout.write(f"Households: {len(HOUSEHOLDS)}, participants: {people}")


def seed(stdout) -> None:
    """Households and participants, then landlords, agreements, tenancies, visits."""
    _seed_people(stdout)
    from housing import demo_landlords

    demo_landlords.seed(stdout)
