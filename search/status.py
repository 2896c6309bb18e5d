"""The state of the search, collected for `search_status` (and usable by monitoring)."""

from django.conf import settings


def _public_page_count():
    from wiki.models import KnowledgePage

    return KnowledgePage.objects.live().public().count()


def collect_status():
    from search.models import SearchEntry
    from search.sync import queue_stats, report_after
    from wiki.models import KnowledgeDocument

    warnings = []
    public_pages = _public_page_count()
    es = {
        "configured": bool(settings.ELASTICSEARCH_URL),
        "reachable": False,
        "detail": "",
        "alias": settings.SEARCH_INDEX_ALIAS,
        "index": None,
        "document_count": None,
        "index_mapping_version": None,
        "code_mapping_version": None,
    }
    if es["configured"]:
        _elasticsearch_status(es, warnings)
    backend = "elasticsearch" if es["reachable"] and es["index"] else "database"
    if not es["configured"]:
        label = "Datenbank (Elasticsearch ist nicht konfiguriert)"
    elif backend == "elasticsearch":
        label = "Elasticsearch"
    else:
        label = "Datenbank-Ersatz (Elasticsearch nicht verfügbar – Ergebnisse ggf. unvollständig)"
        warnings.append("Elasticsearch ist konfiguriert, aber nicht nutzbar; die Suche antwortet aus der Datenbank.")

    if es["document_count"] is not None and es["document_count"] != public_pages:
        warnings.append(
            f"Der Index enthält {es['document_count']} Dokumente, es gibt aber {public_pages} öffentliche Seiten "
            "(ausstehende Aufträge abwarten oder `manage.py search_check --repair`)."
        )
    database_entries = SearchEntry.objects.count()
    if database_entries != public_pages:
        warnings.append(
            f"Der Datenbank-Suchindex hat {database_entries} Einträge für {public_pages} öffentliche Seiten."
        )
    queue = queue_stats()
    if queue["failed"]:
        warnings.append(
            f"{queue['failed']} Auftrag/Aufträge sind {report_after()}-mal oder öfter gescheitert und werden "
            f"weiter wiederholt. Letzter Fehler: {queue['last_error']}"
        )
    if queue["oldest_pending_age"] and queue["oldest_pending_age"] > 600:
        warnings.append("Aufträge warten seit über 10 Minuten: läuft `manage.py search_sync --loop` (oder der Cronjob)?")
    problems = [
        {"id": pk, "title": title, "problem": problem}
        for pk, title, problem in KnowledgeDocument.objects.exclude(extraction_error="")
        .order_by("title")
        .values_list("pk", "title", "extraction_error")
    ]
    return {
        "backend": backend,
        "backend_label": label,
        "elasticsearch": es,
        "public_pages": public_pages,
        "database_entries": database_entries,
        "queue": queue,
        "report_after": report_after(),
        "document_problems": problems,
        "warnings": warnings,
    }


def _elasticsearch_status(es, warnings):
    from search.client import get_client, ping
    from search.index import MAPPING_VERSION, mapping_version
    from search.rebuild import alias_targets

    es["code_mapping_version"] = MAPPING_VERSION
    reachable, detail = ping()
    es["reachable"], es["detail"] = reachable, detail
    if not reachable:
        warnings.append(f"Elasticsearch ist nicht erreichbar: {detail}")
        return
    client = get_client()
    try:
        targets = alias_targets(client, es["alias"])
        es["index"] = ", ".join(targets) or None
        if not targets:
            warnings.append(f"Der Alias {es['alias']} existiert nicht: `manage.py search_rebuild` ausführen.")
            return
        if len(targets) > 1:
            warnings.append(f"Der Alias {es['alias']} zeigt auf mehrere Indizes: `manage.py search_rebuild` ausführen.")
        es["document_count"] = client.count(index=es["alias"])["count"]
        es["index_mapping_version"] = mapping_version(client, targets[0])
    except Exception as exc:  # noqa: BLE001 - status must show, not crash
        warnings.append(f"Elasticsearch-Abfrage fehlgeschlagen: {type(exc).__name__}: {exc}")
        return
    index_version = es["index_mapping_version"]
    if index_version is None or index_version < MAPPING_VERSION:
        warnings.append(
            f"Der Index wurde mit Mapping-Version {index_version or 'unbekannt'} gebaut, der Code erwartet "
            f"{MAPPING_VERSION}: bitte `manage.py search_rebuild` ausführen."
        )
    elif index_version > MAPPING_VERSION:
        warnings.append(
            f"Der Index hat Mapping-Version {index_version}, neuer als der Code ({MAPPING_VERSION}): "
            "läuft hier eine ältere Programmversion?"
        )
