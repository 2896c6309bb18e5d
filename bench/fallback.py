"""The database fallback next to Wagtail's own database search backend, on one corpus.

Why a run of its own: the fallback's figures (fill rate, search and autocomplete latency, one
and eight concurrent searchers) and the reference a Wagtail developer would otherwise use,
`wagtail.search.backends.database` (FTS5 on SQLite, full-text search on PostgreSQL), are
measured in one process on the same pages and queries, without Elasticsearch or HTTP.

    python -m bench.fallback --database-url postgres://…/copy_of_a_bench_corpus [--rounds 3]

Writes JSON to stdout; docs/benchmarks.md ("Database fallback") reports the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time

from bench import environment
from bench.stats import summarize

WAGTAIL_BACKEND = "default"  # config/settings/base.py: wagtail.search.backends.database


def _timed(fn, items, rounds):
    for item in items:  # warm-up
        fn(item)
    durations = []
    for _ in range(rounds):
        for item in items:
            started = time.perf_counter()
            fn(item)
            durations.append(time.perf_counter() - started)
    return summarize(durations)


def _concurrent(fn, items, clients, rounds):
    from django.db import connection

    durations, lock = [], threading.Lock()

    def worker(offset):
        try:
            for r in range(rounds):
                for i in range(len(items)):
                    item = items[(i + offset + r) % len(items)]
                    started = time.perf_counter()
                    fn(item)
                    elapsed = time.perf_counter() - started
                    with lock:
                        durations.append(elapsed)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n * 7,)) for n in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {**summarize(durations), "requests_per_second": round(len(durations) / wall, 1)}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.fallback", description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-wagtail-index", action="store_true")
    args = parser.parse_args(argv)
    es_url = environment.elasticsearch_url()
    environment.configure(args.database_url, es_url, "fallback", 0)

    from django.core.management import call_command
    from wagtail.models import Page

    from bench import vocab
    from search import reference, service
    from search.backends.database import DatabaseBackend
    from search.backends.database import index as fallback_index
    from search.query import SearchQuery

    out = {"load_before": os.getloadavg()}
    call_command("migrate", verbosity=0)

    started = time.monotonic()
    entries = fallback_index.rebuild_entries()
    seconds = time.monotonic() - started
    out["fallback_rebuild"] = {
        "entries": entries,
        "seconds": round(seconds, 2),
        "pages_per_second": round(entries / seconds, 1),
    }

    if not args.skip_wagtail_index:
        started = time.monotonic()
        call_command("update_index", backend_name=WAGTAIL_BACKEND, verbosity=0)
        out["wagtail_update_index_seconds"] = round(time.monotonic() - started, 2)

    one, multi = vocab.ONE_WORD_QUERIES, vocab.MULTI_WORD_QUERIES
    queries = one + multi
    fallback_index._cache.clear()
    first = SearchQuery.from_params({"q": queries[0]}, reference.get())
    started = time.perf_counter()
    service.search(first, backend="database")
    out["first_search_ms_cold_caches"] = round((time.perf_counter() - started) * 1000, 1)

    def ours(q):
        service.search(SearchQuery.from_params({"q": q}, reference.get()), backend="database")

    def wagtail(q):
        results = Page.objects.live().search(q, backend=WAGTAIL_BACKEND)
        list(results[:10])
        results.count()

    backend = DatabaseBackend()
    prefixes = [q[: max(2, len(q) // 2)] for q in queries]
    out["ours_one_word"] = _timed(ours, one, args.rounds)
    out["ours_multi_word"] = _timed(ours, multi, args.rounds)
    out["ours_all"] = _timed(ours, queries, args.rounds)
    out["ours_8_clients"] = _concurrent(ours, queries, 8, 1)
    out["ours_autocomplete"] = _timed(backend.suggest, prefixes, args.rounds)
    out["wagtail_all"] = _timed(wagtail, queries, args.rounds)
    out["wagtail_8_clients"] = _concurrent(wagtail, queries, 8, 1)
    out["ratio_p95_ours_to_wagtail"] = round(out["ours_all"]["p95"] / out["wagtail_all"]["p95"], 2)
    if "wagtail_update_index_seconds" in out:
        out["ratio_index_seconds_ours_to_wagtail"] = round(seconds / out["wagtail_update_index_seconds"], 2)
    out["load_after"] = os.getloadavg()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
