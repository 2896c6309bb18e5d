"""Small, rarely changing reference data that every search request needs, cached in-process.

Municipalities (for validating `municipality`/`district`/`near` and for facet labels), topic
and tag names (facet labels). Reading them per request would cost several queries on every
search; the cache lives for a minute and is dropped at once when a Municipality, Topic or Tag
is saved or deleted in this process (search/signals_cache.py).
"""

from dataclasses import dataclass, field

from .expiring import Expiring

CACHE_SECONDS = 60.0

_cache = Expiring(CACHE_SECONDS)


@dataclass(frozen=True)
class Place:
    ags: str
    name: str
    district: str
    district_name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Reference:
    places: dict  # ags -> Place
    districts: dict  # district key -> district name
    topics: dict  # slug -> name
    tags: dict  # slug -> name
    villages: dict = field(default_factory=dict)  # village key -> "Name (Kommune)"


def get():
    return _cache.get(_read)


def _read():
    from wiki.models import Municipality, Tag, Topic
    from wiki.models.villages import Village, village_key

    places = {
        row[0]: Place(*row)
        for row in Municipality.objects.values_list(
            "ags", "name", "district_ags", "district_name", "latitude", "longitude"
        )
    }
    return Reference(
        places=places,
        districts={p.district: p.district_name for p in places.values()},
        topics=dict(Topic.objects.values_list("slug", "name")),
        tags=dict(Tag.objects.values_list("slug", "name")),
        villages={
            village_key(ags, name): f"{name} ({town})"
            for name, ags, town in Village.objects.values_list("name", "municipality__ags", "municipality__name")
        },
    )


def invalidate(**_kwargs):
    _cache.clear()
