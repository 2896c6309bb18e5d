"""The Elasticsearch backend: runs the requests of query.py and turns the responses into
`SearchResults`; writes through index.py, rebuilds through rebuild.py, checks through
drift.py. Engine errors become `BackendUnavailable` here, so nobody outside this package
imports the client library's exceptions.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError

from search import analysis
from search.backends import suggestions
from search.backends.base import BackendUnavailable, SearchBackend
from search.expiring import Expiring
from search.geo import haversine_km
from search.results import SearchResults, hit_from_document, make_facets

from . import index
from .client import for_search, get_client, server_timeout
from .query import HIT_SOURCE, ElasticsearchQueryBuilder

logger = logging.getLogger(__name__)

LEXICON_TTL_SECONDS = 300
LEXICON_SIZE = 50_000
# A newly tagged page is offered under its tag within this time in every worker.
TAG_COUNTS_TTL_SECONDS = 30
TAG_COUNTS_SIZE = 5_000


def _is_outage(exc):
    """Connection problems, timeouts, 5xx and a missing index mean: answer from elsewhere."""
    if isinstance(exc, (TransportError, NotFoundError)):
        return True
    return isinstance(exc, ApiError) and getattr(exc, "status_code", getattr(exc.meta, "status", 0)) >= 500


@contextmanager
def translated_errors():
    """Raise BackendUnavailable for an outage of the node; other errors pass unchanged."""
    try:
        yield
    except BackendUnavailable:
        raise
    except Exception as exc:
        if _is_outage(exc):
            raise BackendUnavailable(f"{type(exc).__name__}: {exc}"[:2000]) from exc
        raise


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    label = "Elasticsearch"

    @property
    def rebuild_target(self):
        return f"Elasticsearch-Index für Alias {self.alias}"

    def __init__(self, client=None, alias=None):
        self._es = client
        self.alias = alias or settings.SEARCH_INDEX_ALIAS

    @property
    def es(self):
        # Created on first use: the outbox lists this backend without talking to it.
        if self._es is None:
            self._es = get_client()
        return self._es

    @property
    def search_es(self):
        """The client with the short connect/read timeouts of the search path (client.py)."""
        return for_search(self.es)

    # -- search -----------------------------------------------------------------------------
    def search(self, query, synonyms=None):
        started = time.perf_counter()
        parsed = None
        suggestion = None
        if not query.is_browse:
            parsed = analysis.analyze_query(query.q, synonyms, lexicon=self._lexicon_or_none())
            for group in parsed.groups:
                group.prefix = None  # a submitted search matches whole words only
            suggestion = self.spelling_suggestion(query.q)

        response, es_took = self._run(ElasticsearchQueryBuilder(query, parsed, index=self.alias))
        # Past the server-side timeout the node returns what it had found: served, but marked
        # degraded (results may be incomplete); no fuzzy retry, which would cost more still.
        timed_out = bool(response.get("timed_out"))
        if not timed_out and not query.is_browse and parsed and response["hits"]["total"]["value"] == 0:
            # Nothing matched exactly: maybe a typo. Retry with fuzzy matching for the words
            # the corpus does not know; when it knows them all, no page has them together and
            # look-alikes would only pretend otherwise (and a fuzzy search is expensive).
            unknown = self.unknown_words(parsed)
            if unknown:
                response, took = self._run(ElasticsearchQueryBuilder(query, parsed, fuzzy=unknown, index=self.alias))
                es_took += took
                timed_out = bool(response.get("timed_out"))

        near = query.near_point()
        hits = [self._hit(raw, parsed, near) for raw in response["hits"]["hits"]]
        counts = ElasticsearchQueryBuilder.facet_counts(response["aggregations"])
        return SearchResults(
            query=query,
            total=response["hits"]["total"]["value"],
            results=hits,
            facets=make_facets(query, counts),
            suggestion=suggestion,
            backend=self.name,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
            es_took_ms=es_took,
            repairs=parsed.repairs() if parsed else [],
            degraded=timed_out,
        )

    def _run(self, builder):
        body = builder.build()
        with translated_errors():
            response = self.search_es.search(index=self.alias, body=body)
        return response.body if hasattr(response, "body") else response, response["took"]

    @staticmethod
    def _hit(raw, parsed, near):
        source = raw["_source"]
        missing = []
        if parsed:
            # The word clauses are named "w<position>" (query.py): a word whose clause did not
            # match is one this page lacks.
            named = set(raw.get("matched_queries") or ())
            matched = [f"w{i}" in named for i in range(len(parsed.content_groups()))]
            missing = parsed.missing(matched, source.get("type"))
        distance = None
        if near is not None:
            location = (source.get("municipality") or {}).get("location")
            if location:
                distance = haversine_km(near[0], near[1], location["lat"], location["lon"])
        return hit_from_document(source, parsed, score=raw.get("_score"), distance=distance, missing=missing)

    # -- index-wide facts, cached per process ------------------------------------------------
    _lexicons = Expiring(LEXICON_TTL_SECONDS)
    _tag_counts = Expiring(TAG_COUNTS_TTL_SECONDS)

    @classmethod
    def clear_caches(cls):
        cls._lexicons.clear()
        cls._tag_counts.clear()

    def lexicon(self):
        """Readable words of the indexed titles, summaries and tags (cached for a few minutes)."""

        def compute():
            with translated_errors():
                response = self.search_es.search(
                    index=self.alias,
                    size=0,
                    aggs={"words": {"terms": {"field": "vocabulary", "size": LEXICON_SIZE}}},
                )
            words = {b["key"]: b["doc_count"] for b in response["aggregations"]["words"]["buckets"]}
            return analysis.Lexicon(words)

        return self._lexicons.get(compute, key=(id(self.es), self.alias))

    def tag_counts(self):
        """{tag slug: indexed pages carrying it or a narrower tag} (cached briefly): autocomplete
        offers tags on every keystroke, their counts change only when pages are published."""

        def compute():
            with translated_errors():
                response = self.search_es.search(
                    index=self.alias,
                    size=0,
                    aggs={"slugs": {"terms": {"field": "tag_slugs", "size": TAG_COUNTS_SIZE}}},
                )
            return {b["key"]: b["doc_count"] for b in response["aggregations"]["slugs"]["buckets"]}

        return self._tag_counts.get(compute, key=(id(self.es), self.alias))

    def _lexicon_or_none(self):
        try:
            return self.lexicon()
        except BackendUnavailable:
            raise  # the node is down or hanging: the search itself would wait again
        except Exception:  # noqa: BLE001 - without a lexicon, typos are left to the fuzzy retry
            logger.warning("lexicon unavailable", exc_info=True)
            return None

    def unknown_words(self, parsed):
        """Surfaces of the query words that are neither in the lexicon nor acronyms, at most
        analysis.MAX_FUZZY_WORDS of them (a fuzzy word is the expensive part of a search)."""
        try:
            lexicon = self.lexicon()
        except BackendUnavailable:
            raise  # the node is down or hanging: the next request would wait again
        except Exception:  # noqa: BLE001 - without a lexicon every word may be misspelt
            logger.warning("lexicon unavailable", exc_info=True)
            lexicon = analysis.Lexicon(())
        # Repaired words are searched with their correction already; filler never goes fuzzy.
        return lexicon.unknown_words([g for g in parsed.content_groups() if not g.repaired])

    def spelling_suggestion(self, text):
        try:
            suggestion = analysis.suggest(text, self.lexicon())
        except BackendUnavailable:
            raise  # the node is down or hanging: the search itself would wait again
        except Exception:  # noqa: BLE001 - "did you mean" is a courtesy, never a failure
            logger.warning("spelling suggestion failed", exc_info=True)
            return None
        if suggestion and analysis.fold(suggestion) == analysis.fold(text):
            return None
        return suggestion

    # -- autocomplete -----------------------------------------------------------------------
    def suggest(self, prefix, limit=8):
        """Titles whose words (or compound parts) start with every typed word, newest first
        among equals; for a single word also tags whose name starts with it."""
        words = suggestions.typed_words(prefix)
        if not words:
            return []
        body = {
            "query": {"bool": {"filter": [{"prefix": {"title_prefixes": w}} for w in words]}},
            "sort": [{"sort_date": {"order": "desc", "missing": "_last"}}, {"id": {"order": "desc"}}],
            "_source": {"includes": ["title", "type", "url"]},
            "size": max(limit * 5, 20),
            "track_total_hits": False,
            "timeout": server_timeout(),
        }
        with translated_errors():
            response = self.search_es.search(index=self.alias, body=body)
        rows = [hit["_source"] for hit in response["hits"]["hits"]]
        return suggestions.combine(rows, words, limit, self.tag_counts)

    # -- more like this ---------------------------------------------------------------------
    def similar(self, page_id, limit=5):
        """Pages sharing informative terms, topics and tags with the page (more_like_this on
        the analysed fields); the page itself and its own municipality's pages are left out."""
        try:
            with translated_errors():
                own = self.search_es.get(index=self.alias, id=str(page_id), source_includes=["municipality.ags"])
        except BackendUnavailable as exc:
            if isinstance(exc.__cause__, NotFoundError):
                return []  # the page (or the whole index) is not there
            raise
        own_ags = ((own.get("_source") or {}).get("municipality") or {}).get("ags")
        like = {
            "more_like_this": {
                "fields": ["title_terms", "summary_terms", "meta_terms", "body_terms"],
                "like": [{"_index": own["_index"], "_id": str(page_id)}],
                "min_term_freq": 1,
                "min_doc_freq": 1,
                "max_query_terms": 25,
                "minimum_should_match": "20%",
            }
        }
        exclude = [{"ids": {"values": [str(page_id)]}}]
        if own_ags:
            exclude.append({"term": {"municipality.ags": own_ags}})
        body = {
            "query": {"bool": {"must": [like], "must_not": exclude}},
            "_source": {"includes": HIT_SOURCE},
            "size": limit,
            "timeout": server_timeout(),
        }
        with translated_errors():
            response = self.search_es.search(index=self.alias, body=body)
        return [hit_from_document(h["_source"], None, score=h.get("_score")) for h in response["hits"]["hits"]]

    # -- writing ----------------------------------------------------------------------------
    def apply(self, documents, inline=False):
        """One bulk request through the alias. Inline (right after an editor's commit): a
        short timeout without retries, and a refresh so that the publish is visible at once
        instead of after the next periodic refresh (≤ 1 s); worker batches leave refreshing to
        Elasticsearch."""
        es = self.es
        refresh = False
        if inline:
            es = es.options(request_timeout=_setting("SEARCH_SYNC_INLINE_TIMEOUT", 2.0), max_retries=0)
            refresh = _setting("SEARCH_SYNC_INLINE_REFRESH", True)
        with translated_errors():
            return index.write_documents(es, self.alias, documents, refresh=refresh)

    def rebuild(self, progress=None, batch_size=500, workers=None, **options):
        from .rebuild import rebuild

        return rebuild(es=self._es, progress=progress, batch_size=batch_size, workers=workers, **options)

    # -- checking ---------------------------------------------------------------------------
    def check(self, expected, progress=None):
        from . import drift

        with translated_errors():
            return drift.check(self.es, self.alias, expected)

    def remove_foreign(self, doc_ids):
        from . import drift

        with translated_errors():
            drift.delete_foreign(self.es, self.alias, doc_ids)

    def status(self, public_pages, warnings):
        from . import status

        return status.collect(self.alias, public_pages, warnings)


def _setting(name, default):
    return getattr(settings, name, default)
