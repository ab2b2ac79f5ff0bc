"""What the per-app volume generators share: the run's size, a seeded random source,
invented names in every script the programme meets, and what earlier generators made.

``python manage.py generate_volume`` imports ``<app>.volume`` for every installed app
that has one, in INSTALLED_APPS order, and calls its ``generate(volume)``. An app that
is added later (placement, privacy, …) adds its own module; nothing here changes.
"""

import datetime as dt
import random
from dataclasses import dataclass, field

from django.utils import timezone

# Invented names by script/language: (given names, family names, Latin transliteration
# needed?). Romanian and Bulgarian families are the largest groups in the programme.
NAMES = {
    "ro": (
        ["Ioana", "Andrei", "Maria", "Florin", "Elena", "Mihai", "Roxana", "Ionuț", "Gabriela"],
        ["Popescu", "Dumitrescu", "Ionescu", "Stoica", "Rădulescu", "Munteanu", "Lupu", "Ciobanu"],
        False,
    ),
    "bg": (
        ["Иван", "Мария", "Георги", "Елена", "Димитър", "Радка", "Стоян", "Невена"],
        ["Петров", "Иванова", "Георгиев", "Димитрова", "Стоянов", "Колева", "Николов"],
        True,
    ),
    "ar": (
        ["ليلى", "أحمد", "فاطمة", "محمد", "سارة", "خالد", "نور", "يوسف"],
        ["الخطيب", "حداد", "العلي", "النجار", "السيد", "الحلبي", "منصور"],
        True,
    ),
    "uk": (
        ["Олена", "Андрій", "Ірина", "Тарас", "Оксана", "Богдан", "Юлія"],
        ["Шевченко", "Коваленко", "Бондаренко", "Мельник", "Ткаченко", "Кравець"],
        True,
    ),
    "tr": (
        ["Ayşe", "Mehmet", "Elif", "Mustafa", "Zeynep", "Emre", "Gül"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın"],
        False,
    ),
    "fa": (  # Dari speakers from Afghanistan write Persian script
        ["زهرا", "علی", "مریم", "حسین", "فریبا", "احمد"],
        ["احمدی", "رحیمی", "کریمی", "حیدری", "نوری"],
        True,
    ),
    "de": (
        ["Anna", "Jonas", "Lea", "Paul", "Sophie", "Lukas"],
        ["Müller", "Schröder", "Weiß", "Krämer", "Böhm"],
        False,
    ),
}
# How often each group appears among households.
GROUP_WEIGHTS = {"ro": 40, "bg": 25, "ar": 12, "uk": 8, "tr": 6, "fa": 5, "de": 4}
# Languages stored on a participant (core.languages.Language) per name group.
GROUP_LANGUAGE = {
    "ro": "ro",
    "bg": "bg",
    "ar": "ar",
    "uk": "uk",
    "tr": "tr",
    "fa": "prs",
    "de": "de",
}

_LATIN = str.maketrans(
    {
        **dict(
            zip(
                "абвгдежзийклмнопрстуфхцчшщъьюяіїєґ",
                "abvgdezzijklmnoprstufhccss__juiijg",
                strict=True,
            )
        ),
        **dict(
            zip(
                "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯІЇЄҐ",
                "ABVGDEZZIJKLMNOPRSTUFHCCSS__JUIIJG",
                strict=True,
            )
        ),
    }
)


def latin(text: str) -> str:
    """A rough Latin spelling for staff searches (Cyrillic letter by letter; Arabic and
    Persian script get an invented Latin stand-in from the caller)."""
    return text.translate(_LATIN).replace("_", "")


# Latin stand-ins for Arabic-script names, so a search by typing works as with real data.
ARABIC_LATIN = {
    "ليلى": "Laila", "أحمد": "Ahmad", "فاطمة": "Fatima", "محمد": "Mohammad", "سارة": "Sara",
    "خالد": "Khaled", "نور": "Nour", "يوسف": "Youssef", "الخطيب": "Al-Khatib", "حداد": "Haddad",
    "العلي": "Al-Ali", "النجار": "Al-Najjar", "السيد": "Al-Sayed", "الحلبي": "Al-Halabi",
    "منصور": "Mansour", "زهرا": "Zahra", "علی": "Ali", "مریم": "Maryam", "حسین": "Hussein",
    "فریبا": "Fariba", "احمد": "Ahmad", "احمدی": "Ahmadi", "رحیمی": "Rahimi", "کریمی": "Karimi",
    "حیدری": "Heidari", "نوری": "Nouri",
}  # fmt: skip


def transliterate(name: str) -> str:
    return ARABIC_LATIN.get(name) or latin(name)


@dataclass
class Volume:
    """One run of the generator."""

    years: int
    scale: float
    stdout: object
    seed: int = 20260101
    today: dt.date = field(default_factory=timezone.localdate)
    # Primary keys made so far, by "app.Model" label, for the generators that follow.
    made: dict = field(default_factory=dict)

    def __post_init__(self):
        self.rng = random.Random(self.seed)  # noqa: S311 (invented data, not secrets)
        self.start = self.today - dt.timedelta(days=365 * self.years)

    def count(self, five_year_total: int, minimum: int = 1) -> int:
        """How many of a thing to make: the issue's five-year figure, scaled."""
        return max(minimum, round(five_year_total * self.years / 5 * self.scale))

    def day(self, start: dt.date | None = None, end: dt.date | None = None) -> dt.date:
        """A random day between ``start`` (the run's first day) and ``end`` (today)."""
        start = start or self.start
        end = end or self.today
        return start + dt.timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def group(self) -> str:
        return self.rng.choices(list(GROUP_WEIGHTS), weights=list(GROUP_WEIGHTS.values()))[0]

    def name(self, group: str) -> tuple[str, str, str]:
        """(given names, family name, Latin spelling or "") of one invented person."""
        given, family, needs_latin = NAMES[group]
        first, last = self.rng.choice(given), self.rng.choice(family)
        spelled = f"{transliterate(first)} {transliterate(last)}" if needs_latin else ""
        return first, last, spelled

    def done(self, label: str, objects) -> list:
        """Remember what a generator made and say how many."""
        pks = [obj.pk for obj in objects]
        self.made.setdefault(label, []).extend(pks)
        self.stdout.write(f"  {label}: {len(pks)}")
        return pks


BATCH = 1000
