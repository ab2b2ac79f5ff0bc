"""Records of processing activities (GDPR Art. 30): one table, shown to coordinators on
the screen "Verarbeitungsverzeichnis" and copied into the README (a test keeps the two
the same: ``python manage.py records_of_processing`` prints the README's table).

The texts are the document's (German), not UI strings.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Activity:
    name: str
    purpose: str
    data: str
    people: str
    recipients: str
    kept: str
    basis: str


ACTIVITIES = [
    Activity(
        "Teilnehmendenverwaltung",
        "Durchführung des Programms Mietführerschein: Kontakt, Kurse, Begleitung",
        "Namen (auch in lateinischer Schrift), Geburtsdatum, Sprachen, Telefon, Haushalt "
        "und Anschrift, Eintritt/Austritt, Notizen",
        "Teilnehmende und ihre Haushalte",
        "Koordination; Trainer(innen) nur ihrer Kurse; Begleiter(innen) nur ihrer Haushalte",
        "Bis zur Löschung; bei ESF-Plus-Daten bis zum Ende der Aufbewahrungsfrist",
        "Art. 6 Abs. 1 lit. a und e DSGVO (Einwilligung, Aufgabe im öffentlichen Interesse)",
    ),
    Activity(
        "Einwilligungen",
        "Nachweis, wofür die Person eingewilligt oder widerrufen hat",
        "Zweck, Entscheidung, Datum, erfasst von, Notiz, Scan des unterschriebenen Bogens",
        "Teilnehmende",
        "Koordination",
        "Solange die Person im Programm geführt wird; nie überschrieben (nur neue Einträge)",
        "Art. 7 Abs. 1 DSGVO (Nachweispflicht)",
    ),
    Activity(
        "Kurse, Anwesenheit, Prüfungen",
        "Kursdurchführung, Prüfungszulassung, Prüfungsergebnisse",
        "Anmeldung, Anwesenheit je Termin, Punkte und Ergebnis je Prüfungsteil",
        "Teilnehmende",
        "Koordination; Trainer(innen) ihrer Kurse",
        "Wie die Teilnehmendenverwaltung; nach Löschung ohne Personenbezug",
        "Art. 6 Abs. 1 lit. e DSGVO",
    ),
    Activity(
        "Integrationszertifikat Wohnen",
        "Ausstellung und Prüfung der Echtheit durch Vermieter",
        "Name, Geburtsdatum, Kurs, Prüfungsdatum, Nummer, PDF; Zeitpunkt und Ergebnis "
        "jeder Prüfung auf der Verifikationsseite (ohne Adresse)",
        "Teilnehmende; Vermieter als Prüfende (ohne Daten über sie)",
        "Koordination, Trainer(innen); Vermieter sehen auf der Prüfseite nur Name, "
        "Geburtsdatum und Gültigkeit",
        "Zertifikat bis zur Löschung (dann widerrufen, „gelöscht“); Prüfprotokoll "
        "VERIFICATION_LOG_DAYS Tage (Standard 365)",
        "Art. 6 Abs. 1 lit. a und e DSGVO",
    ),
    Activity(
        "Klartext-Wohnbegleitung",
        "Hausbesuche, Nachverfolgungen, Anliegen von Vermietern",
        "Besuchsdatum, Anwesende, Themen, Beobachtungen, Vereinbarungen, Anliegen",
        "Haushalte (alle Mitglieder)",
        "Koordination; zugewiesene Begleiter(innen)",
        "Bis zur Löschung des letzten Haushaltsmitglieds",
        "Art. 6 Abs. 1 lit. a und e DSGVO",
    ),
    Activity(
        "Vermietende und Kooperationsvereinbarungen",
        "Kooperation mit Vermietern, Vermittlung zertifizierter Haushalte",
        "Name, Kontakt, Ansprechpersonen, unterschriebene Vereinbarung (PDF), Mietverhältnisse",
        "Vermieter(innen) und ihre Ansprechpersonen",
        "Koordination; Begleiter(innen) sehen den Kontakt ihrer Haushalte",
        "Laufzeit der Vereinbarung; ersetzte PDFs werden vom täglichen Aufbewahrungslauf gelöscht",
        "Art. 6 Abs. 1 lit. b DSGVO (Vertrag)",
    ),
    Activity(
        "ESF-Plus-Monitoring",
        "Pflichtangaben an den Fördergeber (Eintritt, Austritt, Ergebnisse)",
        "Geschlecht, Alter bei Eintritt, Erwerbsstatus, Bildung, Staatsangehörigkeit, "
        "besondere Kategorien (Art. 9, freiwillig), Ergebnisse",
        "Teilnehmende",
        "Koordination; der Fördergeber erhält nur Summen",
        "Bis RETENTION_UNTIL oder RETENTION_YEARS Kalenderjahre nach Austritt (CPR Art. 82); "
        "nach Löschung ohne Personenbezug weiter gezählt",
        "Art. 6 Abs. 1 lit. c DSGVO mit der ESF-Plus-Verordnung; Art. 9 Abs. 2 lit. a",
    ),
    Activity(
        "Zugriffsprotokoll",
        "Nachvollziehen, wer welche Personendaten geöffnet hat (Art. 5 Abs. 2, 32)",
        "Mitarbeitende(r), Zeitpunkt, Bildschirm, Nummer des Datensatzes",
        "Mitarbeitende; Teilnehmende/Haushalte nur als Nummer",
        "Koordination",
        "ACCESS_LOG_DAYS Tage (Standard 730)",
        "Art. 6 Abs. 1 lit. c und e DSGVO",
    ),
]

COLUMNS = (
    ("name", "Verarbeitung"),
    ("purpose", "Zweck"),
    ("data", "Datenkategorien"),
    ("people", "Betroffene"),
    ("recipients", "Empfänger"),
    ("kept", "Speicherdauer"),
    ("basis", "Rechtsgrundlage"),
)


def markdown_table() -> str:
    lines = [
        "| " + " | ".join(label for _name, label in COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for activity in ACTIVITIES:
        cells = [getattr(activity, name).replace("|", "/") for name, _label in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
