"""The Elasticsearch index: creation, the alias, bulk writes.

Search reads and writes through an alias (settings.SEARCH_INDEX_ALIAS); concrete indices are
named "<alias>-<timestamp>" so that a rebuild (rebuild.py) can fill a new one and swap the
alias atomically. Settings and mapping are in mapping.py.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from django.conf import settings
from elasticsearch import ApiError, NotFoundError, TransportError

from search.backends.base import BackendUnavailable, WriteOutcome

from .mapping import index_mapping, index_settings

logger = logging.getLogger(__name__)


def new_index_name(alias):
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
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


def document_count(es, alias):
    return es.count(index=alias)["count"]


def index_name_pattern(alias):
    # new_index_name(): "<alias>-<20-digit UTC timestamp>"
    return re.compile(rf"^{re.escape(alias.lower())}-\d{{20}}$")


def concrete_indices(es, alias):
    """Concrete indices that belong to `alias` by their name, oldest first."""
    pattern = index_name_pattern(alias)
    response = es.options(ignore_status=404).indices.get(index=f"{alias.lower()}-*", expand_wildcards="all")
    body = getattr(response, "body", response) or {}
    if not isinstance(body, dict) or "error" in body:
        return []
    return sorted(name for name in body if pattern.match(name))


def alias_targets(es, alias):
    response = es.options(ignore_status=404).indices.get_alias(name=alias)
    body = getattr(response, "body", response) or {}
    if not isinstance(body, dict) or "error" in body or body.get("status") == 404:
        return []
    return sorted(body)


def cleanup_stale_indices(es, alias):
    """Delete concrete indices of `alias` that the alias does not point at (half-built)."""
    live = set(alias_targets(es, alias))
    stale = [name for name in concrete_indices(es, alias) if name not in live]
    for name in stale:
        logger.warning("Deleting index %s left over from an interrupted rebuild", name)
        es.options(ignore_status=404).indices.delete(index=name)
    return stale


# -- writes ---------------------------------------------------------------------------------
def doc_id(page_id):
    return str(page_id)


def write_documents(es, target, documents, require_alias=None, refresh=False):
    """Index or delete one document per page in one bulk request.

    documents: {page_id: dict | None}; None deletes. Per-item rejections are returned in
    `failed`; a failure of the whole request raises BackendUnavailable.
    """
    outcome = WriteOutcome()
    if not documents:
        return outcome
    if require_alias is None:
        require_alias = target == settings.SEARCH_INDEX_ALIAS
    operations, order = [], []
    for page_id, document in documents.items():
        if document is None:
            operations.append({"delete": {"_index": target, "_id": doc_id(page_id)}})
        else:
            operations.append({"index": {"_index": target, "_id": doc_id(page_id)}})
            operations.append(document)
        order.append(page_id)
    for attempt in (1, 2):
        try:
            # require_alias: writing to a missing alias must not auto-create an index with a
            # guessed mapping under the alias name.
            response = es.bulk(operations=operations, require_alias=require_alias or None, refresh=refresh or None)
        except (ApiError, TransportError) as exc:
            raise BackendUnavailable(_describe(exc)) from exc
        missing_alias = False
        outcome = WriteOutcome()
        for page_id, item in zip(order, response["items"], strict=True):
            ((op, info),) = item.items()
            status = info.get("status", 500)
            error = info.get("error")
            if op == "delete" and status in (200, 404):
                outcome.deleted.add(page_id)
            elif op == "index" and not error and status < 300:
                outcome.indexed.add(page_id)
            else:
                reason = _item_error(error, status)
                if isinstance(error, dict) and error.get("type") == "index_not_found_exception":
                    missing_alias = True
                outcome.failed[page_id] = reason
        if missing_alias and attempt == 1 and require_alias:
            ensure_index(es, target)
            continue
        break
    if outcome.failed and len(outcome.failed) == len(order) and _all_unavailable(response):
        raise BackendUnavailable(next(iter(outcome.failed.values())))
    return outcome


def _all_unavailable(response):
    # 429/503 on every item means the cluster is overloaded, not that the documents are bad.
    return all(next(iter(item.values())).get("status") in (429, 503) for item in response["items"])


def _item_error(error, status):
    if isinstance(error, dict):
        reason = error.get("reason") or ""
        caused = error.get("caused_by") or {}
        text = f"{error.get('type', 'error')}: {reason}"
        if caused.get("reason"):
            text += f" ({caused.get('type')}: {caused.get('reason')})"
        return f"HTTP {status} {text}"[:2000]
    return f"HTTP {status} {error or 'unbekannter Fehler'}"


def _describe(exc):
    return f"{type(exc).__name__}: {exc}"[:2000]
