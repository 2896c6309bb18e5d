"""The outbox: record which pages' search documents must change, then apply that to both
indexes (the database fallback entries and Elasticsearch).

`enqueue()` is called inside the transaction of the change (signal receivers in
search/signals.py), so the intent to update commits or rolls back together with the change.
After commit the new tasks are applied right away (publish → searchable in well under two
seconds). Applying re-reads each page and builds its current document, so every task means
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
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

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
    elasticsearch: str = "ok"  # "ok" | "disabled" | "skipped" | "unavailable"
    last_id: int = 0

    def merge(self, other):
        self.tasks += other.tasks
        self.pages += other.pages
        self.indexed += other.indexed
        self.deleted += other.deleted
        self.failed_tasks += other.failed_tasks
        self.errors.extend(other.errors)
        if other.elasticsearch != "ok":
            self.elasticsearch = other.elasticsearch


class ElasticsearchDown(Exception):
    """The whole request failed (connection, timeout, 5xx, 429): every task stays queued."""


# After an inline failure the web process leaves Elasticsearch alone for a while, so that an
# outage does not add a connection timeout to every editor's publish.
_circuit = {"open_until": 0.0}


def _elasticsearch_enabled():
    return bool(settings.ELASTICSEARCH_URL)


class Applier:
    """Claims due tasks, applies them to the fallback index and to Elasticsearch."""

    def __init__(self, inline=False, es=None, target=None):
        self.inline = inline
        self._client = es
        # Normally the alias; a rebuild replays into its new concrete index.
        self.target = target

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
        failures = {}  # page_id -> message

        # 1. database fallback: local, so it never waits for Elasticsearch
        fallback_pages = {t.page_id for t in tasks if t.fallback_applied_at is None}
        if fallback_pages:
            failures.update(self._apply_fallback(fallback_pages))
            done_ids = [t.pk for t in tasks if t.fallback_applied_at is None and t.page_id not in failures]
            IndexTask.objects.filter(pk__in=done_ids).update(fallback_applied_at=timezone.now())

        # 2. Elasticsearch
        if not _elasticsearch_enabled():
            result.elasticsearch = "disabled"
        elif self.inline and time.monotonic() < _circuit["open_until"]:
            result.elasticsearch = "skipped"
            self._postpone(tasks, "Elasticsearch war kurz zuvor nicht erreichbar; die Zustellung folgt.")
            return
        else:
            try:
                outcome = self._apply_elasticsearch_with_recheck(by_page)
            except ElasticsearchDown as exc:
                if self.inline:
                    _circuit["open_until"] = time.monotonic() + _setting("SEARCH_SYNC_INLINE_PAUSE", 30)
                message = str(exc)
                result.elasticsearch = "unavailable"
                result.failed_tasks = len(tasks)
                result.errors = [(None, message)]
                self._mark_failed(tasks, message)
                logger.warning("Elasticsearch unavailable, %d index task(s) stay queued: %s", len(tasks), message)
                return
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

    def _apply_elasticsearch_with_recheck(self, by_page):
        max_task = {page_id: max(t.pk for t in group) for page_id, group in by_page.items()}
        outcome = self._apply_elasticsearch(list(by_page))
        # A newer task for a page may have been applied by another process between our read
        # and our write; then our write may be stale: read and write those pages once more.
        for _ in range(MAX_REAPPLY_ROUNDS):
            newer = self._pages_with_newer_tasks(max_task, outcome.failed)
            if not newer:
                break
            self._apply_fallback(set(newer))
            again = self._apply_elasticsearch(sorted(newer))
            outcome.indexed |= again.indexed
            outcome.deleted |= again.deleted
            for page_id in again.indexed | again.deleted:
                outcome.failed.pop(page_id, None)
            outcome.failed.update(again.failed)
            max_task.update(newer)
        return outcome

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
            if result.elasticsearch == "unavailable":
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

    def _apply_fallback(self, page_ids):
        """Bring the fallback entries up to date; returns {page_id: message} for failures."""
        from search import fallback_index

        ids = sorted(page_ids)
        try:
            fallback_index.upsert_entries(ids)
            return {}
        except Exception:  # noqa: BLE001 - find the page that breaks it, keep the others going
            logger.warning("Batch update of database search entries failed; retrying page by page", exc_info=True)
        failures = {}
        for page_id in ids:
            try:
                fallback_index.upsert_entry(page_id)
            except Exception as exc:  # noqa: BLE001
                logger.exception("Database search entry for page %s could not be written", page_id)
                failures[page_id] = f"Datenbank-Suchindex: {type(exc).__name__}: {exc}"[:2000]
        return failures

    def _client_for_writes(self):
        if self._client is None:
            from search.client import get_client

            self._client = get_client()
            if self.inline:
                self._client = self._client.options(
                    request_timeout=_setting("SEARCH_SYNC_INLINE_TIMEOUT", 2.0), max_retries=0
                )
        return self._client

    def _apply_elasticsearch(self, page_ids):
        documents, build_failures = build_documents(page_ids)
        # An editor's publish is visible at once instead of after the next periodic refresh
        # (≤ 1 s); worker batches leave refreshing to Elasticsearch.
        refresh = self.inline and _setting("SEARCH_SYNC_INLINE_REFRESH", True)
        outcome = write_documents(
            self._client_for_writes(), self.target or settings.SEARCH_INDEX_ALIAS, documents, refresh=refresh
        )
        outcome.failed.update(build_failures)
        return outcome

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


# --- Building and writing documents -------------------------------------------------------


def build_documents(page_ids):
    """({page_id: document or None}, {page_id: error}) with the committed state of each page.

    None means "must not be in the index" (deleted, draft, unpublished, restricted). A page
    whose document cannot be built is reported, not sent, and does not stop the others.
    """
    from search.documents import build_documents_by_id

    ids = sorted(set(page_ids))
    try:
        return build_documents_by_id(ids), {}
    except Exception:  # noqa: BLE001
        logger.warning("Building search documents in one batch failed; retrying page by page", exc_info=True)
    documents, failures = {}, {}
    for page_id in ids:
        try:
            documents.update(build_documents_by_id([page_id]))
        except Exception as exc:  # noqa: BLE001
            logger.exception("Search document for page %s could not be built", page_id)
            failures[page_id] = f"Suchdokument: {type(exc).__name__}: {exc}"[:2000]
    return documents, failures


def doc_id(page_id):
    return str(page_id)


@dataclass
class WriteOutcome:
    indexed: set = field(default_factory=set)
    deleted: set = field(default_factory=set)
    failed: dict = field(default_factory=dict)  # page_id -> message


def write_documents(es, target, documents, require_alias=None, refresh=False):
    """Index or delete one document per page in one bulk request.

    documents: {page_id: dict | None}; None deletes. Per-item rejections are returned in
    `failed`; a failure of the whole request raises ElasticsearchDown.
    """
    from elasticsearch import ApiError, TransportError

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
            raise ElasticsearchDown(_describe(exc)) from exc
        missing_alias = False
        outcome = WriteOutcome()
        for page_id, item in zip(order, response["items"]):
            (op, info), = item.items()
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
            _ensure_alias(es, target)
            continue
        break
    if outcome.failed and len(outcome.failed) == len(order) and _all_unavailable(response):
        raise ElasticsearchDown(next(iter(outcome.failed.values())))
    return outcome


def _ensure_alias(es, alias):
    from search.index import ensure_index

    ensure_index(es, alias)


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
