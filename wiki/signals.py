"""Signals the knowledge base sends when something changes what pages mean for search but
Django's model signals do not show it (bulk updates, m2m moves during a tag merge)."""

from django.dispatch import Signal

# Sent inside the transaction of the change. kwargs: page_ids (iterable of page ids whose
# search document must be rebuilt), reason (short text, e.g. "tag-merge").
knowledge_pages_changed = Signal()
