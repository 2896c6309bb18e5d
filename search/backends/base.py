"""The interface both search backends implement (Elasticsearch and the database fallback).

A backend owns everything about its index: reading (search, suggest, similar), writing
(`apply`, called by the outbox in search/sync.py with documents built once for all backends
by search/documents.py), `rebuild`, the drift `check` and its part of `status`. Both take a
validated `search.query.SearchQuery`, analyse the text with `search.analysis` and return
`search.results.SearchResults`, so the API, the search page and the contract suite
(tests/search/test_contract.py) cannot tell them apart except by `backend`.

A backend that cannot be reached raises `BackendUnavailable` (and nothing engine-specific),
so the service and the outbox handle outages without knowing the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class BackendUnavailable(Exception):
    """The whole request failed (connection, timeout, 5xx, 429, missing index): answer from
    another backend, keep writes queued."""


@dataclass
class WriteOutcome:
    """What `apply` did, by page id."""

    indexed: set = field(default_factory=set)
    deleted: set = field(default_factory=set)
    failed: dict = field(default_factory=dict)  # page_id -> message

    def merge(self, other):
        self.indexed |= other.indexed
        self.deleted |= other.deleted
        for page_id in other.indexed | other.deleted:
            self.failed.pop(page_id, None)
        self.failed.update(other.failed)


@dataclass
class Drift:
    """What `check` found in one backend's index."""

    missing: list = field(default_factory=list)  # public pages not in the index
    extra: list = field(default_factory=list)  # index entries that must not be there
    stale: list = field(default_factory=list)  # in the index, but not the current content
    checked: int = 0

    @property
    def count(self):
        return len(self.missing) + len(self.extra) + len(self.stale)

    def page_ids(self):
        # Entries whose id is not a page id ("foreign") are handled apart (search.drift.repair).
        return sorted(pk for pk in set(self.missing) | set(self.extra) | set(self.stale) if isinstance(pk, int))

    @classmethod
    def compare(cls, expected, actual):
        """Drift between {id: fingerprint} expected and found."""
        drift = cls(checked=len(actual))
        drift.missing = sorted(set(expected) - set(actual))
        drift.extra = sorted(set(actual) - set(expected), key=str)
        drift.stale = sorted(pk for pk in set(expected) & set(actual) if expected[pk] != actual[pk])
        return drift


class SearchBackend:
    name = "base"
    label = "Suchindex"  # German, for reports (search_check, search_rebuild)
    # IndexTask column recording that this backend already has a task's page (so a retry of
    # the task skips it); None: the backend is written on every attempt.
    applied_field = None

    # -- reading ------------------------------------------------------------------------------
    def search(self, query, synonyms=None):
        """Results for `query` (a SearchQuery); `synonyms` is an analysis.SynonymMap or None.

        Must never raise for any query text. Filters: values of one parameter are OR-ed,
        parameters AND-ed; facet counts are disjunctive (a facet's own selection is ignored
        for its counts). Empty text means browse, newest first. The service checks "page past
        the end" afterwards.
        """
        raise NotImplementedError

    def suggest(self, prefix, limit=8):
        """Autocomplete: up to `limit` dicts, best first, for the text typed so far.

        Pages: {"text": title, "kind": "page", "type": type code, "url": page url};
        tags: {"text": name, "kind": "tag", "value": slug, "url": search url filtered by it}.
        """
        raise NotImplementedError

    def similar(self, page_id, limit=5):
        """Hits (search.results.Hit) of public pages like `page_id`, without the page itself
        and without pages of the same municipality; [] when the page is not indexed."""
        raise NotImplementedError

    # -- writing ------------------------------------------------------------------------------
    def apply(self, documents, inline=False):
        """Write {page_id: document dict | None} (None: the page must not be found) and return
        a WriteOutcome. Per-page rejections go to `failed`; a failure of the whole request
        raises BackendUnavailable. `inline`: called right after an editor's commit (short
        timeouts, changes visible at once)."""
        raise NotImplementedError

    def rebuild(self, progress=None, batch_size=500, workers=None):
        """Recreate the whole index from the live public pages; returns an object with
        `report_lines()` (German) for search_rebuild."""
        raise NotImplementedError

    # -- checking -----------------------------------------------------------------------------
    def check(self, expected, progress=None):
        """search.drift.Drift between {page_id: documents.fingerprint(document)} of the pages
        that must be found and what this index holds."""
        raise NotImplementedError

    def remove_foreign(self, doc_ids):
        """Delete index entries whose id is not a page id (found by `check`)."""

    def status(self, warnings):
        """A dict describing this index for search_status; problems appended to `warnings`."""
        raise NotImplementedError
