"""The reference: the same corpus through Wagtail's own Elasticsearch 8 backend.

`update_index --backend wagtail_es8` is timed as a child process (like our rebuild), and the
search side is what a Wagtail developer writes in a paginated search view:
`Page.objects.live().search(q)` → `count()` + the first 10 results (two Elasticsearch
requests plus one database query for the page rows), optionally with `.facet(...)`.
"""

from __future__ import annotations

import time

from bench.progress import log
from bench.stats import summarize

BACKEND = "wagtail_es8"


def backend():
    from wagtail.search.backends import get_search_backend

    return get_search_backend(BACKEND)


def page_index_name():
    from wagtail.models import Page

    return backend().get_index_for_model(Page).name


def indexed_pages(es):
    """Number of documents in Wagtail's page index (all page types, not only knowledge pages)."""
    name = page_index_name()
    es.indices.refresh(index=name)
    return es.count(index=name)["count"]


def drop_indices(es):
    from django.conf import settings

    delete_by_prefix(es, settings.BENCH_REFERENCE_PREFIX)


def delete_by_prefix(es, prefix):
    """Delete the indices whose names start with prefix (wildcard deletes are refused by
    Elasticsearch 8's default action.destructive_requires_name)."""
    response = es.options(ignore_status=404).indices.get(index=f"{prefix}*", expand_wildcards="all")
    body = getattr(response, "body", response) or {}
    names = [name for name in body if isinstance(body, dict) and name.startswith(prefix)]
    for name in names:
        es.options(ignore_status=404).indices.delete(index=name)
    return names


def search_once(q, facet=False):
    """One paginated Wagtail search; returns the number of hits on the first page."""
    from wagtail.models import Page

    from wiki.models import KnowledgePage

    results = Page.objects.live().search(q, backend=BACKEND)
    first_page = list(results[:10])
    results.count()
    if facet:
        # The facets Wagtail can compute on this index: page type, and (on the knowledge page
        # model, whose FilterField it is) municipality. Topics, tags, phases, districts and
        # distance are not expressible with Wagtail's backend.
        results.facet("content_type_id")
        KnowledgePage.objects.live().search(q, backend=BACKEND).facet("municipality_id")
    return len(first_page)


def search_latency(queries, repetitions, facet=False, label="reference"):
    """Median/p95 (ms) of `search_once` over the queries, `repetitions` rounds (one warm-up)."""
    for q in queries:
        search_once(q, facet=facet)
    durations = []
    empty = 0
    for _ in range(repetitions):
        for q in queries:
            started = time.perf_counter()
            hits = search_once(q, facet=facet)
            durations.append(time.perf_counter() - started)
            empty += hits == 0
    summary = summarize(durations)
    summary["queries_without_hits"] = empty
    log(f"{label}: n={summary['n']} median {summary['median']} ms, p95 {summary['p95']} ms")
    return summary
