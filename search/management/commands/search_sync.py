"""Apply the pending search index updates (the outbox): once, or continuously as a worker.

The worker is also the installation's one long-running housekeeper: with --loop it removes
old applied tasks every hour and old query-log rows (search/search_log.py) once a day, so an
installation that runs it needs no extra cron job for either."""

import logging
import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, connection

from search import search_log
from search.sync import Applier, purge_done, queue_stats

logger = logging.getLogger("search.sync")

PURGE_EVERY = 3600  # seconds between removals of old, applied tasks in --loop mode
PRUNE_LOG_EVERY = 86400  # seconds between removals of old query-log rows in --loop mode


class Command(BaseCommand):
    help = (
        "Überträgt ausstehende Änderungen in den Suchindex (Elasticsearch und Datenbank-Suchindex). "
        "Ohne Optionen einmal alles Ausstehende (auch Aufträge in der Wartezeit nach einem Fehler); "
        "mit --loop dauerhaft als Dienst (beendet sich sauber bei SIGTERM)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Dauerhaft laufen (für systemd).")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="Sekunden zwischen zwei Durchläufen mit --loop (Standard 2)."
        )
        parser.add_argument(
            "--respect-backoff",
            action="store_true",
            help="Auch beim einmaligen Lauf nur fällige Aufträge übertragen (Wartezeit nach Fehlern einhalten).",
        )

    def handle(self, *args, loop=False, interval=2.0, respect_backoff=False, verbosity=1, **options):
        self.verbosity = verbosity
        if interval <= 0:
            raise CommandError("--interval muss größer als 0 sein.")
        if loop:
            return self._loop(interval)
        result = Applier().drain(respect_backoff=respect_backoff, progress=self._progress)
        purged = purge_done()
        stats = queue_stats()
        self._summary(result, purged, stats)
        if result.failed_tasks or result.elasticsearch == "unavailable":
            raise CommandError(
                f"{result.failed_tasks or stats['pending']} Auftrag/Aufträge konnten nicht übertragen werden "
                f"und bleiben in der Warteschlange. Letzter Fehler: {stats['last_error'] or '–'}"
            )

    def _progress(self, batch, total):
        if self.verbosity >= 1:
            self.stdout.write(
                f"… {total.tasks} Aufträge für {total.pages} Seiten verarbeitet "
                f"({total.indexed} indexiert, {total.deleted} entfernt, {total.failed_tasks} fehlgeschlagen)"
            )

    def _summary(self, result, purged, stats):
        if self.verbosity < 1:
            return
        if not result.tasks:
            self.stdout.write("Keine ausstehenden Aufträge.")
        else:
            style = self.style.SUCCESS if not result.failed_tasks else self.style.WARNING
            target = {
                "ok": "Elasticsearch und Datenbank-Suchindex",
                "disabled": "Datenbank-Suchindex (Elasticsearch ist nicht konfiguriert)",
                "unavailable": "Datenbank-Suchindex (Elasticsearch nicht erreichbar)",
                "skipped": "Datenbank-Suchindex",
            }[result.elasticsearch]
            self.stdout.write(
                style(
                    f"{result.tasks} Aufträge für {result.pages} Seiten übertragen in: {target}; "
                    f"{result.failed_tasks} fehlgeschlagen."
                )
            )
            for page_id, message in result.errors[:10]:
                where = f"Seite {page_id}" if page_id else "Anfrage"
                self.stdout.write(f"  {where}: {message}")
        if purged:
            self.stdout.write(f"{purged} erledigte Aufträge älter als die Aufbewahrungsfrist gelöscht.")
        if stats["pending"]:
            self.stdout.write(f"Noch offen: {stats['pending']} Aufträge.")

    def _loop(self, interval):
        stop = {"now": False}

        def request_stop(signum, frame):
            # Finish the batch in hand (its tasks would otherwise wait for their lease to end).
            stop["now"] = True
            logger.info("search_sync: signal %s received, stopping after the current batch", signum)

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        self.stdout.write(f"search_sync läuft (Intervall {interval:g} s); Beenden mit SIGTERM oder Strg+C.")
        last_purge = last_log_prune = None
        while not stop["now"]:
            if not connection.in_atomic_block:  # (tests run the loop inside a transaction)
                close_old_connections()
            try:
                result = Applier().drain(respect_backoff=True, max_batches=20)
                if result.tasks:
                    logger.info(
                        "search_sync: %d tasks / %d pages applied (%d indexed, %d deleted, %d failed, elasticsearch %s)",
                        result.tasks,
                        result.pages,
                        result.indexed,
                        result.deleted,
                        result.failed_tasks,
                        result.elasticsearch,
                    )
                    if self.verbosity >= 2:
                        self._summary(result, 0, queue_stats())
                if last_purge is None or time.monotonic() - last_purge > PURGE_EVERY:
                    purge_done()
                    last_purge = time.monotonic()
                if last_log_prune is None or time.monotonic() - last_log_prune > PRUNE_LOG_EVERY:
                    last_log_prune = time.monotonic()  # also after a failure: retried tomorrow, not every round
                    pruned = search_log.prune()
                    if pruned:
                        logger.info(
                            "search_sync: %d query-log rows older than %d days deleted",
                            pruned,
                            search_log.retention_days(),
                        )
                if result.tasks and not result.failed_tasks:
                    continue  # more may be waiting: no pause while catching up
            except Exception:  # noqa: BLE001 - a worker must survive database hiccups
                logger.exception("search_sync: round failed; retrying after the interval")
            deadline = time.monotonic() + interval
            while not stop["now"] and time.monotonic() < deadline:
                time.sleep(min(0.2, interval))
        self.stdout.write("search_sync beendet.")
