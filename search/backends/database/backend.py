"""The database fallback backend: the same contract as Elasticsearch, answered from SearchEntry.

Why not Wagtail's own database search backend: it analyses text with the database's tools
(PostgreSQL `to_tsvector`, SQLite FTS5, or a plain `icontains` fallback), so matching and
ranking differ between SQLite and PostgreSQL and know nothing of our German analysis (compound
parts, folded umlauts, curated synonyms, acronyms). It also indexes through its own signal
handlers rather than the outbox. What we do reuse from Wagtail is its notion of visibility
(live pages, PageViewRestriction), through search.documents when entries are written.

How a search runs:
1. The query is analysed by search.analysis exactly like for Elasticsearch, with the index's
   lexicon, so a misspelt word is repaired on its own: one group per word with its stems,
   compound parts and synonyms, marked as content or filler.
2. One SQL statement (fulltext.py) on SQLite FTS5 or PostgreSQL tsvector selects the pages that
   match `analysis.required_matches(…)` of the content words, ranks them (engine score with the
   field weights of search.ranking, type hint, recency, nearness), filters, sorts and slices
   them, and counts the total and the disjunctive facets on the same candidates. When nothing
   matched, the search is repeated with typo variants from the vocabulary for the words the
   index does not know (`analysis.similar_terms`; first letter fixed, never for acronyms), as
   the Elasticsearch backend does with fuzzy matching.
3. Without query text (browsing) the same statement runs with every entry as a candidate.
4. Snippets (`analysis.snippet`), spelling suggestions (`analysis.suggest`) and distances
   (`search.geo.haversine_km`) are the same functions the Elasticsearch backend uses; each hit
   names the content words it lacks (`missing`).
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import Count, Q

from search import analysis
from search.backends import suggestions
from search.backends.base import SearchBackend
from search.geo import haversine_km
from search.models import SearchEntry, SearchEntryKey
from search.results import FACET_KEYS, SearchResults, hit_from_document, make_facets

from . import fulltext, index
from .matching import Idf, _typo_variants, has_terms


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

        if fulltext.check_integrity():
            # A damaged FTS5 index is re-read from the entries first: its triggers must find
            # the rows the rebuild replaces.
            fulltext.rebuild_engine_index()
        return _RebuildResult(index.rebuild_entries(progress=report, batch_size=batch_size, workers=workers))

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
        groups = parsed.content_groups()
        if not groups:
            return self._results(query, 0, [], make_facets(query, {}), suggestion, parsed)

        near = query.near_point()
        towns = _town_coordinates() if near is not None else {}
        radius_towns = _towns_within(near, query.radius_km) if query.radius_km is not None else None
        selected = {key: set(query.selected(key)) for key in FACET_KEYS if query.selected(key)}
        required = analysis.required_matches(len(groups))
        vocabulary = index.vocabulary()
        idf = Idf(vocabulary, index.entry_count())
        for fuzzy in (False, True):
            # Exact first; typo variants only when nothing matched (a correct word must not be
            # diluted by look-alikes: "Stadt" must not find "Staat"), and only for words the
            # index does not know, as in the Elasticsearch backend.
            unknown = set()
            if fuzzy:
                lexicon = index.lexicon()
                # At most analysis.MAX_FUZZY_WORDS words, as in Elasticsearch (query cost);
                # a repaired word is searched with its correction already.
                unknown = lexicon.unknown_words([g for g in groups if not g.repaired])
                if not unknown:
                    break
            forms = [
                fulltext.group_forms(
                    g, [v for t in g.terms for v in _typo_variants(t, vocabulary)] if g.surface in unknown else ()
                )
                for g in groups
            ]
            answer = fulltext.search(
                forms,
                idf,
                required,
                type_hints=list(parsed.type_hints),
                now=datetime.now(UTC),
                near=near,
                towns=towns,
                selected=selected,
                radius_towns=radius_towns,
                sort=query.effective_sort,
                offset=query.offset,
                limit=query.page_size,
            )
            if answer.total:
                break
        hits = self._hits(
            [(r.entry_id, r.score, None) for r in answer.ranked],
            parsed,
            near=near,
            matched={r.entry_id: [bool(r.mask & (1 << i)) for i in range(len(groups))] for r in answer.ranked},
        )
        return self._results(query, answer.total, hits, make_facets(query, answer.facets), suggestion, parsed)

    def _browse(self, query):
        """Without query text: every entry is a candidate; the same statement filters, sorts,
        slices and counts the facets."""
        near = query.near_point()
        answer = fulltext.search(
            [],
            None,
            0,
            type_hints=[],
            now=datetime.now(UTC),
            near=near,
            towns=_town_coordinates() if near is not None else {},
            selected={key: set(query.selected(key)) for key in FACET_KEYS if query.selected(key)},
            radius_towns=_towns_within(near, query.radius_km) if query.radius_km is not None else None,
            sort="date" if query.effective_sort == "distance" and near is None else query.effective_sort,
            offset=query.offset,
            limit=query.page_size,
        )
        hits = self._hits([(r.entry_id, None, None) for r in answer.ranked], None, near=near)
        return self._results(query, answer.total, hits, make_facets(query, answer.facets), None)

    def _results(self, query, total, hits, facets, suggestion, parsed=None):
        return SearchResults(
            query=query,
            total=total,
            results=hits,
            facets=facets,
            suggestion=suggestion,
            backend=self.name,
            repairs=parsed.repairs() if parsed is not None else [],
        )

    def _hits(self, ranked, parsed, near=None, matched=None):
        """Hits in the given order, with snippets; `ranked` holds (entry id, score, distance),
        `matched` per entry id whether it matched each content word (for `missing`)."""
        if not ranked:
            return []
        rows = {
            row["id"]: row
            for row in SearchEntry.objects.filter(id__in=[eid for eid, _s, _d in ranked]).values(
                "id", "page_id", "document", "latitude", "longitude"
            )
        }
        hits = []
        for eid, score, distance in ranked:
            row = rows.get(eid)
            if row is None:  # deleted between the two queries
                continue
            if distance is None and near is not None:
                distance = _distance(near, row)
            hits.append(
                hit_from_document(
                    row["document"],
                    parsed,
                    score=score,
                    distance=distance,
                    missing=parsed.missing(matched[eid], row["document"].get("type")) if matched else (),
                )
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
        ids = fulltext.prefix_entry_ids(words, max(limit * 5, 20))
        documents = dict(SearchEntry.objects.filter(id__in=ids).values_list("id", "document"))
        rows = [documents[i] for i in ids if i in documents]
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
                pk__in=SearchEntryKey.objects.filter(reduce(or_, (Q(key=k, value=v) for k, v in own_keys))).values(
                    "entry_id"
                )
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


# -- places ----------------------------------------------------------------------------------
def _town_coordinates():
    from wiki.models import Municipality

    return {ags: (lat, lon) for ags, lat, lon in Municipality.objects.values_list("ags", "latitude", "longitude")}


def _towns_within(near, radius_km):
    if near is None:
        return []
    return [
        ags for ags, (lat, lon) in _town_coordinates().items() if haversine_km(near[0], near[1], lat, lon) <= radius_km
    ]


def _distance(near, row):
    if near is None or row.get("latitude") is None or row.get("longitude") is None:
        return None
    return haversine_km(near[0], near[1], row["latitude"], row["longitude"])


# -- ordering --------------------------------------------------------------------------------
def _timestamp(value):
    return value.timestamp() if value else float("-inf")


def _tag_counts():
    """How many indexed pages carry each tag (slug -> count); cached like the vocabulary, so
    a keystroke does not count every tag row of the index again (~10 ms at 10,000 pages)."""
    return index.cached(
        "tag_counts",
        lambda: dict(SearchEntryKey.objects.filter(key="tag").values_list("value").annotate(n=Count("id")).order_by()),
    )
