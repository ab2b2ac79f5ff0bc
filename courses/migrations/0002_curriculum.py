"""The Mietführerschein curriculum: nine modules in teaching order."""

from django.db import migrations

MODULES = [
    ("mietvertrag", "Mietvertrag",
     "Was im Mietvertrag steht: Miete, Kaution, Kündigung, Rechte und Pflichten beider Seiten."),
    ("miete-nebenkosten", "Miete und Nebenkosten",
     "Kaltmiete, Nebenkosten, Vorauszahlung und Nebenkostenabrechnung verstehen."),
    ("heizen-lueften", "Heizen und Lüften",
     "Richtig heizen und lüften, Feuchtigkeit und Schimmel vermeiden."),
    ("muelltrennung", "Mülltrennung",
     "Welcher Abfall in welche Tonne gehört, Sperrmüll und Abholtermine."),
    ("hausordnung-ruhezeiten", "Hausordnung und Ruhezeiten",
     "Die Hausordnung, Ruhezeiten, Treppenhaus und gutes Zusammenleben mit Nachbarn."),
    ("strom-energie", "Strom und Energie sparen",
     "Stromvertrag, Zählerstand, Abschläge und wie man im Alltag Energie spart."),
    ("geld-konto", "Geld und Konto",
     "Haushaltsbudget, Girokonto, Daueraufträge für die Miete, Schulden vermeiden."),
    ("rechte-pflichten", "Rechte und Pflichten",
     "Was Mieterinnen und Mieter dürfen und müssen, Mängel melden, Hilfe bei Streit."),
    ("post-behoerden", "Post und Behörden",
     "Briefe von Vermietern und Ämtern verstehen, Fristen einhalten, Hilfe finden."),
]


def add_modules(apps, schema_editor):
    CurriculumModule = apps.get_model("courses", "CurriculumModule")
    for order, (code, title, description) in enumerate(MODULES, start=1):
        CurriculumModule.objects.update_or_create(
            code=code, defaults={"title": title, "description": description, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [migrations.RunPython(add_modules, migrations.RunPython.noop)]
