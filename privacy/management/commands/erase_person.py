from django.core.management.base import BaseCommand, CommandError

from housing.models import Participant
from privacy.models import ErasureStatus
from privacy.services import PrivacyError, request_erasure


class Command(BaseCommand):
    help = (
        "Erase a person (GDPR Art. 17): anonymise them through every table, or, during "
        "the retention period, restrict the record and erase it when the period ends."
    )

    def add_arguments(self, parser):
        parser.add_argument("participant_id", type=int)
        parser.add_argument("--yes", action="store_true", help="Confirm the erasure.")
        parser.add_argument("--reason", default="", help="Why (kept with the request).")

    def handle(self, participant_id, yes, reason, **options):
        if not yes:
            raise CommandError("Bitte mit --yes bestätigen: die Löschung ist endgültig.")
        participant = Participant.objects.filter(pk=participant_id).first()
        if participant is None:
            raise CommandError(f"Es gibt keine Teilnehmende(n) mit der Nummer {participant_id}.")
        try:
            request = request_erasure(participant, by=None, reason=reason, confirmed=True)
        except PrivacyError as error:
            raise CommandError(f"{error.message} ({error.code})") from error
        if request.status == ErasureStatus.HELD:
            until = request.hold_until.strftime("%d.%m.%Y") if request.hold_until else "Austritt"
            self.stdout.write(f"Aufbewahrungsfrist läuft (bis {until}): Datensatz gesperrt.")
        else:
            self.stdout.write(f"Gelöscht: {request.summary}")
