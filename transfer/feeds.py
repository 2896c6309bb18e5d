"""Atom feeds to follow a topic, tag, municipality, Kreis, page type, or any search.

Every feed is a choice in the sense of transfer/selection.py, so a feed and an e-mail digest
of the same choice list the same pages: public ones only, most recently (re-)published first.
"""

import re

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from transfer import selection
from wiki.models import Municipality, Tag, Topic

FEED_LIMIT = 30
# XML 1.0 forbids these; an imported summary with a stray control character must not break
# every reader's feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def xml_text(value):
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_text(v) for v in value)
    return value


class CleanAtomFeed(Atom1Feed):
    def __init__(self, *args, **kwargs):
        super().__init__(*(xml_text(a) for a in args), **{k: xml_text(v) for k, v in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*(xml_text(a) for a in args), **{k: xml_text(v) for k, v in kwargs.items()})


class Choice:
    def __init__(self, query, title, link, feed_url=None):
        self.query, self.title, self.link, self.feed_url = query, title, link, feed_url


class ChoiceFeed(Feed):
    """A feed of one choice; subclasses turn URL arguments into a Choice."""

    feed_type = CleanAtomFeed

    def choice(self, request, **kwargs):
        raise NotImplementedError

    def get_object(self, request, **kwargs):
        return self.choice(request, **kwargs)

    def _query(self, params):
        try:
            return selection.parse(params)
        except selection.QueryError as exc:
            raise Http404(exc.message) from None

    def title(self, obj):
        return f"Transferwiki Südwestfalen – {obj.title}"

    def subtitle(self, obj):
        return f"Neue und geänderte Seiten: {selection.describe(obj.query)}"

    def link(self, obj):
        return obj.link

    def feed_url(self, obj):
        return obj.feed_url  # None: the request path (the search feed passes its parameters)

    def feed_guid(self, obj):
        return None  # the feed id is its link (Atom: id = the self URL of this choice)

    def items(self, obj):
        return list(selection.selected_pages(obj.query, limit=FEED_LIMIT))

    def item_title(self, item):
        return f"{item.specific_class._meta.verbose_name}: {item.title} ({item.municipality.name})"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.municipality.name

    def item_categories(self, item):
        return [item.municipality.district_name, *(topic.name for topic in item.topics.all())]


class TopicFeed(ChoiceFeed):
    def choice(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        return Choice(self._query({"topic": [slug]}), f"Handlungsfeld {topic.name}", f"/suche/?topic={slug}")


class TagFeed(ChoiceFeed):
    def choice(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return Choice(self._query({"tag": [slug]}), f"Schlagwort {tag.name}", f"/suche/?tag={slug}")


class MunicipalityFeed(ChoiceFeed):
    def choice(self, request, ags):
        town = get_object_or_404(Municipality, ags=ags)
        return Choice(self._query({"municipality": [ags]}), town.name, f"/suche/?municipality={ags}")


class DistrictFeed(ChoiceFeed):
    def choice(self, request, district_ags):
        town = Municipality.objects.filter(district_ags=district_ags).first()
        if town is None:
            raise Http404("Unbekannter Kreis")
        return Choice(
            self._query({"district": [district_ags]}), f"Kreis {town.district_name}", f"/suche/?district={district_ags}"
        )


class TypeFeed(ChoiceFeed):
    def choice(self, request, type_code):
        model = selection.knowledge_types().get(type_code)
        if model is None:
            raise Http404("Unbekannte Art")
        return Choice(
            self._query({"type": [type_code]}), str(model._meta.verbose_name_plural), f"/suche/?type={type_code}"
        )


class SearchFeed(ChoiceFeed):
    """/feeds/suche.xml?<the parameters of /suche/>: the same results as a feed."""

    def __call__(self, request, *args, **kwargs):
        try:
            selection.parse(request.GET)
        except selection.QueryError as exc:
            # Same rule as the search page: a bad parameter is a 400 naming it.
            return HttpResponseBadRequest(
                f"Parameter {exc.param}: {exc.message}", content_type="text/plain; charset=utf-8"
            )
        return super().__call__(request, *args, **kwargs)

    def choice(self, request):
        query = self._query(request.GET)
        pairs = selection.normalise(query)
        suffix = f"?{pairs}" if pairs else ""
        return Choice(
            query,
            selection.describe(query),
            f"{reverse('search:page')}{suffix}",
            f"{reverse('transfer:feed_search')}{suffix}",
        )
