"""The state of the Elasticsearch index for search_status: reachable, alias, documents,
mapping version, shards and replicas against the configured ones (warnings in German).
(search/status.py masks credentials in everything collected here.)"""

from django.conf import settings

from . import mapping
from .client import get_client, ping
from .index import alias_targets, mapping_version


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
        "replicas": None,  # {"configured": ..., "shards": n, "replicas": n, "auto_expand": ..., "health": ...}
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
        es["replicas"] = _replicas(client, targets[0], warnings)
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


def _replicas(client, name, warnings):
    values = client.indices.get_settings(
        index=name, name="index.number_of_*,index.auto_expand_replicas", flat_settings=True
    )[name]["settings"]
    health = client.cluster.health(index=name)["status"]
    configured = mapping.replica_settings()
    state = {
        "configured": configured.get("auto_expand_replicas") or str(configured.get("number_of_replicas")),
        "shards": int(values.get("index.number_of_shards", 0)),
        "replicas": int(values.get("index.number_of_replicas", 0)),
        "auto_expand": values.get("index.auto_expand_replicas", "false"),
        "health": health,
    }
    actual = state["auto_expand"] if state["auto_expand"] != "false" else str(state["replicas"])
    if actual != state["configured"] or state["shards"] != configured["number_of_shards"]:
        warnings.append(
            f"Der Index hat {state['shards']} Shard(s) und Replikate {actual}, konfiguriert sind "
            f"{configured['number_of_shards']} und {state['configured']}: `manage.py search_rebuild` ausführen."
        )
    if health != "green":
        warnings.append(
            f"Der Index ist {health}: nicht alle Replikate sind verteilt (zu wenige Knoten für SEARCH_INDEX_REPLICAS?)."
        )
    return state
