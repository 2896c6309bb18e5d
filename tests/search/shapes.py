"""The documented shape of a search hit (search/openapi.py, schema "Hit"): one list for the
tests that check the API, the result type and both backends against it."""

HIT_KEYS = frozenset(
    {
        "id",
        "external_id",
        "type",
        "title",
        "url",
        "summary",
        "snippet",
        "municipality",
        "topics",
        "tags",
        "phase",
        "distance_km",
        "missing",
        "adoptions",
    }
)
