"""The Elasticsearch backend: a query builder (request construction, testable without a node)
and a backend that runs it and turns the response into `SearchResults`.

Matching works on the pre-analysed `*_terms` fields (see search/documents.py): the query text
is analysed in Python by `search.analysis` exactly like the documents, and every query word
becomes one clause that any of its forms can satisfy:

    word ─┬─ main stems             (weight 1.0)   "Städte" → stadt
          ├─ curated synonyms       (weight 0.8)   "ÖPNV" → nahverkehr
          ├─ all compound parts     (weight 0.45)  "Straßenbeleuchtung" → strass + beleucht
          └─ multi-word synonyms    (weight 0.8)   all their terms
    across fields: title 3, summary 2, topics/tags 2, body 1, places 0.8, template documents 0.6

Partial matching: only content words count (question words and filler are dropped by the
analysis); a page must match `analysis.required_matches(n)` of the n content words and is
ranked by the sum of its per-word scores (IDF makes a missing rare word cost more than a
missing common one), plus a bonus where adjacent words stand together in title or summary.
Each word clause is named, so every hit says which words it lacks. Typos: each unknown word
is repaired on its own against the lexicon (analysis); if the request still finds nothing, it
is repeated with fuzzy matching for the words the index does not know (edit distance by word
length, first letter fixed, never for acronyms, not over template document text), so a
correct word is never diluted by look-alikes ("Stadt" must not find "Staat"). A word hinting
at a page type raises that type (+30 %); the score is then multiplied by a mild recency factor
(at most +10 %) and, with `near`, a distance factor (up to +50 %, half of it at 25 km).

Facets are disjunctive: the selected filters go to `post_filter` (they narrow the hits, not
the counts); each facet is a filter aggregation with all *other* selected filters applied.
A radius is a real filter (it narrows counts too). Snippets, "did you mean" and distances are
computed in Python with the same functions as the database backend.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

from search import analysis, ranking
from search.results import FACET_KEYS, FACET_SIZES

from .client import server_timeout

FIELD_WEIGHTS = {f"{name}_terms": weight for name, weight in ranking.FIELD_WEIGHTS.items()}
TERM_WEIGHT = ranking.TERM_WEIGHT
SYNONYM_WEIGHT = ranking.SYNONYM_WEIGHT
PART_WEIGHT = ranking.PART_WEIGHT
FUZZY_WEIGHT = ranking.TYPO_WEIGHT
# "AUTO:4,8": no edit below 4 letters, one up to 7, two from 8 (= analysis.max_edits_for).
FUZZINESS = "AUTO:4,8"
FUZZY_PREFIX_LENGTH = 1
FUZZY_MAX_EXPANSIONS = ranking.MAX_TYPO_VARIANTS
NEAR_BOOST = ranking.NEAR_BOOST  # up to +50 % for the searcher's own municipality
NEAR_SCALE = f"{ranking.NEAR_SCALE_KM:g}km"  # half of the boost left at this distance (Gaussian)
RECENCY_BOOST = ranking.RECENCY_BOOST  # up to +10 % for fresh pages
RECENCY_HALF_LIFE = f"{ranking.RECENCY_HALF_LIFE_DAYS:g}d"
TYPE_HINT_BOOST = ranking.TYPE_HINT_BOOST
PROXIMITY_WEIGHT = ranking.PROXIMITY_WEIGHT
PROXIMITY_SLOP = ranking.PROXIMITY_SLOP
# Fields indexed with positions (search/backends/elasticsearch/mapping.py) for proximity.
PROXIMITY_FIELDS = ("title_terms", "summary_terms")
HIT_SOURCE = [
    "id",
    "external_id",
    "type",
    "title",
    "url",
    "summary",
    "body",
    "document_text",
    "municipality",
    "topics",
    "tags",
    "phase",
    "sort_date",
    "adoptions",
]

FACET_FIELDS = {
    "type": "type",
    "district": "municipality.district",
    "municipality": "municipality.ags",
    "topic": "topics.slug",
    "tag": "tag_slugs",
    "phase": "phase",
    "village": "villages",
    "area": "areas",
}


def _multi_match(terms, boost, fields=None, **options):
    return {
        "multi_match": {
            "query": " ".join(terms),
            "fields": fields or _FIELDS,
            "type": "most_fields",
            "boost": boost,
            **options,
        }
    }


def _all_of(terms, boost):
    """Every term somewhere in the weighted fields (compound parts, multi-word synonyms)."""
    return {
        "multi_match": {
            "query": " ".join(terms),
            "fields": _FIELDS,
            "type": "cross_fields",
            "operator": "and",
            "boost": boost,
        }
    }


_FIELDS = [f"{name}^{weight:g}" for name, weight in FIELD_WEIGHTS.items()]
# Misspelt words are looked up in every field but the text of template documents: its
# dictionary (extracted PDFs, spreadsheets) is the largest and noisiest, and expanding a
# fuzzy term over it cost a third of a typo search for almost no finds.
_FUZZY_FIELDS = [f for f in _FIELDS if not f.startswith("document_terms")]


class ElasticsearchQueryBuilder:
    """Builds the search request body for one SearchQuery (no I/O).

    Plain dicts rather than elasticsearch-dsl objects: the request is rebuilt for every search
    and the DSL's object layer cost milliseconds per request for no gain in clarity here.
    """

    def __init__(self, query, parsed=None, *, fuzzy=False, index=None, now=None):
        """`fuzzy`: False, True (every word may be misspelt) or the surfaces of the words
        that may be (the typo retry leaves words the corpus knows exact)."""
        self.query = query
        self.parsed = parsed
        self.fuzzy = fuzzy
        self.index = index
        self.now = now or datetime.now(UTC)
        self.near = query.near_point()

    # -- text -------------------------------------------------------------------------------
    def word_clause(self, group):
        """One query word: any of its forms, in any field."""
        options = []
        if group.terms:
            options.append(_multi_match(group.terms, TERM_WEIGHT))
            if self.may_be_misspelt(group):
                fuzzy_terms = [t for t in group.terms if not t.isdigit() and analysis.max_edits_for(t) > 0]
                if fuzzy_terms:
                    options.append(
                        _multi_match(
                            fuzzy_terms,
                            FUZZY_WEIGHT,
                            fields=_FUZZY_FIELDS,
                            fuzziness=FUZZINESS,
                            prefix_length=FUZZY_PREFIX_LENGTH,
                            max_expansions=FUZZY_MAX_EXPANSIONS,
                        )
                    )
        if group.synonyms:
            options.append(_multi_match(group.synonyms, SYNONYM_WEIGHT))
        parts = [p for p in group.parts if p not in group.terms]
        if parts:
            # Every part must occur somewhere: "Straßenbeleuchtung" finds "Beleuchtung der
            # Straßen" (ranked lower), but not every text that mentions a street.
            options.append(_all_of(parts, PART_WEIGHT))
        for phrase in group.synonym_phrases:
            if phrase:
                options.append(_all_of(phrase, SYNONYM_WEIGHT))
        if not options:
            return None
        return options[0] if len(options) == 1 else {"bool": {"should": options, "minimum_should_match": 1}}

    def may_be_misspelt(self, group):
        if not self.fuzzy or group.is_acronym:
            return False
        return self.fuzzy is True or group.surface in self.fuzzy

    def content_groups(self):
        return self.parsed.content_groups() if self.parsed else []

    def text_query(self):
        """Partial matching: one named clause per content word, of which at least
        `analysis.required_matches` must match (the rest still add to the score, so pages
        with all words come first); question words and filler neither restrict nor score.
        Proximity clauses only add to the score."""
        groups = self.content_groups()
        clauses = []
        for position, group in enumerate(groups):
            clause = self.word_clause(group)
            if clause is not None:
                clauses.append({"bool": {"should": [clause], "_name": f"w{position}"}})
        if not clauses:
            return {"match_none": {}}
        words = {"bool": {"should": clauses, "minimum_should_match": analysis.required_matches(len(groups))}}
        near_each_other = self.proximity_clauses(groups)
        return {"bool": {"must": [words], "should": near_each_other}} if near_each_other else words

    def proximity_clauses(self, groups):
        """Adjacent content words standing close together in the title or the summary
        (phrase with slop on the main stems). The body is left out: positions there would
        double what indexing the body terms costs."""
        clauses = []
        for first, second in pairwise(groups):
            if not first.terms or not second.terms:
                continue
            phrase = f"{first.terms[0]} {second.terms[0]}"
            for name in PROXIMITY_FIELDS:
                boost = PROXIMITY_WEIGHT * FIELD_WEIGHTS[name]
                clauses.append({"match_phrase": {name: {"query": phrase, "slop": PROXIMITY_SLOP, "boost": boost}}})
        return clauses

    def type_hint_filter(self):
        hints = self.parsed.type_hints if self.parsed else ()
        return {"terms": {"type": list(hints)}} if hints else None

    def scored_query(self, base):
        """Relevance × type hint (if the query hints one) × recency (mild) × nearness (with
        `near`), the same factors in the same order as the database backend."""
        hint = self.type_hint_filter()
        if hint is not None:
            base = {
                "function_score": {
                    "query": base,
                    "functions": [{"weight": 1.0}, {"filter": hint, "weight": TYPE_HINT_BOOST}],
                    "score_mode": "sum",
                    "boost_mode": "multiply",
                }
            }
        recency = {
            "exp": {"sort_date": {"origin": self.now.isoformat(), "scale": RECENCY_HALF_LIFE, "decay": 0.5}},
            "weight": RECENCY_BOOST,
        }
        scored = {
            "function_score": {
                "query": base,
                "functions": [{"weight": 1.0}, recency],
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        }
        if self.near is None:
            return scored
        lat, lon = self.near
        nearness = {
            "gauss": {"municipality.location": {"origin": {"lat": lat, "lon": lon}, "scale": NEAR_SCALE, "decay": 0.5}},
            "weight": NEAR_BOOST,
        }
        return {
            "function_score": {
                "query": scored,
                "functions": [{"weight": 1.0}, nearness],
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        }

    # -- filters ----------------------------------------------------------------------------
    def facet_filter(self, key):
        values = self.query.selected(key)
        return {"terms": {FACET_FIELDS[key]: list(values)}} if values else None

    def facet_filters(self, skip=None):
        return [f for f in (self.facet_filter(k) for k in FACET_KEYS if k != skip) if f is not None]

    def radius_filter(self):
        if self.query.radius_km is None or self.near is None:
            return None
        lat, lon = self.near
        return {
            "geo_distance": {
                "distance": f"{self.query.radius_km}km",
                "distance_type": "arc",
                "municipality.location": {"lat": lat, "lon": lon},
            }
        }

    # -- sorting ----------------------------------------------------------------------------
    def sort(self):
        sort = self.query.effective_sort
        date = {"sort_date": {"order": "desc", "missing": "_last"}}
        newest_id = {"id": {"order": "desc"}}
        if sort == "distance" and self.near is not None:
            lat, lon = self.near
            distance = {
                "_geo_distance": {
                    "municipality.location": {"lat": lat, "lon": lon},
                    "order": "asc",
                    "unit": "km",
                    "distance_type": "arc",
                }
            }
            second = date if self.query.is_browse else "_score"
            return [distance, second, newest_id]
        if sort == "date":
            return [date, newest_id] if self.query.is_browse else [date, "_score", newest_id]
        if sort == "adoptions":
            # Most adopted first; among equals the relevance order (newest first when browsing).
            # Documents of an index built before the field existed count as 0.
            adoptions = {"adoptions": {"order": "desc", "missing": 0}}
            return [adoptions, date, newest_id] if self.query.is_browse else [adoptions, "_score", date, newest_id]
        return ["_score", date, newest_id]

    def facet_aggs(self):
        """One terms aggregation per facet; wrapped in a filter only when other facets are
        selected (an unneeded match_all filter bucket costs ES a third of the aggregation)."""
        aggs = {}
        for key in FACET_KEYS:
            terms = {"terms": {"field": FACET_FIELDS[key], "size": max(FACET_SIZES[key] * 2, 20)}}
            others = self.facet_filters(skip=key)
            aggs[f"facet_{key}"] = (
                {"filter": {"bool": {"filter": others}}, "aggs": {"values": terms}} if others else terms
            )
        return aggs

    @staticmethod
    def facet_counts(aggregations):
        """{facet key: {value: count}} from the response of `facet_aggs`."""
        counts = {}
        for key in FACET_KEYS:
            agg = aggregations[f"facet_{key}"]
            buckets = (agg["values"] if "values" in agg else agg)["buckets"]
            counts[key] = {b["key"]: b["doc_count"] for b in buckets}
        return counts

    # -- the request ------------------------------------------------------------------------
    def build(self):
        """The request body (dict) for `es.search(index=..., body=...)`."""
        query = self.query
        base = {"match_all": {}} if query.is_browse else self.scored_query(self.text_query())
        radius = self.radius_filter()
        if radius is not None:
            base = {"bool": {"must": [base], "filter": [radius]}}
        body = {"query": base}
        filters = self.facet_filters()
        if filters:
            body["post_filter"] = {"bool": {"filter": filters}}
        body["aggs"] = self.facet_aggs()
        body["sort"] = self.sort()
        body["_source"] = {"includes": HIT_SOURCE}
        body["track_total_hits"] = True
        body["from"] = query.offset
        body["size"] = query.page_size
        # The node's own limit (client.server_timeout): an expensive query returns what it
        # found by then, `timed_out: true`. No terminate_after: it stops each shard after
        # N matching documents in index order, which would drop better hits and falsify
        # the totals and facet counts that every search shows.
        body["timeout"] = server_timeout()
        return body
