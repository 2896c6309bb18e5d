"""Drift between the database and the search indexes: find it, and repair it via the outbox.

The expected state is what search.documents builds from the database right now, as one
fingerprint per page (a hash of the document's canonical JSON), so any difference counts: an
edit, a renamed tag, new document text, a moved page. Each configured backend compares its
own index with it (`SearchBackend.check`).

Repair does not write documents itself: it enqueues tasks and drains them, so it goes
through the same idempotent, retrying path as every other update and cannot race with it.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction

from search.backends.base import Drift

logger = logging.getLogger("search.drift")

__all__ = ["CheckResult", "Drift", "check", "repair"]


@dataclass
class CheckResult:
    expected: int = 0
    drifts: dict = field(default_factory=dict)  # backend name -> Drift
    labels: dict = field(default_factory=dict)  # backend name -> German label
    error: str = ""  # an index could not be read

    @property
    def elasticsearch(self):
        """Drift of the Elasticsearch index, None when it is not configured."""
        return self.drifts.get("elasticsearch")

    @property
    def database(self):
        return self.drifts.get("database") or Drift()

    @property
    def drift_found(self):
        return bool(any(d.count for d in self.drifts.values()) or self.error)

    def page_ids(self):
        return sorted(set().union(*(d.page_ids() for d in self.drifts.values())))


def expected_fingerprints(batch_size=500, progress=None):
    """{page_id: fingerprint} of every page that must be in the index."""
    from search.documents import build_documents_by_id, fingerprint
    from wiki.models import KnowledgePage

    ids = list(KnowledgePage.objects.filter(live=True).order_by("pk").values_list("pk", flat=True))
    result = {}
    for start in range(0, len(ids), batch_size):
        for page_id, document in build_documents_by_id(ids[start : start + batch_size]).items():
            if document is not None:
                result[page_id] = fingerprint(document)
        if progress:
            progress(min(start + batch_size, len(ids)), len(ids))
    return result


def check(backends=None, progress=None):
    """Compare the database with the index of every configured backend."""
    from search.backends import configured_backends

    result = CheckResult()
    expected = expected_fingerprints(progress=progress)
    result.expected = len(expected)
    for backend in backends or configured_backends():
        result.labels[backend.name] = backend.label
        try:
            result.drifts[backend.name] = backend.check(expected)
        except Exception as exc:  # noqa: BLE001 - reported; the command exits non-zero
            result.error = f"{type(exc).__name__}: {exc}"[:500]
            result.drifts[backend.name] = Drift()
    return result


def repair(result, backends=None, progress=None):
    """Enqueue every drifting page and drain the queue. Returns the sync result."""
    from search.backends import configured_backends
    from search.models import IndexTask
    from search.sync import Applier, deferred, enqueue

    extra = set()
    for drift in result.drifts.values():
        extra |= {pk for pk in drift.extra if isinstance(pk, int)}
    upsert = set(result.page_ids()) - extra
    with deferred(), transaction.atomic():
        enqueue(upsert, reason="search_check --repair")
        enqueue(extra, action=IndexTask.Action.DELETE, reason="search_check --repair")
    for backend in backends or configured_backends():
        drift = result.drifts.get(backend.name)
        foreign = [pk for pk in (drift.extra if drift else []) if not isinstance(pk, int)]
        if foreign:
            backend.remove_foreign(foreign)
    return Applier().drain(respect_backoff=False, progress=progress)
