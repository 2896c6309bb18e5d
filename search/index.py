"""The Elasticsearch index: settings, mapping, creation, bulk writes and alias helpers.

Search reads and writes through an alias (settings.SEARCH_INDEX_ALIAS); concrete indices are
named "<alias>-<timestamp>" so that a rebuild (search/rebuild.py) can fill a new one and swap
the alias atomically. Only core analysis is used, because the node the tests run (the
integ-test distribution) has no analysis-common module: no stemmer, decompounder, synonym or
ngram filters, not even the whitespace tokenizer. German analysis happens in search.analysis.

Bump MAPPING_VERSION whenever settings or mapping change; it is stored in the index `_meta`
so that `search_check`/rebuild can tell an outdated index from a current one.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from elasticsearch import NotFoundError, helpers

from .documents import TEXT_ANALYZER, KnowledgePageDocument

logger = logging.getLogger(__name__)

MAPPING_VERSION = 3
BULK_CHUNK_SIZE = 500


def index_settings():
    return {
        "number_of_shards": 1,
        # One node in development and tests; production clusters raise this themselves
        # (README, "Betrieb"): a replica on a single node would keep the index yellow.
        "number_of_replicas": 0,
        "analysis": {
            "filter": {"tw_german_stop": {"type": "stop", "stopwords": "_german_"}},
            "analyzer": {
                TEXT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "tw_german_stop"]},
            },
        },
    }


def index_mapping():
    mapping = KnowledgePageDocument._doc_type.mapping.to_dict()
    # Unknown fields are kept in _source but not indexed: a stray field never changes the
    # mapping of a live index behind our back.
    mapping["dynamic"] = False
    mapping["_meta"] = {"mapping_version": MAPPING_VERSION, "document": "knowledge-page"}
    return mapping


def new_index_name(alias):
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S%f")
    return f"{alias}-{stamp}".lower()


def create_index(es, name):
    es.indices.create(index=name, settings=index_settings(), mappings=index_mapping())
    return name


def alias_target(es, alias):
    """Name of the concrete index behind `alias`, or None when the alias does not exist.

    Raises RuntimeError when the alias points at several indices: writes through it would
    fail, and that must be fixed (rebuild), not guessed around.
    """
    try:
        response = es.indices.get_alias(name=alias)
    except NotFoundError:
        return None
    names = sorted(response.body if hasattr(response, "body") else response)
    if not names:
        return None
    if len(names) > 1:
        raise RuntimeError(f"Alias {alias} zeigt auf mehrere Indizes: {', '.join(names)}")
    return names[0]


def ensure_index(es, alias):
    """The concrete index behind `alias`, created (with the alias) if there is none yet."""
    target = alias_target(es, alias)
    if target is not None:
        return target
    if es.indices.exists(index=alias):
        raise RuntimeError(f"{alias} ist ein Index, kein Alias; bitte den Suchindex neu aufbauen.")
    name = create_index(es, new_index_name(alias))
    es.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
    # Two processes may have raced here; keep the oldest index and drop ours if it lost.
    try:
        return alias_target(es, alias)
    except RuntimeError:
        names = sorted(es.indices.get_alias(name=alias).body)
        keep = names[0]
        for other in names[1:]:
            es.indices.update_aliases(actions=[{"remove": {"index": other, "alias": alias}}])
            es.options(ignore_status=404).indices.delete(index=other)
        return keep


def mapping_version(es, index_or_alias):
    """MAPPING_VERSION recorded in the index, or None (missing index or no _meta)."""
    try:
        response = es.indices.get_mapping(index=index_or_alias)
    except NotFoundError:
        return None
    for data in response.body.values():
        return (data.get("mappings", {}).get("_meta") or {}).get("mapping_version")
    return None


def _actions_upsert(target, docs):
    for doc in docs:
        yield {"_op_type": "index", "_index": target, "_id": str(doc["id"]), "_source": doc}


def _actions_delete(target, ids):
    for pk in ids:
        yield {"_op_type": "delete", "_index": target, "_id": str(pk)}


def _bulk(es, actions, chunk_size, refresh):
    # Item errors come back for the caller to judge; transport errors (node down) raise.
    return helpers.bulk(
        es, actions, chunk_size=chunk_size, raise_on_error=False, raise_on_exception=True, refresh=refresh
    )


def bulk_upsert(es, target, docs, chunk_size=BULK_CHUNK_SIZE, refresh=False):
    """Index (create or replace) documents; returns (count_ok, errors).

    `errors` lists the failed items as Elasticsearch reports them; the caller decides what a
    failure means (the outbox keeps the task queued, the rebuild aborts). Transport errors
    (node down) raise.
    """
    ok, errors = _bulk(es, _actions_upsert(target, docs), chunk_size, refresh)
    if errors:
        logger.warning("bulk upsert into %s: %d errors, first: %s", target, len(errors), errors[0])
    return ok, errors


def bulk_delete(es, target, ids, chunk_size=BULK_CHUNK_SIZE, refresh=False):
    """Delete documents by page id; ids that are not in the index are not errors."""
    ok, errors = _bulk(es, _actions_delete(target, ids), chunk_size, refresh)
    errors = [e for e in errors if (e.get("delete") or {}).get("status") != 404]
    if errors:
        logger.warning("bulk delete in %s: %d errors, first: %s", target, len(errors), errors[0])
    return ok, errors


def refresh(es, alias):
    es.indices.refresh(index=alias)


def document_count(es, alias):
    return es.count(index=alias)["count"]
