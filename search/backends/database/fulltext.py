"""The SQL of the database fallback: candidate selection, ranking, pagination and facet counts
in the database's own full-text engine (SQLite FTS5, PostgreSQL tsvector/tsquery with GIN;
tables and columns from migration 0006), fed with the terms search.analysis produced.

Why one module: both engines share the same statement shape and differ only in how one form
of a query word is matched and scored, so the partial-matching rule, the ranking factors of
search.ranking and the facet logic are written once.

The statement: one branch per form of each content word (its stems and typo variants; its
synonyms; all of its compound parts; all terms of one multi-word synonym), each scored by the
engine (FTS5 `bm25()` with the field weights as column weights; PostgreSQL `ts_rank` with the
weights as weight classes, times the form's IDF from the vocabulary) and multiplied by the
form's weight. Per page and word the best form counts; a page qualifies when it matches
`analysis.required_matches(content words)` words; its score is the sum over the words, times
the type-hint, recency and near factors. Each page also carries a bit mask of the words it
matched, from which a hit's `missing` words follow.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module

from django.db import connection

from search.geo import haversine_km
from search.models.fallback import RANK_INDEX
from search.ranking import (
    FIELD_WEIGHTS,
    NEAR_BOOST,
    NEAR_SCALE_KM,
    PART_WEIGHT,
    RECENCY_BOOST,
    RECENCY_HALF_LIFE_DAYS,
    SYNONYM_WEIGHT,
    TERM_WEIGHT,
    TYPE_HINT_BOOST,
    TYPO_WEIGHT,
)
from search.results import FACET_KEYS

# Column order of search_entry_fts (migration 0006).
FTS_FIELDS = ("title", "summary", "meta", "body", "place", "document")
_BM25 = ", ".join(str(FIELD_WEIGHTS[name]) for name in FTS_FIELDS)
# ts_rank weights {D, C, B, A}: places/documents, body, summary/tags, title (relative to title).
_TOP = FIELD_WEIGHTS["title"]
_PG_WEIGHTS = (
    "{"
    + ",".join(
        f"{w / _TOP:.3f}"
        for w in (
            (FIELD_WEIGHTS["place"] + FIELD_WEIGHTS["document"]) / 2,
            FIELD_WEIGHTS["body"],
            FIELD_WEIGHTS["summary"],
            FIELD_WEIGHTS["title"],
        )
    )
    + "}"
)


@dataclass
class Form:
    """One way a query word matches: any of `terms` (every=False) or all of them."""

    terms: tuple[str, ...]
    every: bool
    weight: float


def group_forms(group, typo_variants=()):
    """The forms of one query group, as GroupMatcher matched them."""
    terms = _clean([*group.terms, *typo_variants])
    own = set(terms)
    forms = []
    if group.terms:
        forms.append(Form(_clean(group.terms), False, TERM_WEIGHT))
    typos = [t for t in _clean(typo_variants) if t not in set(group.terms)]
    if typos:
        forms.append(Form(tuple(typos), False, TYPO_WEIGHT))
    synonyms = [t for t in _clean(group.synonyms) if t not in own]
    if synonyms:
        forms.append(Form(tuple(synonyms), False, SYNONYM_WEIGHT))
    parts = [p for p in _clean(group.parts) if p not in own]
    if parts:
        forms.append(Form(tuple(parts), True, PART_WEIGHT))
    for phrase in group.synonym_phrases:
        phrase = _clean(phrase)
        if phrase:
            forms.append(Form(phrase, True, SYNONYM_WEIGHT))
    return [f for f in forms if f.terms]


def _clean(terms):
    return tuple(dict.fromkeys(t for t in terms if t and any(c.isalnum() for c in t)))


# -- one form in each engine ------------------------------------------------------------------
def _fts_quote(term):
    return '"' + term.replace('"', '""') + '"'


def _branch(bit, form, idf):
    """(sql, params) selecting (id, grp, s) for the pages one form matches, scored by the engine."""
    if connection.vendor == "postgresql":
        operator = " & " if form.every else " | "
        text = operator.join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in form.terms)
        values = [idf(t) for t in form.terms]
        form_idf = (sum(values) / len(values)) if form.every else max(values)
        rank = f"{form.weight * form_idf:.6f} * ts_rank('{_PG_WEIGHTS}'::float4[], e.search_vector, q.q)"
        sql = (
            f"SELECT e.id AS id, {bit} AS grp, {rank} AS s "
            "FROM search_searchentry e, (SELECT to_tsquery('simple', %s) AS q) q WHERE e.search_vector @@ q.q"
        )
        return sql, [text]
    operator = " AND " if form.every else " OR "
    match = operator.join(_fts_quote(t) for t in form.terms)
    rank = f"{form.weight:.6f} * -bm25(search_entry_fts, {_BM25})"
    sql = f"SELECT rowid AS id, {bit} AS grp, {rank} AS s FROM search_entry_fts WHERE search_entry_fts MATCH %s"
    return sql, [match]


def _candidates_cte(forms_per_group, idf, required):
    """`WITH … c AS (id, s, mask)`: pages matching at least `required` groups; every entry
    when there are no groups (browsing without query text)."""
    if not forms_per_group:
        return "WITH c AS (SELECT id, 0.0 AS s, 0 AS mask FROM search_searchentry)", []
    branches, params = [], []
    for index, forms in enumerate(forms_per_group):
        for form in forms:
            sql, p = _branch(1 << index, form, idf)
            branches.append(sql)
            params.extend(p)
    sql = (
        "WITH hits AS MATERIALIZED (" + " UNION ALL ".join(branches) + "), "
        "g AS (SELECT id, grp, MAX(s) AS s FROM hits GROUP BY id, grp), "
        "c AS (SELECT id, SUM(s) AS s, SUM(grp) AS mask FROM g GROUP BY id HAVING COUNT(*) >= %s)"
    )
    return sql, [*params, required]


# -- filters and factors ---------------------------------------------------------------------
def _key_filter(key, values):
    marks = ", ".join(["%s"] * len(values))
    return (
        f"EXISTS (SELECT 1 FROM search_searchentrykey k2 WHERE k2.entry_id = e.id AND k2.key = %s AND k2.value IN ({marks}))",
        [key, *values],
    )


def _filters(selected, radius_towns, skip=None):
    clauses, params = [], []
    if radius_towns is not None:
        if radius_towns:
            clauses.append("e.municipality_ags IN (" + ", ".join(["%s"] * len(radius_towns)) + ")")
            params.extend(radius_towns)
        else:
            clauses.append("1 = 0")
    for key, values in selected.items():
        if key != skip and values:
            sql, p = _key_filter(key, sorted(values))
            clauses.append(sql)
            params.extend(p)
    return clauses, params


def _town_case(values, default):
    """CASE over the towns (entries sit at their town's coordinates): no trigonometry in SQL."""
    if not values:
        return str(default), []
    sql = "CASE e.municipality_ags " + " ".join("WHEN %s THEN %s" for _ in values) + f" ELSE {default} END"
    params = [p for ags, value in values.items() for p in (ags, float(value))]
    return sql, params


def _recency(now):
    if connection.vendor == "postgresql":
        age = "GREATEST(0.0, EXTRACT(EPOCH FROM (%s::timestamptz - e.sort_date))::float8 / 86400.0)"
        param = now
    else:
        age = "MAX(0.0, julianday(%s) - julianday(e.sort_date))"
        param = now.strftime("%Y-%m-%d %H:%M:%S")
    sql = (
        f"(CASE WHEN e.sort_date IS NULL THEN 1.0 ELSE 1.0 + {RECENCY_BOOST} * "
        f"POWER(0.5, {age} / {RECENCY_HALF_LIFE_DAYS}) END)"
    )
    return sql, [param]


@dataclass
class Ranked:
    entry_id: int
    page_id: int
    score: float
    mask: int


@dataclass
class Answer:
    total: int
    ranked: list[Ranked]
    facets: dict[str, dict[str, int]]


# Row kinds of the one statement of `search`.
_HIT, _TOTAL, _FACET = 0, 1, 2


def search(
    forms_per_group, idf, required, *, type_hints, now, near, towns, selected, radius_towns, sort, offset, limit
):
    """One page of results, the total and the disjunctive facet counts in one statement.

    Why one statement: the candidates (every branch of the CTE, with the engine's ranking)
    are the expensive part; computed once, they serve the page, the total and the facets,
    which respect every selection but their own."""
    cte, params = _candidates_cte(forms_per_group, idf, required)
    factors, factor_params = [], []
    if type_hints:
        factors.append(
            f"(CASE WHEN e.page_type IN ({', '.join(['%s'] * len(type_hints))}) THEN {1 + TYPE_HINT_BOOST} ELSE 1.0 END)"
        )
        factor_params.extend(type_hints)
    recency, recency_params = _recency(now)
    factors.append(recency)
    factor_params.extend(recency_params)
    distances = {}
    if near is not None:
        distances = {ags: haversine_km(near[0], near[1], lat, lon) for ags, (lat, lon) in towns.items()}
        boost = {ags: 1 + NEAR_BOOST * 0.5 ** ((d / NEAR_SCALE_KM) ** 2) for ags, d in distances.items()}
        sql, p = _town_case(boost, 1.0)
        factors.append(f"({sql})")
        factor_params.extend(p)
    distance_sql, distance_params = _town_case(distances, "NULL") if near is not None else ("NULL", [])
    radius, radius_params = _filters({}, radius_towns)
    where, where_params = _filters(selected, None)
    order = {
        "date": "sort_date DESC NULLS LAST, score DESC, page_id DESC",
        "distance": "distance ASC NULLS LAST, score DESC, page_id DESC",
        "adoptions": "adoptions DESC, score DESC, sort_date DESC NULLS LAST, page_id DESC",
    }.get(sort, "score DESC, sort_date DESC NULLS LAST, page_id DESC")
    # SQLite picks the table row otherwise (and walks past the stored document to reach the
    # columns after it); PostgreSQL chooses well by itself.
    rank_index = f" INDEXED BY {RANK_INDEX}" if connection.vendor == "sqlite" else ""
    # f: the candidates inside the radius (what facets count); r: those of every selection,
    # scored (what the page and the total show).
    if radius:
        f_sql = "f AS (SELECT c.id, c.s, c.mask FROM c JOIN search_searchentry e ON e.id = c.id" + _where(radius) + ")"
    else:  # no join the candidates do not need
        f_sql = "f AS (SELECT id, s, mask FROM c)"
    r_sql = (
        f"r AS (SELECT e.id, e.page_id, f.s * {' * '.join(factors)} AS score, f.mask, "
        f"({distance_sql}) AS distance, e.sort_date, e.adoptions "
        f"FROM f JOIN search_searchentry e{rank_index} ON e.id = f.id" + _where(where) + ")"
    )
    facet_sql, facet_params = _facet_branches(selected)
    sql = (
        f"{cte}, {f_sql}, {r_sql} "
        f"SELECT * FROM (SELECT {_HIT} AS kind, id, page_id, score, mask, "
        f"ROW_NUMBER() OVER (ORDER BY {order}) AS pos, NULL AS k, NULL AS v "
        f"FROM r ORDER BY {order} LIMIT %s OFFSET %s) p "
        f"UNION ALL SELECT {_TOTAL}, COUNT(*), NULL, NULL, NULL, NULL, NULL, NULL FROM r"
        + "".join(f" UNION ALL {branch}" for branch in facet_sql)
    )
    all_params = [
        *params,
        *radius_params,
        *factor_params,
        *distance_params,
        *where_params,
        limit,
        offset,
        *facet_params,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        rows = cursor.fetchall()
    total, ranked, facets = 0, [], {key: {} for key in FACET_KEYS}
    positions = {}
    for kind, a, page_id, score, mask, pos, key, value in rows:
        if kind == _HIT:
            ranked.append(Ranked(a, page_id, float(score), int(mask)))
            positions[a] = pos
        elif kind == _TOTAL:
            total = a
        else:
            facets[key][value] = a
    # UNION ALL promises no order of its rows: the page's order is restored from `pos`.
    ranked.sort(key=lambda r: positions[r.entry_id])
    return Answer(total, ranked, facets)


def _where(clauses):
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def _facet_branches(selected):
    """SELECT branches (kind, count, …, key, value) over `f`: one for the facets without a
    selection, one per selected facet (which ignores its own selection)."""
    branches, params = [], []
    plain = [key for key in FACET_KEYS if not selected.get(key)]
    groups = ([(None, plain)] if plain else []) + [(key, [key]) for key in FACET_KEYS if selected.get(key)]
    for skip, keys in groups:
        where, where_params = _filters(selected, None, skip=skip)
        members = "SELECT id FROM f"
        if where:
            members = "SELECT f.id FROM f JOIN search_searchentry e ON e.id = f.id" + _where(where)
        branches.append(
            f"SELECT {_FACET}, COUNT(*), NULL, NULL, NULL, NULL, k.key, k.value FROM search_searchentrykey k "
            f"WHERE k.key IN ({', '.join(['%s'] * len(keys))}) AND k.entry_id IN ({members})"
            " GROUP BY k.key, k.value"
        )
        params.extend([*keys, *where_params])
    return branches, params


# -- autocomplete ----------------------------------------------------------------------------
def prefix_entry_ids(words, limit):
    """Ids of entries whose title words (or their compound parts) start with every typed
    word, newest first."""
    if connection.vendor == "postgresql":
        text = " & ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "':*" for w in words)
        sql = (
            "SELECT e.id FROM search_searchentry e WHERE e.prefix_vector @@ to_tsquery('simple', %s) "
            "ORDER BY e.sort_date DESC NULLS LAST, e.page_id DESC LIMIT %s"
        )
    else:
        text = " AND ".join(_fts_quote(w) + "*" for w in words)
        sql = (
            "SELECT e.id FROM search_entry_prefix_fts p JOIN search_searchentry e ON e.id = p.rowid "
            "WHERE search_entry_prefix_fts MATCH %s ORDER BY e.sort_date DESC NULLS LAST, e.page_id DESC LIMIT %s"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, limit])
        return [row[0] for row in cursor.fetchall()]


def check_integrity():
    """Problems of the engine's own index (SQLite FTS5 integrity check); [] when sound.
    PostgreSQL's generated columns cannot drift from their rows."""
    if connection.vendor != "sqlite":
        return []
    problems = []
    with connection.cursor() as cursor:
        for table in ("search_entry_fts", "search_entry_prefix_fts"):
            try:
                cursor.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except Exception as exc:  # noqa: BLE001 - reported, repaired by search_rebuild
                problems.append(f"{table}: {exc}")
    return problems


@contextmanager
def bulk_fill():
    """Around a rebuild that deletes and re-inserts every entry (inside its transaction).

    SQLite: the triggers that keep the FTS5 tables current row by row are dropped and, after
    the fill, created again, and both FTS5 tables are re-read in one pass ('rebuild'); DDL is transactional there, so a failed rebuild leaves the old index
    and its triggers. PostgreSQL: its generated columns need nothing."""
    if connection.vendor != "sqlite":
        yield
        return
    schema = import_module("search.migrations.0008_searchentry_fulltext")
    with connection.cursor() as cursor:
        for statement in schema.SQLITE_DROP:
            if statement.startswith("DROP TRIGGER"):  # the triggers, not the tables
                cursor.execute(statement)
    yield
    with connection.cursor() as cursor:
        for statement in schema.SQLITE_TRIGGERS:  # the triggers, then 'rebuild' of both tables
            cursor.execute(statement)


def analyze_tables():
    """Fresh planner statistics after a rebuild: PostgreSQL would otherwise plan the first
    searches with the row counts of before (autovacuum comes later)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry, search_searchentrykey, search_searchterm")


def rebuild_engine_index():
    """Re-read every entry into the FTS5 tables (SQLite; PostgreSQL needs nothing)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in ("search_entry_fts", "search_entry_prefix_fts"):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
