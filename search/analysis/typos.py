"""Typo help: similar terms (the database fallback's fuzzy matching) and "did you mean"
(`Lexicon`, `suggest`). Distances are Damerau-Levenshtein (optimal string alignment: a swap
of neighbours is one edit), computed by RapidFuzz's C++ code: "did you mean" compares a word
against tens of thousands."""

from __future__ import annotations

from typing import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .terms import stem
from .text import MAX_QUERY_WORDS, SPACE_RE, STOP_WORDS, fold, is_acronym, tokenize



def max_edits_for(term: str) -> int:
    """Edits tolerated for a term of this length: none below 4 letters, 1 up to 7, then 2."""
    if len(term) < 4:
        return 0
    return 1 if len(term) <= 7 else 2


def similar_terms(
    term: str, vocabulary: Iterable[str] | Mapping[str, int], max_edits: int | None = None
) -> list[str]:
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
    for token in tokens:
        pieces.append(text[cursor : token.start])
        replacement = token.surface
        folded = fold(token.surface)
        if folded not in STOP_WORDS and not folded.isdigit() and not lexicon.knows(token.surface):
            corrected = lexicon.correct(token.surface)
            if corrected:
                replacement = corrected.lower() if token.surface.islower() else corrected
                changed = True
        pieces.append(replacement)
        cursor = token.end
    pieces.append(text[cursor:])
    return SPACE_RE.sub(" ", "".join(pieces)).strip() if changed else None
