"""What a town's page shows beyond its own content: what nearby towns and towns of the same
size class have published. Most of the 59 towns have no content of their own yet; for them
this is the reason to open the page at all.

Distances are great-circle distances between the towns' reference coordinates (the same
formula the search uses, search.geo), so "12,3 km" here and in the search agree.

The town page (wiki/models/pages.py) hands in the querysets of what the public may see, so
this module imports no model and the page models can call it without an import cycle.
"""

from django.db.models import Count, Q

from wiki.geo import haversine_km

NEARBY_TOWNS = 5
SIMILAR_TOWNS = 4
PAGES_PER_TOWN = 3
NEARBY_SEARCH_RADIUS_KM = 30  # the radius behind "Alles im Umkreis von … km"


def neighbourhood(municipality, *, towns, public_pages, public_town_pages):
    """{"nearby": [...], "similar": [...]}: towns with public content, each a dict of
    municipality, page (its MunicipalityPage or None), distance_km, count and newest pages.

    `towns` is a queryset of all municipalities, `public_pages` one of the knowledge pages
    the public may see and `public_town_pages` one of the public town pages."""
    public = public_pages
    towns = list(
        towns.exclude(pk=municipality.pk)
        .annotate(
            public_count=Count("knowledge_pages", filter=Q(knowledge_pages__in=public.values("pk")), distinct=True)
        )
        .filter(public_count__gt=0)
    )
    for town in towns:
        town.distance_km = haversine_km(municipality.latitude, municipality.longitude, town.latitude, town.longitude)
    nearby = sorted(towns, key=lambda t: (t.distance_km, t.name))[:NEARBY_TOWNS]
    shown = {t.pk for t in nearby}
    similar = sorted(
        (t for t in towns if t.size_class == municipality.size_class and t.pk not in shown),
        key=lambda t: (-t.public_count, t.distance_km, t.name),
    )[:SIMILAR_TOWNS]
    return {
        "nearby": _entries(nearby, public, public_town_pages),
        "similar": _entries(similar, public, public_town_pages),
        "nearby_search_url": f"/suche/?near={municipality.ags}&radius={NEARBY_SEARCH_RADIUS_KM}",
        "nearby_radius_km": NEARBY_SEARCH_RADIUS_KM,
    }


def _entries(towns, public, public_town_pages):
    town_pages = {
        page.municipality_id: page for page in public_town_pages.filter(municipality__in=[t.pk for t in towns])
    }
    return [
        {
            "municipality": town,
            "url": town_pages[town.pk].url if town.pk in town_pages else None,
            "distance_km": town.distance_km,
            "count": town.public_count,
            "pages": list(public.filter(municipality=town).order_by("-first_published_at", "title")[:PAGES_PER_TOWN]),
        }
        for town in towns
    ]
