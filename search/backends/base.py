"""The interface both search backends implement (Elasticsearch and the database fallback).

Both take a validated `search.query.SearchQuery`, analyse the text with `search.analysis`
and return `search.results.SearchResults`, so the API, the search page and the contract suite
(tests/search/test_contract.py) cannot tell them apart except by `backend`.
"""

from __future__ import annotations


class SearchBackend:
    name = "base"

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
