"""Search parameters, parsed and validated once, before any backend sees them.

`SearchQuery.from_params()` turns request parameters (a Django QueryDict or a dict of lists)
into an immutable value; anything a user could have mistyped raises `QueryError`, which the API
turns into HTTP 400 and the search page into a German hint next to the field. Query *text*
itself is never rejected for its characters (quotes, backslashes, operators are just text);
only its length and control characters are checked. Text within MAX_Q_LENGTH typed characters
is then cut to the limits of the folded text (`analysis.limit_query`: words, characters per
word and in all after folding), so a short but expensive query ("¼" × 200 folds to 600
characters) is answered for its beginning rather than refused.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace

from search.analysis.text import limit_query
from search.params import parse_decimal, parse_int
from wiki import page_types

TYPES = page_types.TYPE_LABELS  # the page types of the wiki's registry: code -> German label
SORTS = ("relevance", "date", "distance", "adoptions")
PHASES = tuple(code for code, _label in page_types.PHASES)

MAX_Q_LENGTH = 200
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MIN_RADIUS_KM = 1.0
MAX_RADIUS_KM = 200.0
# Deep paging costs the cluster and helps nobody; 10 000 is also Elasticsearch's default window.
MAX_RESULT_WINDOW = 10_000
MAX_VALUES_PER_PARAM = 50

# Request parameter -> SearchQuery attribute, for the repeatable filters (also the facet keys).
FILTER_PARAMS = {
    "type": "types",
    "district": "districts",
    "municipality": "municipalities",
    "topic": "topics",
    "tag": "tags",
    "phase": "phases",
    "village": "villages",
    "area": "areas",
}
# `area`: pages marked as meant for villages and rural areas ("für Dörfer / ländlichen Raum").
AREAS = {"rural": "Für Dörfer / ländlichen Raum"}

# [0-9], not \d: \d also matches Arabic-Indic and other Unicode digits (search/params.py).
_AGS_RE = re.compile(r"[0-9]{8}\Z")
_VILLAGE_RE = re.compile(r"^[0-9]{8}-[-a-z0-9]{1,90}$")
_DISTRICT_RE = re.compile(r"[0-9]{5}\Z")
_SLUG_RE = re.compile(r"^[-a-z0-9_]{1,100}$")
_WHITESPACE_CONTROLS = {"\t", "\n", "\r", "\x0b", "\x0c"}


class QueryError(ValueError):
    """An invalid search parameter: `.param` names it, `.message` says in German what is wrong."""

    def __init__(self, param, message):
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message

    def as_dict(self):
        return {"error": "invalid_parameter", "param": self.param, "message": self.message}


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    types: tuple = ()
    districts: tuple = ()
    municipalities: tuple = ()
    topics: tuple = ()
    tags: tuple = ()
    phases: tuple = ()
    villages: tuple = ()
    areas: tuple = ()
    near: str | None = None
    radius_km: float | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    # Filled from the reference data while validating `near`, so no backend has to look it up
    # again: (latitude, longitude) of the searcher's municipality.
    near_location: tuple | None = field(default=None, compare=False, repr=False)

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def from_params(cls, params, reference):
        """Parse request parameters; raises QueryError naming the first bad parameter.

        `reference`: the known places (search.reference.get(), or any object with `places`
        {ags: Place} and `districts` {key: name}); the caller reads it, so that the query
        object itself never touches the database."""
        get = _getter(params)

        q = _clean_q(get("q"))
        values = {}
        values["types"] = _choices("type", get("type"), TYPES, "Unbekannter Typ")
        values["phases"] = _choices("phase", get("phase"), PHASES, "Unbekannte Projektphase")
        values["districts"] = _pattern("district", get("district"), _DISTRICT_RE, "ein fünfstelliger Kreisschlüssel")
        values["municipalities"] = _pattern(
            "municipality", get("municipality"), _AGS_RE, "ein achtstelliger Gemeindeschlüssel (AGS)"
        )
        values["topics"] = _pattern("topic", get("topic"), _SLUG_RE, "der Kurzname eines Handlungsfelds")
        values["tags"] = _pattern("tag", get("tag"), _SLUG_RE, "der Kurzname eines Schlagworts")
        values["villages"] = _pattern(
            "village",
            get("village"),
            _VILLAGE_RE,
            "Gemeindeschlüssel und Kurzname eines Ortsteils, z. B. 05958004-huesten",
        )
        values["areas"] = _choices("area", get("area"), AREAS, "Unbekannte Raumangabe")

        near = _single("near", get("near"))
        if near is not None and not _AGS_RE.match(near):
            raise QueryError(
                "near",
                f"Ungültiger Standort „{_show(near)}“; erwartet wird ein Gemeindeschlüssel aus genau 8 Ziffern (AGS).",
            )

        radius = _single("radius", get("radius"))
        radius_km = None
        if radius is not None:
            radius_km = parse_decimal(radius)
            if radius_km is None:
                raise QueryError("radius", f"Der Umkreis „{_show(radius)}“ ist keine Zahl; bitte Kilometer angeben.")
            if not math.isfinite(radius_km) or not MIN_RADIUS_KM <= radius_km <= MAX_RADIUS_KM:
                raise QueryError(
                    "radius",
                    f"Der Umkreis muss zwischen {MIN_RADIUS_KM:g} und {MAX_RADIUS_KM:g} Kilometern liegen.",
                )
            if near is None:
                raise QueryError("radius", "Ein Umkreis braucht eine Kommune als Mittelpunkt (Parameter near).")

        sort = _single("sort", get("sort")) or "relevance"
        if sort not in SORTS:
            raise QueryError("sort", f"Unbekannte Sortierung „{_show(sort)}“. Erlaubt sind: {', '.join(SORTS)}.")
        if sort == "distance" and near is None:
            raise QueryError(
                "sort", "Nach Entfernung sortieren geht nur mit einer Kommune als Standort (Parameter near)."
            )

        page_size = _integer("page_size", get("page_size"), DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, "Die Seitengröße")
        page = _integer("page", get("page"), 1, 1, MAX_RESULT_WINDOW // page_size, "Die Seitenzahl")

        near_location = _check_known_places(reference, values["municipalities"], values["districts"], near)
        return cls(
            q=q,
            near=near,
            radius_km=radius_km,
            sort=sort,
            page=page,
            page_size=page_size,
            near_location=near_location,
            **values,
        )

    # -- convenience for backends and views -------------------------------------------------
    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @property
    def is_browse(self):
        """No query text: list everything that matches the filters, newest first."""
        return not self.q

    @property
    def effective_sort(self):
        """Relevance makes no sense without text; browsing falls back to newest first."""
        if self.sort == "relevance" and self.is_browse:
            return "date"
        return self.sort

    def near_point(self):
        """(lat, lon) of `near` (resolved by from_params), or None."""
        if self.near is None:
            return None
        return self.near_location

    def selected(self, param):
        """Selected values of one filter parameter ("type", "district", ...)."""
        return getattr(self, FILTER_PARAMS[param])

    @property
    def has_filters(self):
        return any(self.selected(p) for p in FILTER_PARAMS) or self.radius_km is not None

    def replace(self, **changes):
        return replace(self, **changes)

    def to_params(self, **overrides):
        """List of (name, value) pairs that reproduce this query (links for pages and facets).

        Defaults are left out so that URLs stay short; `overrides` replaces single parameters
        (a value of None removes it).
        """
        pairs = []
        if self.q:
            pairs.append(("q", self.q))
        for param in FILTER_PARAMS:
            pairs.extend((param, v) for v in self.selected(param))
        if self.near:
            pairs.append(("near", self.near))
        if self.radius_km is not None:
            pairs.append(("radius", f"{self.radius_km:g}"))
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if self.page_size != DEFAULT_PAGE_SIZE:
            pairs.append(("page_size", str(self.page_size)))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        for name, value in overrides.items():
            pairs = [(k, v) for k, v in pairs if k != name]
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                pairs.extend((name, str(v)) for v in value)
            else:
                pairs.append((name, str(value)))
        return pairs

    def log_filters(self):
        """The filters as a small dict (for the query log; no personal data)."""
        data = {p: list(self.selected(p)) for p in FILTER_PARAMS if self.selected(p)}
        if self.near:
            data["near"] = self.near
        if self.radius_km is not None:
            data["radius"] = self.radius_km
        if self.sort != "relevance":
            data["sort"] = self.sort
        return data


# -- parsing helpers ------------------------------------------------------------------------
def _getter(params):
    """A function name -> list[str] for QueryDicts, dicts of lists and dicts of strings."""
    if params is None:
        return lambda name: []
    if hasattr(params, "getlist"):
        return lambda name: [v for v in params.getlist(name)]

    def get(name):
        value = params.get(name)
        if value is None:
            return []
        if isinstance(value, (list, tuple)):
            return list(value)
        return [value]

    return get


def _show(value, limit=40):
    """A user value, shortened and stripped of control characters, for a message."""
    value = "".join(ch for ch in str(value) if unicodedata.category(ch) != "Cc")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _has_controls(value):
    return any(unicodedata.category(ch) == "Cc" and ch not in _WHITESPACE_CONTROLS for ch in value)


def _values(param, raw):
    """Non-empty, stripped, de-duplicated values (empty form fields are simply absent)."""
    out = []
    for value in raw:
        value = str(value).strip()
        if not value:
            continue
        if _has_controls(value):
            raise QueryError(param, "Der Wert enthält unzulässige Steuerzeichen.")
        if value not in out:
            out.append(value)
    if len(out) > MAX_VALUES_PER_PARAM:
        raise QueryError(param, f"Höchstens {MAX_VALUES_PER_PARAM} Werte sind möglich.")
    return out


def _single(param, raw):
    values = _values(param, raw)
    if len(values) > 1:
        raise QueryError(param, "Dieser Parameter darf nur einmal angegeben werden.")
    return values[0] if values else None


def _clean_q(raw):
    texts = [str(v) for v in raw if str(v).strip()]
    if len(texts) > 1:
        raise QueryError("q", "Bitte nur einen Suchbegriff-Parameter angeben.")
    text = texts[0] if texts else ""
    if _has_controls(text):
        raise QueryError("q", "Der Suchtext enthält unzulässige Steuerzeichen.")
    # NFC so that a decomposed „ü“ from some keyboards matches the stored text.
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if len(text) > MAX_Q_LENGTH:
        raise QueryError("q", f"Der Suchtext ist zu lang (höchstens {MAX_Q_LENGTH} Zeichen).")
    return limit_query(text)


def _choices(param, raw, allowed, label):
    values = _values(param, raw)
    for value in values:
        if value not in allowed:
            raise QueryError(param, f"{label} „{_show(value)}“. Erlaubt sind: {', '.join(allowed)}.")
    return tuple(values)


def _pattern(param, raw, regex, expected):
    values = _values(param, raw)
    for value in values:
        if not regex.match(value):
            raise QueryError(param, f"Ungültiger Wert „{_show(value)}“; erwartet wird {expected}.")
    return tuple(values)


def _integer(param, raw, default, minimum, maximum, label):
    value = _single(param, raw)
    if value is None:
        return default
    number = parse_int(value)
    if number is None:
        raise QueryError(param, f"{label} muss eine ganze Zahl sein, nicht „{_show(value)}“.")
    if not minimum <= number <= maximum:
        raise QueryError(param, f"{label} muss zwischen {minimum} und {maximum} liegen.")
    return number


def _check_known_places(ref, municipalities, districts, near):
    """Well-formed keys that are not in the reference data are errors too: a typo in a
    bookmarked URL should say so rather than silently return nothing."""
    if not (municipalities or districts or near):
        return None
    for ags in municipalities:
        if ags not in ref.places:
            raise QueryError("municipality", f"Der Gemeindeschlüssel „{ags}“ gehört zu keiner Kommune Südwestfalens.")
    if near and near not in ref.places:
        raise QueryError("near", f"Der Gemeindeschlüssel „{near}“ gehört zu keiner Kommune Südwestfalens.")
    for key in districts:
        if key not in ref.districts:
            raise QueryError("district", f"Der Kreisschlüssel „{key}“ gehört zu keinem Kreis Südwestfalens.")
    if not near:
        return None
    place = ref.places[near]
    return (place.latitude, place.longitude)
