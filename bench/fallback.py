"""The database fallback on SQLite and on PostgreSQL, each next to Wagtail's own database
search backend on the same pages and queries (the `fallback_engines` phase of `make bench`).

Why a child process per engine: Django binds one database per process, and a fresh process is
what a cold worker is. Each child (`python -m bench.fallback --database-url …`) first times its
very first search (nothing imported lazily yet, no vocabulary cached), then fills our fallback
index and Wagtail's (`update_index`, which picks FTS5 on SQLite and full-text search on
PostgreSQL), then times our `search.service` and Wagtail's `Page.objects.live().search(q)` for
the same one-word and several-word queries, one client and eight concurrent ones, and our
autocomplete. Ours: a warm-up round and `--rounds` timed rounds; Wagtail: one round, within
WAGTAIL_BUDGET_SECONDS, and eight clients only when one client's p95 is below
WAGTAIL_CONCURRENT_P95_MS (both reported). The SQLite database is generated from the same corpus generator, size and seed
as the PostgreSQL one, next to the results (bench-results/sqlite-<size>-s<seed>.sqlite3).

Standalone: python -m bench.fallback --database-url sqlite:////path/x.sqlite3 --size 10000
Growth over sizes (both engines, a corpus database each): python -m bench.fallback --growth 1000 50000
Writes JSON to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time

from bench import environment
from bench.progress import log
from bench.stats import summarize

WAGTAIL_BACKEND = "default"  # config/settings/base.py: wagtail.search.backends.database


# Wagtail's database backend on SQLite needs up to ~12 s for some queries at 10,000 pages:
# its measurement stops after this many seconds and reports how many searches it timed.
WAGTAIL_BUDGET_SECONDS = 120
# Eight concurrent clients of Wagtail only when one client's p95 stays below this (ms).
WAGTAIL_CONCURRENT_P95_MS = 2000


def _timed(fn, items, rounds, budget=None, warm_up=True):
    if warm_up:
        for item in items:
            fn(item)
    durations, deadline = [], (time.monotonic() + budget) if budget else None
    for _ in range(rounds):
        for item in items:
            started = time.perf_counter()
            fn(item)
            durations.append(time.perf_counter() - started)
            if deadline and time.monotonic() > deadline:
                return {**summarize(durations), "stopped_after_seconds": budget}
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


def _first_search(query_text):
    """The first search of this process: the cost a freshly started worker pays once."""
    from search import reference, service
    from search.query import SearchQuery

    started = time.perf_counter()
    service.search(SearchQuery.from_params({"q": query_text}, reference.get()), backend="database")
    return round((time.perf_counter() - started) * 1000, 1)


def measure(size, seed, rounds, wagtail=True):
    """Everything of one engine, in this process (Django set up on its database)."""
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    from bench import corpus, vocab
    from search import reference, service
    from search.backends.database import DatabaseBackend
    from search.backends.database import index as fallback_index
    from search.models import SearchEntry
    from search.query import SearchQuery
    from wiki.models import KnowledgePage

    out = {"engine": connection.vendor, "load_before": environment.loadavg()}
    call_command("migrate", verbosity=0)
    out["corpus"] = corpus.ensure_corpus(size, seed)
    queries = vocab.ONE_WORD_QUERIES + vocab.MULTI_WORD_QUERIES
    live = KnowledgePage.objects.live().count()
    if SearchEntry.objects.count() == live:  # an index of an earlier run: a worker starts on it
        out["first_search_ms"] = _first_search(queries[0])

    log(f"fallback ({connection.vendor}): our rebuild of {live} pages")
    started = time.monotonic()
    entries = fallback_index.rebuild_entries()
    seconds = time.monotonic() - started
    out["ours_fill"] = {"entries": entries, "seconds": round(seconds, 2), "pages_per_second": round(entries / seconds)}
    if wagtail:
        log(f"fallback ({connection.vendor}): Wagtail update_index --backend {WAGTAIL_BACKEND}")
        started = time.monotonic()
        call_command("update_index", backend_name=WAGTAIL_BACKEND, verbosity=0)
        wagtail_seconds = time.monotonic() - started
        out["wagtail_fill"] = {"seconds": round(wagtail_seconds, 2)}
        out["ratio_fill_time_ours_to_wagtail"] = round(seconds / wagtail_seconds, 2)

    def ours(q):
        service.search(SearchQuery.from_params({"q": q}, reference.get()), backend="database")

    def theirs(q):
        results = Page.objects.live().search(q, backend=WAGTAIL_BACKEND)
        list(results[:10])
        results.count()

    one, multi = vocab.ONE_WORD_QUERIES, vocab.MULTI_WORD_QUERIES
    prefixes = [q[: max(2, len(q) // 2)] for q in queries]
    log(f"fallback ({connection.vendor}): {len(queries)} queries × {rounds} rounds, 1 and 8 clients")
    out["queries"] = {"one_word": len(one), "several_words": len(multi), "rounds": rounds}
    out["ours_one_word"] = _timed(ours, one, rounds)
    out["ours_several_words"] = _timed(ours, multi, rounds)
    out["ours_1_client"] = _timed(ours, queries, rounds)
    out["ours_8_clients"] = _concurrent(ours, queries, 8, 1)
    out["ours_autocomplete"] = _timed(DatabaseBackend().suggest, prefixes, rounds)
    if wagtail:
        # One round without warm-up: its slow queries would double the phase.
        out["wagtail_1_client"] = _timed(theirs, queries, 1, budget=WAGTAIL_BUDGET_SECONDS, warm_up=False)
        if out["wagtail_1_client"]["p95"] < WAGTAIL_CONCURRENT_P95_MS:
            out["wagtail_8_clients"] = _concurrent(theirs, queries, 8, 1)
        for key in ("median", "p95"):
            out[f"ratio_{key}_ours_to_wagtail"] = round(out["ours_1_client"][key] / out["wagtail_1_client"][key], 2)
    out["load_after"] = environment.loadavg()
    return out


# -- the phase of `make bench` ---------------------------------------------------------------
def sqlite_url(output_dir, size, seed):
    return f"sqlite:///{(output_dir / f'sqlite-{size}-s{seed}.sqlite3').resolve()}"


def run_engine(database_url, size, seed, rounds, cold_only=False, timeout=3600):
    """One child process on `database_url`; returns its JSON."""
    args = [sys.executable, "-m", "bench.fallback", "--database-url", database_url, "--size", str(size)]
    args += ["--seed", str(seed), "--rounds", str(rounds)] + (["--cold"] if cold_only else [])
    done = subprocess.run(
        args,
        cwd=environment.PROJECT_DIR,
        env=environment.child_env(),
        stdout=subprocess.PIPE,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(f"bench.fallback on {database_url.split(':', 1)[0]} exited with {done.returncode}")
    return json.loads(done.stdout)


def phase_fallback_engines(ctx):
    """Our fallback next to Wagtail's database backend, on PostgreSQL and on SQLite."""
    rounds = 1 if ctx.profile.quick else 3
    engines = {}
    for name, url in (
        ("postgresql", os.environ["DATABASE_URL"]),
        ("sqlite", sqlite_url(ctx.output_dir, ctx.args.size, ctx.args.seed)),
    ):
        engines[name] = run_engine(url, ctx.args.size, ctx.args.seed, rounds)
        # A second fresh process on the filled index: a cold worker's first search.
        engines[name]["first_search_ms"] = run_engine(url, ctx.args.size, ctx.args.seed, rounds, cold_only=True)[
            "first_search_ms"
        ]
    ctx.results["fallback_engines"] = engines


def growth(sizes, seed, rounds, output_dir):
    """Both engines at each size (their own corpus databases), for "how each figure grows"."""
    out = {}
    for size in sizes:
        pg = environment.database_url(size, seed)
        environment.ensure_database(pg)
        out[size] = {}
        for name, url in (("postgresql", pg), ("sqlite", sqlite_url(output_dir, size, seed))):
            log(f"growth: {size} pages on {name}")
            out[size][name] = run_engine(url, size, seed, rounds)
            out[size][name]["first_search_ms"] = run_engine(url, size, seed, rounds, cold_only=True)["first_search_ms"]
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.fallback", description=__doc__)
    parser.add_argument("--growth", type=int, nargs="+", metavar="SIZE", help="both engines at each size")
    parser.add_argument("--database-url")
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="only the first search of a fresh process")
    parser.add_argument("--no-wagtail", action="store_true", help="leave out Wagtail's database backend")
    args = parser.parse_args(argv)
    if args.growth:
        output_dir = environment.PROJECT_DIR / "bench-results"
        output_dir.mkdir(exist_ok=True)
        print(json.dumps(growth(args.growth, args.seed, args.rounds, output_dir), indent=2))
        return
    if not args.database_url:
        parser.error("--database-url or --growth is required")
    environment.configure(args.database_url, environment.elasticsearch_url(), args.size, args.seed)
    if args.cold:
        from bench import vocab

        out = {"first_search_ms": _first_search(vocab.ONE_WORD_QUERIES[0])}
    else:
        out = measure(args.size, args.seed, args.rounds, wagtail=not args.no_wagtail)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
