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

from dataclasses import dataclass

from django.db import connection

from search.geo import haversine_km
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


def _branch(bit, form, idf, scored=True):
    """(sql, params) selecting (id, grp, s) for the pages one form matches; unscored (s = 0)
    where only the set of pages matters (facet counts), which spares the engine the ranking."""
    if connection.vendor == "postgresql":
        operator = " & " if form.every else " | "
        text = operator.join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in form.terms)
        values = [idf(t) for t in form.terms]
        form_idf = (sum(values) / len(values)) if form.every else max(values)
        rank = f"{form.weight * form_idf:.6f} * ts_rank('{_PG_WEIGHTS}'::float4[], e.search_vector, q.q)"
        sql = (
            f"SELECT e.id AS id, {bit} AS grp, {rank if scored else '0.0'} AS s "
            "FROM search_searchentry e, (SELECT to_tsquery('simple', %s) AS q) q WHERE e.search_vector @@ q.q"
        )
        return sql, [text]
    operator = " AND " if form.every else " OR "
    match = operator.join(_fts_quote(t) for t in form.terms)
    rank = f"{form.weight:.6f} * -bm25(search_entry_fts, {_BM25})"
    sql = (
        f"SELECT rowid AS id, {bit} AS grp, {rank if scored else '0.0'} AS s "
        "FROM search_entry_fts WHERE search_entry_fts MATCH %s"
    )
    return sql, [match]


def _candidates_cte(forms_per_group, idf, required, scored=True):
    """`WITH … c AS (id, s, mask)`: pages matching at least `required` groups."""
    branches, params = [], []
    for index, forms in enumerate(forms_per_group):
        for form in forms:
            sql, p = _branch(1 << index, form, idf, scored)
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


def search_page(
    forms_per_group, idf, required, *, type_hints, now, near, towns, selected, radius_towns, sort, offset, limit
):
    """(total, [Ranked]) for one page of results, ranked and sliced in SQL."""
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
    where, where_params = _filters(selected, radius_towns)
    score = "c.s * " + " * ".join(factors)
    order = {
        "date": "e.sort_date DESC NULLS LAST, score DESC, e.page_id DESC",
        "distance": "distance ASC NULLS LAST, score DESC, e.page_id DESC",
        "adoptions": "e.adoptions DESC, score DESC, e.sort_date DESC NULLS LAST, e.page_id DESC",
    }.get(sort, "score DESC, e.sort_date DESC NULLS LAST, e.page_id DESC")
    sql = (
        f"{cte} SELECT e.id, e.page_id, {score} AS score, c.mask, ({distance_sql}) AS distance, "
        "COUNT(*) OVER () AS total FROM c JOIN search_searchentry e ON e.id = c.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order} LIMIT %s OFFSET %s"
    )
    all_params = [*params, *factor_params, *distance_params, *where_params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        rows = cursor.fetchall()
    if not rows and offset:
        # Past the last page: the total still counts (one COUNT over the same candidates).
        total = count(forms_per_group, idf, required, selected, radius_towns)
        return total, []
    total = rows[0][5] if rows else 0
    return total, [Ranked(r[0], r[1], float(r[2]), int(r[3])) for r in rows]


def count(forms_per_group, idf, required, selected, radius_towns):
    cte, params = _candidates_cte(forms_per_group, idf, required, scored=False)
    where, where_params = _filters(selected, radius_towns)
    sql = f"{cte} SELECT COUNT(*) FROM c JOIN search_searchentry e ON e.id = c.id" + (
        " WHERE " + " AND ".join(where) if where else ""
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *where_params])
        return cursor.fetchone()[0]


def facet_counts(forms_per_group, idf, required, selected, radius_towns):
    """Disjunctive facet counts on the candidates: a facet's counts respect every selection
    but its own. One statement; the candidates are computed once (the CTE is referenced by
    every branch, so both databases materialise it)."""
    cte, params = _candidates_cte(forms_per_group, idf, required, scored=False)
    radius, radius_params = _filters({}, radius_towns)
    base = "SELECT c.id FROM c JOIN search_searchentry e ON e.id = c.id" + (
        " WHERE " + " AND ".join(radius) if radius else ""
    )
    branches, branch_params = [], []
    plain = [key for key in FACET_KEYS if not selected.get(key)]
    groups = ([("plain", plain)] if plain else []) + [(key, [key]) for key in FACET_KEYS if selected.get(key)]
    for skip, keys in groups:
        where, where_params = _filters(selected, None, skip=None if skip == "plain" else skip)
        sql = (
            "SELECT k.key, k.value, COUNT(*) FROM f JOIN search_searchentry e ON e.id = f.id "
            "JOIN search_searchentrykey k ON k.entry_id = f.id "
            f"WHERE k.key IN ({', '.join(['%s'] * len(keys))})"
            + "".join(f" AND {w}" for w in where)
            + " GROUP BY k.key, k.value"
        )
        branches.append(sql)
        branch_params.extend([*keys, *where_params])
    sql = f"{cte}, f AS ({base}) " + " UNION ALL ".join(branches)
    counts = {key: {} for key in FACET_KEYS}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *radius_params, *branch_params])
        for key, value, n in cursor.fetchall():
            counts[key][value] = n
    return counts


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


def rebuild_engine_index():
    """Re-read every entry into the FTS5 tables (SQLite; PostgreSQL needs nothing)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for table in ("search_entry_fts", "search_entry_prefix_fts"):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
