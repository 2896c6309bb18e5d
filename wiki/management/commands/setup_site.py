from django.core.management.base import BaseCommand

from wiki.site_setup import ensure_page_tree


class Command(BaseCommand):
    help = "Legt Seitenbaum (Start, Kommunen, eine Seite je Kommune) idempotent an."

    def handle(self, *args, **options):
        ensure_page_tree()
        self.stdout.write(self.style.SUCCESS("Seitenbaum ist vollständig."))
