"""Which feeds and which e-mail subscription a page or a search offers (links for templates)."""

from urllib.parse import urlencode

from django.urls import reverse

from transfer import selection


def _feed(title, name, *args):
    return {"title": title, "url": reverse(f"transfer:{name}", args=args)}


def feeds_for(page=None, search_query=None):
    """[{"title", "url"}] of the Atom feeds that fit a page or a search, most specific first."""
    feeds = []
    if search_query is not None:
        pairs = selection.normalise(search_query)
        url = reverse("transfer:feed_search")
        feeds.append({"title": "Diese Suche als Feed", "url": f"{url}?{pairs}" if pairs else url})
        return feeds
    if page is None:
        return feeds
    specific = getattr(page, "specific", page)
    town = getattr(specific, "municipality", None)
    if town is not None:
        feeds.append(_feed(f"Neues aus {town.name}", "feed_municipality", town.ags))
        feeds.append(_feed(f"Neues aus dem Kreis {town.district_name}", "feed_district", town.district_ags))
    type_code = getattr(specific, "TYPE_CODE", None)
    if type_code:
        feeds.append(_feed(f"Neue {specific._meta.verbose_name_plural}", "feed_type", type_code))
        for topic in specific.topics.all():
            feeds.append(_feed(f"Handlungsfeld {topic.name}", "feed_topic", topic.slug))
        for tag in specific.tags.all():
            feeds.append(_feed(f"Schlagwort {tag.name}", "feed_tag", tag.slug))
    return feeds


def subscribe_url(page=None, search_query=None):
    """Link to the e-mail subscription form, preset to the search or the page's town."""
    base = reverse("transfer:subscribe")
    if search_query is not None:
        pairs = selection.normalise(search_query)
        return f"{base}?{pairs}" if pairs else base
    town = getattr(getattr(page, "specific", page), "municipality", None) if page is not None else None
    return f"{base}?{urlencode({'municipality': town.ags})}" if town is not None else base
