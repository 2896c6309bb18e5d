"""Drop the search caches (synonyms, reference data) when the taxonomy or towns change.

Connected in SearchConfig.ready() (every process that may hold the caches must hear about
changes); other processes rely on the caches' short lifetime.
"""

from django.db.models.signals import post_delete, post_save


def _taxonomy_changed(sender=None, **kwargs):
    from search import reference, service

    service.invalidate_synonyms()
    reference.invalidate()


def connect():
    from wiki.models import Municipality, Tag, Topic
    from wiki.models.villages import Village
    from wiki.signals import knowledge_pages_changed

    for model in (Tag, Topic, Municipality, Village):
        name = model._meta.model_name
        post_save.connect(_taxonomy_changed, sender=model, dispatch_uid=f"search-cache-{name}-saved")
        post_delete.connect(_taxonomy_changed, sender=model, dispatch_uid=f"search-cache-{name}-deleted")
    knowledge_pages_changed.connect(_taxonomy_changed, dispatch_uid="search-cache-pages-changed")
