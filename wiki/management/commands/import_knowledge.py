import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wiki.importers import KnowledgeImporter, read_csv, read_jsonl


class Command(BaseCommand):
    help = (
        "Importiert Fallstudien, Erfahrungen und Vorlagen aus einer JSON-Lines-Datei (ein Objekt pro Zeile) "
        "oder einer CSV-Datei im Format des Exports. Jede Zeile wird für sich gespeichert; fehlerhafte Zeilen "
        "werden mit Zeilennummer gemeldet und schreiben nichts. Ein erneuter Import derselben Datei ändert nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Pfad zur .jsonl- oder .csv-Datei, „-“ für die Standardeingabe (JSON Lines)")
        parser.add_argument("--quiet-lines", action="store_true", help="Nur Fehler und Zusammenfassung ausgeben")

    def handle(self, *args, file, quiet_lines=False, **options):
        lines = self._read(file)
        total = len(lines)
        reader = read_csv if file.lower().endswith(".csv") else read_jsonl
        self.stdout.write(f"Importiere {file} ({total} Zeilen) …")
        step = max(1, total // 20)

        def progress(result):
            if result.status == "failed":
                self.stderr.write(result.report())
            elif not quiet_lines and total <= 200:
                self.stdout.write(result.report())
            if total > 200 and result.line % step == 0:
                self.stdout.write(f"… Zeile {result.line} von {total}")

        summary = KnowledgeImporter().run(reader(iter(lines)), progress=progress)
        self.stdout.write(summary.text())
        if summary.failed:
            raise CommandError(
                f"{len(summary.failed)} Zeile(n) nicht importiert: "
                + ", ".join(str(result.line) for result in summary.failed[:20])
                + (" …" if len(summary.failed) > 20 else "")
            )
        self.stdout.write(self.style.SUCCESS("Import abgeschlossen."))

    @staticmethod
    def _read(file):
        try:
            if file == "-":
                return sys.stdin.read().splitlines(keepends=True)
            # utf-8-sig: spreadsheet programs put a byte order mark in front of CSV files.
            return Path(file).read_text(encoding="utf-8-sig").splitlines(keepends=True)
        except FileNotFoundError as error:
            raise CommandError(f"Datei {file} nicht gefunden.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"Datei {file} ist nicht UTF-8-kodiert (Byte {error.start}).") from error
