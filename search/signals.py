"""Which changes alter what search returns, and for which pages.

Every receiver only records intent (search.sync.enqueue) inside the transaction of the
change; the outbox applies it after commit. Receivers are connected once from
SearchConfig.ready() via connect().

Covered: saving/publishing/unpublishing/moving/deleting pages (a structural page going
live/offline or moving takes its knowledge descendants along), view restrictions, workflow
approval (it publishes, i.e. saves the page), municipality data, topics, tags (name,
synonyms, parent: the pages of the tag and of its child tags), replaced template documents
(text extracted at upload time, then the template pages that use the document), and the
knowledge base's bulk signal `wiki.signals.knowledge_pages_changed`.
"""

import logging

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

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
    instance._search_previous = (
        Page.objects.filter(pk=instance.pk).values_list("live", "url_path", "path").first()
    )


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


# --- Reference data and taxonomy ----------------------------------------------------------


def municipality_saved(sender, instance, created=False, raw=False, **kwargs):
    from wiki.models import CaseStudyPage, KnowledgePage

    if raw or created:
        return
    ids = set(KnowledgePage.objects.filter(municipality=instance).values_list("pk", flat=True))
    ids |= set(CaseStudyPage.objects.filter(partner_municipalities=instance).values_list("pk", flat=True))
    enqueue(ids, reason="municipality")


def _pages_with_topic(topic):
    from wiki.models import KnowledgePage

    return KnowledgePage.objects.filter(topics=topic).values_list("pk", flat=True)


def topic_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    enqueue(_pages_with_topic(instance), reason="topic")


def topic_deleting(sender, instance, **kwargs):
    enqueue(_pages_with_topic(instance), reason="topic-deleted")


def _pages_with_tag_or_children(tag):
    """Documents carry each tag with its parent chain, so a change of a tag affects the
    pages tagged with it or with any tag below it."""
    from wiki.models import KnowledgePage, Tag

    tag_ids, frontier = {tag.pk}, {tag.pk}
    while frontier:
        frontier = set(Tag.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - tag_ids
        tag_ids |= frontier
    return KnowledgePage.objects.filter(tags__in=tag_ids).values_list("pk", flat=True).distinct()


def tag_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    enqueue(_pages_with_tag_or_children(instance), reason="tag")


def tag_deleting(sender, instance, **kwargs):
    enqueue(_pages_with_tag_or_children(instance), reason="tag-deleted")


def knowledge_pages_changed(sender, page_ids=(), reason="", **kwargs):
    enqueue(page_ids, reason=reason or "knowledge-changed")


# --- Template documents -------------------------------------------------------------------


def document_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Extract the text when the file is new or replaced (upload time, not publish time)."""
    from wiki.extraction import refresh_document_text

    instance._search_text_changed = False
    if raw or not instance.file:
        return
    if update_fields is not None and "file" not in update_fields:
        return
    file_is_new = not getattr(instance.file, "_committed", True)
    previous = None
    if instance.pk and not file_is_new:
        previous = sender.objects.filter(pk=instance.pk).values_list("file", "file_hash").first()
    replaced = previous is not None and (
        previous[0] != instance.file.name or (previous[1] and instance.file_hash and previous[1] != instance.file_hash)
    )
    if file_is_new or replaced or instance.extracted_at is None:
        refresh_document_text(instance)
        instance._search_text_changed = True


def document_post_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    from wiki.models import TemplatePageDocument

    if raw or not getattr(instance, "_search_text_changed", False):
        return
    instance._search_text_changed = False
    if update_fields is not None and not {"extracted_text", "extraction_error", "extracted_at"} <= set(update_fields):
        sender.objects.filter(pk=instance.pk).update(
            extracted_text=instance.extracted_text,
            extraction_error=instance.extraction_error,
            extracted_at=instance.extracted_at,
        )
    if created:
        return  # not yet attached to any page
    enqueue(
        TemplatePageDocument.objects.filter(document=instance).values_list("page_id", flat=True),
        reason="document-replaced",
    )


# --- Wiring -------------------------------------------------------------------------------


def _notifies_search(model):
    try:
        from wiki.models.change_tracking import NotifiesSearch
    except ImportError:
        return False
    return issubclass(model, NotifiesSearch)


_connected = False


def connect():
    global _connected
    if _connected:
        return
    from wagtail.models import PageViewRestriction

    from wiki.models import KnowledgeDocument, Municipality, Tag, Topic
    from wiki.signals import knowledge_pages_changed as bulk_signal

    uid = "search-sync"
    # Page saves come with the concrete class or, during a move, with plain Page: no sender.
    pre_save.connect(page_pre_save, dispatch_uid=f"{uid}-page-pre-save")
    post_save.connect(page_post_save, dispatch_uid=f"{uid}-page-post-save")
    post_delete.connect(page_post_delete, dispatch_uid=f"{uid}-page-post-delete")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-restriction-save")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-restriction-delete")
    # Reference data: models with the knowledge base's NotifiesSearch mixin already send
    # knowledge_pages_changed from their own save (only when a search-relevant field changed);
    # listening to their post_save as well would only write every task twice.
    for model, receiver in ((Municipality, municipality_saved), (Topic, topic_saved), (Tag, tag_saved)):
        if not _notifies_search(model):
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}-{model._meta.model_name}")
    pre_delete.connect(topic_deleting, sender=Topic, dispatch_uid=f"{uid}-topic-delete")
    pre_delete.connect(tag_deleting, sender=Tag, dispatch_uid=f"{uid}-tag-delete")
    bulk_signal.connect(knowledge_pages_changed, dispatch_uid=f"{uid}-bulk")
    pre_save.connect(document_pre_save, sender=KnowledgeDocument, dispatch_uid=f"{uid}-document-pre")
    post_save.connect(document_post_save, sender=KnowledgeDocument, dispatch_uid=f"{uid}-document-post")
    _connected = True
