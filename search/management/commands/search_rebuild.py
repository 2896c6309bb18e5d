"""Rebuild the search index without downtime (and the database fallback with --database)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.rebuild import RebuildError, rebuild


class Command(BaseCommand):
    help = (
        "Baut den Elasticsearch-Suchindex neu auf: neuer Index mit den aktuellen Einstellungen, Befüllen mit "
        "Fortschrittsanzeige, atomares Umschalten des Alias, Löschen des alten Index. Die Suche antwortet "
        "währenddessen weiter aus dem alten Index. Mit --database wird auch der Datenbank-Suchindex neu aufgebaut."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", action="store_true", help="Auch den Datenbank-Suchindex neu aufbauen.")
        parser.add_argument(
            "--skip-elasticsearch", action="store_true", help="Elasticsearch nicht neu aufbauen (nur mit --database sinnvoll)."
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
        self._workers = workers
        if not settings.ELASTICSEARCH_URL and not skip_elasticsearch:
            if not database:
                self.stdout.write("Elasticsearch ist nicht konfiguriert (ELASTICSEARCH_URL leer); baue den Datenbank-Suchindex neu auf.")
            database, skip_elasticsearch = True, True
        if not skip_elasticsearch:
            self._elasticsearch(batch_size)
        if database:
            self._database(batch_size)

    def _elasticsearch(self, batch_size):
        alias = settings.SEARCH_INDEX_ALIAS
        self.stdout.write(f"Baue Elasticsearch-Index für Alias {alias} neu auf …")
        self._last = 0.0

        def progress(done, total, seconds):
            now = time.monotonic()
            if done == total or now - self._last >= 1.0:
                self._last = now
                rate = done / seconds if seconds else 0
                self.stdout.write(f"  {done:>7} / {total} Seiten  ({_de(rate)} Seiten/s)")

        try:
            result = rebuild(progress=progress, batch_size=batch_size, workers=self._workers)
        except RebuildError as exc:
            raise CommandError(f"Neuaufbau abgebrochen: {exc} Der Alias zeigt weiter auf den alten Index.") from exc
        except Exception as exc:
            raise CommandError(
                f"Neuaufbau abgebrochen ({type(exc).__name__}: {exc}). Der Alias zeigt weiter auf den alten Index; "
                "ein halb gebauter Index wird beim nächsten Lauf entfernt."
            ) from exc
        if result.cleaned_up:
            self.stdout.write(f"Reste eines abgebrochenen Neuaufbaus entfernt: {', '.join(result.cleaned_up)}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Alias {alias} zeigt jetzt auf {result.index} ({_de(result.documents)} Dokumente aus "
                f"{_de(result.pages)} Seiten in {_de(result.seconds, 1)} s, {_de(result.pages_per_second)} Seiten/s; "
                f"{result.replayed} Änderungen während des Aufbaus nachgetragen)."
            )
        )
        if result.previous:
            self.stdout.write(f"Alter Index {result.previous} gelöscht.")

    def _database(self, batch_size):
        from search.fallback_index import rebuild_entries

        self.stdout.write("Baue den Datenbank-Suchindex neu auf …")
        started = time.monotonic()

        def progress(done, total):
            seconds = time.monotonic() - started
            rate = done / seconds if seconds else 0
            self.stdout.write(f"  {done:>7} / {total} Seiten  ({_de(rate)} Seiten/s)")

        count = rebuild_entries(progress=progress, batch_size=batch_size)
        self.stdout.write(self.style.SUCCESS(f"Datenbank-Suchindex neu aufgebaut: {count} Einträge."))


def _de(number, decimals=0):
    """A number as German readers write it: 1.234,5."""
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
