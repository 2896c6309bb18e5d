import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from wiki.demo.accounts import create_demo_accounts
from wiki.signals import demo_content_loaded


class Command(BaseCommand):
    help = (
        "Lädt die Demo-Inhalte (Fallstudien, Erfahrungen, Vorlagen mit Dokumenten, Schlagwörter). "
        "Idempotent: ein zweiter Lauf legt nichts doppelt an und ändert nichts."
    )

    def handle(self, *args, **options):
        # The page tree must exist first: demo pages live below the municipality pages.
        call_command("setup_site", stdout=self.stdout)

        from wiki.demo.loader import DemoDataError, DemoLoader

        started = time.monotonic()
        self.stdout.write("Lade Demo-Inhalte …")
        try:
            DemoLoader(write=self.stdout.write).run()
        except DemoDataError as error:
            raise CommandError(f"Demo-Daten fehlerhaft: {error}") from error
        demo_content_loaded.send(sender=self.__class__, write=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Demo-Inhalte sind vollständig ({time.monotonic() - started:.1f} s)."))
        create_demo_accounts(self.stdout.write)
