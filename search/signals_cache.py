"""Drop the search service's caches when the taxonomy changes.

Connected when search.service is imported (the process that holds the caches is the one that
must hear about changes); other processes rely on the caches' short lifetime.
"""

from django.db.models.signals import post_delete, post_save


def _synonyms_changed(sender=None, **kwargs):
    from search import service

    service.invalidate_synonyms()


def connect():
    from wiki.models import Tag
    from wiki.signals import knowledge_pages_changed

    post_save.connect(_synonyms_changed, sender=Tag, dispatch_uid="search-synonyms-tag-saved")
    post_delete.connect(_synonyms_changed, sender=Tag, dispatch_uid="search-synonyms-tag-deleted")
    knowledge_pages_changed.connect(_synonyms_changed, dispatch_uid="search-synonyms-pages-changed")
