"""Search under attack and under a hanging node (issue 16, items 2 and 3), over HTTP against
gunicorn with several workers, as production runs it.

* hostile: 45 clients send the normal query mix, first alone (the baseline), then while 5
  more clients send expensive queries ("¼" × 200, long random words, one word of 200
  letters). The figure that matters is the normal clients' throughput under attack relative
  to the baseline (target: at least 80 %).
* hanging: ELASTICSEARCH_URL points at a local node that accepts connections and never
  answers (bench/faults.py); 50 clients send the normal mix. Reported: throughput, p99, how
  many requests reached the node (each costs a worker the connect + read timeout), and how
  many answers were marked degraded — next to the same load on a site without Elasticsearch.

Run as phases of `python -m bench` (`--skip hostile`, `--skip hanging` leave them out).
"""

from __future__ import annotations

import random
import string
import threading
import time

from bench import environment
from bench.progress import log

WORKERS = 4
NORMAL_CLIENTS = 45
ATTACKERS = 5
HANGING_CLIENTS = 50
TARGET_SHARE = 0.8


def attack_mix(count, seed):
    """Expensive anonymous queries of the kinds issue 16 found, each request different."""
    rng = random.Random(seed)
    letters = string.ascii_lowercase + "äöüß"
    mix = []
    for index in range(count):
        kind = index % 4
        if kind == 0:
            q = "¼" * 200
        elif kind == 1:
            q = " ".join("".join(rng.choice(letters) for _ in range(rng.randint(12, 16))) for _ in range(13))[:200]
        elif kind == 2:
            q = "".join(rng.choice(letters) for _ in range(200))
        else:
            q = "\ufdfa" * 100 + " " + " ".join("".join(rng.choice(letters) for _ in range(9)) for _ in range(9))
        mix.append(("attack", {"q": q.strip()}))
    return mix


def _concurrently(*runs):
    """Run several load.run(...) calls at the same time; their results in order."""
    from bench import load

    results = [None] * len(runs)

    def go(index, args):
        results[index] = load.run(*args)

    threads = [threading.Thread(target=go, args=(i, args)) for i, args in enumerate(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _trim(summary):
    keys = (
        "n",
        "median",
        "p95",
        "p99",
        "max",
        "throughput_rps",
        "errors",
        "error_examples",
        "backends",
        "degraded",
        "clients",
    )
    return {k: summary.get(k) for k in keys}


def phase_hostile(ctx):
    from bench import load
    from bench.environment import es_cpu_seconds
    from bench.server import WebServer

    budget = 15 if ctx.profile.quick else 30
    attacks = attack_mix(400, ctx.args.seed)
    out = {"workers": WORKERS, "normal_clients": NORMAL_CLIENTS, "attackers": ATTACKERS, "budget_seconds": budget}
    with WebServer(environment.child_env(), "hostile", workers=WORKERS, log_dir=ctx.output_dir) as server:
        out["health"] = server.start()
        load.run(server.base_url, load.SEARCH_PATH, ctx.search_mix, 8, 6, 60, "hostile warm-up")
        load.run(server.base_url, load.SEARCH_PATH, attacks, 2, 4, 60, "hostile warm-up (attacks)")

        es_before, web_before = es_cpu_seconds(ctx.es), server.cpu_seconds()
        baseline = load.run(
            server.base_url, load.SEARCH_PATH, ctx.search_mix, NORMAL_CLIENTS, 10**6, budget, "normal load, 45 clients"
        )
        out["baseline"] = _trim(baseline)
        out["baseline"]["es_cpu_seconds"] = _delta(es_before, es_cpu_seconds(ctx.es))
        out["baseline"]["web_cpu_seconds"] = round(server.cpu_seconds() - web_before, 2)

        # Attackers alone, a few requests: what one hostile query costs the node.
        es_before = es_cpu_seconds(ctx.es)
        alone = load.run(server.base_url, load.SEARCH_PATH, attacks, 1, 40, budget, "attack queries, 1 client")
        es_after = es_cpu_seconds(ctx.es)
        out["attack_alone"] = _trim(alone)
        if alone["n"] and es_before is not None and es_after is not None:
            out["attack_alone"]["es_cpu_ms_per_request"] = round((es_after - es_before) / alone["n"] * 1000, 1)

        es_before, web_before = es_cpu_seconds(ctx.es), server.cpu_seconds()
        normal, attack = _concurrently(
            (
                server.base_url,
                load.SEARCH_PATH,
                ctx.search_mix,
                NORMAL_CLIENTS,
                10**6,
                budget,
                "normal load under attack",
            ),
            (server.base_url, load.SEARCH_PATH, attacks, ATTACKERS, 10**6, budget, "attackers"),
        )
        out["under_attack"] = _trim(normal)
        out["attack"] = _trim(attack)
        out["under_attack"]["es_cpu_seconds"] = _delta(es_before, es_cpu_seconds(ctx.es))
        out["under_attack"]["web_cpu_seconds"] = round(server.cpu_seconds() - web_before, 2)
    base, under = baseline["throughput_rps"], normal["throughput_rps"]
    out["throughput_share"] = round(under / base, 3) if base and under is not None else None
    out["target_met"] = out["throughput_share"] is not None and out["throughput_share"] >= TARGET_SHARE
    ctx.results["hostile"] = out
    log(f"hostile: normal throughput {base} req/s alone, {under} req/s under attack ({out['throughput_share']})")


def phase_hanging(ctx):
    from bench import load
    from bench.faults import HangingNode
    from bench.server import WebServer

    budget = 15 if ctx.profile.quick else 30
    out = {"workers": WORKERS, "clients": HANGING_CLIENTS, "budget_seconds": budget}
    with HangingNode() as node:
        env = environment.child_env(ELASTICSEARCH_URL=node.url)
        with WebServer(env, "hanging", workers=WORKERS, log_dir=ctx.output_dir) as server:
            server.start()
            node_before = node.requests
            started = time.monotonic()
            hang = load.run(
                server.base_url,
                load.SEARCH_PATH,
                ctx.search_mix,
                HANGING_CLIENTS,
                10**6,
                budget,
                "hanging node, 50 clients",
            )
            out["hanging"] = _trim(hang)
            out["hanging"]["node_requests"] = node.requests - node_before
            out["hanging"]["seconds"] = round(time.monotonic() - started, 1)
    with WebServer(
        environment.child_env(ELASTICSEARCH_URL=None), "no-elasticsearch", workers=WORKERS, log_dir=ctx.output_dir
    ) as server:
        server.start()
        out["database_only"] = _trim(
            load.run(
                server.base_url,
                load.SEARCH_PATH,
                ctx.search_mix,
                HANGING_CLIENTS,
                10**6,
                budget,
                "no Elasticsearch, 50 clients",
            )
        )
    ctx.results["hanging"] = out
    log(
        f"hanging: {out['hanging']['throughput_rps']} req/s, p99 {out['hanging']['p99']} ms, {out['hanging']['node_requests']} requests reached the node"
    )


def _delta(before, after):
    return round(after - before, 2) if before is not None and after is not None else None


def render(results):
    """Markdown lines for the report (empty when the phases did not run)."""
    out = []
    hostile = results.get("hostile")
    if hostile:
        out += [
            "### Hostile queries (issue 16): 45 normal clients, then 5 attackers among them",
            "",
            f"gunicorn with {hostile['workers']} workers, {hostile['budget_seconds']} s per measurement, closed loop (every client sends its next request when the last one is answered).",
            "",
            "| Load | Requests | Req/s | Median ms | p95 ms | p99 ms | Errors | Degraded | ES CPU s | Web CPU s |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for label, key in (
            ("normal, 45 clients alone", "baseline"),
            ("normal, 45 clients, with 5 attackers", "under_attack"),
            ("the 5 attackers", "attack"),
            ("attack queries, 1 client alone", "attack_alone"),
        ):
            s = hostile.get(key) or {}
            out.append(
                f"| {label} | {s.get('n')} | {s.get('throughput_rps')} | {s.get('median')} | {s.get('p95')} | {s.get('p99')} | {s.get('errors')} | {s.get('degraded')} | {s.get('es_cpu_seconds', '–')} | {s.get('web_cpu_seconds', '–')} |"
            )
        out += [
            "",
            f"Normal throughput under attack: {hostile.get('throughput_share')} of the baseline (target ≥ {TARGET_SHARE}): **{'met' if hostile.get('target_met') else 'missed'}**. ES CPU per attack query alone: {(hostile.get('attack_alone') or {}).get('es_cpu_ms_per_request', '–')} ms.",
            "",
        ]
    hanging = results.get("hanging")
    if hanging:
        h, d = hanging.get("hanging") or {}, hanging.get("database_only") or {}
        out += [
            "### Hanging Elasticsearch (issue 16): a node that accepts connections and never answers",
            "",
            f"{hanging['clients']} clients, gunicorn with {hanging['workers']} workers, {hanging['budget_seconds']} s.",
            "",
            "| Site | Requests | Req/s | Median ms | p99 ms | Max ms | Errors | Degraded | Requests that reached the node |",
            "|---|---|---|---|---|---|---|---|---|",
            f"| ELASTICSEARCH_URL → hanging node | {h.get('n')} | {h.get('throughput_rps')} | {h.get('median')} | {h.get('p99')} | {h.get('max')} | {h.get('errors')} | {h.get('degraded')} | {h.get('node_requests')} |",
            f"| no Elasticsearch configured | {d.get('n')} | {d.get('throughput_rps')} | {d.get('median')} | {d.get('p99')} | {d.get('max')} | {d.get('errors')} | – | – |",
            "",
        ]
    return out
