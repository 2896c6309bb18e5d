"""Drift check of the Elasticsearch index: every document behind the alias, hashed like the
expected documents (search.documents.fingerprint), compared by page id. Only hashes are kept
in memory, so a check of 50,000 pages stays small."""

from elasticsearch import helpers

from search.backends.base import Drift
from search.documents import fingerprint


def indexed_fingerprints(es, alias):
    """{page_id: fingerprint} of every document behind the alias."""
    result = {}
    for hit in helpers.scan(es, index=alias, query={"query": {"match_all": {}}}, size=1000, scroll="2m"):
        try:
            page_id = int(hit["_id"])
        except ValueError:
            page_id = hit["_id"]  # a foreign document: reported as extra
        result[page_id] = fingerprint(hit.get("_source") or {})
    return result


def check(es, alias, expected):
    es = es.options(request_timeout=60)
    # Writes of the last second are not visible to a scan before a refresh.
    es.indices.refresh(index=alias)
    return Drift.compare(expected, indexed_fingerprints(es, alias))


def delete_foreign(es, alias, doc_ids):
    """Documents whose id is not a page id cannot come from us; remove them directly."""
    for doc_id in doc_ids:
        es.options(ignore_status=404).delete(index=alias, id=doc_id)
