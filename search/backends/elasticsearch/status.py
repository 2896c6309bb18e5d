"""The state of the Elasticsearch index for search_status: reachable, alias, documents,
mapping version (warnings in German)."""

from django.conf import settings

from .client import get_client, ping
from .index import alias_targets, mapping_version
from . import mapping


def collect(alias, public_pages, warnings):
    es = {
        "configured": bool(settings.ELASTICSEARCH_URL),
        "reachable": False,
        "detail": "",
        "alias": alias,
        "index": None,
        "document_count": None,
        "index_mapping_version": None,
        "code_mapping_version": None,
    }
    if es["configured"]:
        _read(es, warnings)
    if es["document_count"] is not None and es["document_count"] != public_pages:
        warnings.append(
            f"Der Index enthält {es['document_count']} Dokumente, es gibt aber {public_pages} öffentliche Seiten "
            "(ausstehende Aufträge abwarten oder `manage.py search_check --repair`)."
        )
    return es


def _read(es, warnings):
    es["code_mapping_version"] = mapping.MAPPING_VERSION
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
    if index_version is None or index_version < mapping.MAPPING_VERSION:
        warnings.append(
            f"Der Index wurde mit Mapping-Version {index_version or 'unbekannt'} gebaut, der Code erwartet "
            f"{mapping.MAPPING_VERSION}: bitte `manage.py search_rebuild` ausführen."
        )
    elif index_version > mapping.MAPPING_VERSION:
        warnings.append(
            f"Der Index hat Mapping-Version {index_version}, neuer als der Code ({mapping.MAPPING_VERSION}): "
            "läuft hier eine ältere Programmversion?"
        )
