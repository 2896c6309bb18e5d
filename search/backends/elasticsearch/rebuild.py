"""Zero-downtime rebuild of the Elasticsearch index.

1. Leftovers of an interrupted rebuild (concrete indices "<alias>-<timestamp>" that the alias
   does not point at) are deleted.
2. A new concrete index is created with the current settings and mapping (its `_meta` records
   MAPPING_VERSION; shards and replicas from SEARCH_INDEX_SHARDS / SEARCH_INDEX_REPLICAS, so
   a cluster never loses its replicas by a rebuild) and filled with bulk requests from the
   live knowledge pages. Refresh is off while filling. Before the swap the rebuild waits (at
   most SEARCH_REBUILD_REPLICA_WAIT seconds) until the replicas are allocated, so the alias
   moves to a redundant index; if they are not, it swaps anyway and says so.
3. Updates that arrived meanwhile went through the alias into the old index. They are replayed
   into the new index from the outbox: every page with a task created or applied since shortly
   before the start, or still pending, is re-read and written (re-reading makes this exact,
   whatever order the tasks came in).
4. The alias is moved in one `update_aliases` call (remove + add), then the same replay runs
   again through the alias to catch what the old index received up to the swap. Once the node
   reports no search running on the old index any more (at least 0.2 s, at most a second after
   the swap), the old index is deleted.

Search keeps answering from the old, complete index until the swap. If anything fails before
the swap, the new index is deleted (or, if that is impossible, by the next run) and the alias
stays where it was.
"""

import logging
import os
import time
import zlib
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from search.backends.rebuild_workers import fork_pool, worker_count
from search.documents import build_or_report
from search.models import IndexTask

from . import index
from .client import get_client

logger = logging.getLogger("search.rebuild")

# Transactions that started before the rebuild and commit during it: their tasks are older
# than the start. Replaying everything from a few minutes before the start covers them.
REPLAY_MARGIN = timedelta(minutes=5)


class RebuildError(Exception):
    pass


@dataclass
class RebuildResult:
    index: str
    previous: str | None
    documents: int = 0
    pages: int = 0
    seconds: float = 0.0
    replayed: int = 0
    cleaned_up: list = field(default_factory=list)
    replicas: str = ""  # the new index's replica setting, e.g. "0-1 (1 Replikat)"
    replicas_missing: bool = False  # not all replicas allocated when the alias moved

    @property
    def pages_per_second(self):
        return self.pages / self.seconds if self.seconds else 0.0

    def report_lines(self, alias, de):
        """What search_rebuild prints (German; `de` formats numbers)."""
        lines = []
        if self.cleaned_up:
            lines.append(f"Reste eines abgebrochenen Neuaufbaus entfernt: {', '.join(self.cleaned_up)}")
        lines.append(
            f"Alias {alias} zeigt jetzt auf {self.index} ({de(self.documents)} Dokumente aus "
            f"{de(self.pages)} Seiten in {de(self.seconds, 1)} s, {de(self.pages_per_second)} Seiten/s; "
            f"{self.replayed} Änderungen während des Aufbaus nachgetragen)."
        )
        if self.replicas:
            lines.append(f"Shards und Replikate: {self.replicas}.")
        if self.replicas_missing:
            lines.append(
                "WARNUNG: Nicht alle Replikate sind verteilt (zu wenige Knoten für SEARCH_INDEX_REPLICAS?); "
                "der Index ist bis dahin ohne Redundanz."
            )
        if self.previous:
            lines.append(f"Alter Index {self.previous} gelöscht.")
        return lines


@contextmanager
def rebuild_lock(alias):
    """One rebuild per alias at a time. On PostgreSQL an advisory lock, which the server
    releases when the process dies, so a killed rebuild never blocks the next one."""
    if connection.vendor != "postgresql":
        yield
        return
    key = zlib.crc32(f"search-rebuild:{alias}".encode())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        if not cursor.fetchone()[0]:
            raise RebuildError("Für diesen Suchindex läuft bereits ein Neuaufbau.")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def _replay_page_ids(since):
    return set(
        IndexTask.objects.filter(Q(created_at__gte=since) | Q(done_at__gte=since) | Q(done_at__isnull=True))
        .values_list("page_id", flat=True)
        .distinct()
    )


def _build(page_ids, fill=False):
    """Current documents of these pages; raise RebuildError when one cannot be built.
    fill: a fresh index has nothing to delete, so pages that must not be found are skipped."""
    documents, failures = build_or_report(page_ids)
    if failures:
        raise RebuildError(
            f"{len(failures)} Suchdokument(e) konnten nicht erstellt werden: {next(iter(failures.values()))}"
        )
    if fill:
        documents = {page_id: doc for page_id, doc in documents.items() if doc is not None}
    return documents


def _write(es, target, documents, require_alias=False):
    """Write documents; raise RebuildError on any rejection. Returns the number indexed."""
    outcome = index.write_documents(es, target, documents, require_alias=require_alias)
    if outcome.failed:
        page_id, message = next(iter(outcome.failed.items()))
        raise RebuildError(
            f"Elasticsearch hat {len(outcome.failed)} Dokument(e) abgelehnt, z. B. Seite {page_id}: {message}"
        )
    return len(outcome.indexed)


def _write_all(es, target, page_ids, require_alias=False, fill=False):
    return _write(es, target, _build(page_ids, fill=fill), require_alias=require_alias)


def _fill(es, name, ids, batch_size, result, progress, fault, clock, workers=1):
    if workers > 1:
        _fill_parallel(name, ids, batch_size, result, progress, fault, clock, workers)
    else:
        _fill_serial(es, name, ids, batch_size, result, progress, fault, clock)


def _fill_serial(es, name, ids, batch_size, result, progress, fault, clock):
    """Bulk-fill the new index. Building a batch (CPU, database) overlaps with sending the
    previous one (waiting for Elasticsearch): one request in flight at a time."""
    from search.documents import load_pages

    total, done, in_flight = len(ids), 0, None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-rebuild") as pool:
        try:
            for chunk in _chunks(ids, batch_size):
                documents = _build_batch(load_pages(chunk, contiguous=True))
                if in_flight is not None:
                    result.documents += in_flight.result()
                in_flight = pool.submit(_write, es, name, documents)
                done += len(chunk)
                if fault:
                    fault(done)
                if progress:
                    progress(done, total, time.monotonic() - clock)
            if in_flight is not None:
                result.documents += in_flight.result()
        except BaseException:
            if in_flight is not None:
                in_flight.cancel()
            raise


def _fill_parallel(name, ids, batch_size, result, progress, fault, clock, workers):
    """Bulk-fill with worker processes: this process reads each batch from the database (a
    few queries), a worker builds the documents (the CPU-heavy German analysis) and sends
    them to Elasticsearch itself. Workers are forked after Django setup and the compound
    vocabulary are loaded, and never use the database: no connection is shared, and pages
    are read by this process's connection (its transaction, its advisory lock).

    A failing batch raises RebuildError here (the caller deletes the half-built index); a
    worker that dies raises too. Workers are always shut down and reaped."""
    from search.documents import load_pages

    total, done = len(ids), 0
    in_flight = deque()
    executor = fork_pool(workers)
    try:
        for chunk in _chunks(ids, batch_size):
            batch = load_pages(chunk, contiguous=True)
            in_flight.append((len(chunk), executor.submit(_worker_fill, name, batch)))
            # A batch queued behind each worker's current one: workers never wait for the
            # database reads of this process.
            while len(in_flight) >= 2 * workers:
                done = _collect(in_flight.popleft(), result, done, total, progress, fault, clock)
        while in_flight:
            done = _collect(in_flight.popleft(), result, done, total, progress, fault, clock)
    except BrokenProcessPool as exc:
        for _size, future in in_flight:
            future.cancel()
        raise RebuildError(f"Ein Prozess zum Erstellen der Suchdokumente wurde unerwartet beendet ({exc}).") from exc
    except BaseException:
        for _size, future in in_flight:
            future.cancel()
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _collect(entry, result, done, total, progress, fault, clock):
    size, future = entry
    result.documents += future.result()
    done += size
    if fault:
        fault(done)
    if progress:
        progress(done, total, time.monotonic() - clock)
    return done


_worker_client = {}


def _worker_fill(name, batch):
    """In a worker process: build the documents of a PageBatch and write them. Returns the
    number indexed; any failure comes back as RebuildError with a readable message."""
    try:
        es = _worker_client.get(os.getpid())
        if es is None:
            # Never the client inherited from the parent: its pooled sockets are shared.
            from elasticsearch import Elasticsearch

            es = _worker_client[os.getpid()] = Elasticsearch(
                settings.ELASTICSEARCH_URL, request_timeout=max(60, settings.SEARCH_ES_TIMEOUT), max_retries=1
            )
        return _write(es, name, _build_batch(batch))
    except RebuildError:
        raise
    except BaseException as exc:  # noqa: BLE001 - the parent needs a picklable, readable error
        raise RebuildError(
            f"Suchdokumente konnten nicht erstellt oder geschrieben werden: {type(exc).__name__}: {exc}"[:2000]
        ) from None


def _build_batch(batch):
    """{page_id: document} of the pages of a PageBatch that may be found (a fresh index has
    nothing to delete); RebuildError naming the first page whose document fails."""
    from search.documents import assemble_documents

    try:
        documents = assemble_documents(batch)
    except Exception:  # noqa: BLE001 - find the page that fails, like documents.build_or_report
        for page_id in batch.ids:
            try:
                assemble_documents(batch, [page_id])
            except Exception as exc:  # noqa: BLE001
                logger.exception("Search document for page %s could not be built", page_id)
                raise RebuildError(
                    f"1 Suchdokument konnte nicht erstellt werden: Seite {page_id}: {type(exc).__name__}: {exc}"[:2000]
                ) from None
        raise
    return {page_id: doc for page_id, doc in documents.items() if doc is not None}


def _replay(es, target, since, require_alias=False):
    page_ids = _replay_page_ids(since)
    if page_ids:
        for chunk in _chunks(sorted(page_ids), 500):
            _write_all(es, target, chunk, require_alias=require_alias)
    return len(page_ids)


def _wait_for_replicas(es, name, result):
    """Wait until every shard copy of the new index is allocated (health green), bounded."""
    wait = float(getattr(settings, "SEARCH_REBUILD_REPLICA_WAIT", 60))
    health = es.options(ignore_status=408, request_timeout=wait + 30).cluster.health(
        index=name, wait_for_status="green", timeout=f"{max(int(wait * 1000), 100)}ms"
    )
    result.replicas_missing = health.get("status") != "green"
    shape = es.indices.get_settings(index=name, name="index.number_of_*,index.auto_expand_replicas", flat_settings=True)
    values = shape[name]["settings"]
    replicas = int(values.get("index.number_of_replicas", 0))
    expand = values.get("index.auto_expand_replicas", "false")
    result.replicas = f"{values.get('index.number_of_shards')} Shard(s), " + (
        f"Replikate automatisch {expand} (jetzt {replicas})"
        if expand not in ("false", None)
        else f"{replicas} Replikat(e)"
    )
    if result.replicas_missing:
        logger.warning(
            "Rebuild %s: replicas not all allocated after %.0fs (health %s)", name, wait, health.get("status")
        )


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


GRACE_MINIMUM_SECONDS = 0.2
GRACE_POLL_SECONDS = 0.05


def _running_searches(es, indices):
    """Query, fetch and scroll phases running on `indices` now (the node's own counters)."""
    stats = es.indices.stats(index=",".join(indices), metric="search")["_all"]["total"]["search"]
    return stats.get("query_current", 0) + stats.get("fetch_current", 0) + stats.get("scroll_current", 0)


def _wait_for_searches(es, indices, swapped_at, grace_seconds):
    """Searches that resolved the alias before the swap may still run on the old index. Wait
    until the node reports none running there, but at least GRACE_MINIMUM_SECONDS (a request
    between alias resolution and its shard phase is not counted yet) and at most
    `grace_seconds` after the swap; the replay after the swap counts as waiting."""
    if not indices or grace_seconds <= 0:
        return
    minimum = min(GRACE_MINIMUM_SECONDS, grace_seconds)
    while True:
        waited = time.monotonic() - swapped_at
        if waited >= grace_seconds:
            return
        if waited >= minimum:
            try:
                if _running_searches(es, indices) == 0:
                    return
            except Exception:  # noqa: BLE001 - without the counters, wait the full grace period
                logger.warning("search counters of %s unavailable; waiting the full grace period", indices)
                time.sleep(max(0.0, grace_seconds - waited))
                return
        time.sleep(GRACE_POLL_SECONDS)


def rebuild(es=None, progress=None, batch_size=500, grace_seconds=1.0, fault=None, workers=None):
    """Build a new index, swap the alias, delete the old index. Returns RebuildResult.

    progress(done, total, seconds) is called after every bulk request. `fault(done)` is a test
    hook called at the same place (raise from it to simulate an interruption). workers:
    processes that build documents (default: `worker_count`, one per core from
    PARALLEL_THRESHOLD pages on).
    """
    from wiki.models import KnowledgePage

    alias = settings.SEARCH_INDEX_ALIAS
    es = (es or get_client()).options(request_timeout=max(60, settings.SEARCH_ES_TIMEOUT))
    with rebuild_lock(alias):
        cleaned = index.cleanup_stale_indices(es, alias)
        previous = index.alias_targets(es, alias)
        # A concrete index named like the alias (auto-created by a stray write) blocks the alias.
        alias_is_index = not previous and bool(es.indices.exists(index=alias))
        started = timezone.now()
        since = started - REPLAY_MARGIN
        name = index.create_index(es, index.new_index_name(alias))
        result = RebuildResult(index=name, previous=", ".join(previous) or None, cleaned_up=cleaned)
        clock = time.monotonic()
        swapped = False
        try:
            es.indices.put_settings(index=name, settings={"index": {"refresh_interval": "-1"}})
            ids = list(KnowledgePage.objects.filter(live=True).order_by("pk").values_list("pk", flat=True))
            _fill(es, name, ids, batch_size, result, progress, fault, clock, workers or worker_count(len(ids)))
            result.pages = len(ids)
            result.seconds = time.monotonic() - clock
            result.replayed += _replay(es, name, since)
            es.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
            es.indices.refresh(index=name)
            _wait_for_replicas(es, name, result)

            actions = [{"remove": {"index": old, "alias": alias}} for old in previous]
            if alias_is_index:
                actions.append({"remove_index": {"index": alias}})
            actions.append({"add": {"index": name, "alias": alias}})
            es.indices.update_aliases(actions=actions)
            swapped = True
            swapped_at = time.monotonic()
        except BaseException:
            if not swapped:
                logger.error("Rebuild into %s failed; the alias %s stays on %s", name, alias, previous or "nothing")
                try:
                    es.options(ignore_status=404).indices.delete(index=name)
                except Exception:  # noqa: BLE001 - the next run deletes it by its name
                    logger.warning("Could not delete half-built index %s; the next rebuild removes it", name)
            raise

        # What the old index received up to the swap, now through the alias into the new one.
        try:
            result.replayed += _replay(es, alias, since, require_alias=True)
        except RebuildError as exc:
            # The new index is live and complete; the outbox retries what failed here.
            logger.warning("Replay after the alias swap incomplete (%s); the outbox retries", exc)
        _wait_for_searches(es, previous, swapped_at, grace_seconds)
        for old in previous:
            es.options(ignore_status=404).indices.delete(index=old)
        logger.info(
            "Rebuilt %s: %d documents from %d pages in %.1fs (%.0f pages/s), replayed %d",
            name,
            result.documents,
            result.pages,
            result.seconds,
            result.pages_per_second,
            result.replayed,
        )
        return result
