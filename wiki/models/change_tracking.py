"""Tell search when reference data changes what knowledge pages mean.

Page saves reach search through Wagtail's own signals; a renamed tag, a new synonym or a
municipality's new population changes the search documents of many pages without any page
being saved. Models here send `wiki.signals.knowledge_pages_changed` from inside the
transaction of their own save, with the pages whose documents are now stale, so that the
outbox row of the search sync commits or rolls back together with the change.
"""

from django.db import models, transaction

from wiki.signals import knowledge_pages_changed


def notify_pages_changed(sender, page_ids, reason):
    page_ids = sorted(set(page_ids))
    if page_ids:
        knowledge_pages_changed.send(sender=sender, page_ids=page_ids, reason=reason)
    return page_ids


class NotifiesSearch(models.Model):
    """Mixin: compares `search_relevant_fields` before and after save and sends
    `knowledge_pages_changed` (reason "<model>-change") when any of them changed."""

    search_relevant_fields: tuple = ()

    class Meta:
        abstract = True

    def affected_page_ids(self):
        raise NotImplementedError

    def _search_state(self):
        return tuple(getattr(self, name) for name in self.search_relevant_fields)

    def save(self, *args, **kwargs):
        with transaction.atomic():
            before = None
            if self.pk is not None:
                before = type(self).objects.filter(pk=self.pk).values_list(*self.search_relevant_fields).first()
            super().save(*args, **kwargs)
            # A new object has no pages yet, so only a change of an existing one matters.
            if before is not None and tuple(before) != self._search_state():
                notify_pages_changed(type(self), self.affected_page_ids(), f"{self._meta.model_name}-change")
