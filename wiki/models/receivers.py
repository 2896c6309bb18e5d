"""Deleting a tag or topic changes the search documents of the pages that carried it.

pre_delete runs inside Django's deletion transaction (also for queryset and bulk deletes
from the admin), so search hears about it atomically with the delete."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from wiki.models.change_tracking import notify_pages_changed
from wiki.models.taxonomy import Tag, Topic


@receiver(pre_delete, sender=Tag, dispatch_uid="wiki-tag-deleted")
def tag_deleted(sender, instance, **kwargs):
    notify_pages_changed(Tag, instance.affected_page_ids(), "tag-delete")


@receiver(pre_delete, sender=Topic, dispatch_uid="wiki-topic-deleted")
def topic_deleted(sender, instance, **kwargs):
    notify_pages_changed(Topic, instance.affected_page_ids(), "topic-delete")
