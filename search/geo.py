"""Great-circle distance, shared by both backends so that `distance_km` agrees between them.

The function lives in wiki.geo (the wiki needs it too and must not import search)."""

from wiki.geo import EARTH_RADIUS_KM, haversine_km

__all__ = ["EARTH_RADIUS_KM", "haversine_km"]
