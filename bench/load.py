"""HTTP load: the query mix against the public JSON API, 1 or N concurrent clients."""

from __future__ import annotations

import random
import threading
import time

import requests

from bench import vocab
from bench.progress import log
from bench.stats import percentile, summarize

SEARCH_PATH = "/api/search/"
SUGGEST_PATH = "/api/search/suggest/"

# Shares of the query kinds in the mix: what clerks do on a regional search.
MIX = (("one_word", 35), ("multi_word", 25), ("facets", 15), ("near_radius", 10), ("browse", 15))


def query_mix(towns, topics, tags, count, seed):
    """`count` requests [(kind, params)], deterministic. towns: [(ags, district)], topics/tags:
    slugs present in the corpus."""
    rng = random.Random(seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    districts = sorted({d for _, d in towns})
    mix = []
    for _ in range(count):
        kind = rng.choices(kinds, weights=weights)[0]
        if kind == "one_word":
            params = {"q": rng.choice(vocab.ONE_WORD_QUERIES)}
        elif kind == "multi_word":
            params = {"q": rng.choice(vocab.MULTI_WORD_QUERIES)}
        elif kind == "facets":
            params = {"q": rng.choice(vocab.ONE_WORD_QUERIES + vocab.MULTI_WORD_QUERIES)}
            choice = rng.random()
            if choice < 0.3:
                params["type"] = "case_study"
                params["topic"] = rng.choice(topics)
            elif choice < 0.55:
                params["district"] = rng.choice(districts)
                params["phase"] = ["pilot", "rollout"]
            elif choice < 0.8:
                params["tag"] = rng.choice(tags)
            else:
                params["topic"] = rng.sample(topics, 2)
                params["type"] = ["case_study", "template"]
        elif kind == "near_radius":
            params = {
                "q": rng.choice(vocab.ONE_WORD_QUERIES),
                "near": rng.choice(towns)[0],
                "radius": rng.choice(["15", "25", "40"]),
            }
            if rng.random() < 0.3:
                params["sort"] = "distance"
        else:
            params = {}
            if rng.random() < 0.4:
                params["topic"] = rng.choice(topics)
            if rng.random() < 0.2:
                params["near"] = rng.choice(towns)[0]
                params["radius"] = "30"
        mix.append((kind, params))
    return mix


def suggest_mix(count, seed):
    rng = random.Random(seed)
    return [("suggest", {"q": rng.choice(vocab.AUTOCOMPLETE_PREFIXES)}) for _ in range(count)]


class _Result:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.by_kind = {}
        self.took = []  # (latency s, es took ms) where the response says
        self.errors = []
        self.backends = {}
        self.degraded = 0


def run(base_url, path, mix, clients, per_client, budget_seconds, label):
    """Every client sends `per_client` requests (client i starts at offset i in `mix`), or
    stops when the budget is used up. Returns summaries in ms."""
    result = _Result()
    deadline = [None]
    barrier = threading.Barrier(clients, action=lambda: deadline.__setitem__(0, time.monotonic() + budget_seconds))

    def client(index):
        session = requests.Session()
        barrier.wait()
        for i in range(per_client):
            if time.monotonic() > deadline[0]:
                break
            kind, params = mix[(index * 7919 + i) % len(mix)]
            started = time.perf_counter()
            try:
                response = session.get(base_url + path, params=params, timeout=60)
                elapsed = time.perf_counter() - started
                body = response.json() if response.status_code == 200 else None
            except (requests.RequestException, ValueError) as exc:
                with result.lock:
                    result.errors.append(f"{kind} {params}: {type(exc).__name__}: {exc}"[:300])
                continue
            with result.lock:
                if response.status_code != 200:
                    result.errors.append(f"{kind} {params}: HTTP {response.status_code} {response.text[:200]}")
                    continue
                result.latencies.append(elapsed)
                result.by_kind.setdefault(kind, []).append(elapsed)
                backend = body.get("backend") if isinstance(body, dict) else None
                result.backends[backend] = result.backends.get(backend, 0) + 1
                result.degraded += bool(isinstance(body, dict) and body.get("degraded") is True)
                took = _es_took(body, response.headers.get("Server-Timing"))
                if took is not None:
                    result.took.append((elapsed, took))

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    summary = summarize(result.latencies)
    summary["throughput_rps"] = round(len(result.latencies) / wall, 1) if wall else None
    summary["p99"] = round(percentile(result.latencies, 0.99) * 1000, 2) if result.latencies else None
    summary["degraded"] = result.degraded
    summary["errors"] = len(result.errors)
    summary["error_examples"] = result.errors[:3]
    summary["clients"] = clients
    summary["backends"] = result.backends
    summary["by_kind"] = {kind: summarize(values) for kind, values in sorted(result.by_kind.items())}
    if result.took:
        summary["es_took_ms"] = summarize([t / 1000 for _, t in result.took])
        summary["http_overhead_over_took_ms"] = summarize([max(lat - t / 1000, 0) for lat, t in result.took])
    log(
        f"{label}: n={summary['n']} median {summary['median']} ms, p95 {summary['p95']} ms, "
        f"{summary['throughput_rps']} req/s, errors {summary['errors']}"
    )
    for example in result.errors[:3]:
        log(f"{label}: error: {example}")
    return summary


def _es_took(body, server_timing=None):
    """Elasticsearch's own `took` (ms) if the API says it: the `es` entry of the Server-Timing
    header, or es_took_ms in the JSON (top level, meta or debug)."""
    for entry in (server_timing or "").split(","):
        name, _, params = entry.strip().partition(";")
        if name == "es":
            for param in params.split(";"):
                key, _, value = param.strip().partition("=")
                if key == "dur":
                    try:
                        return float(value)
                    except ValueError:
                        return None
    if not isinstance(body, dict):
        return None
    for container in (body, body.get("meta") or {}, body.get("debug") or {}):
        value = container.get("es_took_ms") if isinstance(container, dict) else None
        if isinstance(value, (int, float)):
            return float(value)
    return None
