"""The state of the search, collected for `search_status` (and usable by monitoring): each
configured backend reports on its own index, the outbox on its queue.

Status output ends up in terminals, cron mails and monitoring systems, so no password may
appear in it: every URL with credentials (ELASTICSEARCH_URL, and any exception text that
quotes one) is shown as `https://user:***@host`."""

import re

from django.conf import settings

# scheme://user:password@ – the user stays (it tells the operator which account), the password goes.
_CREDENTIALS = re.compile(r"(?P<start>\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*):[^@\s]+@")


def mask_secrets(value):
    """`value` (a string, or dicts/lists of them) with the password of every URL replaced by ***."""
    if isinstance(value, str):
        return _CREDENTIALS.sub(r"\g<start>:***@", value)
    if isinstance(value, dict):
        return {key: mask_secrets(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(mask_secrets(item) for item in value)
    return value


def _public_page_count():
    from wiki.models import KnowledgePage

    return KnowledgePage.objects.live().public().count()


def collect_status():
    from search.backends import configured_backends
    from search.backends.elasticsearch import status as es_status
    from search.sync import queue_stats, report_after
    from wiki.models import KnowledgeDocument

    warnings = []
    public_pages = _public_page_count()
    indexes = {backend.name: backend.status(public_pages, warnings) for backend in configured_backends()}
    # Without ELASTICSEARCH_URL its part still shows (as "not configured").
    es = indexes.get("elasticsearch") or es_status.collect(settings.SEARCH_INDEX_ALIAS, public_pages, warnings)
    backend = "elasticsearch" if es["reachable"] and es["index"] else "database"
    if not es["configured"]:
        label = "Datenbank (Elasticsearch ist nicht konfiguriert)"
    elif backend == "elasticsearch":
        label = "Elasticsearch"
    else:
        label = "Datenbank-Ersatz (Elasticsearch nicht verfügbar – Ergebnisse ggf. unvollständig)"
        warnings.append("Elasticsearch ist konfiguriert, aber nicht nutzbar; die Suche antwortet aus der Datenbank.")

    queue = queue_stats()
    if queue["failed"]:
        warnings.append(
            f"{queue['failed']} Auftrag/Aufträge sind {report_after()}-mal oder öfter gescheitert und werden "
            f"weiter wiederholt. Letzter Fehler: {queue['last_error']}"
        )
    if queue["oldest_pending_age"] and queue["oldest_pending_age"] > 600:
        warnings.append(
            "Aufträge warten seit über 10 Minuten: läuft `manage.py search_sync --loop` (oder der Cronjob)?"
        )
    problems = [
        {"id": pk, "title": title, "problem": problem}
        for pk, title, problem in KnowledgeDocument.objects.exclude(extraction_error="")
        .order_by("title")
        .values_list("pk", "title", "extraction_error")
    ]
    es["url"] = settings.ELASTICSEARCH_URL or ""
    return mask_secrets(
        {
            "backend": backend,
            "backend_label": label,
            "elasticsearch": es,
            "public_pages": public_pages,
            "database_entries": indexes["database"]["entries"],
            "queue": queue,
            "report_after": report_after(),
            "document_problems": problems,
            "warnings": warnings,
        }
    )
