from django.core.management.base import BaseCommand

from wiki.site_setup import ensure_site


class Command(BaseCommand):
    help = (
        "Legt Seitenbaum (Start, Kommunen, eine Seite je Kommune), Gruppen (Kuratorinnen und Kuratoren, "
        "Redaktion je Pionierkommune) und den Workflow „Redaktionelle Prüfung“ idempotent an."
    )

    def handle(self, *args, **options):
        result = ensure_site()
        self.stdout.write("Seitenbaum ist vollständig.")
        self.stdout.write(
            f"Gruppe „{result['curators'].name}“ und Workflow „{result['workflow'].name}“ sind eingerichtet."
        )
        self.stdout.write(f"Rechtliche Seiten: {', '.join(page.title for page in result['legal_pages'])}.")
        for note in result["removed_defaults"]:
            self.stdout.write(f"Wagtail-Voreinstellung: {note}.")
        for group in result["editor_groups"]:
            self.stdout.write(f"Gruppe „{group.name}“ ist eingerichtet.")
        self.stdout.write(self.style.SUCCESS("Einrichtung abgeschlossen."))
