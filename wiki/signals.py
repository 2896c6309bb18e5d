"""Signals the knowledge base sends when something changes what pages mean for search but
Django's model signals do not show it (bulk updates, m2m moves during a tag merge)."""

from django.dispatch import Signal

# Sent inside the transaction of the change. kwargs: page_ids (iterable of page ids whose
# search document must be rebuilt), reason (short text, e.g. "tag-merge").
knowledge_pages_changed = Signal()

# Sent by load_demo after the demo pages exist, so apps built on the knowledge base (transfer:
# demo adoptions) add their demo data without the wiki importing them. kwargs: write (a
# function that prints one line of progress).
demo_content_loaded = Signal()
