"""Template helpers for search results and the "similar case studies" box on page templates."""

import html
import logging
import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wiki import page_types

register = template.Library()
logger = logging.getLogger(__name__)

_MARK_RE = re.compile(r"(</?mark>)")


@register.filter
def type_label(value):
    return page_types.type_label(value)


@register.filter
def phase_label(value):
    return page_types.phase_label(value)


@register.filter
def km(value):
    """12.44 -> "12,4 km" (German decimal comma); under 1 km as "unter 1 km"."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return ""
    if number < 1:
        return "unter 1 km"
    return f"{number:.1f}".replace(".", ",") + " km"


@register.filter
def safe_snippet(value):
    """Snippet HTML with nothing but <mark> allowed.

    The analysis module escapes the page text it highlights; this filter does not rely on it:
    it unescapes and re-escapes every piece between the mark tags, so stray markup in page text
    can never reach the search page as HTML, and already escaped text is not escaped twice.
    """
    if not value:
        return ""
    parts = []
    depth = 0
    for piece in _MARK_RE.split(str(value)):
        if piece == "<mark>":
            if depth == 0:
                parts.append(piece)
            depth += 1
        elif piece == "</mark>":
            if depth == 1:
                parts.append(piece)
            depth = max(depth - 1, 0)
        elif piece:
            parts.append(escape(html.unescape(piece)))
    if depth:
        parts.append("</mark>")
    return mark_safe("".join(parts))


@register.inclusion_tag("search/similar_pages.html")
def similar_pages(page, limit=5, heading="Ähnliche Fallstudien"):
    """{% similar_pages page %}: more-like-this box; renders nothing when search fails, so a
    search outage never breaks a knowledge page."""
    hits = []
    try:
        from search import service

        found = service.similar(page, limit=limit)
        hits = [_hit_dict(hit) for hit in found]
    except Exception:  # noqa: BLE001 - the page must render whatever search does
        logger.warning("similar pages for page %s failed", getattr(page, "pk", None), exc_info=True)
        hits = []
    return {"hits": hits, "heading": heading}


def _hit_dict(hit):
    if isinstance(hit, dict):
        return hit
    if hasattr(hit, "to_dict"):
        return hit.to_dict()
    return vars(hit)


def _slug_for(names_by_slug, name):
    for slug, known in names_by_slug.items():
        if known == name:
            return slug
    return None


@register.filter
def topic_search_url(name):
    """A topic's name (as results carry it) -> the search for that topic; "" if unknown."""
    from search import reference

    slug = _slug_for(reference.get().topics, name)
    return f"/suche/?topic={slug}" if slug else ""


@register.filter
def tag_search_url(name):
    """A tag's name -> the search for that tag (which includes its child tags); "" if unknown."""
    from search import reference

    slug = _slug_for(reference.get().tags, name)
    return f"/suche/?tag={slug}" if slug else ""
