"""Deleting a tag or topic changes the search documents of the pages that carried it.

pre_delete runs inside Django's deletion transaction (also for queryset and bulk deletes
from the admin), so search hears about it atomically with the delete."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.signals import post_page_move

from wiki.models.change_tracking import notify_pages_changed
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
