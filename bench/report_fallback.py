"""The database fallback's part of the results: its targets (issue 12) and the section
"Database fallback on SQLite and PostgreSQL" of docs/benchmarks.md."""

from __future__ import annotations

ENGINES = (("postgresql", "PostgreSQL"), ("sqlite", "SQLite"))


def _get(data, *path):
    for key in path:
        if isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        elif isinstance(data, dict) and key in data:
            data = data[key]
        else:
            return None
    return data


def target_rows(results):
    """(name, value, unit, op, limit) rows, as report.add_verdicts takes them."""
    engines = results.get("fallback_engines") or {}
    rows = []
    # The search API over HTTP (gunicorn, 2 workers, the query mix) is what the targets name;
    # eight in-process threads share one interpreter lock and are reported, not judged.
    for key, label in ENGINES:
        http = results.get("http_database" if key == "postgresql" else "http_database_sqlite") or {}
        if http:
            rows += [
                (f"Fallback search API p95, 1 client ({label}, HTTP)", _get(http, "search_1", "p95"), "ms", "<=", 100),
                (f"Fallback search API p95, 8 clients ({label}, HTTP)", _get(http, "search_8", "p95"), "ms", "<=", 300),
                (f"Fallback autocomplete API p95 ({label}, HTTP)", _get(http, "suggest_1", "p95"), "ms", "<", 20),
            ]
    for key, label in ENGINES:
        engine = engines.get(key)
        if not engine:
            continue
        rows += [
            (f"Fallback text search p95 ({label}, in-process)", _get(engine, "ours_1_client", "p95"), "ms", "<=", 100),
            (
                f"Fallback one-word search p95 ({label}, in-process)",
                _get(engine, "ours_one_word", "p95"),
                "ms",
                "<=",
                100,
            ),
            (
                f"Fallback autocomplete p95 ({label}, in-process)",
                _get(engine, "ours_autocomplete", "p95"),
                "ms",
                "<",
                20,
            ),
            (f"Cold worker's first search ({label})", engine.get("first_search_ms"), "ms", "<=", 500),
            (f"Fallback index fill ({label})", _get(engine, "ours_fill", "pages_per_second"), "pages/s", ">=", 1000),
        ]
    return rows


def section(results, fmt, table):
    """Markdown lines of the engine comparison; [] when the phase did not run."""
    engines = results.get("fallback_engines") or {}
    if not engines:
        return []
    present = [(key, label) for key, label in ENGINES if key in engines]
    out = [
        "### Database fallback on PostgreSQL and SQLite, side by side with Wagtail's database backend",
        "",
        "One fresh process per engine on the same corpus (size and seed): our fallback "
        "(`search.service`, everything the API returns: 10 hits with snippets, total, disjunctive facets, "
        "repairs and suggestion) and Wagtail's `wagtail.search.backends.database` (FTS5 on SQLite, full-text "
        "search on PostgreSQL; `count()` plus the first 10 results of `Page.objects.live().search(q)`), "
        "the same one-word and several-word queries. Eight clients are eight threads of one process "
        "(they share one interpreter lock; the HTTP figures above use gunicorn's processes). ms unless noted.",
        "",
    ]
    rows = []

    def row(label, *path, digits=1):
        rows.append([label, *(fmt(_get(engines[key], *path), digits) for key, _l in present)])

    row("Our fill, pages/s", "ours_fill", "pages_per_second", digits=0)
    row("Our fill, s", "ours_fill", "seconds")
    row("Wagtail `update_index`, s", "wagtail_fill", "seconds")
    row("Fill time ratio ours/Wagtail", "ratio_fill_time_ours_to_wagtail", digits=2)
    row("Cold worker's first search", "first_search_ms")
    for name, label in (
        ("ours_one_word", "Ours, one word"),
        ("ours_several_words", "Ours, several words"),
        ("ours_1_client", "Ours, all queries, 1 client"),
        ("ours_8_clients", "Ours, all queries, 8 clients"),
        ("wagtail_1_client", "Wagtail, all queries, 1 client"),
        ("wagtail_8_clients", "Wagtail, all queries, 8 clients"),
        ("ours_autocomplete", "Ours, autocomplete"),
    ):
        row(f"{label}: median", name, "median")
        row(f"{label}: p95", name, "p95")
    row("Search ratio ours/Wagtail, median", "ratio_median_ours_to_wagtail", digits=2)
    row("Search ratio ours/Wagtail, p95", "ratio_p95_ours_to_wagtail", digits=2)
    row("Load average before (1 min)", "load_before", 0, digits=2)
    row("Load average after (1 min)", "load_after", 0, digits=2)
    out.append(table(["", *(label for _k, label in present)], rows))
    out.append("")
    return out
