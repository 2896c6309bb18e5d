"""The lowest layer of the analysis: folding, tokens, acronyms, stop words, and the one bounded
cache mechanism every other module of the package uses.

Nothing here imports another module of the package.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeVar

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Query words beyond this are ignored (a pasted paragraph must not cost a second).
MAX_QUERY_WORDS = 32
# Limits on the *folded* query (`limit_query`): folding can multiply a character ("¼" becomes
# "1⁄4", the ligature "ﷺ" eighteen characters), and the cost of analysis, typo lookup and
# Elasticsearch's fuzzy automata grows with the folded length, not with what was typed.
# 250 leaves a 200-character German query with many umlauts (ä → ae) whole; no German word
# folds to more than 64 characters (the longest compounds of the vocabulary have about 40).
MAX_FOLDED_QUERY_CHARS = 250
MAX_FOLDED_WORD_CHARS = 64

# ---------------------------------------------------------------------------------------------
# The one bounded cache
# ---------------------------------------------------------------------------------------------

# Entries per cache. A rebuild of 10,000 pages meets about 100,000 distinct words; the bound
# keeps a hostile stream of random words from growing a worker without limit.
CACHE_SIZE = 200_000

_F = TypeVar("_F", bound=Callable)
_CACHES: list = []


def bounded_cache(function: _F) -> _F:
    """functools.lru_cache with CACHE_SIZE entries, registered so that `clear_caches()` empties
    it: every memo of the analysis (stems, compound splits, word analyses, prefix terms, the
    snippet's word forms) is one of these. Thread-safe; arguments must be hashable.

    Time-based caches (reference data, synonyms from the database) are not analysis: they live
    in search/expiring.py."""
    cached = functools.lru_cache(maxsize=CACHE_SIZE)(function)
    _CACHES.append(cached)
    return cached  # type: ignore[return-value]


def clear_caches() -> None:
    """Empty every bounded cache (a new compound vocabulary changes what they would return)."""
    for cached in _CACHES:
        cached.cache_clear()


def read_list(name: str) -> list[str]:
    """Lines of a word list in search/data/, without comments and blank lines."""
    path = DATA_DIR / name
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


# ---------------------------------------------------------------------------------------------
# Folding
# ---------------------------------------------------------------------------------------------

_FOLD_TABLE = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ł": "l",
        "ı": "i",
        "\u00ad": "",  # soft hyphen, common in pasted office text
    }
)
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lowercase and reduce to ASCII the way German readers equate spellings.

    ä→ae, ö→oe, ü→ue, ß→ss (so "Straße" == "Strasse", "Bürger" == "Buerger"); other accents
    are dropped (é→e). Characters without an ASCII form stay as they are.
    """
    text = text.lower().translate(_FOLD_TABLE)
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).translate(_FOLD_TABLE)


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------


class Token(NamedTuple):
    surface: str
    start: int
    end: int


# Letters/digits, optionally joined by hyphens ("E-Government", "Smart-City-Strategie", "5G").
_WORD = r"[^\W_]+"
_HYPHENS = "-\u2010\u2011"
TOKEN_RE = re.compile(rf"{_WORD}(?:[{_HYPHENS}]{_WORD})*")
HYPHEN_SPLIT = re.compile(rf"[{_HYPHENS}]")
SPACE_RE = re.compile(r"\s+")


def tokenize(text: str) -> list[Token]:
    """Words with their character offsets; hyphenated words stay one token."""
    if not text:
        return []
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def folded_length(text: str) -> int:
    """len(fold(text)): the length every later stage of the analysis works with."""
    return len(text) if text.isascii() else len(fold(text))


def _cut_folded(text: str, limit: int) -> str:
    """The longest prefix of `text` whose folded form has at most `limit` characters."""
    if folded_length(text) <= limit:
        return text
    used = 0
    for index, char in enumerate(text):
        used += folded_length(char)
        if used > limit:
            return text[:index]
    return text


def limit_query(text: str) -> str:
    """`text` cut to the query limits, measured after folding: at most MAX_QUERY_WORDS words,
    no word folding to more than MAX_FOLDED_WORD_CHARS characters (a longer one keeps its
    beginning) and at most MAX_FOLDED_QUERY_CHARS folded characters in all (the words beyond
    are dropped). Text within the limits is returned unchanged.

    The query validation (search/query.py) applies it, so the search page and the API answer
    a hostile query with the results for its beginning instead of an error, and no backend
    ever sees more than the limits."""
    if not text:
        return text
    tokens = tokenize(text)
    if (
        len(tokens) <= MAX_QUERY_WORDS
        and folded_length(text) <= MAX_FOLDED_QUERY_CHARS
        and all(folded_length(t.surface) <= MAX_FOLDED_WORD_CHARS for t in tokens)
    ):
        return text
    pieces: list[str] = []
    used = 0
    cursor = 0
    for token in tokens[:MAX_QUERY_WORDS]:
        gap = text[cursor : token.start]
        word = _cut_folded(token.surface, MAX_FOLDED_WORD_CHARS)
        room = MAX_FOLDED_QUERY_CHARS - used - folded_length(gap)
        if room <= 0:
            break
        word = _cut_folded(word, room)
        if not word:
            break
        pieces += [gap, word]
        used += folded_length(gap) + folded_length(word)
        cursor = token.end
    if not pieces:  # no word at all, or a first word after a long run of other characters
        return _cut_folded(text, MAX_FOLDED_QUERY_CHARS).strip() or text[:1]
    return "".join(pieces).strip()


def is_acronym(surface: str) -> bool:
    """True for terms that must be kept whole: OZG, ÖPNV, LoRaWAN, 5G, KITAs, eAkte.

    Two or more capitals (but not a shouted word longer than six letters), or letters mixed
    with digits. Plain numbers ("2024") are not acronyms but are kept whole as well.
    """
    if len(surface) < 2:
        return False
    if surface.isalpha() and surface[1:].islower():
        return False  # the common case: "Stadt", "und"
    has_digit = any(c.isdigit() for c in surface)
    has_alpha = any(c.isalpha() for c in surface)
    if has_digit and has_alpha:
        return True
    upper = sum(1 for c in surface if c.isupper())
    if upper >= 2:
        if surface.isupper() and len(surface) > 6:
            return False  # "STRASSENBELEUCHTUNG" in a heading is a word, not an acronym
        return True
    # eAkte, iPad: lowercase start followed by a capital
    return surface[0].islower() and any(c.isupper() for c in surface[1:])


def acronym_term(surface: str) -> str:
    """The indexed form of an acronym: folded, a plural s after capitals dropped."""
    # "KITAs", "APIs": plural s after an all-caps stem belongs to the word, not the acronym.
    if len(surface) > 2 and surface.endswith("s") and surface[:-1].isupper():
        surface = surface[:-1]
    return fold(surface)


# ---------------------------------------------------------------------------------------------
# Stop words
# ---------------------------------------------------------------------------------------------

# Snowball's German stop list, folded, plus a few filler words of queries ("wie", "gibt").
_STOP_WORDS_RAW = """
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das
dass daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein
deine deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser
dieses doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger
einiges einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe
haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in
indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine
keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein
meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr
sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen
solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren unser unseres
unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher
welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur
zwar zwischen gibt gib wurde wurden worden bzw usw ca z b d h deren wann dessen
"""
STOP_WORDS = frozenset(fold(w) for w in _STOP_WORDS_RAW.split()) - {"weg"}  # "Weg" is a noun too
