"""The database fallback backend, in one place (its tables are search.models.fallback, which
stay in the app's models package so that Django finds them).

  backend.py   DatabaseBackend: search, suggest, similar, apply, rebuild, check, status
  matching.py  SQL selection and BM25-like scoring of one query word
  index.py     writing entries and the vocabulary; the per-process vocabulary cache
  drift.py     compare the entries with the expected documents
"""

from .backend import DatabaseBackend

__all__ = ["DatabaseBackend"]
