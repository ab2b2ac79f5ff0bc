from django.core.management.base import BaseCommand, CommandError

from housing.models import Participant
from privacy.export import build_zip


class Command(BaseCommand):
    help = "Write the person's copy of their data (GDPR Art. 15) as a ZIP file."

    def add_arguments(self, parser):
        parser.add_argument("participant_id", type=int)
        parser.add_argument("file", help="Where to write the ZIP, e.g. datenauskunft.zip")

    def handle(self, participant_id, file, **options):
        participant = Participant.objects.filter(pk=participant_id).first()
        if participant is None:
            raise CommandError(f"Es gibt keine Teilnehmende(n) mit der Nummer {participant_id}.")
        data = build_zip(participant)
        with open(file, "wb") as out:
            out.write(data)
        self.stdout.write(f"{file}: {len(data)} Bytes")
