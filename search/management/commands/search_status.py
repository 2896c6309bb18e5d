"""What state the search is in: backend, index, counts, queue, errors, mapping version
(passwords in URLs masked by search.status)."""

import json

from django.core.management.base import BaseCommand

from search.status import collect_status


def _age(seconds):
    if seconds is None:
        return "–"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} Tagen"


class Command(BaseCommand):
    help = (
        "Zeigt den Zustand der Suche: aktives Suchsystem, Alias und Index, Dokumente im Index gegenüber "
        "öffentlichen Seiten, Warteschlange (Länge, ältester Auftrag, Fehler), Mapping-Version und "
        "Dokumente, deren Text nicht gelesen werden konnte."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Ausgabe als JSON (für Monitoring).")

    def handle(self, *args, **options):
        status = collect_status()
        if options.get("json"):
            self.stdout.write(json.dumps(status, ensure_ascii=False, indent=2, default=str))
            return
        w = self.stdout.write
        es = status["elasticsearch"]
        w(f"Aktives Suchsystem:      {status['backend_label']}")
        if es["configured"]:
            w(
                f"Elasticsearch:           {es['url']} – {'erreichbar' if es['reachable'] else 'NICHT erreichbar'} ({es['detail']})"
            )
            w(f"Alias:                   {es['alias']} → {es['index'] or '(kein Index)'}")
            if es["document_count"] is not None:
                w(f"Dokumente im Index:      {es['document_count']}")
            shape = es.get("replicas")
            if shape:
                w(
                    f"Shards/Replikate:        {shape['shards']} / {shape['replicas']}"
                    f" (konfiguriert {shape['configured']}, Zustand {shape['health']})"
                )
            if es["index_mapping_version"] is not None or es["reachable"]:
                w(
                    f"Mapping-Version:         Index {es['index_mapping_version'] or '–'}, Code {es['code_mapping_version']}"
                )
        else:
            w("Elasticsearch:           nicht konfiguriert (ELASTICSEARCH_URL ist leer)")
        w(f"Öffentliche Seiten:      {status['public_pages']}")
        w(f"Datenbank-Suchindex:     {status['database_entries']} Einträge")
        queue = status["queue"]
        w(
            f"Warteschlange:           {queue['pending']} offen ({queue['pending_pages']} Seiten), "
            f"ältester seit {_age(queue['oldest_pending_age'])}"
        )
        w(
            f"Fehlgeschlagen:          {queue['failing']} mit Fehlern, davon {queue['failed']} gemeldet (≥ {status['report_after']} Versuche)"
        )
        if queue["last_error"]:
            w(
                f"Letzter Fehler:          Seite {queue['last_error_page']}, {queue['last_error_attempts']} Versuche: {queue['last_error']}"
            )
        problems = status["document_problems"]
        if problems:
            w(f"Dokumente mit Problemen bei der Textextraktion ({len(problems)}):")
            for item in problems[:20]:
                w(f"  - {item['title']} (ID {item['id']}): {item['problem']}")
        for warning in status["warnings"]:
            w(self.style.WARNING(f"WARNUNG: {warning}"))
        if not status["warnings"]:
            w(self.style.SUCCESS("Keine Auffälligkeiten."))
