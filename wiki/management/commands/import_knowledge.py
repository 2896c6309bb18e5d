import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wiki.imports import DocumentStore, ImportSummary, KnowledgeImporter, kind_of, read_source
from wiki.site_setup import ensure_page_tree


class Command(BaseCommand):
    help = (
        "Importiert Fallstudien, Erfahrungen und Vorlagen aus einer JSON-Lines-Datei (ein Objekt pro Zeile), "
        "einer CSV-Datei (Semikolon oder Komma, UTF-8) oder einer Excel-Datei (.xlsx, erstes Blatt, Kopfzeile) "
        "mit den Spalten des Exports. Jede Zeile wird für sich gespeichert; fehlerhafte Zeilen werden mit "
        "Zeilennummer gemeldet und schreiben nichts. Ein erneuter Import derselben Datei ändert nichts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="Pfad zur .jsonl-, .csv- oder .xlsx-Datei, „-“ für die Standardeingabe (JSON Lines)"
        )
        parser.add_argument(
            "--quiet-lines", action="store_true", help="Nur Fehler, Hinweise und Zusammenfassung ausgeben"
        )
        parser.add_argument(
            "--documents-dir",
            help="Verzeichnis der Dateien, die die Spalte „documents“ nennt (Standard: Verzeichnis der Importdatei)",
        )
        parser.add_argument(
            "--collection", default="Import", help="Sammlung für hochgeladene Dokumente (Standard: Import)"
        )
        parser.add_argument(
            "--keep-edits",
            action="store_true",
            help="Seiten überspringen, deren neueste Fassung eine Person gespeichert oder die sie depubliziert hat",
        )

    def handle(
        self, *args, file, quiet_lines=False, documents_dir=None, collection="Import", keep_edits=False, **options
    ):
        source = self._read(file)
        total = source.total
        self.stdout.write(f"Importiere {file} ({total} Datensätze) …")
        for warning in source.warnings:
            self.stderr.write(f"Hinweis: {warning}")
        # Right after `migrate` the town pages do not exist yet; they are what every imported
        # page hangs below, so the import creates them (idempotent, as `setup_site` does).
        ensure_page_tree()
        step = max(50, total // 20)
        verbose = not quiet_lines and total <= 200

        def progress(result):
            for warning in result.warnings:
                self.stderr.write(f"Hinweis: {warning}")
            if result.status == "failed":
                self.stderr.write(result.report())
            elif verbose:
                self.stdout.write(result.report())
            done = len(summary.results)
            if total > 200 and done % step == 0:
                self.stderr.write(f"… {done} von {total} Datensätzen ({100 * done // total} %)")

        directory = documents_dir or (str(Path(file).resolve().parent) if file != "-" else None)
        importer = KnowledgeImporter(
            spreadsheet=source.spreadsheet,
            keep_edits=keep_edits,
            documents=DocumentStore(directory, collection),
        )
        summary = ImportSummary(warnings=list(source.warnings))
        try:
            for number, data in source.records:
                result = importer.import_record(number, data)
                summary.results.append(result)
                progress(result)
        finally:
            # Also after an interruption: what was written so far stays written.
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
            data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        except FileNotFoundError as error:
            raise CommandError(f"Datei {file} nicht gefunden.") from error
        except OSError as error:
            raise CommandError(f"Datei {file} kann nicht gelesen werden: {error.strerror}") from error
        try:
            return read_source(data, kind_of(file))
        except ValueError as error:
            raise CommandError(f"Datei {file}: {error}") from error
