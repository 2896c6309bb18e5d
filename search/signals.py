"""Which changes alter what search returns, and for which pages.

Every receiver only records intent (search.sync.enqueue) inside the transaction of the
change; the outbox applies it after commit. Receivers are connected once from
SearchConfig.ready() via connect().

Covered: saving/publishing/unpublishing/moving/deleting pages (a structural page going
live/offline or moving takes its knowledge descendants along), view restrictions, workflow
approval (it publishes, i.e. saves the page), and the knowledge base's signal
`wiki.signals.knowledge_pages_changed`, which the wiki sends for municipality data, topics,
tags (name, synonyms, parent, deletes), tag merges, moves between towns and replaced
template documents (their text is extracted by the wiki at upload time; search only reads
it).
"""

import logging

from django.db.models.signals import post_delete, post_save, pre_save

from search.models import IndexTask
from search.sync import enqueue

logger = logging.getLogger("search.sync")

# Page.save(update_fields=...) calls that only touch revision/lock bookkeeping; they never
# change the live content that search shows.
BOOKKEEPING_FIELDS = frozenset(
    {
        "comment_notifications",
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
        "numchild",
        "approved_go_live_at",
    }
)


def _is_knowledge_class(cls):
    from wiki.models import KnowledgePage

    return cls is not None and issubclass(cls, KnowledgePage) and getattr(cls, "TYPE_CODE", None) is not None


def _bookkeeping_only(update_fields):
    return update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS


def knowledge_ids_below(page, include_self=True):
    """Ids of the knowledge pages in the subtree of `page` (by tree path)."""
    from wiki.models import KnowledgePage

    qs = KnowledgePage.objects.filter(path__startswith=page.path)
    if not include_self:
        qs = qs.exclude(pk=page.pk)
    return list(qs.values_list("pk", flat=True))


# --- Pages --------------------------------------------------------------------------------


def page_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    from wagtail.models import Page

    if raw or not isinstance(instance, Page) or instance.pk is None or _bookkeeping_only(update_fields):
        return
    # What decides whether this page (or, for a town page, its subtree) can be in the index.
    instance._search_previous = Page.objects.filter(pk=instance.pk).values_list("live", "url_path", "path").first()


def page_post_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    from wagtail.models import Page

    if raw or not isinstance(instance, Page) or _bookkeeping_only(update_fields):
        return
    previous = getattr(instance, "_search_previous", None)
    instance._search_previous = None
    if _is_knowledge_class(instance.specific_class):
        was_live = previous[0] if previous else False
        if not instance.live and not was_live:
            return  # a draft that never was public: nothing in the index can change
        enqueue([instance.pk], reason="page-created" if created else "page-saved")
        return
    if previous is None:
        return
    live, url_path, path = previous
    # Going offline/online, a move (new url_path or tree path) or a slug change (URLs in the
    # documents) changes every knowledge page below.
    if live != instance.live or url_path != instance.url_path or path != instance.path:
        enqueue(knowledge_ids_below(instance, include_self=False), reason="parent-changed")


def page_post_delete(sender, instance, **kwargs):
    # Multi-table deletes send one signal per table; only the concrete type counts.
    if _is_knowledge_class(type(instance)):
        enqueue([instance.pk], action=IndexTask.Action.DELETE, reason="page-deleted")


# --- View restrictions --------------------------------------------------------------------


def restriction_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is None:
        return  # the page itself is being deleted; page_post_delete covers it
    enqueue(knowledge_ids_below(page), reason="view-restriction")


# --- Reference data, taxonomy, document text ------------------------------------------------


def knowledge_pages_changed(sender, page_ids=(), reason="", **kwargs):
    enqueue(page_ids, reason=reason or "knowledge-changed")


# --- Wiring -------------------------------------------------------------------------------


_connected = False


def connect():
    global _connected
    if _connected:
        return
    from wagtail.models import PageViewRestriction

    from wiki.signals import knowledge_pages_changed as bulk_signal

    uid = "search-sync"
    # Page saves come with the concrete class or, during a move, with plain Page: no sender.
    pre_save.connect(page_pre_save, dispatch_uid=f"{uid}-page-pre-save")
    post_save.connect(page_post_save, dispatch_uid=f"{uid}-page-post-save")
    post_delete.connect(page_post_delete, dispatch_uid=f"{uid}-page-post-delete")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-restriction-save")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-restriction-delete")
    # Reference data (municipalities, topics, tags: saves and deletes) and replaced template
    # documents: the knowledge base announces the affected pages itself, inside the
    # transaction of the change (wiki/models/change_tracking.py, wiki/models/receivers.py).
    bulk_signal.connect(knowledge_pages_changed, dispatch_uid=f"{uid}-bulk")
    _connected = True
