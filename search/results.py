"""The one result type both backends return, and its public JSON form (issue 4).

Backends fill `Hit`s and raw facet counts; `make_facets()` turns counts into labelled, ordered
`FacetValue`s the same way for both, so the contract suite can compare them. `to_dict()` is the
API response and contains nothing internal (no scores, no timings, no backend errors).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from wiki import page_types

from .analysis.snippets import snippet_for
from .query import AREAS, FILTER_PARAMS, PHASES, TYPES

FACET_KEYS = tuple(FILTER_PARAMS)  # type, district, municipality, topic, tag, phase

# Facets with a natural order keep it (a checkbox list that reshuffles is hard to use);
# the others are ordered by count, then alphabetically.
_FIXED_ORDER = {"type": tuple(TYPES), "phase": PHASES, "area": tuple(AREAS)}
FACET_SIZES = {
    "type": 5,
    "district": 10,
    "municipality": 60,
    "topic": 30,
    "tag": 50,
    "phase": 6,
    "village": 40,
    "area": 1,
}


@dataclass
class Hit:
    id: int
    type: str
    title: str
    url: str
    summary: str = ""
    snippet: str = ""
    external_id: str | None = None
    municipality: dict | None = None  # {ags, name, district, district_name}
    topics: list = field(default_factory=list)  # names
    tags: list = field(default_factory=list)  # names
    phase: str | None = None
    distance_km: float | None = None
    score: float | None = None  # internal: for debugging and relevance tests, not in the API
    # Content words of the query this hit does not contain (partial matching, as typed), so
    # the page can say "Nicht gefunden: …" instead of leaving the clerk to guess.
    missing: list = field(default_factory=list)
    # Towns that adopt this page ("verworfen" not counted; transfer.adoptions.adoption_counts).
    adoptions: int = 0

    def to_dict(self):
        return {
            "id": self.id,
            "external_id": self.external_id,
            "type": self.type,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "snippet": self.snippet,
            "municipality": dict(self.municipality) if self.municipality else None,
            "topics": list(self.topics),
            "tags": list(self.tags),
            "phase": self.phase,
            "distance_km": None if self.distance_km is None else round(float(self.distance_km), 1),
            "missing": list(self.missing),
            "adoptions": self.adoptions,
        }

    @property
    def type_label(self):
        return TYPES.get(self.type, self.type)


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False  # for the search page's checkboxes; not part of the API

    def to_dict(self):
        return {"value": self.value, "label": self.label, "count": self.count}


@dataclass
class SearchResults:
    query: object  # search.query.SearchQuery
    total: int
    results: list
    facets: dict = field(default_factory=dict)
    suggestion: str | None = None
    backend: str = "database"
    took_ms: float | None = None
    es_took_ms: int | None = None
    degraded: bool = False  # Elasticsearch configured but down: results may be incomplete
    # (typed word, corrected word) for each typo that was repaired and searched as well.
    repairs: list = field(default_factory=list)

    @property
    def page(self):
        return self.query.page

    @property
    def page_size(self):
        return self.query.page_size

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.page_size)) if self.total else 0

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1

    def to_dict(self):
        return {
            "query": self.query.q,
            "total": self.total,
            "page": self.page,
            "page_size": self.page_size,
            "backend": self.backend,
            "results": [hit.to_dict() for hit in self.results],
            "facets": {key: [v.to_dict() for v in self.facets.get(key, [])] for key in FACET_KEYS},
            "suggestion": self.suggestion,
            # Elasticsearch is configured but was not reachable: the database answered, so
            # results may be incomplete (the search page says so).
            "degraded": self.degraded,
            "repairs": [{"typed": typed, "searched": searched} for typed, searched in self.repairs],
        }


def hit_from_document(document, parsed=None, score=None, distance=None, missing=()):
    """A Hit from a search document (search.documents) as either backend stores it."""
    municipality = document.get("municipality") or None
    return Hit(
        id=document.get("id"),
        external_id=document.get("external_id") or None,
        type=document.get("type") or "",
        title=document.get("title") or "",
        url=document.get("url") or "",
        summary=document.get("summary") or "",
        snippet=snippet_for(document, parsed),
        municipality=(
            {key: municipality.get(key) for key in ("ags", "name", "district", "district_name")}
            if municipality
            else None
        ),
        topics=[t.get("name") for t in document.get("topics") or []],
        tags=[t.get("name") for t in document.get("tags") or []],
        phase=document.get("phase") or None,
        distance_km=None if distance is None else round(distance, 1),
        score=score,
        missing=list(missing),
        adoptions=int(document.get("adoptions") or 0),
    )


def make_facets(query, counts):
    """Labelled, ordered facet values from raw counts {facet key: {value: count}}.

    Selected values always appear (with count 0 if nothing matches them any more) so the user
    can untick them. Labels come from the database, not from the index, so a renamed tag shows
    its new name before the next reindex.
    """
    counts = {key: {str(v): int(c) for v, c in (counts.get(key) or {}).items()} for key in FACET_KEYS}
    for key in FACET_KEYS:
        for value in query.selected(key):
            counts[key].setdefault(value, 0)
    labels = _labels(counts)
    facets = {}
    for key in FACET_KEYS:
        selected = set(query.selected(key))
        values = [
            FacetValue(value=v, label=labels[key].get(v, v), count=c, selected=v in selected)
            for v, c in counts[key].items()
            if c > 0 or v in selected
        ]
        if key in _FIXED_ORDER:
            order = {v: i for i, v in enumerate(_FIXED_ORDER[key])}
            values.sort(key=lambda fv: order.get(fv.value, len(order)))
        else:
            values.sort(key=lambda fv: (-fv.count, fv.label.casefold(), fv.value))
            values = _truncate_keeping_selected(values, FACET_SIZES[key])
        facets[key] = values
    return facets


def _truncate_keeping_selected(values, size):
    if len(values) <= size:
        return values
    head = values[:size]
    head.extend(v for v in values[size:] if v.selected)
    return head


def _labels(counts):
    from . import reference

    ref = reference.get()
    return {
        "type": dict(TYPES),
        "phase": dict(page_types.PHASE_LABELS),
        "district": ref.districts,
        "municipality": {ags: place.name for ags, place in ref.places.items()},
        "topic": ref.topics,
        "tag": ref.tags,
        "village": ref.villages,
        "area": dict(AREAS),
    }
