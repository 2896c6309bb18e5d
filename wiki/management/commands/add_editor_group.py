from django.core.management.base import BaseCommand, CommandError

from wiki.permissions import SetupError, editor_group_name, ensure_editor_group, find_municipality
from wiki.site_setup import ensure_page_tree


class Command(BaseCommand):
    help = (
        "Legt die Redaktionsgruppe „Redaktion <Kommune>“ für eine weitere Kommune an (idempotent): "
        "Seiten unterhalb der eigenen Kommunenseite anlegen und bearbeiten, Dokumente in der eigenen Sammlung, "
        "Veröffentlichung nur über die redaktionelle Prüfung."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "municipality",
            help="Amtlicher Gemeindeschlüssel (8 Ziffern) oder genauer Name, z. B. 05974040 oder Lippstadt",
        )

    def handle(self, *args, municipality, **options):
        town = find_municipality(municipality)
        if town is None:
            raise CommandError(
                f"Keine Kommune „{municipality}“ gefunden. Angeben: AGS mit 8 Ziffern oder den genauen Namen."
            )
        ensure_page_tree()
        try:
            group = ensure_editor_group(town)
        except SetupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Gruppe „{group.name}“ ist eingerichtet."))
        self.stdout.write(
            f"Nutzerinnen und Nutzer dieser Gruppe bearbeiten Seiten unter /kommunen/{town.slug}/; "
            f"Benutzer fügen Sie im Admin unter Einstellungen → Benutzer der Gruppe „{editor_group_name(town)}“ hinzu."
        )
