import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wiki.importers import TaxonomyImportError, import_taxonomy


class Command(BaseCommand):
    help = (
        'Importiert Schlagwörter aus einer JSON-Datei {"tags": [{"name": "…", "synonyms": ["…"], "parent": "…"}]} '
        "(idempotent: vorhandene Schlagwörter werden ergänzt, Synonyme nie entfernt). Alles oder nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pfad zur JSON-Datei")

    def handle(self, *args, file, **options):
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8-sig"))
        except FileNotFoundError as error:
            raise CommandError(f"Datei {file} nicht gefunden.") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise CommandError(f"Datei {file} ist kein gültiges JSON: {error}") from error
        try:
            created, updated = import_taxonomy(data)
        except TaxonomyImportError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(error.problems)} Problem(e); es wurde nichts geändert.") from error
        self.stdout.write(self.style.SUCCESS(f"Schlagwörter: {created} angelegt, {updated} geändert."))
