from django.core.management.base import BaseCommand

from core.permissions_setup import setup_roles


class Command(BaseCommand):
    help = (
        "Create the staff role groups (Coordinator, Trainer, Companion, Editor) "
        "with their permissions."
    )

    def handle(self, *args, **options):
        groups = setup_roles()
        for name, group in groups.items():
            self.stdout.write(f"{name}: {group.permissions.count()} permissions")
