"""Query analysis: a query is analysed the way documents are indexed, word by word, into
groups of alternative terms (main stems, compound parts, synonyms, a prefix)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .compounds import get_vocabulary, split_compound
from .synonyms import SynonymMap
from .terms import analyze_word, stem
from .text import MAX_QUERY_WORDS, fold, tokenize



@dataclass
class QueryGroup:
    """One query word: what to search for and how strongly."""

    surface: str
    terms: tuple[str, ...]  # main stems (full weight); for acronyms the kept-whole form
    parts: tuple[str, ...] = ()  # compound-part stems (lower weight)
    synonyms: tuple[str, ...] = ()  # single-term synonym stems
    synonym_phrases: tuple[tuple[str, ...], ...] = ()  # multi-word synonyms (match as phrase)
    prefix: str | None = None  # folded, unstemmed; set on the last word for autocomplete
    is_acronym: bool = False

    def all_terms(self) -> list[str]:
        seen = dict.fromkeys([*self.terms, *self.parts, *self.synonyms])
        for phrase in self.synonym_phrases:
            seen.update(dict.fromkeys(phrase))
        return list(seen)


@dataclass
class QueryAnalysis:
    text: str
    groups: list[QueryGroup] = field(default_factory=list)
    # Per-query memos of later stages (the snippets' word weights): made once per search.
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def all_terms(self) -> list[str]:
        return list(dict.fromkeys(t for g in self.groups for t in g.all_terms()))

    def highlight_terms(self) -> set[str]:
        """Terms whose occurrence in a text is marked in snippets."""
        return set(self.all_terms())

    @property
    def prefix(self) -> str | None:
        return self.groups[-1].prefix if self.groups else None


def analyze_query(text: str | None, synonyms: SynonymMap | None = None) -> QueryAnalysis:
    """Analyse a query the same way documents are indexed, plus synonyms and a prefix.

    Any string is accepted (hostile input only yields fewer terms); at most
    MAX_QUERY_WORDS words are used.
    """
    text = text or ""
    tokens = tokenize(text)[:MAX_QUERY_WORDS]
    groups: list[QueryGroup] = []
    for token in tokens:
        word = analyze_word(token.surface, query=True)
        if word is None:
            continue
        terms = list(word.terms)
        if not word.is_acronym:
            repaired = _suffix_transposition(token.surface)
            if repaired and repaired not in terms:
                terms.append(repaired)
            # A lowercase-typed acronym with an umlaut ("öpnv") must still meet the kept-whole
            # form "oepnv" (the stemmer would give "opnv"); plain ones ("ozg") stem to themselves.
            folded = fold(token.surface).replace("-", "")
            if len(folded) <= 6 and folded not in terms and folded.isalnum() and not token.surface.isascii():
                terms.append(folded)
        groups.append(QueryGroup(token.surface, tuple(terms), word.parts, is_acronym=word.is_acronym))
    if groups and tokens and tokens[-1].end == len(text.rstrip()) and not text.endswith(" "):
        last = tokens[-1].surface
        groups[-1].prefix = fold(last).replace("-", "") if groups[-1].surface == last else None
    if synonyms:
        _apply_synonyms(groups, synonyms)
    return QueryAnalysis(text, groups)


def _suffix_transposition(surface: str) -> str | None:
    """Stem of the word with two letters near its end swapped back, when that reveals an
    ending the stemmer removes: "Strassenbeleuchtnug" → strassenbeleucht.

    Swapped letters are the most common typo, and in an ending they defeat fuzzy matching: the
    stemmer strips "-ung" from the right word but nothing from the typo, so the stems end up
    three or more edits apart. Only tried for a word that is neither in the vocabulary nor a
    compound of known words and from which the stemmer removed nothing; only accepted when the
    swap lets the stemmer remove at least two letters.
    """
    folded = fold(surface)
    if len(folded) < 6 or not folded.isalpha() or stem(folded) != folded:
        return None
    if folded in get_vocabulary() or split_compound(folded):
        return None
    for i in range(len(folded) - 4, len(folded) - 1):
        if folded[i] == folded[i + 1]:
            continue
        candidate = folded[:i] + folded[i + 1] + folded[i] + folded[i + 2 :]
        candidate_stem = stem(candidate)
        if len(candidate) - len(candidate_stem) >= 2:
            return candidate_stem
    return None


def _apply_synonyms(groups: list[QueryGroup], synonyms: SynonymMap) -> None:
    for start, end, phrases in synonyms.expand([g.terms for g in groups]):
        # Every word of a matched multi-word phrase carries the synonyms: backends require each
        # query word to match, and "Internet der Dinge" must find a page tagged "Sensorik".
        for group in groups[start:end]:
            _add_synonyms(group, phrases)
    # Compound parts are not expanded: backends require all parts of a word together, and a
    # part synonym ("Sensornetz" → sensor → IoT) would turn that into an impossible demand.


def _add_synonyms(group: QueryGroup, phrases: Iterable[tuple[str, ...]]) -> None:
    own = set(group.terms)
    singles = list(group.synonyms)
    multi = list(group.synonym_phrases)
    for phrase in phrases:
        if len(phrase) == 1:
            if phrase[0] not in own and phrase[0] not in singles:
                singles.append(phrase[0])
        elif phrase not in multi:
            multi.append(phrase)
    group.synonyms = tuple(singles)
    group.synonym_phrases = tuple(multi)

