"""How many worker processes a full rebuild builds its documents in, for either backend.

Why shared: both rebuilds spend most of their CPU in the German analysis of the documents
(search.documents.assemble_documents), which runs in forked workers that never touch the
database, while the main process reads the pages and writes the results.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings

# From this many pages on, documents are built in worker processes; below it, starting them
# costs more than it saves. One worker more than cores (at most MAX_WORKERS): each worker
# waits for the index writes about half of the time (measured on 2 cores for Elasticsearch:
# 3 workers fill ~30 % faster than 2, 4 no faster than 3).
PARALLEL_THRESHOLD = 2000
MAX_WORKERS = 4


def worker_count(pages):
    """Worker processes for a rebuild of this many pages (1: build in this process)."""
    configured = getattr(settings, "SEARCH_REBUILD_WORKERS", None)
    if configured is not None:
        return max(1, int(configured))
    if pages < PARALLEL_THRESHOLD:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores + 1))


def fork_pool(workers):
    """Workers forked from this process (after Django setup and the analysis vocabulary are
    loaded, so they share both copy-on-write)."""
    from search import analysis

    analysis.get_vocabulary()
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
