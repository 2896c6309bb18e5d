"""Helpers of the database backend outside the full-text statement (fulltext.py): IDF from the
vocabulary's document frequencies, typo variants of a term, and whole-term matching on the
term column for "more like this"."""

from __future__ import annotations

import math
from collections import defaultdict
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Q

from search import analysis
from search.ranking import (
    MAX_TYPO_VARIANTS,
)

K1 = 1.2  # BM25 term-frequency saturation


class Idf:
    def __init__(self, vocabulary, count):
        self.vocabulary = vocabulary
        self.count = max(count, 1)
        self.cache = {}

    def __call__(self, term):
        value = self.cache.get(term)
        if value is None:
            df = self.vocabulary.get(term, 0)
            value = self.cache[term] = math.log(1 + (self.count - df + 0.5) / (df + 0.5))
        return value


def _saturate(tf):
    return tf * (K1 + 1) / (tf + K1)


def _typo_variants(term, vocabulary):
    limit = analysis.max_edits_for(term)
    if limit <= 0 or term.isdigit():
        return []
    return analysis.similar_terms(term, _TypoIndex.for_vocabulary(vocabulary).near(term, limit), limit)[
        :MAX_TYPO_VARIANTS
    ]


class _TypoIndex:
    """Vocabulary bucketed by first letter and length, with character sets, so that a typo
    lookup compares against a few plausible terms instead of the whole vocabulary. The first
    letter is fixed (Elasticsearch's prefix_length=1); every other term within `limit` edits
    passes the filters (length differs by at most `limit`; one edit changes at most two
    characters of the character set)."""

    _current = None

    def __init__(self, vocabulary):
        self.vocabulary = vocabulary
        self.by_length = defaultdict(list)
        for term in vocabulary:
            self.by_length[(term[:1], len(term))].append((term, frozenset(term)))

    @classmethod
    def for_vocabulary(cls, vocabulary):
        current = cls._current
        if current is None or current.vocabulary is not vocabulary:
            current = cls._current = cls(vocabulary)
        return current

    def near(self, term, limit):
        chars = frozenset(term)
        found = {}
        for length in range(len(term) - limit, len(term) + limit + 1):
            for candidate, candidate_chars in self.by_length.get((term[:1], length), ()):
                if len(chars ^ candidate_chars) <= 2 * limit:
                    found[candidate] = self.vocabulary[candidate]
        return found


def has_terms(terms, every=False):
    """Entries whose `all_terms` hold any of `terms` (every=True: all of them) as whole terms.
    PostgreSQL answers from the GIN index over the term array (search/models/fallback.py);
    other databases use LIKE " term ", which selects the same rows."""
    terms = list(dict.fromkeys(terms))
    if connection.vendor == "postgresql":
        return Q(**{"all_terms__has_every_term" if every else "all_terms__has_any_term": terms})
    return reduce(and_ if every else or_, (Q(all_terms__contains=f" {t} ") for t in terms))
