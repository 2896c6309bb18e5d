"""Drift check of the database fallback index. The stored document keeps only the display
fields, so entries are compared field by field with freshly built documents; the full-text
engine's own index (SQLite FTS5) is checked as well, and when it is damaged every entry counts as
stale, so a repair or `search_rebuild` writes them all again."""

import json

from search.backends.base import Drift
from search.documents import build_documents_by_id
from search.models import SearchEntry

from . import fulltext


def stored_documents():
    """{page_id: stored display document} of the fallback entries."""
    return {page_id: document for page_id, document in SearchEntry.objects.values_list("page_id", "document")}


def check(expected, batch_size=500):
    stored = stored_documents()
    stale = []
    common = sorted(set(expected) & set(stored))
    for start in range(0, len(common), batch_size):
        chunk = common[start : start + batch_size]
        for page_id, document in build_documents_by_id(chunk).items():
            saved = stored[page_id] or {}
            if document is None or any(
                _plain(document.get(key)) != _plain(value) for key, value in saved.items() if key in document
            ):
                stale.append(page_id)
    drift = Drift(checked=len(stored))
    drift.missing = sorted(set(expected) - set(stored))
    drift.extra = sorted(set(stored) - set(expected))
    drift.stale = sorted(stale)
    if fulltext.check_integrity():
        drift.stale = sorted(set(stored) & set(expected))
    return drift


def _plain(value):
    # As stored in a JSON column: tuples become lists, and so on.
    return json.loads(json.dumps(value, default=str))
