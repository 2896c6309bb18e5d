"""The Elasticsearch backend, in one place.

client.py    the client from settings; ping()
mapping.py   index settings, analyzers and field mapping (MAPPING_VERSION)
query.py     request building for a SearchQuery (no I/O)
backend.py   ElasticsearchBackend: search, suggest, similar, apply, rebuild, check, status
index.py     index creation, the alias, bulk writes
rebuild.py   zero-downtime rebuild with outbox replay and alias swap
drift.py     compare the index with the expected documents
status.py    the index's part of search_status
"""

from .backend import ElasticsearchBackend
from .query import ElasticsearchQueryBuilder

__all__ = ["ElasticsearchBackend", "ElasticsearchQueryBuilder"]
