from django.core.management.base import BaseCommand, CommandError

from wiki.exporters import iter_csv, iter_jsonl, iter_records


class Command(BaseCommand):
    help = (
        "Exportiert alle veröffentlichten, öffentlich sichtbaren Fallstudien, Erfahrungen und Vorlagen im "
        "Importformat als JSON Lines oder CSV (ohne Entwürfe und zugriffsbeschränkte Seiten)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", "-o", help="Zieldatei; ohne Angabe auf die Standardausgabe")

    def handle(self, *args, format, output=None, **options):
        count = 0

        def counted():
            nonlocal count
            for record in iter_records():
                count += 1
                if output and count % 500 == 0:
                    self.stderr.write(f"… {count} Seiten exportiert")
                yield record

        chunks = iter_jsonl(counted()) if format == "jsonl" else iter_csv(counted(), bom=bool(output))
        try:
            handle = open(output, "w", encoding="utf-8", newline="") if output else None
        except OSError as error:
            raise CommandError(f"Datei {output} kann nicht geschrieben werden: {error}") from error
        target = handle or self.stdout
        try:
            for chunk in chunks:
                if handle:
                    handle.write(chunk)
                else:
                    target.write(chunk, ending="")
        finally:
            if handle:
                handle.close()
        (self.stderr if not output else self.stdout).write(f"{count} Seiten exportiert.")
