"""Rebuild the search index without downtime (and the database fallback with --database)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import backends
from search.backends.elasticsearch.rebuild import RebuildError


class Command(BaseCommand):
    help = (
        "Baut den Elasticsearch-Suchindex neu auf: neuer Index mit den aktuellen Einstellungen, Befüllen mit "
        "Fortschrittsanzeige, atomares Umschalten des Alias, Löschen des alten Index. Die Suche antwortet "
        "währenddessen weiter aus dem alten Index. Mit --database wird auch der Datenbank-Suchindex neu aufgebaut."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", action="store_true", help="Auch den Datenbank-Suchindex neu aufbauen.")
        parser.add_argument(
            "--skip-elasticsearch",
            action="store_true",
            help="Elasticsearch nicht neu aufbauen (nur mit --database sinnvoll).",
        )
        parser.add_argument("--batch-size", type=int, default=500, help="Seiten je Bulk-Anfrage (Standard 500).")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Prozesse, die Suchdokumente erstellen (Standard ab 2.000 Seiten: CPU-Kerne + 1, höchstens 4; "
            "1 = alles in diesem Prozess).",
        )

    def handle(self, *args, database=False, skip_elasticsearch=False, batch_size=500, workers=None, **options):
        if batch_size < 1:
            raise CommandError("--batch-size muss mindestens 1 sein.")
        if workers is not None and workers < 1:
            raise CommandError("--workers muss mindestens 1 sein.")
        if not settings.ELASTICSEARCH_URL and not skip_elasticsearch:
            if not database:
                self.stdout.write(
                    "Elasticsearch ist nicht konfiguriert (ELASTICSEARCH_URL leer); baue den Datenbank-Suchindex neu auf."
                )
            database, skip_elasticsearch = True, True
        chosen = [] if skip_elasticsearch else ["elasticsearch"]
        if database:
            chosen.append("database")
        for name in chosen:
            self._rebuild(backends.by_name(name), batch_size, workers)

    def _rebuild(self, backend, batch_size, workers):
        alias = settings.SEARCH_INDEX_ALIAS
        self.stdout.write(f"Baue {backend.rebuild_target} neu auf …")
        self._last = 0.0

        def progress(done, total, seconds):
            now = time.monotonic()
            if done == total or now - self._last >= 1.0:
                self._last = now
                rate = done / seconds if seconds else 0
                self.stdout.write(f"  {done:>7} / {total} Seiten  ({_de(rate)} Seiten/s)")

        try:
            result = backend.rebuild(progress=progress, batch_size=batch_size, workers=workers)
        except RebuildError as exc:
            raise CommandError(f"Neuaufbau abgebrochen: {exc} Der Alias zeigt weiter auf den alten Index.") from exc
        except CommandError:
            raise
        except Exception as exc:
            raise CommandError(
                f"Neuaufbau abgebrochen ({type(exc).__name__}: {exc}). Der Alias zeigt weiter auf den alten Index; "
                "ein halb gebauter Index wird beim nächsten Lauf entfernt."
            ) from exc
        for line in result.report_lines(alias, _de):
            self.stdout.write(self.style.SUCCESS(line))


def _de(number, decimals=0):
    """A number as German readers write it: 1.234,5."""
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
