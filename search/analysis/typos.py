"""Typo help: similar terms (the database fallback's fuzzy matching) and "did you mean"
(`Lexicon`, `suggest`). Distances are Damerau-Levenshtein (optimal string alignment: a swap
of neighbours is one edit), computed by RapidFuzz's C++ code: "did you mean" compares a word
against tens of thousands.

Typo tolerance is the expensive part of a search (a fuzzy term is an automaton intersected
with the term dictionary of every field), so it is bounded per query and per word, for both
backends and for "did you mean": at most MAX_FUZZY_WORDS unknown words per query are treated
as typos, and a word longer than MAX_FUZZY_WORD_CHARS folded characters never is (no edit
tolerated, `max_edits_for`). Long random words are how an anonymous visitor made one request
cost more than a second of Elasticsearch time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .terms import stem
from .text import MAX_QUERY_WORDS, SPACE_RE, STOP_WORDS, fold, is_acronym, tokenize

# Unknown words of one query that get typo tolerance (the first ones, in query order); a
# clerk's query has one or two typos, an attacker's twenty random words.
MAX_FUZZY_WORDS = 3
# Longer words (folded) get none: the longest compounds people search for have about 25
# letters ("Breitbandausbaufoerderung"), and the automaton grows with the word.
MAX_FUZZY_WORD_CHARS = 30


def max_edits_for(term: str) -> int:
    """Edits tolerated for a term of this length: none below 4 letters, 1 up to 7, then 2,
    none above MAX_FUZZY_WORD_CHARS."""
    if len(term) < 4 or len(term) > MAX_FUZZY_WORD_CHARS:
        return 0
    return 1 if len(term) <= 7 else 2


def may_be_typo(surface: str) -> bool:
    """Whether a query word can be a typo at all: letters of a length that tolerates edits."""
    folded = fold(surface).replace("-", "")
    return not is_acronym(surface) and not folded.isdigit() and max_edits_for(folded) > 0


def similar_terms(term: str, vocabulary: Iterable[str] | Mapping[str, int], max_edits: int | None = None) -> list[str]:
    """Vocabulary terms within `max_edits` Damerau-Levenshtein edits of `term` (default by
    length, see `max_edits_for`), closest first, then most frequent when `vocabulary` maps
    terms to counts. The term itself is not returned."""
    limit = max_edits_for(term) if max_edits is None else max_edits
    if limit <= 0:
        return []
    counts = vocabulary if isinstance(vocabulary, Mapping) else None
    choices = vocabulary if isinstance(vocabulary, (list, tuple)) else list(vocabulary)
    found = [
        (distance, -(counts.get(candidate, 0) if counts else 0), candidate)
        for candidate, distance, _index in process.extract(
            term, choices, scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        if candidate != term
    ]
    found.sort()
    return [candidate for _d, _c, candidate in found]


class Lexicon:
    """Readable words of the corpus (titles, tags, summaries) for "did you mean".

    Built once by the caller (the service caches it); `words` may map a word to its count.
    """

    def __init__(self, words: Iterable[str] | Mapping[str, int]):
        counts: dict[str, int] = {}
        display: dict[str, str] = {}
        items = words.items() if isinstance(words, Mapping) else ((w, 1) for w in words)
        for word, count in items:
            for token in tokenize(word):
                folded = fold(token.surface)
                if len(folded) < 3 or folded in STOP_WORDS:
                    continue
                counts[folded] = counts.get(folded, 0) + count
                display.setdefault(folded, token.surface)
        self.counts = counts
        self.display = display
        self.stems = {stem(w) for w in counts}
        # The pieces of hyphenated words are known words too: "Demand" of "On-Demand-Verkehr"
        # must not be "corrected" when typed apart (they are not offered as corrections).
        self.stems.update(stem(p) for w in counts if "-" in w for p in w.split("-") if len(p) >= 2)

    def knows(self, surface: str) -> bool:
        folded = fold(surface)
        return folded in self.counts or stem(folded) in self.stems or is_acronym(surface)

    def unknown_words(self, groups) -> frozenset[str]:
        """Surfaces of at most MAX_FUZZY_WORDS query words (`QueryGroup`s, content words
        first, then in query order) that the corpus does not know and that can be typos: the
        words a typo retry may match fuzzily."""
        ordered = sorted(groups, key=lambda g: not getattr(g, "content", True))
        found: list[str] = []
        for group in ordered:
            if len(found) == MAX_FUZZY_WORDS:
                break
            surface = group.surface
            if surface not in found and may_be_typo(surface) and not self.knows(surface):
                found.append(surface)
        return frozenset(found)

    def correct(self, surface: str) -> str | None:
        folded = fold(surface)
        candidates = similar_terms(folded, self.counts)
        return self.display[candidates[0]] if candidates else None


def suggest(query: str | None, vocabulary: Lexicon | Iterable[str] | Mapping[str, int]) -> str | None:
    """A corrected query when some word is unknown and a close known word exists, else None."""
    lexicon = vocabulary if isinstance(vocabulary, Lexicon) else Lexicon(vocabulary)
    text = query or ""
    tokens = tokenize(text)[:MAX_QUERY_WORDS]
    changed = False
    pieces: list[str] = []
    cursor = 0
    attempts = 0  # at most MAX_FUZZY_WORDS lookups: each compares against the whole lexicon
    for token in tokens:
        pieces.append(text[cursor : token.start])
        replacement = token.surface
        folded = fold(token.surface)
        if (
            attempts < MAX_FUZZY_WORDS
            and folded not in STOP_WORDS
            and may_be_typo(token.surface)
            and not lexicon.knows(token.surface)
        ):
            attempts += 1
            corrected = lexicon.correct(token.surface)
            if corrected:
                replacement = corrected.lower() if token.surface.islower() else corrected
                changed = True
        pieces.append(replacement)
        cursor = token.end
    pieces.append(text[cursor:])
    return SPACE_RE.sub(" ", "".join(pieces)).strip() if changed else None
