"""Query analysis: a query is analysed the way documents are indexed, word by word, into
groups of alternative terms (main stems, compound parts, synonyms, a prefix), each marked as
content or not (see content.py), with the page types it hints at, typos repaired word by word,
and the one rule of partial matching that both backends apply (`required_matches`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .compounds import get_vocabulary, split_compound
from .content import non_content, type_hint
from .synonyms import SynonymMap
from .terms import analyze_word, stem
from .text import HYPHEN_SPLIT, MAX_QUERY_WORDS, fold, tokenize

if TYPE_CHECKING:
    from .typos import Lexicon

# Two-letter acronyms people type in lowercase ("vr im museum", "ki verwaltung"): recognised
# as acronyms, so they stay whole words. Folded.
SHORT_ACRONYMS = frozenset("ki ai ar vr xr mr it eu 3d 4g 5g 6g".split())


# ---------------------------------------------------------------------------------------------
# The rule of partial matching
# ---------------------------------------------------------------------------------------------


def required_matches(content_words: int) -> int:
    """How many of a query's content words a page must match (Elasticsearch's
    minimum_should_match; the database fallback counts the same way): half of them, rounded
    down, and at least one. Pages are then ranked by the sum of their per-word scores, so a
    page with all words comes first and a missing rare word costs more than a common one.

    Measured on the relevance suite against stricter curves (docs/search.md, "Partial
    matching"): requiring both words of a two-word query loses the chatbot page that never says
    "Bürgerbüro" for "… Chatbot im Bürgerbüro", and "Coworking im Dorf" for "Coworking auf dem
    Land"; half scored as well as "any word" while keeping long queries from matching on one
    common word.
    Backends call it as `analysis.required_matches` (the relevance suite's ablation replaces
    it with the all-words rule).
    """
    if content_words <= 0:
        return 0
    return max(1, content_words // 2)


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
    content: bool = True  # False for question words and filler: neither required nor scored
    repaired: str | None = None  # the known word an unknown word was corrected to (also searched)
    type_hint: str | None = None  # page type this word hints at ("template", "lesson", …)

    @property
    def whole_word(self) -> bool:
        """A short acronym (KI, VR, 5G): matched only as a whole term, never by prefix, typo
        tolerance or as a compound part of a longer word."""
        return self.is_acronym and len(self.terms[0]) <= 2

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

    def content_groups(self) -> list[QueryGroup]:
        return [g for g in self.groups if g.content]

    @property
    def required_matches(self) -> int:
        """How many content groups a page must match (see `required_matches`)."""
        return required_matches(len(self.content_groups()))

    @property
    def type_hints(self) -> tuple[str, ...]:
        """Page types the query hints at, in order: a boost for those pages, not a filter."""
        return tuple(dict.fromkeys(g.type_hint for g in self.groups if g.type_hint))

    def missing(self, matched: Iterable[bool], page_type: str | None = None) -> list[str]:
        """The content words (as typed) a page lacks, given whether it matched each content
        group in order. A word that only hints at the page's own type ("Vorlage" on a
        template) is not reported: the page is what the word asked for."""
        return [
            g.surface
            for g, hit in zip(self.content_groups(), matched, strict=True)
            if not hit and not (page_type and g.type_hint == page_type)
        ]

    def repairs(self) -> list[tuple[str, str]]:
        """(typed word, corrected word) for every repaired typo, for "searched for …"."""
        return [(g.surface, g.repaired) for g in self.groups if g.repaired]

    def all_terms(self) -> list[str]:
        return list(dict.fromkeys(t for g in self.groups for t in g.all_terms()))

    def highlight_terms(self) -> set[str]:
        """Terms whose occurrence in a text is marked in snippets."""
        return set(self.all_terms())

    @property
    def prefix(self) -> str | None:
        return self.groups[-1].prefix if self.groups else None


def analyze_query(
    text: str | None, synonyms: SynonymMap | None = None, lexicon: Lexicon | None = None
) -> QueryAnalysis:
    """Analyse a query the same way documents are indexed, plus synonyms and a prefix.

    Any string is accepted (hostile input only yields fewer terms); at most
    MAX_QUERY_WORDS words are used. With a `lexicon` (the index's readable words), each
    unknown content word is repaired on its own: the closest known word's terms are added to
    its group and `repaired` names it.
    """
    text = text or ""
    tokens = tokenize(text)[:MAX_QUERY_WORDS]
    groups: list[QueryGroup] = []
    positions: list[int] = []  # token index of each group
    for index, token in enumerate(tokens):
        group = _group(token.surface)
        if group is not None:
            groups.append(group)
            positions.append(index)
    hints = [None] * len(tokens)
    for group, index in zip(groups, positions, strict=True):
        hints[index] = group.type_hint
    marked = non_content([fold(t.surface) for t in tokens], hints)
    if any(i not in marked for i in positions):  # only filler: searched as typed
        for group, index in zip(groups, positions, strict=True):
            group.content = index not in marked
    if lexicon is not None:
        for group in groups:
            _repair(group, lexicon)
    if groups and tokens and tokens[-1].end == len(text.rstrip()) and not text.endswith(" "):
        last = tokens[-1].surface
        if groups[-1].surface == last and not groups[-1].whole_word:
            groups[-1].prefix = fold(last).replace("-", "")
    if synonyms:
        _apply_synonyms(groups, synonyms)
    return QueryAnalysis(text, groups)


def _group(surface: str) -> QueryGroup | None:
    word = analyze_word(surface, query=True)
    if word is None:
        return None
    folded = fold(surface).replace("-", "")
    if not word.is_acronym and surface.islower() and folded in SHORT_ACRONYMS:
        return QueryGroup(surface, (folded,), is_acronym=True)
    terms = list(word.terms)
    if not word.is_acronym:
        repaired = _suffix_transposition(surface)
        if repaired and repaired not in terms:
            terms.append(repaired)
        # A lowercase-typed acronym with an umlaut ("öpnv") must still meet the kept-whole
        # form "oepnv" (the stemmer would give "opnv"); plain ones ("ozg") stem to themselves.
        if len(folded) <= 6 and folded not in terms and folded.isalnum() and not surface.isascii():
            terms.append(folded)
    return QueryGroup(
        surface, tuple(terms), word.parts, is_acronym=word.is_acronym, type_hint=type_hint(word.terms, word.parts)
    )


def _repair(group: QueryGroup, lexicon: Lexicon) -> None:
    """Add the closest known word to an unknown content word ("Rathuas" → Rathaus)."""
    folded = fold(group.surface)
    if not group.content or group.is_acronym or len(folded) < 4 or not folded.isalpha():
        return
    # A German word that the index's readable words lack ("umgestellt") is no typo.
    if lexicon.knows(group.surface) or folded in get_vocabulary():
        return
    corrected = lexicon.correct(group.surface)
    word = analyze_word(corrected, query=True) if corrected else None
    if word is None or fold(corrected) == folded:
        return
    group.repaired = corrected
    group.terms = tuple(dict.fromkeys((*group.terms, *word.terms)))
    group.parts = tuple(p for p in dict.fromkeys((*group.parts, *word.parts)) if p not in group.terms)
    if group.type_hint is None:
        group.type_hint = type_hint(word.terms, word.parts)


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
    # The pieces of a hyphenated word are matched like words of their own where a multi-word
    # phrase spans them: "Smart-City-Strategie" also means "Digitale-Stadt-Strategie" (the
    # phrase replaces the pieces it covers). A single piece is a part like any other and stays
    # unexpanded ("ÖPNV-Konzept" is no synonym of "Nahverkehr").
    for group in groups:
        if group.whole_word or not HYPHEN_SPLIT.search(group.surface):
            continue
        pieces = [analyze_word(p, query=True) for p in HYPHEN_SPLIT.split(group.surface) if p]
        if len(pieces) < 2 or any(p is None for p in pieces):
            continue
        stems = [p.terms[0] for p in pieces]
        for start, end, phrases in synonyms.expand([p.terms for p in pieces]):
            if end - start >= 2:
                _add_synonyms(group, [(*stems[:start], *phrase, *stems[end:]) for phrase in phrases])


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
