from django.core.management.base import BaseCommand

from privacy.processing import markdown_table


class Command(BaseCommand):
    help = "Print the records of processing (GDPR Art. 30) as the README's Markdown table."

    def handle(self, **options):
        self.stdout.write(markdown_table())
