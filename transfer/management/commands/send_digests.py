"""Send the e-mail digests of one frequency (for cron), e.g.

    0 6 * * *   python manage.py send_digests --frequency daily
    0 6 * * 1   python manage.py send_digests --frequency weekly

Safe to re-run: a subscription that already got its digest for the period gets nothing."""

from django.core.management.base import BaseCommand

from transfer.digest import send_digests
from transfer.models import Frequency


class Command(BaseCommand):
    help = "Versendet die täglichen oder wöchentlichen E-Mail-Zusammenfassungen neuer und geänderter Seiten."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", required=True, choices=[choice.value for choice in Frequency])

    def handle(self, *args, frequency, **options):
        stats = send_digests(frequency)
        self.stdout.write(
            f"{stats['sent']} Zusammenfassung(en) versendet, {stats['skipped']} ohne Neues oder nicht fällig, "
            f"{stats['failed']} fehlgeschlagen, {stats['purged']} unbestätigte Anmeldung(en) gelöscht."
        )
        if stats["failed"]:
            raise SystemExit(1)
