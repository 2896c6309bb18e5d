"""What the search page shows around the results: active-filter chips, facet lists split into
"shown" and "mehr anzeigen", the sort choices and their labels.

Kept apart from search/views.py so that the view stays a thin parse → search → render step.
Every link here is a plain GET URL, so chips and "Alle Filter zurücksetzen" work without
JavaScript.
"""

from urllib.parse import urlencode

from django.urls import reverse

from search.query import FILTER_PARAMS

FACET_SHOWN = 8  # options visible before "mehr anzeigen"
CHIP_PREFIX = {
    "type": "Typ",
    "district": "Kreis",
    "municipality": "Kommune",
    "topic": "Handlungsfeld",
    "tag": "Schlagwort",
    "phase": "Phase",
    "village": "Ortsteil",
    "area": "Raum",
}


def url(pairs):
    base = reverse("search:page")
    return f"{base}?{urlencode(pairs)}" if pairs else base


def active_filters(query, results):
    """Removable chips, one per selected value (and one for "near"/"radius"), each with the
    URL of the same search without it; plus the URL without any filter (the query text stays)."""
    labels = {param: {value.value: value.label for value in results.facets.get(param, [])} for param in FILTER_PARAMS}
    chips = []
    for param in FILTER_PARAMS:
        selected = query.selected(param)
        for value in selected:
            rest = [v for v in selected if v != value]
            chips.append(
                {
                    "prefix": CHIP_PREFIX[param],
                    "label": labels[param].get(value) or _reference_label(param, value),
                    "url": url(query.to_params(**{param: rest or None, "page": None})),
                }
            )
    if query.near:
        place = _reference_label("municipality", query.near)
        # Without a town there is neither a radius nor a distance sort (search.query rejects them).
        sort = query.sort if query.sort not in ("distance", "relevance") else None
        without_near = url(query.to_params(near=None, radius=None, sort=sort, page=None))
        if query.radius_km is not None:
            radius = f"{query.radius_km:g}".replace(".", ",")
            chips.append({"prefix": "Umkreis", "label": f"{radius} km um {place}", "url": without_near})
        else:
            chips.append({"prefix": "In der Nähe von", "label": place, "url": without_near})
    reset = url([("q", query.q)] if query.q else [])
    return {"chips": chips, "reset_url": reset if chips else None, "count": len(chips)}


def _reference_label(param, value):
    from search import reference

    ref = reference.get()
    if param == "municipality":
        place = ref.places.get(value)
        return place.name if place else value
    source = {"district": ref.districts, "topic": ref.topics, "tag": ref.tags}.get(param, {})
    return source.get(value, value)


def split_facet_groups(groups):
    """Each facet group gets `shown` and `more`: the first FACET_SHOWN options and the rest
    (behind <details>, open when a hidden option is checked so that no choice is hidden)."""
    for group in groups:
        options = group["options"]
        group["shown"] = options[:FACET_SHOWN]
        group["more"] = options[FACET_SHOWN:]
        group["more_open"] = any(option["checked"] for option in group["more"])
    return groups


def sort_choices(choices, query, near):
    """Sort options with labels that say what happens. Without query text "relevance" has
    nothing to rank by and the backends list newest first (SearchQuery.effective_sort), so
    the default option is called so; the separate "date" option would then be the same
    thing twice and is left out. Its value stays "relevance" so that a query typed next is
    ranked by relevance again."""
    browse = query is None or not query.q
    out = []
    for value, label in choices:
        if value == "distance" and not near:
            continue
        if browse and value == "date":
            continue
        if browse and value == "relevance":
            label = "Neueste zuerst"
        out.append((value, label))
    return out
