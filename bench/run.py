"""The benchmark run: corpus, indexing, latency over HTTP, publish-to-searchable, memory,
and Wagtail's own Elasticsearch backend as the reference, all in one run.

Each phase records its figures (or its error) in one results dict; a failing phase does not
stop the others, but makes the run exit non-zero. See docs/benchmarks.md for the method.
"""

from __future__ import annotations

import argparse
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from bench import environment
from bench.environment import es_cpu_seconds
from bench.progress import log

SIZES_DOCUMENTED = (1000, 10000, 50000)


class Profile:
    """How much of everything a run does."""

    def __init__(self, quick, size):
        self.quick = quick
        self.size = size
        if quick:
            self.rebuild_repetitions = 1
            self.reference_repetitions = 1
            self.search_requests_1 = 30
            self.search_requests_per_client_8 = 5
            self.suggest_requests = 24
            self.inprocess_rounds = 1
            self.inprocess_queries = 8
            self.publish_edits = 3
            self.budget_seconds = 20
        else:
            self.rebuild_repetitions = 3
            self.reference_repetitions = 2
            self.search_requests_1 = 400
            self.search_requests_per_client_8 = 100
            self.suggest_requests = 400
            self.inprocess_rounds = 5
            self.inprocess_queries = None
            self.publish_edits = 20
            self.budget_seconds = 60

    def as_dict(self):
        return {k: v for k, v in vars(self).items()}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--size",
        type=int,
        default=None,
        help="knowledge pages in the corpus (default 10000; 1000, 10000, 50000 documented)",
    )
    parser.add_argument("--seed", type=int, default=42, help="seed of the corpus and the query mix (default 42)")
    parser.add_argument("--quick", action="store_true", help="smoke run: ~200 pages, few repetitions (1–2 minutes)")
    parser.add_argument(
        "--fresh", action="store_true", help="drop and recreate the bench database of this size and seed"
    )
    parser.add_argument("--output-dir", type=Path, default=None, help="where to write results (default bench-results/)")
    parser.add_argument(
        "--markdown",
        type=Path,
        default=None,
        help="Markdown file whose results section is (re)written (default docs/benchmarks.md for full runs, "
        "<output-dir>/benchmarks.md for --quick)",
    )
    parser.add_argument(
        "--json", type=Path, default=None, help="also copy the JSON here (full runs default: docs/benchmarks.json)"
    )
    parser.add_argument("--skip", action="append", default=[], choices=PHASE_NAMES, help="skip a phase (repeatable)")
    parser.add_argument(
        "--profile", action="store_true", help="also write pyinstrument profiles of search and document building"
    )
    parser.add_argument(
        "--keep-indices", action="store_true", help="leave the bench indices in Elasticsearch afterwards"
    )
    args = parser.parse_args(argv)
    if args.size is None:
        args.size = 200 if args.quick else 10000
    if args.size < 50:
        parser.error("--size must be at least 50")
    return args


# -- phases ------------------------------------------------------------------------------------
def phase_setup(ctx):
    from django.core.management import call_command

    from bench import corpus

    started = time.monotonic()
    log("setup: applying migrations to the bench database")
    call_command("migrate", interactive=False, verbosity=0)
    ctx.results["setup"] = {"migrate_seconds": round(time.monotonic() - started, 1), "database_created": ctx.db_created}
    info = corpus.ensure_corpus(ctx.args.size, ctx.args.seed)
    ctx.results["corpus"] = {**info, "size_requested": ctx.args.size, "seed": ctx.args.seed}
    if info["created"]:
        ctx.results["corpus"]["pages_per_second"] = (
            round(info["pages"] / info["seconds"], 1) if info["seconds"] else None
        )


def phase_fallback(ctx):
    """Fill the database fallback index (our rebuild of it), timed in-process."""
    from bench.progress import Progress
    from search.backends.database import index as fallback_index

    progress = None
    started = time.monotonic()

    def report(done, total):
        nonlocal progress
        if progress is None:
            progress = Progress("fallback rebuild", total)
            progress.started = started
        progress.advance(done - progress.done)

    count = fallback_index.rebuild_entries(progress=report)
    seconds = time.monotonic() - started
    ctx.results["fallback_rebuild"] = {
        "entries": count,
        "seconds": round(seconds, 2),
        "pages_per_second": round(count / seconds, 1) if seconds else None,
    }


def phase_rebuild(ctx):
    """Our full rebuild (`manage.py search_rebuild`), as a child process: time, pages/s, peak RSS."""
    from bench.server import run_command
    from search.backends.elasticsearch.index import document_count

    runs = []
    for repetition in range(ctx.profile.rebuild_repetitions):
        es_before = es_cpu_seconds(ctx.es)
        outcome = run_command(
            ["search_rebuild"], environment.child_env(), f"rebuild {repetition + 1}/{ctx.profile.rebuild_repetitions}"
        )
        outcome["es_cpu_seconds"] = _delta(es_before, es_cpu_seconds(ctx.es))
        if outcome["returncode"] != 0:
            raise RuntimeError(f"search_rebuild failed ({outcome['returncode']}): {outcome['output_tail']}")
        documents = document_count(ctx.es, ctx.alias)
        outcome["documents"] = documents
        outcome["fill_pages_per_second"] = _fill_rate(outcome["output_tail"])
        outcome["pages_per_second"] = round(documents / outcome["seconds"], 1)
        runs.append(outcome)
        log(
            f"rebuild: {documents} documents in {outcome['seconds']:.1f} s ({outcome['pages_per_second']:.0f} pages/s), peak RSS {outcome['peak_rss_mib']} MiB"
        )
    ctx.results["rebuild"] = _runs_summary(runs)


def _fill_rate(lines):
    """Pages/s of the fill phase alone, from the command's closing line
    ("… 9.800 Dokumente aus 9.800 Seiten in 7,9 s …", German number format); None if the
    wording changed."""
    import re

    for line in reversed(lines):
        match = re.search(r"([\d.]+) Dokumente aus ([\d.]+) Seiten in (\d+(?:,\d+)?) s", line)
        if match:
            pages = int(match.group(2).replace(".", ""))
            seconds = float(match.group(3).replace(",", "."))
            if seconds > 0:
                return round(pages / seconds, 1)
    return None


def phase_reference_index(ctx):
    """Wagtail's `update_index` into its own indices on the same node."""
    from bench import reference
    from bench.server import run_command

    runs = []
    for repetition in range(ctx.profile.reference_repetitions):
        es_before = es_cpu_seconds(ctx.es)
        outcome = run_command(
            ["update_index", "--backend", reference.BACKEND],
            environment.child_env(),
            f"wagtail update_index {repetition + 1}/{ctx.profile.reference_repetitions}",
        )
        outcome["es_cpu_seconds"] = _delta(es_before, es_cpu_seconds(ctx.es))
        if outcome["returncode"] != 0:
            raise RuntimeError(f"update_index failed ({outcome['returncode']}): {outcome['output_tail']}")
        outcome["documents"] = reference.indexed_pages(ctx.es)
        outcome["pages_per_second"] = round(outcome["documents"] / outcome["seconds"], 1)
        runs.append(outcome)
        log(
            f"wagtail update_index: {outcome['documents']} page documents in {outcome['seconds']:.1f} s, peak RSS {outcome['peak_rss_mib']} MiB"
        )
    ctx.results["reference_update_index"] = _runs_summary(runs)


def _runs_summary(runs):
    from bench.stats import summarize

    seconds = [r["seconds"] for r in runs]
    summary = summarize(seconds, unit_scale=1.0)
    return {
        "repetitions": len(runs),
        "seconds": summary,
        "documents": runs[-1]["documents"],
        "pages_per_second_median": round(runs[-1]["documents"] / summary["median"], 1),
        "peak_rss_mib_max": max((r["peak_rss_mib"] for r in runs if r["peak_rss_mib"]), default=None),
        "cpu_seconds_median": sorted(r["cpu_seconds"] for r in runs)[len(runs) // 2],
        "fill_pages_per_second_median": _median_or_none([r.get("fill_pages_per_second") for r in runs]),
        "es_cpu_seconds_median": _median_or_none([r.get("es_cpu_seconds") for r in runs]),
        "runs": [{k: v for k, v in r.items() if k != "output_tail"} for r in runs],
    }


def _delta(before, after):
    return round(after - before, 2) if before is not None and after is not None else None


def _median_or_none(values):
    values = sorted(v for v in values if v is not None)
    return values[len(values) // 2] if values else None


def _http(ctx, backend, **env_overrides):
    """Search and autocomplete over HTTP against gunicorn (2 workers) with one backend."""
    from bench import load
    from bench.server import WebServer

    if backend == "elasticsearch":
        env = environment.child_env(**env_overrides)
    else:
        env = environment.child_env(ELASTICSEARCH_URL=None, **env_overrides)
    mix = ctx.search_mix
    suggest = load.suggest_mix(max(ctx.profile.suggest_requests, 50), ctx.args.seed + 1)
    out = {}
    with WebServer(env, backend, workers=2, log_dir=ctx.output_dir) as server:
        health = server.start()
        out["health"] = health
        # Warm-up: every worker answers a few requests of each kind before timing starts; the
        # slowest of them is the cost of a cold worker (imports, vocabulary, connections).
        warm = load.run(
            server.base_url, load.SEARCH_PATH, mix, 8, 3 if ctx.profile.quick else 6, 60, f"{backend} warm-up"
        )
        load.run(server.base_url, load.SUGGEST_PATH, suggest, 4, 5, 30, f"{backend} suggest warm-up")
        out["cold_worker_max_ms"] = warm["max"]
        budget = ctx.profile.budget_seconds
        measure = lambda *a: _with_cpu(ctx, server, backend, *a)  # noqa: E731
        out["search_1"] = measure(
            load.SEARCH_PATH, mix, 1, ctx.profile.search_requests_1, budget, f"{backend} search, 1 client"
        )
        out["search_8"] = measure(
            load.SEARCH_PATH, mix, 8, ctx.profile.search_requests_per_client_8, budget, f"{backend} search, 8 clients"
        )
        out["suggest_1"] = measure(
            load.SUGGEST_PATH, suggest, 1, ctx.profile.suggest_requests, budget, f"{backend} suggest, 1 client"
        )
        out["suggest_8"] = measure(
            load.SUGGEST_PATH,
            suggest,
            8,
            max(ctx.profile.suggest_requests // 8, 5),
            budget,
            f"{backend} suggest, 8 clients",
        )
        out["memory"] = server.memory()
        log(f"{backend} web memory: {out['memory']}")
    return out


def _with_cpu(ctx, server, backend, path, mix, clients, per_client, budget, label):
    """load.run plus the CPU time the web workers and Elasticsearch spent per request: robust
    on a busy machine, where wall-clock latency also measures waiting for a core."""
    from bench import load

    web_before, es_before = server.cpu_seconds(), es_cpu_seconds(ctx.es)
    summary = load.run(server.base_url, path, mix, clients, per_client, budget, label)
    web_after, es_after = server.cpu_seconds(), es_cpu_seconds(ctx.es)
    requests_done = summary["n"] + summary["errors"]
    if requests_done:
        summary["web_cpu_ms_per_request"] = round((web_after - web_before) / requests_done * 1000, 2)
        if es_before is not None and es_after is not None and backend == "elasticsearch":
            summary["es_cpu_ms_per_request"] = round((es_after - es_before) / requests_done * 1000, 2)
    return summary


def _check_http(out, backend):
    """Failed requests or the wrong backend make the figures meaningless: fail the phase."""
    problems = []
    for key in ("search_1", "search_8", "suggest_1", "suggest_8"):
        if out[key]["errors"]:
            problems.append(f"{key}: {out[key]['errors']} failed requests, e.g. {out[key]['error_examples'][0][:200]}")
    for key in ("search_1", "search_8"):
        served = set(out[key].get("backends") or {})
        if served and served != {backend}:
            problems.append(f"{key}: expected the {backend} backend to answer, got {sorted(map(str, served))}")
    if problems:
        raise RuntimeError("; ".join(problems))


def phase_http_elasticsearch(ctx):
    ctx.results["http_elasticsearch"] = _http(ctx, "elasticsearch")
    _check_http(ctx.results["http_elasticsearch"], "elasticsearch")


def phase_http_database(ctx):
    ctx.results["http_database"] = _http(ctx, "database")
    _check_http(ctx.results["http_database"], "database")


def phase_http_database_sqlite(ctx):
    """The database fallback over HTTP on SQLite, the embedded default (the database the
    fallback_engines phase filled; same corpus generator, size and seed)."""
    from bench import fallback

    url = fallback.sqlite_url(ctx.output_dir, ctx.args.size, ctx.args.seed)
    ctx.results["http_database_sqlite"] = _http(ctx, "database", DATABASE_URL=url)
    _check_http(ctx.results["http_database_sqlite"], "database")


def phase_inprocess(ctx):
    """Our service in-process (overhead over ES `took`) next to Wagtail's backend, same queries."""
    from bench import inprocess, reference

    text_queries = ctx.text_queries
    rounds = ctx.profile.inprocess_rounds
    out = ctx.results["inprocess"] = {"queries": len(text_queries), "rounds": rounds}  # kept if a later step fails
    mix = [p for _, p in ctx.search_mix[: 30 if ctx.profile.quick else 120]]
    out["ours_mix"] = inprocess.service_latency(mix, rounds, "our service, query mix")
    out["ours_text"] = inprocess.service_latency([{"q": q} for q in text_queries], rounds, "our service, text queries")
    # Issue 11: the cost of ranked partial matching, next to the all-words rule it replaced,
    # on queries as users type them (several words, questions with filler).
    user = inprocess.user_queries(text_queries)
    out["user_queries"] = len(user)
    out["ours_user_partial"] = inprocess.service_latency(user, rounds, "our service, user queries, partial matching")
    with inprocess.all_words_rule():
        out["ours_user_all_words"] = inprocess.service_latency(
            user, rounds, "our service, user queries, all-words rule"
        )
    out["reference_text"] = reference.search_latency(
        text_queries, rounds, facet=False, label="wagtail search, text queries"
    )
    out["reference_text_facets"] = reference.search_latency(
        text_queries, rounds, facet=True, label="wagtail search + facet(), text queries"
    )
    out["ours_database_text"] = inprocess.service_latency(
        [{"q": q} for q in text_queries],
        max(1, rounds // 2),
        "our service (database), text queries",
        backend="database",
        budget_seconds=ctx.profile.budget_seconds,
    )


def phase_publish(ctx):
    from bench import inprocess

    result = ctx.results["publish"] = inprocess.publish_to_searchable(
        ctx.args.seed, ctx.profile.publish_edits, ctx.es, ctx.alias
    )
    if result["timeouts"]:
        raise RuntimeError(
            f"{result['timeouts']} of {result['edits']} published edits were not searchable after {result['timeout_seconds']} s"
        )


def phase_profile(ctx):
    """Only with --profile: where the CPU time of searching and indexing goes."""
    if not ctx.args.profile:
        return
    from bench import profiles

    params = [p for _, p in ctx.search_mix[:100]]
    ctx.results["profiles"] = {
        "search_elasticsearch": profiles.profile_search(params, ctx.output_dir, "elasticsearch"),
        "search_database": profiles.profile_search(params[:40], ctx.output_dir, "database", rounds=1),
        "build_documents": profiles.profile_documents(ctx.output_dir),
    }


PHASES = [
    ("setup", phase_setup),
    ("fallback", phase_fallback),
    ("rebuild", phase_rebuild),
    ("reference_index", phase_reference_index),
    ("http_elasticsearch", phase_http_elasticsearch),
    ("http_database", phase_http_database),
    ("inprocess", phase_inprocess),
    ("fallback_engines", lambda ctx: _fallback().phase_fallback_engines(ctx)),
    ("http_database_sqlite", phase_http_database_sqlite),
    ("publish", phase_publish),
    ("profile", phase_profile),
    ("hostile", lambda ctx: _hostile().phase_hostile(ctx)),
    ("hanging", lambda ctx: _hostile().phase_hanging(ctx)),
]


def _hostile():
    from bench import hostile

    return hostile


def _fallback():
    from bench import fallback

    return fallback


PHASE_NAMES = [name for name, _ in PHASES]


class Context:
    def __init__(self, args, profile, output_dir):
        self.args = args
        self.profile = profile
        self.output_dir = output_dir
        self.results = {}
        self.errors = {}
        self.db_created = False
        self.es = None
        self.alias = None
        self.search_mix = []
        self.text_queries = []


def _prepare_mix(ctx):
    from bench import load, vocab
    from wiki.models import Municipality, Tag, Topic

    towns = list(Municipality.objects.order_by("ags").values_list("ags", "district_ags"))
    topics = list(Topic.objects.order_by("slug").values_list("slug", flat=True))
    tags = list(Tag.objects.filter(pages__isnull=False).distinct().order_by("slug").values_list("slug", flat=True)) or [
        "x"
    ]
    ctx.search_mix = load.query_mix(towns, topics, tags, 500, ctx.args.seed)
    ctx.text_queries = (vocab.ONE_WORD_QUERIES + vocab.MULTI_WORD_QUERIES)[: ctx.profile.inprocess_queries]


def main(argv=None):
    args = parse_args(argv)
    profile = Profile(args.quick, args.size)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    output_dir = (args.output_dir or environment.PROJECT_DIR / "bench-results").resolve()
    output_dir.mkdir(parents=True, exist_ok=True)
    log(f"size {args.size}, seed {args.seed}{', quick' if args.quick else ''}; results in {output_dir}")

    es_url = environment.elasticsearch_url()
    db_url = environment.database_url(args.size, args.seed)
    ctx = Context(args, profile, output_dir)
    ctx.db_created = environment.ensure_database(db_url, fresh=args.fresh)
    log(f"database {db_url.rsplit('/', 1)[-1]} ({'new' if ctx.db_created else 'existing'}), Elasticsearch {es_url}")
    environment.configure(db_url, es_url, args.size, args.seed)

    from django.conf import settings

    from search.backends.elasticsearch.client import get_client

    ctx.es = get_client()
    ctx.alias = settings.SEARCH_INDEX_ALIAS
    started = time.monotonic()
    ctx.results["machine"] = environment.machine(ctx.es)
    log(f"machine: {ctx.results['machine']}")
    ctx.results["run"] = {
        "started_at": stamp,
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "profile": profile.as_dict(),
        "load_average_at_start": environment.loadavg(),
        "search_alias": ctx.alias,
    }

    for name, phase in PHASES:
        if name in args.skip:
            log(f"phase {name}: skipped")
            continue
        if name != "setup" and "setup" in ctx.errors:
            break
        if name != "setup" and not ctx.search_mix:
            _prepare_mix(ctx)
        log(f"phase {name}")
        phase_started = time.monotonic()
        try:
            phase(ctx)
        except Exception as exc:  # noqa: BLE001 - recorded, the other phases still run
            ctx.errors[name] = f"{type(exc).__name__}: {exc}"
            log(f"phase {name} FAILED: {ctx.errors[name]}")
            traceback.print_exc()
        ctx.results.setdefault("phase_seconds", {})[name] = round(time.monotonic() - phase_started, 1)

    if not args.keep_indices:
        _cleanup(ctx)
    ctx.results["run"]["seconds"] = round(time.monotonic() - started, 1)
    ctx.results["run"]["load_average_at_end"] = environment.loadavg()
    ctx.results["errors"] = ctx.errors

    from bench import report

    report.add_verdicts(ctx.results)
    json_path = output_dir / f"bench-{args.size}-s{args.seed}-{stamp}.json"
    report.write_json(ctx.results, json_path)
    # Only a complete run replaces the published results in docs/; a quick run or one with
    # skipped phases writes next to its JSON.
    partial = args.quick or bool(args.skip)
    copies = [args.json] if args.json else ([] if partial else [environment.PROJECT_DIR / "docs" / "benchmarks.json"])
    for copy in copies:
        report.write_json(ctx.results, copy)
    markdown = args.markdown or (
        output_dir / "benchmarks.md" if partial else environment.PROJECT_DIR / "docs" / "benchmarks.md"
    )
    report.write_markdown(ctx.results, markdown, json_name=str(copies[0].name if copies else json_path.name))
    log(f"results: {json_path}, {markdown}")
    print(report.summary_text(ctx.results))
    if ctx.errors:
        log(f"phases failed: {', '.join(ctx.errors)}")
        return 1
    return 0


def _cleanup(ctx):
    """The benchmark's indices are its own: drop them (each run rebuilds them anyway), so a
    shared test node does not keep ~10,000 documents in its small heap."""
    try:
        from bench import reference

        reference.drop_indices(ctx.es)
        reference.delete_by_prefix(ctx.es, f"{ctx.alias}-")
    except Exception as exc:  # noqa: BLE001
        log(f"cleanup: {exc}")


__all__ = ["main", "parse_args", "PHASE_NAMES"]
