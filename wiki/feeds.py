"""Atom feed of newly published knowledge pages, so municipalities can follow the wiki in
their feed reader or intranet. Only what anonymous visitors may read."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from wiki import page_types
from wiki.models import KnowledgePage
from wiki.models.pages import public_pages



class NewKnowledgeFeed(Feed):
    feed_type = Atom1Feed
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
