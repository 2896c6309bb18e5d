from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wiki.exports import iter_csv, iter_jsonl, xlsx_bytes
from wiki.exports.records import iter_pages

FORMATS = {
    "jsonl": "JSON Lines (ein Objekt pro Zeile)",
    "csv": "CSV, Komma, UTF-8 mit BOM",
    "csv-excel": "CSV für deutsches Excel: Semikolon, UTF-8 mit BOM",
    "xlsx": "Excel-Arbeitsmappe",
}


class Command(BaseCommand):
    help = (
        "Exportiert alle veröffentlichten, öffentlich sichtbaren Fallstudien, Erfahrungen und Vorlagen im "
        "Importformat (ohne Entwürfe und zugriffsbeschränkte Seiten): "
        + "; ".join(f"{key}: {label}" for key, label in FORMATS.items())
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=list(FORMATS), default="jsonl")
        parser.add_argument("--output", "-o", help="Zieldatei; ohne Angabe auf die Standardausgabe (nicht bei xlsx)")

    def handle(self, *args, format, output=None, **options):
        base_url = settings.WAGTAILADMIN_BASE_URL
        if format == "xlsx":
            if not output:
                raise CommandError("--format xlsx braucht --output DATEI.xlsx")
            data = xlsx_bytes(base_url)
            try:
                with open(output, "wb") as handle:
                    handle.write(data)
            except OSError as error:
                raise CommandError(f"Datei {output} kann nicht geschrieben werden: {error}") from error
            self.stdout.write(f"Excel-Datei {output} geschrieben.")
            return
        count = 0

        def counted():
            nonlocal count
            for page, record in iter_pages():
                count += 1
                if output and count % 500 == 0:
                    self.stderr.write(f"… {count} Seiten exportiert")
                yield page, record

        if format == "jsonl":
            chunks = iter_jsonl(record for _page, record in counted())
        else:
            chunks = iter_csv(
                bom=bool(output) or format == "csv-excel",
                delimiter=";" if format == "csv-excel" else ",",
                base_url=base_url,
                pairs=counted(),
            )
        try:
            handle = open(output, "w", encoding="utf-8", newline="") if output else None
        except OSError as error:
            raise CommandError(f"Datei {output} kann nicht geschrieben werden: {error}") from error
        try:
            for chunk in chunks:
                if handle:
                    handle.write(chunk)
                else:
                    self.stdout.write(chunk, ending="")
        finally:
            if handle:
                handle.close()
        (self.stderr if not output else self.stdout).write(f"{count} Seiten exportiert.")
