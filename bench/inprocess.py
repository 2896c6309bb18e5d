"""Measurements inside the harness process: our search service (overhead over Elasticsearch's
`took`) and publish-to-searchable for single page edits."""

from __future__ import annotations

import time
from contextlib import contextmanager

from bench.progress import Progress, log
from bench.stats import summarize


def service_latency(param_sets, rounds, label, backend="elasticsearch", budget_seconds=120):
    """Median/p95 (ms) of `search.service.search()` over parameter sets, after one warm-up round;
    with Elasticsearch also its `took` and our overhead over it, per search. Stops early when
    the time budget is used up (the database fallback can be slow on big corpora)."""
    from search import reference, service
    from search.query import SearchQuery

    queries = [SearchQuery.from_params(params, reference.get()) for params in param_sets]
    deadline = time.monotonic() + budget_seconds
    for query in queries:
        service.search(query, backend=backend)
        if time.monotonic() > deadline:
            break
    deadline = time.monotonic() + budget_seconds
    durations, took, overhead = [], [], []
    for _ in range(rounds):
        for query in queries:
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            results = service.search(query, backend=backend)
            elapsed = time.perf_counter() - started
            durations.append(elapsed)
            if results.es_took_ms is not None:
                took.append(results.es_took_ms / 1000)
                overhead.append(max(elapsed - results.es_took_ms / 1000, 0.0))
    summary = summarize(durations)
    if took:
        summary["es_took_ms"] = summarize(took)
        summary["overhead_over_took_ms"] = summarize(overhead)
    log(
        f"{label}: n={summary['n']} median {summary['median']} ms, p95 {summary['p95']} ms"
        + (
            f", ES took median {summary['es_took_ms']['median']} ms, overhead median {summary['overhead_over_took_ms']['median']} ms"
            if took
            else ""
        )
    )
    return summary


# Question frames around the corpus's words, the way a clerk types (search/analysis/content.py
# drops the frame; only the content words count).
_QUESTION_FRAMES = ("wie können wir {} umsetzen", "gibt es schon Erfahrungen mit {}", "welche Kommune hat {} bei uns")


def user_queries(text_queries, limit=60):
    """Several-word queries and questions built from the benchmark's text queries."""
    words = [w for q in text_queries for w in q.split()]
    out = []
    for i, query in enumerate(text_queries):
        extra = words[(i * 7) % len(words)] if words else ""
        out.append({"q": f"{query} {extra}".strip()})
        out.append({"q": _QUESTION_FRAMES[i % len(_QUESTION_FRAMES)].format(query)})
        if len(out) >= limit:
            break
    return out


@contextmanager
def all_words_rule():
    """The rule before partial matching: every content word required (search.analysis)."""
    from search import analysis
    from search.analysis import queries

    saved = analysis.required_matches

    def every(content_words):
        return content_words

    analysis.required_matches = queries.required_matches = every
    try:
        yield
    finally:
        analysis.required_matches = queries.required_matches = saved


def _searchable(es, alias, page_id, marker):
    """True when a search (not a realtime GET: only what a refresh made visible) returns the
    page with the new text."""
    response = es.search(index=alias, query={"term": {"id": page_id}}, source=["summary"], size=1)
    hits = response["hits"]["hits"]
    return bool(hits) and marker in (hits[0]["_source"].get("summary") or "")


def publish_to_searchable(seed, edits, es, alias, timeout=15.0, poll=0.01):
    """Edit the summary of `edits` live corpus pages, publish a revision each, and time until
    the change is searchable. Each page is restored (published again) afterwards."""
    from bench.corpus import sample_pages
    from search.models import SearchEntry
    from wiki.models import KnowledgePage

    page_ids = sample_pages(seed, edits, rng_seed=seed)
    publish_calls, searchable, database_hits, timeouts = [], [], 0, 0
    progress = Progress("publish-to-searchable", len(page_ids), every=5)
    for number, page_id in enumerate(page_ids):
        page = KnowledgePage.objects.get(pk=page_id).specific
        original = page.summary
        marker = f"Benchmarkmarke{seed}x{number}x{int(time.time() * 1000) % 100000}"
        page.summary = f"{original[: 600 - len(marker) - 1]} {marker}"[:600]
        started = time.perf_counter()
        page.save_revision().publish()
        returned = time.perf_counter()
        publish_calls.append(returned - started)
        entry = SearchEntry.objects.filter(page_id=page_id).values_list("document", flat=True).first()
        if entry and marker in (entry.get("summary") or ""):
            database_hits += 1
        while True:
            if _searchable(es, alias, page_id, marker):
                searchable.append(time.perf_counter() - started)
                break
            if time.perf_counter() - started > timeout:
                timeouts += 1
                break
            time.sleep(poll)
        page = KnowledgePage.objects.get(pk=page_id).specific
        page.summary = original
        page.save_revision().publish()
        progress.advance()
    result = {
        "edits": len(page_ids),
        "publish_call": summarize(publish_calls),
        "elasticsearch": summarize(searchable),
        "timeouts": timeouts,
        "timeout_seconds": timeout,
        "database_searchable_at_return": database_hits,
    }
    es_stats = result["elasticsearch"]
    log(
        f"publish-to-searchable: median {es_stats['median']} ms, p95 {es_stats['p95']} ms, max {es_stats['max']} ms, "
        f"timeouts {timeouts}; fallback current at return in {database_hits}/{len(page_ids)}"
    )
    return result
