"""The database fallback backend: the same contract as Elasticsearch, answered from SearchEntry.

Why not Wagtail's own database search backend: it analyses text with the database's tools
(PostgreSQL `to_tsvector`, SQLite FTS5, or a plain `icontains` fallback), so matching and
ranking differ between SQLite and PostgreSQL and know nothing of our German analysis (compound
parts, folded umlauts, curated synonyms, acronyms). It also indexes through its own signal
handlers rather than the outbox. What we do reuse from Wagtail is its notion of visibility
(live pages, PageViewRestriction), through search.documents when entries are written.

How a search runs:
1. The query is analysed by search.analysis exactly like for Elasticsearch: one group per
   word with its stems, compound parts and synonyms.
2. Candidates come from the ORM: every group must match the space-padded `all_terms` column
   (`contains " term "`; on PostgreSQL the same test on the term array, GIN-indexed), through a
   stem, a synonym, all of its compound parts, or all terms
   of a multi-word synonym. When that finds nothing, the search is repeated with typo
   variants from the indexed vocabulary (`analysis.similar_terms`; first letter fixed, never
   for acronyms), as the Elasticsearch backend does with fuzzy matching. `contains` is LIKE on both databases and all
   terms are lower-case ASCII, so SQLite and PostgreSQL select the same rows.
3. Filters and disjunctive facet counts are computed on the filter keys of the candidates
   (SearchEntryKey); without query text (browsing) they are ORM aggregates instead, so a
   browse over every page does not load every page.
4. Scores are computed in Python with BM25-like saturation and IDF from the vocabulary's
   document frequencies: title > summary = topics/tags > body > places > template documents;
   stems > synonyms > typo variants > compound parts. A searcher's municipality (`near`)
   boosts close results, recency is a mild boost.
5. Snippets (`analysis.snippet`), spelling suggestions (`analysis.suggest`) and distances
   (`search.geo.haversine_km`) are the same functions the Elasticsearch backend uses.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from datetime import datetime, timezone as dt_timezone
from functools import reduce
from operator import and_, or_
from typing import NamedTuple

from django.db.models import Case, Count, Exists, F, FloatField, OuterRef, Q, Value, When

from search import analysis
from search.backends import suggestions
from search.backends.base import SearchBackend
from search.geo import haversine_km
from search.models import SearchEntry, SearchEntryKey
from search.ranking import (
    FIELD_WEIGHTS,
    NEAR_BOOST,
    NEAR_SCALE_KM,
    RECENCY_BOOST,
    RECENCY_HALF_LIFE_DAYS,
    TYPE_HINT_BOOST,
)
from search.results import FACET_KEYS, SearchResults, hit_from_document, make_facets

from . import index
from .matching import GroupMatcher, Idf, has_terms, proximity_bonus

ID_CHUNK = 500  # below SQLite's variable limit, whatever it was compiled with

_SCORE_COLUMNS = ("id", "page_id", "page_type", *(f"{name}_terms" for name in FIELD_WEIGHTS), "sort_date", "latitude", "longitude", "adoptions")


class DatabaseBackend(SearchBackend):
    name = "database"
    label = "Datenbank-Suchindex"
    rebuild_target = "den Datenbank-Suchindex"
    # Local, so it is written first and never waits for a remote node; a task's retry skips
    # it once it has the page (search/models/outbox.py).
    applied_field = "fallback_applied_at"

    # -- writing, rebuilding, checking -------------------------------------------------------
    def apply(self, documents, inline=False):
        return index.write_documents(documents)

    def rebuild(self, progress=None, batch_size=500, workers=None):
        started = time.monotonic()

        def report(done, total):
            if progress is not None:
                progress(done, total, time.monotonic() - started)

        return _RebuildResult(index.rebuild_entries(progress=report, batch_size=batch_size))

    def check(self, expected, progress=None):
        from . import drift

        return drift.check(expected)

    def status(self, public_pages, warnings):
        entries = SearchEntry.objects.count()
        if entries != public_pages:
            warnings.append(f"Der Datenbank-Suchindex hat {entries} Einträge für {public_pages} öffentliche Seiten.")
        return {"entries": entries}

    # -- search -----------------------------------------------------------------------------
    def search(self, query, synonyms=None):
        if query.is_browse:
            return self._browse(query)
        parsed = analysis.analyze_query(query.q, synonyms, lexicon=index.lexicon())
        # Autocomplete uses prefixes; a submitted search matches whole words only.
        for group in parsed.groups:
            group.prefix = None
        suggestion = self._suggestion(query.q)
        content = parsed.content_groups()
        if not content:
            return self._results(query, 0, [], make_facets(query, {}), suggestion, parsed)

        near = query.near_point()
        radius_towns = _towns_within(near, query.radius_km) if query.radius_km is not None else None
        selected = {key: set(query.selected(key)) for key in FACET_KEYS if query.selected(key)}
        vocabulary = index.vocabulary()
        # The one rule of partial matching (search.analysis): a page qualifies with at least
        # this many content words; called through the module so the relevance suite's
        # ablation can swap in the all-words rule.
        required = analysis.required_matches(len(content))
        for fuzzy in (False, True):
            # Exact first; typo variants only when nothing matched (a correct word must not be
            # diluted by look-alikes: "Stadt" must not find "Staat"), and only for words the
            # index does not know, as in the Elasticsearch backend.
            if fuzzy:
                lexicon = index.lexicon()
                # At most analysis.MAX_FUZZY_WORDS words, as in Elasticsearch (query cost).
                unknown = lexicon.unknown_words([g for g in content if not g.repaired])
                if not unknown:
                    break
            matchers = [GroupMatcher(group, vocabulary, fuzzy and group.surface in unknown) for group in content]
            qualifying = _qualifying(matchers, required)
            keys = _candidate_keys(SearchEntry.objects.filter(id__in=qualifying), radius_towns) if qualifying else {}
            matched = [eid for eid, entry_keys in keys.items() if _passes(entry_keys, selected)]
            if matched:
                break
        facets = make_facets(query, _facet_counts(keys, selected))

        idf = Idf(vocabulary, index.entry_count())
        now = datetime.now(dt_timezone.utc)
        hinted = set(parsed.type_hints)
        ranked = []
        for row in _load(matched, _SCORE_COLUMNS):
            scores = [m.score(row, idf) for m in matchers]
            score = sum(scores) + proximity_bonus(matchers, row, idf)
            if row["page_type"] in hinted:
                score *= 1 + TYPE_HINT_BOOST
            distance = _distance(near, row)
            score *= _recency_factor(row["sort_date"], now)
            if distance is not None:
                score *= 1 + NEAR_BOOST * 0.5 ** ((distance / NEAR_SCALE_KM) ** 2)
            missing = tuple(parsed.missing([s > 0 for s in scores], row["page_type"]))
            ranked.append(
                _Ranked(row["id"], row["page_id"], score, distance, row["sort_date"], missing, row["adoptions"])
            )
        ranked.sort(key=_sort_key(query.effective_sort))

        page = ranked[query.offset : query.offset + query.page_size]
        hits = self._hits([(r.entry_id, r.score, r.distance, r.missing) for r in page], parsed)
        return self._results(query, len(ranked), hits, facets, suggestion, parsed)

    def _browse(self, query):
        near = query.near_point()
        base = SearchEntry.objects.all()
        if query.radius_km is not None:
            base = base.filter(municipality_ags__in=_towns_within(near, query.radius_km))
        selected = {key: tuple(query.selected(key)) for key in FACET_KEYS if query.selected(key)}

        filtered = base.filter(*(_has_key(key, values) for key, values in selected.items()))
        total = filtered.count()
        if query.effective_sort == "distance" and near is not None:
            ordered = filtered.annotate(distance=_distance_expression(near)).order_by(
                "distance", F("sort_date").desc(nulls_last=True), "-page_id"
            )
        elif query.effective_sort == "adoptions":
            ordered = filtered.order_by("-adoptions", F("sort_date").desc(nulls_last=True), "-page_id")
        else:
            ordered = filtered.order_by(F("sort_date").desc(nulls_last=True), "-page_id")
        page_ids = list(ordered.values_list("id", flat=True)[query.offset : query.offset + query.page_size])

        counts = {}
        for key in FACET_KEYS:
            others = base.filter(*(_has_key(k, v) for k, v in selected.items() if k != key))
            counts[key] = dict(
                SearchEntryKey.objects.filter(key=key, entry__in=others)
                .values_list("value")
                .annotate(n=Count("id"))
                .order_by()
            )
        hits = self._hits([(eid, None, None) for eid in page_ids], None, near=near)
        return self._results(query, total, hits, make_facets(query, counts), None)

    def _results(self, query, total, hits, facets, suggestion, parsed=None):
        return SearchResults(
            query=query,
            total=total,
            results=hits,
            facets=facets,
            suggestion=suggestion,
            backend=self.name,
            repairs=parsed.repairs() if parsed else [],
        )

    def _hits(self, ranked, parsed, near=None):
        """Hits in the given order, with snippets; `ranked` holds (entry id, score, distance)
        or (entry id, score, distance, missing words)."""
        if not ranked:
            return []
        rows = {
            row["id"]: row
            for row in SearchEntry.objects.filter(id__in=[item[0] for item in ranked]).values(
                "id", "page_id", "document", "latitude", "longitude"
            )
        }
        hits = []
        for eid, score, distance, *missing in ranked:
            row = rows.get(eid)
            if row is None:  # deleted between the two queries
                continue
            if distance is None and near is not None:
                distance = _distance(near, row)
            hits.append(
                hit_from_document(row["document"], parsed, score=score, distance=distance, missing=missing[0] if missing else ())
            )
        return hits

    def _suggestion(self, text):
        # Same lexicon source as Elasticsearch's: readable words of titles, summaries, tags.
        try:
            suggestion = analysis.suggest(text, index.lexicon())
        except Exception:  # noqa: BLE001 - "did you mean" is a courtesy, never a failure
            return None
        if suggestion and analysis.fold(suggestion) == analysis.fold(text):
            return None
        return suggestion

    # -- autocomplete -----------------------------------------------------------------------
    def suggest(self, prefix, limit=8):
        """Titles and tags for the text typed so far: every word must start a word (or a
        compound part) of the title; tags match on the start of their name."""
        words = suggestions.typed_words(prefix)
        if not words:
            return []
        title_filter = reduce(and_, (Q(title_prefixes__contains=f" {w}") for w in words))
        rows = list(
            SearchEntry.objects.filter(title_filter)
            .order_by(F("sort_date").desc(nulls_last=True), "-page_id")
            .values_list("document", flat=True)[: max(limit * 5, 20)]
        )
        return suggestions.combine(rows, words, limit, _tag_counts)

    # -- more like this ---------------------------------------------------------------------
    def similar(self, page_id, limit=5):
        """Pages sharing the most informative terms and tags; the same municipality is left
        out (a town knows its own projects), as are the page itself and pages without a
        shared tag or topic and fewer than two shared terms."""
        entry = SearchEntry.objects.filter(page_id=page_id).first()
        if entry is None:
            return []
        vocab = index.vocabulary()
        idf = Idf(vocab, index.entry_count())
        weighted = Counter()
        for name, weight in (("title", 2.0), ("meta", 1.5), ("summary", 1.0)):
            for term in getattr(entry, f"{name}_terms").split():
                weighted[term] = max(weighted[term], weight * idf(term))
        terms = [t for t, _w in weighted.most_common(15) if vocab.get(t, 0) > 1]
        own_keys = set(SearchEntryKey.objects.filter(entry=entry, key__in=("tag", "topic")).values_list("key", "value"))
        if not terms and not own_keys:
            return []
        candidates = SearchEntry.objects.exclude(pk=entry.pk)
        if entry.municipality_ags:
            candidates = candidates.exclude(municipality_ags=entry.municipality_ags)
        match = has_terms(terms) if terms else Q(pk__in=[])
        if own_keys:
            match |= Q(
                pk__in=SearchEntryKey.objects.filter(
                    reduce(or_, (Q(key=k, value=v) for k, v in own_keys))
                ).values("entry_id")
            )
        rows = list(candidates.filter(match).values("id", "all_terms", "sort_date")[:500])
        shared_keys = defaultdict(set)
        for eid, key, value in SearchEntryKey.objects.filter(
            entry_id__in=[r["id"] for r in rows], key__in=("tag", "topic")
        ).values_list("entry_id", "key", "value"):
            if (key, value) in own_keys:
                shared_keys[eid].add((key, value))
        scored = []
        for row in rows:
            shared_terms = [t for t in terms if f" {t} " in row["all_terms"]]
            tags = sum(1 for k, _v in shared_keys[row["id"]] if k == "tag")
            topics = sum(1 for k, _v in shared_keys[row["id"]] if k == "topic")
            if len(shared_terms) < 2 and not tags:
                continue
            score = sum(weighted[t] for t in shared_terms) + 2.0 * tags + 0.5 * topics
            scored.append((row["id"], score, row["sort_date"]))
        scored.sort(key=lambda item: (-item[1], -_timestamp(item[2]), item[0]))
        return self._hits([(eid, score, None) for eid, score, _d in scored[:limit]], None)


class _RebuildResult(NamedTuple):
    entries: int

    def report_lines(self, alias=None, de=str):
        return [f"Datenbank-Suchindex neu aufgebaut: {self.entries} Einträge."]


class _Ranked(NamedTuple):
    entry_id: int
    page_id: int
    score: float
    distance: float | None
    date: datetime | None
    missing: tuple = ()
    adoptions: int = 0


def _qualifying(matchers, required):
    """Ids of the entries that match at least `required` of the query's content words: one
    indexed query per word, counted here (a word matching no page costs one empty query)."""
    counts = Counter()
    for matcher in matchers:
        counts.update(SearchEntry.objects.filter(matcher.q()).values_list("id", flat=True).iterator(chunk_size=5000))
    return [eid for eid, n in counts.items() if n >= required]


def _candidate_keys(candidates, radius_towns):
    """{entry id: {key: {values}}} of the entries a text filter selects."""
    keys = defaultdict(lambda: defaultdict(set))
    rows = SearchEntryKey.objects.filter(entry__in=candidates.values("id"))
    if radius_towns is not None:
        rows = rows.filter(entry__municipality_ags__in=radius_towns)
    for entry_id, key, value in rows.values_list("entry_id", "key", "value").iterator(chunk_size=5000):
        keys[entry_id][key].add(value)
    return keys


def _passes(entry_keys, selected, skip=None):
    return all(entry_keys.get(key, ()) and not values.isdisjoint(entry_keys[key])
               for key, values in selected.items() if key != skip)


def _facet_counts(keys, selected):
    """Disjunctive counts: a facet's counts respect every selection but its own."""
    counts = {key: Counter() for key in FACET_KEYS}
    for entry_keys in keys.values():
        failing = [key for key, values in selected.items() if entry_keys.get(key, set()).isdisjoint(values)]
        if len(failing) > 1:
            continue
        for key in FACET_KEYS:
            if failing and failing[0] != key:
                continue
            counts[key].update(entry_keys.get(key, ()))
    return counts


def _has_key(key, values):
    return Exists(SearchEntryKey.objects.filter(entry=OuterRef("pk"), key=key, value__in=list(values)))


def _load(ids, columns):
    rows = []
    for start in range(0, len(ids), ID_CHUNK):
        rows.extend(SearchEntry.objects.filter(id__in=ids[start : start + ID_CHUNK]).values(*columns))
    return rows


# -- places ----------------------------------------------------------------------------------
def _town_coordinates():
    from wiki.models import Municipality

    return {ags: (lat, lon) for ags, lat, lon in Municipality.objects.values_list("ags", "latitude", "longitude")}


def _towns_within(near, radius_km):
    if near is None:
        return []
    return [ags for ags, (lat, lon) in _town_coordinates().items() if haversine_km(near[0], near[1], lat, lon) <= radius_km]


def _distance(near, row):
    if near is None or row.get("latitude") is None or row.get("longitude") is None:
        return None
    return haversine_km(near[0], near[1], row["latitude"], row["longitude"])


def _distance_expression(near):
    """Distance as an ORM expression: a CASE over the 59 towns (entries sit at their town's
    coordinates), so sorting by distance needs no trigonometry in SQL."""
    whens = [
        When(municipality_ags=ags, then=Value(haversine_km(near[0], near[1], lat, lon)))
        for ags, (lat, lon) in _town_coordinates().items()
    ]
    return Case(*whens, default=Value(1e9), output_field=FloatField())


# -- ordering --------------------------------------------------------------------------------
def _timestamp(value):
    return value.timestamp() if value else float("-inf")


def _recency_factor(date, now):
    if date is None:
        return 1.0
    age_days = max(0.0, (now - date).total_seconds() / 86400)
    return 1 + RECENCY_BOOST * 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)


def _sort_key(sort):
    """Orders as Elasticsearch sorts: ties by newest, then by page id descending."""
    if sort == "date":
        return lambda r: (-_timestamp(r.date), -r.score, -r.page_id)
    if sort == "distance":
        return lambda r: (r.distance if r.distance is not None else float("inf"), -r.score, -r.page_id)
    if sort == "adoptions":
        return lambda r: (-r.adoptions, -r.score, -_timestamp(r.date), -r.page_id)
    return lambda r: (-r.score, -_timestamp(r.date), -r.page_id)


def _tag_counts():
    """How many indexed pages carry each tag (slug -> count)."""
    return dict(SearchEntryKey.objects.filter(key="tag").values_list("value").annotate(n=Count("id")).order_by())
