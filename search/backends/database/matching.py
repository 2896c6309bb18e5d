"""How the database backend matches and scores one query word: the SQL that selects it and
a BM25-like score per field, with the weights of search.ranking (the same as Elasticsearch's).
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Q

from search import analysis
from search.ranking import (
    FIELD_WEIGHTS,
    MAX_TYPO_VARIANTS,
    PART_WEIGHT,
    PROXIMITY_SLOP,
    PROXIMITY_WEIGHT,
    SYNONYM_WEIGHT,
    TERM_WEIGHT,
    TYPO_WEIGHT,
)

K1 = 1.2  # BM25 term-frequency saturation


class GroupMatcher:
    """One query word: which SQL selects it and how much each field match is worth."""

    def __init__(self, group, vocabulary, fuzzy=False):
        self.main = group.terms[0] if group.terms else None  # for proximity
        self.variants = {}  # term -> weight
        for term in group.terms:
            self.variants[term] = TERM_WEIGHT
        for term in group.synonyms:
            self.variants.setdefault(term, SYNONYM_WEIGHT)
        if fuzzy and not group.is_acronym:
            for term in group.terms:
                for variant in _typo_variants(term, vocabulary):
                    self.variants.setdefault(variant, TYPO_WEIGHT)
        own = set(self.variants)
        self.parts = tuple(p for p in group.parts if p not in own)
        self.phrases = tuple(tuple(p) for p in group.synonym_phrases if p)

    def q(self):
        options = [has_terms(self.variants)] if self.variants else []
        if self.parts:
            options.append(has_terms(self.parts, every=True))
        for phrase in self.phrases:
            options.append(has_terms(phrase, every=True))
        return reduce(or_, options)

    def score(self, row, idf):
        all_parts = bool(self.parts) and all(
            any(f" {p} " in row[f"{name}_terms"] for name in FIELD_WEIGHTS) for p in self.parts
        )
        phrase_fields = [
            phrase for phrase in self.phrases
            if all(any(f" {t} " in row[f"{name}_terms"] for name in FIELD_WEIGHTS) for t in phrase)
        ]
        total = 0.0
        for name, field_weight in FIELD_WEIGHTS.items():
            text = row[f"{name}_terms"]
            if not text:
                continue
            best = 0.0
            for term, weight in self.variants.items():
                tf = text.count(f" {term} ")
                if tf:
                    best = max(best, weight * idf(term) * _saturate(tf))
            if all_parts:
                present = [p for p in self.parts if f" {p} " in text]
                if present:
                    share = len(present) / len(self.parts)
                    value = sum(idf(p) * _saturate(text.count(f" {p} ")) for p in present) / len(present)
                    best = max(best, PART_WEIGHT * share * value)
            for phrase in phrase_fields:
                present = [t for t in phrase if f" {t} " in text]
                if len(present) == len(phrase):
                    value = sum(idf(t) for t in phrase) / len(phrase)
                    best = max(best, SYNONYM_WEIGHT * value)
            total += field_weight * best
        return total


# Fields whose term positions count for proximity (as in Elasticsearch's mapping).
PROXIMITY_FIELDS = ("title", "summary")


def proximity_bonus(matchers, row, idf):
    """Adjacent content words standing close in title or summary, scored like Elasticsearch's
    phrase query with slop: in order up to PROXIMITY_SLOP + 1 positions apart, reversed up to
    PROXIMITY_SLOP - 1."""
    total = 0.0
    for first, second in zip(matchers, matchers[1:]):
        if first.main is None or second.main is None:
            continue
        for name in PROXIMITY_FIELDS:
            terms = row[f"{name}_terms"].split()
            if first.main not in terms or second.main not in terms:
                continue
            at_first = [i for i, t in enumerate(terms) if t == first.main]
            at_second = [i for i, t in enumerate(terms) if t == second.main]
            if any(
                1 <= b - a <= PROXIMITY_SLOP + 1 or 1 <= a - b <= PROXIMITY_SLOP - 1 for a in at_first for b in at_second
            ):
                total += PROXIMITY_WEIGHT * FIELD_WEIGHTS[name] * (idf(first.main) + idf(second.main)) / 2
    return total


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
