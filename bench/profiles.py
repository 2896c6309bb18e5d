"""`--profile`: pyinstrument profiles of the hot paths, written next to the results, with the
CPU time per operation (stable even on a busy machine, unlike wall-clock time)."""

from __future__ import annotations

import time
from pathlib import Path

from bench.progress import log


def _profiler():
    try:
        from pyinstrument import Profiler
    except ImportError:  # requirements-dev.txt has it; a bare runtime install may not
        return None
    return Profiler(interval=0.001)


def _write(profiler, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    from bench.environment import PROJECT_DIR

    try:
        return str(path.resolve().relative_to(PROJECT_DIR))
    except ValueError:
        return str(path)


def profile_search(param_sets, output_dir, backend, rounds=2):
    from search import reference, service
    from search.query import SearchQuery

    queries = [SearchQuery.from_params(p, reference.get()) for p in param_sets]
    for query in queries:
        service.search(query, backend=backend)
    profiler = _profiler()
    if profiler is None:
        return {"skipped": "pyinstrument is not installed"}
    cpu = time.process_time()
    wall = time.perf_counter()
    profiler.start()
    for _ in range(rounds):
        for query in queries:
            service.search(query, backend=backend)
    profiler.stop()
    count = rounds * len(queries)
    result = {
        "searches": count,
        "cpu_ms_per_search": round((time.process_time() - cpu) / count * 1000, 2),
        "wall_ms_per_search": round((time.perf_counter() - wall) / count * 1000, 2),
        "profile": _write(profiler, Path(output_dir) / "profiles" / f"search-{backend}.txt"),
    }
    log(
        f"profile search ({backend}): {result['cpu_ms_per_search']} ms CPU per search (with profiler), {result['profile']}"
    )
    return result


def profile_documents(output_dir, limit=2000):
    from search.documents import build_documents_by_id
    from wiki.models import KnowledgePage

    ids = list(KnowledgePage.objects.filter(live=True).order_by("pk").values_list("pk", flat=True)[:limit])
    build_documents_by_id(ids[:50])  # vocabulary and caches loaded outside the profile
    profiler = _profiler()
    if profiler is None:
        return {"skipped": "pyinstrument is not installed"}
    cpu = time.process_time()
    profiler.start()
    for start in range(0, len(ids), 500):
        build_documents_by_id(ids[start : start + 500])
    profiler.stop()
    cpu_ms = (time.process_time() - cpu) / max(len(ids), 1) * 1000
    # The same once more without the profiler: the real CPU cost per document.
    cpu = time.process_time()
    for start in range(0, len(ids), 500):
        build_documents_by_id(ids[start : start + 500])
    plain_ms = (time.process_time() - cpu) / max(len(ids), 1) * 1000
    result = {
        "pages": len(ids),
        "cpu_ms_per_document": round(plain_ms, 3),
        "cpu_ms_per_document_profiled": round(cpu_ms, 3),
        "profile": _write(profiler, Path(output_dir) / "profiles" / "build-documents.txt"),
    }
    log(f"profile documents: {result['cpu_ms_per_document']} ms CPU per document, {result['profile']}")
    return result
