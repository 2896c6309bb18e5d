"""Atom feed of newly published knowledge pages, so municipalities can follow the wiki in
their feed reader or intranet. Only what anonymous visitors may read."""

import re

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from wiki import page_types
from wiki.models import KnowledgePage
from wiki.models.pages import public_pages

# Characters XML 1.0 forbids (C0 controls except tab/CR/LF, surrogates, U+FFFE/U+FFFF). One
# of them in a title used to make the whole feed a 500 for everyone.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    """`value` without characters XML cannot carry; lists and tuples element by element."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(item) for item in value)
    return value


class SafeAtom1Feed(Atom1Feed):
    """Atom feed whose every string, feed-level and per item, is XML-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*[xml_safe(arg) for arg in args], **{key: xml_safe(val) for key, val in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*[xml_safe(arg) for arg in args], **{key: xml_safe(val) for key, val in kwargs.items()})


class NewKnowledgeFeed(Feed):
    feed_type = SafeAtom1Feed
    title = "Transferwiki Südwestfalen – neu veröffentlicht"
    subtitle = "Neue Fallstudien, Erfahrungen und Vorlagen der Kommunen in Südwestfalen"
    link = "/suche/"
    limit = 30

    def items(self):
        return (
            public_pages(KnowledgePage.objects.all())
            .select_related("municipality", "content_type")
            .order_by("-first_published_at", "-pk")[: self.limit]
        )

    def item_title(self, item):
        label = page_types.TYPE_LABELS.get(item.specific_class.TYPE_CODE, "")
        return f"{label}: {item.title} ({item.municipality.name})"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.municipality.district_name]
