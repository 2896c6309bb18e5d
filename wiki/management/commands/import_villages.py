from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wiki.villages import COLUMNS, import_villages


class Command(BaseCommand):
    help = (
        f"Importiert Ortsteile aus einer CSV-Datei (Spalten {', '.join(COLUMNS)}; Semikolon oder Komma, UTF-8). "
        "Jede Zeile für sich: fehlerhafte Zeilen werden mit Nummer und Grund gemeldet, die übrigen importiert."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pfad zur CSV-Datei")

    def handle(self, *args, file, **options):
        try:
            data = Path(file).read_bytes()
        except FileNotFoundError as error:
            raise CommandError(f"Datei {file} nicht gefunden.") from error
        result = import_villages(data, progress=lambda done, total: self.stdout.write(f"… {done} von {total} Zeilen"))
        for warning in result.warnings:
            self.stderr.write(f"Hinweis: {warning}")
        for error in result.errors:
            self.stderr.write(error)
        self.stdout.write(f"Ortsteile: {result.text()}")
        if result.errors:
            raise CommandError(f"{len(result.errors)} Zeile(n) fehlerhaft; die übrigen wurden importiert.")
