"""The outbox: record which pages' search documents must change, then apply that to every
configured backend (the database fallback and, when configured, Elasticsearch).

`enqueue()` is called inside the transaction of the change (signal receivers in
search/signals.py), so the intent to update commits or rolls back together with the change.
After commit the new tasks are applied right away (publish → searchable in well under two
seconds). Applying re-reads each page and builds its current document once
(search.documents), then hands it to each backend's `apply()`, so every task means
"bring page N up to date" and applying one twice is harmless; several tasks for one page
collapse into one request. When Elasticsearch is down or rejects a document the site carries
on; the task keeps its row with attempts, last error and a backed-off next attempt, and
`manage.py search_sync` (cron or systemd) applies it later. Nothing is ever dropped: a task
that keeps failing is reported (search_status, ERROR log) and retried at the capped interval.

Two appliers (the web process after commit and the search_sync worker) may handle tasks of
the same page at the same time. A stale write is prevented by re-checking after writing:
when a newer task for a page exists by then, that page is applied once more, so the last
write always reads the page after the newest change committed.
"""

import logging
import threading
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from search import outage
from search.backends.base import BackendUnavailable
from search.documents import build_or_report
from search.models import IndexTask

logger = logging.getLogger("search.sync")

LEASE_SECONDS = 120  # a claimed task becomes due again if its applier died meanwhile
MAX_REAPPLY_ROUNDS = 3


def _setting(name, default):
    return getattr(settings, name, default)


def batch_size():
    return _setting("SEARCH_SYNC_BATCH_SIZE", 500)


def report_after():
    return _setting("SEARCH_SYNC_REPORT_AFTER", 5)


def backoff_seconds(attempts):
    """Delay before attempt number attempts+1: 5 s, 10 s, 20 s … capped (default 10 min)."""
    base = _setting("SEARCH_SYNC_BACKOFF_BASE", 5)
    cap = _setting("SEARCH_SYNC_MAX_BACKOFF", 600)
    return min(cap, base * (2 ** max(0, attempts - 1)))


# --- Writing the outbox -------------------------------------------------------------------

_local = threading.local()


def _pending_ids():
    ids = getattr(_local, "pending", None)
    if ids is None:
        ids = _local.pending = set()
    return ids


def enqueue(page_ids, action=IndexTask.Action.UPSERT, reason=""):
    """Record that these pages' search documents must be brought up to date.

    Call inside the transaction of the change. Returns the number of tasks written.
    """
    ids = sorted({int(pk) for pk in page_ids if pk is not None})
    if not ids:
        return 0
    tasks = IndexTask.objects.bulk_create(
        [IndexTask(page_id=pk, action=action, reason=reason[:100]) for pk in ids], batch_size=1000
    )
    created = [task.pk for task in tasks if task.pk is not None]
    if len(created) == len(ids):
        _pending_ids().update(created)
    else:  # backends that do not return primary keys from bulk_create
        _local.pending_unknown = True
    transaction.on_commit(_apply_after_commit)
    return len(ids)


@contextmanager
def deferred():
    """Within this block, enqueued tasks are not applied after commit; the caller drains
    them itself (bulk commands), or the worker does."""
    previous = getattr(_local, "deferred", False)
    _local.deferred = True
    try:
        yield
    finally:
        _local.deferred = previous


def _apply_after_commit():
    """on_commit hook: apply what this thread enqueued. Never raises into the request."""
    if getattr(_local, "deferred", False):
        _pending_ids().clear()
        return
    pending = _pending_ids()
    ids = list(pending)
    pending.clear()
    unknown = getattr(_local, "pending_unknown", False)
    _local.pending_unknown = False
    if not ids and not unknown:
        return  # an earlier hook of the same transaction already applied everything
    if not _setting("SEARCH_SYNC_INLINE", True):
        return
    try:
        applier = Applier(inline=True)
        if unknown:
            applier.run(respect_backoff=True, limit=batch_size())
        else:
            applier.run(task_ids=ids)
    except Exception:  # noqa: BLE001 - the change is committed; the worker retries
        logger.exception("Applying search index tasks after commit failed; they stay queued")


# --- Applying -----------------------------------------------------------------------------


@dataclass
class SyncResult:
    """What one drain did."""

    tasks: int = 0
    pages: int = 0
    indexed: int = 0
    deleted: int = 0
    failed_tasks: int = 0
    errors: list = field(default_factory=list)  # (page_id, message)
    backends: dict = field(default_factory=dict)  # backend name -> "ok" | "skipped" | "unavailable"
    last_id: int = 0

    @property
    def unavailable(self):
        return "unavailable" in self.backends.values()

    @property
    def elasticsearch(self):
        """ "ok" | "disabled" | "skipped" | "unavailable", for search_sync's report."""
        return self.backends.get("elasticsearch", "disabled")

    def merge(self, other):
        self.tasks += other.tasks
        self.pages += other.pages
        self.indexed += other.indexed
        self.deleted += other.deleted
        self.failed_tasks += other.failed_tasks
        self.errors.extend(other.errors)
        for name, state in other.backends.items():
            if state != "ok" or name not in self.backends:
                self.backends[name] = state


class Applier:
    """Claims due tasks, builds each page's document once and applies it to every configured
    backend (search.backends.configured_backends: the database first, then Elasticsearch)."""

    def __init__(self, inline=False, backends=None):
        self.inline = inline
        self._backends = backends
        self._writing = None  # name of the backend being written (for its outage)

    def backends(self):
        if self._backends is None:
            from search.backends import configured_backends

            self._backends = configured_backends()
        return self._backends

    # - claiming -

    def _claim(self, task_ids=None, respect_backoff=True, limit=None, after_id=0):
        now = timezone.now()
        qs = IndexTask.objects.filter(done_at__isnull=True, pk__gt=after_id).filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
        )
        if task_ids is not None:
            qs = qs.filter(pk__in=task_ids)
        if respect_backoff:
            qs = qs.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        with transaction.atomic():
            if connection.features.has_select_for_update_skip_locked:
                qs = qs.select_for_update(skip_locked=True)
            tasks = list(qs.order_by("id")[: limit or batch_size()])
            if tasks:
                IndexTask.objects.filter(pk__in=[t.pk for t in tasks]).update(
                    claimed_until=now + timedelta(seconds=LEASE_SECONDS)
                )
        return tasks

    # - one batch -

    def run(self, task_ids=None, respect_backoff=True, limit=None, after_id=0):
        """Apply one batch of tasks (the given ids, or the oldest due ones)."""
        tasks = self._claim(task_ids=task_ids, respect_backoff=respect_backoff, limit=limit, after_id=after_id)
        result = SyncResult(tasks=len(tasks))
        if not tasks:
            return result
        result.last_id = max(t.pk for t in tasks)
        try:
            self._apply(tasks, result)
        finally:
            IndexTask.objects.filter(pk__in=[t.pk for t in tasks]).update(claimed_until=None)
        return result

    def _apply(self, tasks, result):
        by_page = defaultdict(list)
        for task in tasks:
            by_page[task.page_id].append(task)
        result.pages = len(by_page)
        max_task = {page_id: max(t.pk for t in group) for page_id, group in by_page.items()}
        documents, failures = build_or_report(by_page)  # failures: page_id -> message
        outcomes = {}  # backend name -> WriteOutcome
        try:
            for backend in self.backends():
                pages = self._pages_for(backend, by_page)
                if not pages:
                    result.backends[backend.name] = "ok"
                    continue
                if self.inline and outage.is_down(backend.name):
                    result.backends[backend.name] = "skipped"
                    self._postpone(tasks, f"{backend.label} war kurz zuvor nicht erreichbar; die Zustellung folgt.")
                    return
                self._writing = backend.name
                outcome = outcomes[backend.name] = backend.apply(
                    {page_id: documents[page_id] for page_id in pages if page_id in documents}, inline=self.inline
                )
                result.backends[backend.name] = "ok"
                if backend.applied_field:
                    applied = [
                        t.pk
                        for page_id in pages
                        for t in by_page[page_id]
                        if page_id not in outcome.failed and page_id not in failures
                    ]
                    IndexTask.objects.filter(pk__in=applied).update(**{backend.applied_field: timezone.now()})
            self._reapply_newer(max_task, failures, outcomes)
        except BackendUnavailable as exc:
            name = self._writing
            if self.inline:
                outage.mark_down(name, exc, _setting("SEARCH_SYNC_INLINE_PAUSE", 30))
            message = str(exc)
            result.backends[name] = "unavailable"
            result.failed_tasks = len(tasks)
            result.errors = [(None, message)]
            self._mark_failed(tasks, message)
            logger.warning("Search backend %s unavailable, %d index task(s) stay queued: %s", name, len(tasks), message)
            return
        # The counts of the last backend written (the remote one when configured).
        for outcome in outcomes.values():
            result.indexed = len(outcome.indexed)
            result.deleted = len(outcome.deleted)
            for page_id, message in outcome.failed.items():
                failures.setdefault(page_id, message)

        ok_tasks, failed_by_message = [], defaultdict(list)
        for page_id, group in by_page.items():
            if page_id in failures:
                failed_by_message[failures[page_id]].extend(group)
            else:
                ok_tasks.extend(group)
        self._mark_done(ok_tasks)
        for message, group in failed_by_message.items():
            self._mark_failed(group, message)
            result.failed_tasks += len(group)
        result.errors = sorted(failures.items())

    @staticmethod
    def _pages_for(backend, by_page):
        """Pages of the batch this backend still needs (a retry skips what it already has)."""
        field_name = backend.applied_field
        if field_name is None:
            return list(by_page)
        return [page_id for page_id, group in by_page.items() if any(getattr(t, field_name) is None for t in group)]

    def _reapply_newer(self, max_task, failures, outcomes):
        # A newer task for a page may have been applied by another process between our read
        # and our write; then our write may be stale: read and write those pages once more.
        for _ in range(MAX_REAPPLY_ROUNDS):
            failed = set(failures).union(*(o.failed for o in outcomes.values()))
            newer = self._pages_with_newer_tasks(max_task, failed)
            if not newer:
                return
            documents, build_failures = build_or_report(newer)
            failures.update(build_failures)
            for backend in self.backends():
                if backend.name in outcomes:
                    self._writing = backend.name
                    outcomes[backend.name].merge(backend.apply(documents, inline=self.inline))
            max_task.update(newer)

    def drain(self, respect_backoff=False, max_batches=None, progress=None):
        """Apply batches in id order until nothing (due) is left.

        Each task is tried at most once per drain, so a rejected document cannot keep the
        drain busy; it keeps its backoff for the next drain or the worker loop.
        """
        total = SyncResult()
        cursor, batches = 0, 0
        while max_batches is None or batches < max_batches:
            result = self.run(respect_backoff=respect_backoff, after_id=cursor)
            batches += 1
            if not result.tasks:
                break
            cursor = result.last_id
            total.merge(result)
            if progress:
                progress(result, total)
            if result.unavailable:
                break
        return total

    # - helpers -

    def _pages_with_newer_tasks(self, max_task, failed):
        candidates = {page_id: newest for page_id, newest in max_task.items() if page_id not in failed}
        if not candidates:
            return {}
        rows = (
            IndexTask.objects.filter(page_id__in=list(candidates), pk__gt=min(candidates.values()))
            .values("page_id")
            .annotate(newest=Max("pk"))
        )
        return {row["page_id"]: row["newest"] for row in rows if row["newest"] > candidates[row["page_id"]]}

    def _mark_done(self, tasks):
        if not tasks:
            return
        now = timezone.now()
        IndexTask.objects.filter(pk__in=[t.pk for t in tasks]).update(
            done_at=now, next_attempt_at=None, fallback_applied_at=now, claimed_until=None
        )

    def _postpone(self, tasks, message):
        IndexTask.objects.filter(pk__in=[t.pk for t in tasks]).update(
            next_attempt_at=timezone.now() + timedelta(seconds=_setting("SEARCH_SYNC_INLINE_PAUSE", 30)),
            last_error=message,
            claimed_until=None,
        )

    def _mark_failed(self, tasks, message):
        if not tasks:
            return
        now = timezone.now()
        message = message[:2000]
        # Grouped by attempt count so that one UPDATE per group sets the matching backoff.
        by_attempts = defaultdict(list)
        for task in tasks:
            by_attempts[task.attempts + 1].append(task.pk)
        for attempts, ids in by_attempts.items():
            IndexTask.objects.filter(pk__in=ids).update(
                attempts=attempts,
                last_error=message,
                next_attempt_at=now + timedelta(seconds=backoff_seconds(attempts)),
                claimed_until=None,
            )
            if attempts >= report_after():
                logger.error(
                    "Search index update failed %d times for %d task(s), still retrying: %s (task ids %s)",
                    attempts,
                    len(ids),
                    message,
                    ids[:20],
                )


# --- Maintenance --------------------------------------------------------------------------


def purge_done(days=None):
    """Delete applied tasks older than `days` (default SEARCH_SYNC_KEEP_DONE_DAYS)."""
    days = _setting("SEARCH_SYNC_KEEP_DONE_DAYS", 7) if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = IndexTask.objects.filter(done_at__lt=cutoff).delete()
    return deleted


def queue_stats():
    """Numbers for search_status and /health/."""
    now = timezone.now()
    pending = IndexTask.objects.filter(done_at__isnull=True)
    oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
    failed = pending.filter(attempts__gte=report_after())
    last_failed = pending.exclude(last_error="").order_by("-next_attempt_at").first()
    return {
        "pending": pending.count(),
        "pending_pages": pending.values("page_id").distinct().count(),
        "oldest_pending_age": (now - oldest).total_seconds() if oldest else None,
        "failing": pending.filter(attempts__gt=0).count(),
        "failed": failed.count(),
        "last_error": last_failed.last_error if last_failed else "",
        "last_error_page": last_failed.page_id if last_failed else None,
        "last_error_attempts": last_failed.attempts if last_failed else 0,
    }
