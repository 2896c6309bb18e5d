"""Template tags other templates include: adoptions on a page, on a town page, on the start
page; the region map; feed and follow links.

    {% load transfer_tags %}
    {% adoptions_panel page %}                 case study / template page
    {% municipality_adoptions page.municipality %}  town page
    {% most_adopted_solutions limit=5 %}       start page
    {% region_map highlight=results center=form.near radius_km=form.radius %}
    {% feed_head_links page %} / {% feed_head_links search_query=query %}   in <head>
    {% follow_links page %} / {% follow_links search_query=query %}        visible links
"""

import itertools
import math

from django import template

from transfer import adoptions as rules
from transfer import follow
from transfer.region_map import build_map, render_svg

register = template.Library()
_map_ids = itertools.count(1)


@register.inclusion_tag("transfer/adoptions/panel.html", takes_context=True)
def adoptions_panel(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    adoptable = rules.is_adoptable(page)
    if not adoptable:
        return {"adoptable": False}  # lessons, drafts, restricted pages: nothing to show
    items = [{"adoption": a, "own": rules.public_own_case_study(a)} for a in rules.adoptions_for_page(page)]
    record_url = None
    if user is not None and user.is_authenticated:
        if rules.recordable_towns(user).exclude(pk=page.municipality_id).exists():
            from django.urls import reverse

            record_url = reverse("transfer:record_adoption", args=[page.pk])
    return {
        "adoptable": True,
        "adoptions": items,
        "count": sum(1 for item in items if rules.counts_as_adopted(item["adoption"])),
        "discarded": sum(1 for item in items if not rules.counts_as_adopted(item["adoption"])),
        "record_url": record_url,
        # Contacts are for colleagues: shown to signed-in editors and curators only.
        "show_contacts": bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")),
    }


@register.inclusion_tag("transfer/adoptions/municipality.html")
def municipality_adoptions(municipality):
    return rules.municipality_adoptions(municipality) | {"municipality": municipality}


@register.inclusion_tag("transfer/adoptions/most_adopted.html")
def most_adopted_solutions(limit=5):
    return {"solutions": rules.most_adopted(limit=limit)}


def _radius(value):
    try:
        radius = float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None
    return radius if math.isfinite(radius) and 1 <= radius <= 200 else None


@register.inclusion_tag("transfer/map/region_map.html", takes_context=True)
def region_map(context, highlight=None, radius_km=None, center=None, caption=None):
    """The region map with its list alternative. `highlight`: search results, hits, towns or
    AGS; `center` (AGS or Municipality) with `radius_km` draws the "in meiner Nähe" circle."""
    region = build_map(
        request=context.get("request"),
        highlight=highlight,
        center=center or None,
        radius_km=_radius(radius_km),
        prefix=f"karte{next(_map_ids)}",
    )
    return {
        "map": region,
        "svg": render_svg(region),
        "caption": caption
        or "Punkte nach Kreis eingefärbt, Rauten: Pionierkommunen, Linien: Übernahmen. Jeder Punkt führt zur Kommune.",
    }


@register.inclusion_tag("transfer/follow/head_links.html")
def feed_head_links(page=None, search_query=None):
    return {"feeds": follow.feeds_for(page=page, search_query=search_query)}


@register.inclusion_tag("transfer/follow/follow_links.html")
def follow_links(page=None, search_query=None):
    feeds = follow.feeds_for(page=page, search_query=search_query)
    return {"feeds": feeds, "subscribe_url": follow.subscribe_url(page=page, search_query=search_query)}
