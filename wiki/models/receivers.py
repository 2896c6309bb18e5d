"""Receivers of the knowledge base that announce changes to search
(wiki.signals.knowledge_pages_changed) or keep derived data current.

Deleting a tag or topic changes the search documents of the pages that carried it: pre_delete
runs inside Django's deletion transaction (also for queryset and bulk deletes from the
admin), so search hears about it atomically with the delete. Uploaded documents get their
text extracted here; search only reads it. A view restriction on a collection, or a document
moved into another collection, changes whether the document's text is public: the template
pages using it are announced."""

from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import CollectionViewRestriction
from wagtail.signals import post_page_move

from wiki.models.change_tracking import notify_pages_changed
from wiki.models.documents import KnowledgeDocument
from wiki.models.taxonomy import Tag, Topic


@receiver(pre_delete, sender=Tag, dispatch_uid="wiki-tag-deleted")
def tag_deleted(sender, instance, **kwargs):
    notify_pages_changed(Tag, instance.affected_page_ids(), "tag-delete")


@receiver(pre_delete, sender=Topic, dispatch_uid="wiki-topic-deleted")
def topic_deleted(sender, instance, **kwargs):
    notify_pages_changed(Topic, instance.affected_page_ids(), "topic-delete")


@receiver(post_page_move, dispatch_uid="wiki-knowledge-page-moved")
def knowledge_page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A page moved to another town belongs to that town. Wagtail's move saves a plain Page,
    so KnowledgePage.save() (which copies the municipality) does not run."""
    from wiki.models.pages import KnowledgePage, MunicipalityPage

    if parent_page_before.pk == parent_page_after.pk:
        return
    municipality_id = (
        MunicipalityPage.objects.filter(pk=parent_page_after.pk).values_list("municipality_id", flat=True).first()
    )
    moved = KnowledgePage.objects.filter(pk=instance.pk).exclude(municipality_id=municipality_id)
    if municipality_id and moved.update(municipality_id=municipality_id):
        notify_pages_changed(KnowledgePage, [instance.pk], "page-move")


# --- Text of uploaded documents ------------------------------------------------------------


@receiver(pre_save, sender=KnowledgeDocument, dispatch_uid="wiki-document-text-extract")
def document_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Extract the text when the file is new or replaced (upload time, not publish time)."""
    from wiki.extraction_worker import refresh_document_text

    instance._text_changed = False
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
        instance._text_changed = True


@receiver(post_save, sender=KnowledgeDocument, dispatch_uid="wiki-document-text-saved")
def document_post_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """Store the extracted text (also when the save named other fields only) and tell search
    which template and event pages now carry new document text."""
    from wiki.models.events import EventPageDocument
    from wiki.models.pages import TemplatePageDocument

    if raw or not getattr(instance, "_text_changed", False):
        return
    instance._text_changed = False
    if update_fields is not None and not {"extracted_text", "extraction_error", "extracted_at"} <= set(update_fields):
        sender.objects.filter(pk=instance.pk).update(
            extracted_text=instance.extracted_text,
            extraction_error=instance.extraction_error,
            extracted_at=instance.extracted_at,
        )
    if created:
        return  # not yet attached to any page
    page_ids = [
        *TemplatePageDocument.objects.filter(document=instance).values_list("page_id", flat=True),
        *EventPageDocument.objects.filter(document=instance).values_list("page_id", flat=True),
    ]
    notify_pages_changed(sender, page_ids, "document-replaced")


# --- Who may read a document's text ----------------------------------------------------------


@receiver(post_save, sender=CollectionViewRestriction, dispatch_uid="wiki-collection-restriction-saved")
@receiver(pre_delete, sender=CollectionViewRestriction, dispatch_uid="wiki-collection-restriction-deleted")
def collection_restriction_changed(sender, instance, **kwargs):
    from wiki.document_access import template_pages_using_collection

    notify_pages_changed(sender, template_pages_using_collection(instance.collection), "collection-restriction")


@receiver(pre_save, sender=KnowledgeDocument, dispatch_uid="wiki-document-collection-before")
def document_collection_before(sender, instance, raw=False, **kwargs):
    instance._previous_collection_id = (
        sender.objects.filter(pk=instance.pk).values_list("collection_id", flat=True).first()
        if instance.pk and not raw
        else None
    )


@receiver(post_save, sender=KnowledgeDocument, dispatch_uid="wiki-document-collection-after")
def document_collection_after(sender, instance, created=False, raw=False, **kwargs):
    """A document moved between collections may have become private or public."""
    from wiki.models.events import EventPageDocument
    from wiki.models.pages import TemplatePageDocument

    previous = getattr(instance, "_previous_collection_id", None)
    if raw or created or previous is None or previous == instance.collection_id:
        return
    page_ids = [
        *TemplatePageDocument.objects.filter(document=instance).values_list("page_id", flat=True),
        *EventPageDocument.objects.filter(document=instance).values_list("page_id", flat=True),
    ]
    notify_pages_changed(sender, page_ids, "document-collection")
