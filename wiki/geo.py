"""Great-circle distance between coordinates (towns, villages, searchers). Lives in the wiki so
that wiki code needs no search import; search.geo re-exports it for both backends."""

import math

EARTH_RADIUS_KM = 6371.0088  # mean radius; Elasticsearch's geo_distance uses the same (arc)


def haversine_km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
