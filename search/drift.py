"""Drift between the database and the search indexes: find it, and repair it via the outbox.

The expected state is what search.documents builds from the database right now. Each
document is compared by a hash of its canonical JSON (the same serializer the client sends
with), so any difference counts: an edit, a renamed tag, new document text, a moved page.
Only hashes are kept in memory, so a check of 50,000 pages stays small.

Repair does not write documents itself: it enqueues tasks and drains them, so it goes
through the same idempotent, retrying path as every other update and cannot race with it.
"""

import hashlib
import json
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

logger = logging.getLogger("search.drift")


@dataclass
class Drift:
    missing: list = field(default_factory=list)  # public pages not in the index
    extra: list = field(default_factory=list)  # index documents that must not be there
    stale: list = field(default_factory=list)  # in the index, but not the current content
    checked: int = 0

    @property
    def count(self):
        return len(self.missing) + len(self.extra) + len(self.stale)

    def page_ids(self):
        # Documents whose id is not a page id ("foreign") are handled apart (repair()).
        return sorted(pk for pk in set(self.missing) | set(self.extra) | set(self.stale) if isinstance(pk, int))


@dataclass
class CheckResult:
    expected: int = 0
    elasticsearch: Drift | None = None  # None: Elasticsearch not configured
    database: Drift = field(default_factory=Drift)
    error: str = ""  # Elasticsearch could not be read

    @property
    def drift_found(self):
        return bool(self.database.count or (self.elasticsearch and self.elasticsearch.count) or self.error)

    def page_ids(self):
        ids = set(self.database.page_ids())
        if self.elasticsearch:
            ids |= set(self.elasticsearch.page_ids())
        return sorted(ids)


def _serializer():
    from elastic_transport import JsonSerializer

    return JsonSerializer()


def fingerprint(document, serializer=None):
    """Hash of a document as Elasticsearch stores it (after the client's JSON encoding)."""
    serializer = serializer or _serializer()
    plain = json.loads(serializer.dumps(document))
    canonical = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()


def expected_fingerprints(batch_size=500, progress=None):
    """{page_id: fingerprint} of every page that must be in the index."""
    from search.documents import build_documents_by_id
    from wiki.models import KnowledgePage

    serializer = _serializer()
    ids = list(KnowledgePage.objects.filter(live=True).order_by("pk").values_list("pk", flat=True))
    result = {}
    for start in range(0, len(ids), batch_size):
        for page_id, document in build_documents_by_id(ids[start : start + batch_size]).items():
            if document is not None:
                result[page_id] = fingerprint(document, serializer)
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return result


def elasticsearch_fingerprints(es, alias):
    """{page_id: fingerprint} of every document behind the alias."""
    from elasticsearch import helpers

    result = {}
    for hit in helpers.scan(es, index=alias, query={"query": {"match_all": {}}}, size=1000, scroll="2m"):
        try:
            page_id = int(hit["_id"])
        except ValueError:
            page_id = hit["_id"]  # a foreign document: reported as extra
        result[page_id] = fingerprint(hit.get("_source") or {})
    return result


def database_documents():
    """{page_id: stored display document} of the fallback entries."""
    from search.models import SearchEntry

    return {page_id: document for page_id, document in SearchEntry.objects.values_list("page_id", "document")}


def _compare(expected, actual):
    drift = Drift(checked=len(actual))
    drift.missing = sorted(set(expected) - set(actual))
    drift.extra = sorted(set(actual) - set(expected), key=str)
    drift.stale = sorted(pk for pk in set(expected) & set(actual) if expected[pk] != actual[pk])
    return drift


def _compare_database(expected_documents_hashes, stored, expected_docs_subset):
    drift = Drift(checked=len(stored))
    drift.missing = sorted(set(expected_documents_hashes) - set(stored))
    drift.extra = sorted(set(stored) - set(expected_documents_hashes))
    drift.stale = sorted(expected_docs_subset)
    return drift


def check(es=None, progress=None):
    """Compare database, fallback entries and (when configured) Elasticsearch."""
    from search.documents import build_documents_by_id

    result = CheckResult()
    expected = expected_fingerprints(progress=progress)
    result.expected = len(expected)

    # Fallback: the stored document keeps the display fields; compare those field by field.
    stored = database_documents()
    stale_db = []
    common = sorted(set(expected) & set(stored))
    for start in range(0, len(common), 500):
        chunk = common[start : start + 500]
        for page_id, document in build_documents_by_id(chunk).items():
            saved = stored[page_id] or {}
            if document is None or any(
                _plain(document.get(key)) != _plain(value) for key, value in saved.items() if key in document
            ):
                stale_db.append(page_id)
    result.database = _compare_database(expected, stored, stale_db)

    if settings.ELASTICSEARCH_URL:
        from search.client import get_client

        try:
            es = (es or get_client()).options(request_timeout=60)
            # Writes of the last second are not visible to a scan before a refresh.
            es.indices.refresh(index=settings.SEARCH_INDEX_ALIAS)
            actual = elasticsearch_fingerprints(es, settings.SEARCH_INDEX_ALIAS)
            result.elasticsearch = _compare(expected, actual)
        except Exception as exc:  # noqa: BLE001 - reported; the command exits non-zero
            result.error = f"{type(exc).__name__}: {exc}"[:500]
            result.elasticsearch = Drift()
    return result


def _plain(value):
    # Wrapped in a list: the client's serializer passes a bare string through unchanged.
    return json.loads(_serializer().dumps([value]))[0]


def repair(result, progress=None):
    """Enqueue every drifting page and drain the queue. Returns the sync result."""
    from search.models import IndexTask
    from search.sync import Applier, deferred, enqueue

    extra = set()
    if result.elasticsearch:
        extra |= {pk for pk in result.elasticsearch.extra if isinstance(pk, int)}
    extra |= set(result.database.extra)
    upsert = set(result.page_ids()) - extra
    with deferred(), transaction.atomic():
        enqueue(upsert, reason="search_check --repair")
        enqueue(extra, action=IndexTask.Action.DELETE, reason="search_check --repair")
    foreign = [pk for pk in (result.elasticsearch.extra if result.elasticsearch else []) if not isinstance(pk, int)]
    if foreign:
        _delete_foreign(foreign)
    return Applier().drain(respect_backoff=False, progress=progress)


def _delete_foreign(doc_ids):
    """Documents whose id is not a page id cannot come from us; remove them directly."""
    from search.client import get_client

    es = get_client()
    for doc_id in doc_ids:
        es.options(ignore_status=404).delete(index=settings.SEARCH_INDEX_ALIAS, id=doc_id)
