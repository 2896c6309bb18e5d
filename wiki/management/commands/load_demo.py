from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (idempotent)."

    def handle(self, *args, **options):
        call_command("setup_site", stdout=self.stdout)
