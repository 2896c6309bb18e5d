import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wiki.imports import TaxonomyImportError, import_taxonomy


class Command(BaseCommand):
    help = (
        'Importiert Schlagwörter aus einer JSON-Datei {"tags": [{"name": "…", "synonyms": ["…"], "parent": "…"}]} '
        "(idempotent: vorhandene Schlagwörter werden ergänzt, Synonyme nie entfernt). Alles oder nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pfad zur JSON-Datei")
        parser.add_argument(
            "--keep-existing",
            action="store_true",
            help="Vorhandene Schlagwörter (auch umbenannte oder zusammengeführte) unverändert lassen, nur fehlende anlegen",
        )

    def handle(self, *args, file, keep_existing=False, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8-sig"))
        except FileNotFoundError as error:
            raise CommandError(f"Datei {file} nicht gefunden.") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"Datei {file} ist kein gültiges JSON: {error}") from error
        try:
            created, updated = import_taxonomy(data, keep_existing=keep_existing)
        except TaxonomyImportError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(error.problems)} Problem(e); es wurde nichts geändert.") from error
        self.stdout.write(self.style.SUCCESS(f"Schlagwörter: {created} angelegt, {updated} geändert."))
