"""Index terms: the Snowball stem of each word plus the stems of its compound parts, the
prefix terms of autocomplete, and the per-word analysis that queries and snippets share.

    text ─ tokenize ─┬─ acronym / tech term (OZG, LoRaWAN, 5G) ─ fold, kept whole
                     └─ word ─ fold ─ Snowball stem ─ + stems of compound parts

Stems come from the German Snowball stemmer (PyStemmer) applied to the folded word; the
stemmer maps ae/oe/ue and ä/ö/ü alike, so Städte, Staedte and Stadt share the stem "stadt".
"""

from __future__ import annotations

import re
import threading
from typing import NamedTuple

import Stemmer

from .compounds import split_compound
from .text import HYPHEN_SPLIT, STOP_WORDS, TOKEN_RE, acronym_term, bounded_cache, fold, is_acronym

_stemmer_local = threading.local()


def _stemmer():
    # PyStemmer objects are not thread-safe; one per thread.
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmer_local.stemmer = Stemmer.Stemmer("german")
    return stemmer


def stem(word: str) -> str:
    """Snowball stem of the folded word (ASCII, lowercase)."""
    return _stem_folded(fold(word))


@bounded_cache
def _stem_folded(folded: str) -> str:
    return fold(_stemmer().stemWord(folded))


class WordAnalysis(NamedTuple):
    terms: tuple[str, ...]  # main stems (usually one; the acronym form for acronyms)
    parts: tuple[str, ...]  # stems of compound parts / hyphen pieces, without the main stems
    is_acronym: bool


def analyze_word(surface: str, *, query: bool = False) -> WordAnalysis | None:
    """Terms of one token; None for stop words and noise.

    In documents only capitalised words (nouns) are split into compound parts: lowercase
    verbs and adjectives gave mostly false parts ("entfällt" → Ente). Query words are split
    whatever their case, because people type "strassenbeleuchtung" in lowercase.
    """
    return _query_word(surface) if query else _document_word(surface)


@bounded_cache
def _document_word(surface: str) -> WordAnalysis | None:
    return _analyze_word(surface, False)


@bounded_cache
def _query_word(surface: str) -> WordAnalysis | None:
    return _analyze_word(surface, True)


def _single(piece: str, query: bool = False) -> tuple[str | None, tuple[str, ...], bool]:
    """Main term, part stems and acronym flag of a token without hyphens."""
    if is_acronym(piece):
        return acronym_term(piece), (), True
    folded = fold(piece)
    if folded.isdigit():
        return folded, (), False
    if folded in STOP_WORDS or len(folded) < 2:
        return None, (), False
    main = stem(folded)
    parts = []
    if piece.islower():
        infinitive = _participle_infinitive(folded)
        if infinitive:
            parts.append(stem(infinitive))
    for part in split_compound(folded) if (query or piece[:1].isupper()) else ():
        part_stem = stem(part)
        if part_stem != main and part_stem not in parts and part_stem not in STOP_WORDS:
            parts.append(part_stem)
    return main, tuple(parts), False


_PARTICIPLE_RE = re.compile(r"^ge([a-z]{3,}?)(?:e?t)(?:e|en|er|es|em)?$")


def _participle_infinitive(folded: str) -> str | None:
    """Infinitive of a weak past participle ("gebucht" → "buchen", "gemeldete" → "melden").

    Snowball leaves the ge- prefix, so "Termin online buchen" would not meet "online gebucht".
    Only lowercase tokens are tried (participles; nouns such as "Gebiet" are capitalised) and
    the result is indexed as a part, so a wrong guess costs little.
    """
    match = _PARTICIPLE_RE.match(folded)
    if not match:
        return None
    infinitive = match.group(1) + "en"
    return infinitive if infinitive != folded else None


def _analyze_word(surface: str, query: bool = False) -> WordAnalysis | None:
    pieces = [p for p in HYPHEN_SPLIT.split(surface) if p]
    if len(pieces) == 1:
        main, parts, acronym = _single(pieces[0], query)
        if main is None:
            return None
        return WordAnalysis((main,), parts, acronym)
    # Hyphenated: the whole (joined) word is the main term, every piece and its parts are parts.
    joined = "".join(fold(p) for p in pieces)
    main = stem(joined)
    parts: list[str] = []
    acronym = False
    for piece in pieces:
        piece_main, piece_parts, piece_acronym = _single(piece, query)
        acronym = acronym or piece_acronym
        for term in (piece_main, *piece_parts):
            if term and term != main and term not in parts:
                parts.append(term)
    return WordAnalysis((main,), tuple(parts), acronym)


def index_terms(text: str) -> list[str]:
    """Terms to index for a text: per word its stem, followed by the stems of its parts."""
    out: list[str] = []
    for surface in TOKEN_RE.findall(text or ""):  # only surfaces needed: no Token objects
        word = analyze_word(surface)
        if word is not None:
            out.extend(word.terms)
            out.extend(word.parts)
    return out


def index_text(text: str) -> str:
    """`index_terms` joined by spaces: the value of a `*_terms` field."""
    return " ".join(index_terms(text))


def prefix_terms(text: str) -> list[str]:
    """Folded, unstemmed words (and compound parts) for autocomplete prefix matching:
    "Straßenbeleuchtung in Olpe" → strassenbeleuchtung, strasse, beleuchtung, olpe."""
    if not text:
        return []
    out: dict[str, None] = {}  # ordered set
    for surface in TOKEN_RE.findall(text):
        for term in _surface_prefix_terms(surface):
            out[term] = None
    return list(out)


# One analysis per distinct word of a rebuild (cleared with the vocabulary).
@bounded_cache
def _surface_prefix_terms(surface: str) -> tuple[str, ...]:
    out: dict[str, None] = {}
    for piece in [surface, *(HYPHEN_SPLIT.split(surface) if "-" in surface else ())]:
        folded = fold(piece)
        if not folded or folded in STOP_WORDS:
            continue
        candidates = [acronym_term(piece)] if is_acronym(piece) else [folded, *split_compound(folded)]
        for term in candidates:
            term = term.replace("-", "")
            if term:
                out[term] = None
    return tuple(out)
