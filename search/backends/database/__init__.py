"""The database fallback backend, in one place (its tables are search.models.fallback, which
stay in the app's models package so that Django finds them).

  backend.py   DatabaseBackend: search, suggest, similar, apply, rebuild, check, status
  fulltext.py  the full-text statement: selection, ranking, pages, facets, autocomplete
  matching.py  IDF, typo variants, whole-term matching for similar pages
  index.py     writing entries and the vocabulary; the per-process vocabulary cache
  drift.py     compare the entries with the expected documents
"""

from .backend import DatabaseBackend

__all__ = ["DatabaseBackend"]
