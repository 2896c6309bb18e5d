"""German text analysis shared by the Elasticsearch and the database backend.

The Elasticsearch that runs the tests has no analysis plugins, so everything language-specific
happens here and both backends see the same terms:

    text ─ tokenize ─┬─ acronym / tech term (OZG, LoRaWAN, 5G) ─ fold, kept whole
                     └─ word ─ fold ─ Snowball stem ─ + stems of compound parts

* `fold` makes spelling variants equal (Straße/Strasse, Bürger/Buerger, Café/Cafe).
* Stems come from the German Snowball stemmer (PyStemmer) applied to the folded word; the
  stemmer maps ae/oe/ue and ä/ö/ü alike, so Städte, Staedte and Stadt share the stem "stadt".
* Compounds are split against a German word-frequency vocabulary (wordfreq) with a
  Koehn & Knight style rule: a split wins only when its parts are, on average, clearly more
  frequent than the whole word. Parts are indexed next to the whole word, so "Beleuchtung"
  finds "Straßenbeleuchtung"; queries keep parts apart so backends can weight them lower.
* Synonyms are expanded at query time (`SynonymMap`), snippets are built here, typo help
  (`similar_terms`, `suggest`) serves the database fallback and "did you mean".

Pure Python; no Django import at module level (the search service imports this everywhere).
"""

from __future__ import annotations

import bisect
import html
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple, Sequence

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

DATA_DIR = Path(__file__).resolve().parent / "data"

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
_TOKEN_RE = re.compile(rf"{_WORD}(?:[{_HYPHENS}]{_WORD})*")
_HYPHEN_SPLIT = re.compile(rf"[{_HYPHENS}]")


def tokenize(text: str) -> list[Token]:
    """Words with their character offsets; hyphenated words stay one token."""
    if not text:
        return []
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


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


def _acronym_term(surface: str) -> str:
    # "KITAs", "APIs": plural s after an all-caps stem belongs to the word, not the acronym.
    if len(surface) > 2 and surface.endswith("s") and surface[:-1].isupper():
        surface = surface[:-1]
    return fold(surface)


# ---------------------------------------------------------------------------------------------
# Stop words and stemming
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

_stemmer_local = threading.local()


def _stemmer():
    # PyStemmer objects are not thread-safe; one per thread.
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        stemmer = _stemmer_local.stemmer = Stemmer.Stemmer("german")
    return stemmer


_STEM_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 200_000


def stem(word: str) -> str:
    """Snowball stem of the folded word (ASCII, lowercase)."""
    folded = fold(word)
    cached = _STEM_CACHE.get(folded)
    if cached is None:
        cached = fold(_stemmer().stemWord(folded))
        if len(_STEM_CACHE) > _CACHE_LIMIT:
            _STEM_CACHE.clear()
        _STEM_CACHE[folded] = cached
    return cached


# ---------------------------------------------------------------------------------------------
# Compound splitting
# ---------------------------------------------------------------------------------------------

# Linking elements (Fugen) that may follow a non-final part: Straße-n-beleuchtung, Rat-s-vorlage.
# ("er" is left out: plural first parts such as "kinder" are in the vocabulary anyway, and as a
# linker it let verb forms win: "lief-er-zeiten" instead of "liefer-zeiten".)
_LINKERS = ("", "s", "es", "n", "en", "e", "ens")
# Verb stems as first parts are scored by their infinitive, a little below a noun of the same
# frequency: Wander-weg (wandern), Warn-system (warnen), Lern-plattform (lernen).
VERB_DISCOUNT = 0.5
# Three-letter nouns that are common first or last parts of municipal compounds. Other
# three-letter strings are too often prefixes or fragments (ver-, ent-, aus-).
SHORT_PARTS = frozenset(
    "amt bad bau bus eis gas hof kur not ort rad rat see tag tal tor uhr weg zug zoo app web "
    "alt neu oel lkw pkw nah".split()
)
# Suffixes and prefixes that happen to be words in a frequency list ("Schaft", "Ung").
_BAD_PARTS = frozenset(
    "ung heit keit schaft lich isch chen lein tion ion ling nis tum bar sam haft ismus ist "
    "ieren erei itaet ation ende ver zer ent miss ern ens tung nung rung lung".split()
)
_MIN_SPLIT_LEN = 6
_MAX_SPLIT_LEN = 40  # longer "words" are codes or garbage; the DP is quadratic in length
# A split must beat the whole word's Zipf frequency by this much (mean Zipf of the parts).
SPLIT_MARGIN = 0.5
PART_PENALTY = 0.25
NAME_ZIPF = 5.0


class Vocabulary:
    """Folded word → Zipf frequency (0 = unknown), used to find compound parts."""

    def __init__(self, zipf: Mapping[str, float], no_split: Iterable[str] = ()):
        self.no_split = frozenset(fold(w) for w in no_split)
        # Two disjoint tables instead of one plus a filtered copy (saves ~30 MB): words allowed
        # as compound parts, so the splitter does one lookup per piece, and the rest.
        self._parts: dict[str, float] = {}
        self._other: dict[str, float] = {}
        for word, value in zipf.items():
            (self._parts if value > 0 and _part_allowed(word) else self._other)[word] = value
        # A proper name inside a compound is one part ("Hoch-sauerland-kreis", not
        # "Hoch-sauer-landkreis"): names rank like frequent words.
        for word in self.no_split:
            if len(word) >= 4:
                self._parts[word] = max(self._parts.get(word, 0.0), NAME_ZIPF)
        self.part_zipf = self._parts.get  # (word, default) -> Zipf

    def zipf(self, word: str) -> float:
        value = self._parts.get(word)
        return value if value is not None else self._other.get(word, 0.0)

    def __contains__(self, word: str) -> bool:
        return word in self._parts or word in self._other

    def __len__(self) -> int:
        return len(self._parts) + len(self._other)

    @classmethod
    def from_wordfreq(cls, min_zipf: float = 1.5) -> Vocabulary:
        """German word forms from wordfreq's large list, folded, alphabetic, Zipf >= min_zipf."""
        import wordfreq  # imported lazily: reading the list takes about a second

        buckets = wordfreq.read_cBpack(wordfreq.available_languages("large")["de"])
        zipf: dict[str, float] = {}
        for index, words in enumerate(buckets):
            value = 9.0 - index / 100.0
            if value < min_zipf:
                break
            for word in words:
                if 3 <= len(word) <= 30 and word.isalpha():
                    folded = fold(word)
                    if folded not in zipf:
                        zipf[folded] = value
        return cls(zipf, no_split=_read_list("no_split.txt"))


def _read_list(name: str) -> list[str]:
    path = DATA_DIR / name
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


_vocabulary: Vocabulary | None = None
_vocabulary_lock = threading.Lock()


def get_vocabulary() -> Vocabulary:
    global _vocabulary
    if _vocabulary is None:
        with _vocabulary_lock:
            if _vocabulary is None:
                _vocabulary = _cached_wordfreq_vocabulary()
    return _vocabulary


def _vocabulary_cache_path() -> Path | None:
    """Where the folded vocabulary is kept between processes, keyed by everything it is
    made from (wordfreq's list, this module's rules, no_split.txt, the Python version)."""
    import hashlib
    import os
    import sys

    try:
        import importlib.util

        # Located, not imported: importing wordfreq alone takes longer than reading the cache.
        lists = Path(importlib.util.find_spec("wordfreq").origin).resolve().parent / "data"
        key = hashlib.sha1(sys.version.encode())
        for path in sorted(lists.glob("large_de*")) + [Path(__file__), DATA_DIR / "no_split.txt"]:
            if path.exists():
                key.update(path.read_bytes() if path.suffix in (".py", ".txt") else f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode())
    except Exception:  # noqa: BLE001 - no cache then; wordfreq itself reports what is wrong
        return None
    base = os.environ.get("TRANSFERWIKI_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "transferwiki"
    )
    return Path(base) / f"vocabulary-{key.hexdigest()[:16]}.marshal"


def _cached_wordfreq_vocabulary() -> Vocabulary:
    """Vocabulary.from_wordfreq(), read from a marshal file when one exists: ~0.1 s instead of
    ~1.2 s, for every rebuild, management command and web worker start."""
    import marshal
    import os

    path = _vocabulary_cache_path()
    if path is not None and path.exists():
        try:
            import gc

            # 330,000 new objects would trigger many useless collections on the way.
            enabled = gc.isenabled()
            gc.disable()
            try:
                parts, other, no_split = marshal.loads(path.read_bytes())
            finally:
                if enabled:
                    gc.enable()
            vocabulary = Vocabulary.__new__(Vocabulary)
            vocabulary.no_split = frozenset(no_split)
            vocabulary._parts, vocabulary._other = parts, other
            vocabulary.part_zipf = parts.get
            return vocabulary
        except Exception:  # noqa: BLE001 - a damaged cache file is rebuilt below
            pass
    vocabulary = Vocabulary.from_wordfreq()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((vocabulary._parts, vocabulary._other, tuple(vocabulary.no_split))))
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old or the new file
            for stale in path.parent.glob("vocabulary-*.marshal"):
                if stale != path:
                    stale.unlink(missing_ok=True)
        except OSError:
            pass  # read-only home: load from wordfreq every time
    return vocabulary


def set_vocabulary(vocabulary: Vocabulary | None) -> None:
    """Replace the compound vocabulary (tests, benchmarks); clears the caches that depend on it."""
    global _vocabulary
    _vocabulary = vocabulary
    _SPLIT_CACHE.clear()
    _WORD_CACHE.clear()
    _QUERY_WORD_CACHE.clear()
    _PREFIX_CACHE.clear()
    _TOKEN_TERMS.clear()


def _part_allowed(part: str) -> bool:
    if part in _BAD_PARTS or part in STOP_WORDS:
        return False
    return len(part) >= 4 or part in SHORT_PARTS


class _Segmentation(NamedTuple):
    score: float  # sum of Zipf values
    parts: tuple[str, ...]  # vocabulary forms
    spans: tuple[str, ...]  # surface pieces incl. linking elements (to rebuild sub-compounds)


_MAX_PARTS = 5
_MAX_PART_LEN = 24


def _segment(word: str, vocabulary: Vocabulary) -> _Segmentation | None:
    """Best split of a folded word into >= 2 vocabulary words (highest mean Zipf, then fewest
    parts). Dynamic programming from the end of the word: best[i][c] is the highest Zipf sum
    of word[i:] in c parts, stored with a back-pointer; this runs once per distinct word."""
    n = len(word)
    part_zipf = vocabulary.part_zipf
    # best[i]: count -> (score, end of the part, start of the rest, vocabulary form)
    best: list[dict[int, tuple[float, int, int, str]]] = [{} for _ in range(n + 1)]
    best[n][0] = (0.0, n, n, "")
    # targets[j]: where the rest can start after a part ending at j (j itself, or behind a
    # linking element), only positions from which a segmentation exists. An empty list skips
    # the vocabulary lookups for every piece ending at j: that prunes almost all of a
    # non-compound's work.
    targets: list[list[int]] = [[] for _ in range(n + 1)]
    targets[n].append(n)
    for i in range(n - 3, -1, -1):
        slot = best[i]
        for j in range(i + 3, min(n, i + _MAX_PART_LEN) + 1):
            rests = targets[j]
            if not rests:
                continue
            piece = word[i:j]
            value = part_zipf(piece, 0.0)
            form = piece
            if j < n:
                with_e = part_zipf(piece + "e", 0.0)  # Schul-entwicklung → Schule
                if with_e > value:
                    value, form = with_e, piece + "e"
                # wander-n, liefer-n, sammel-n; otherwise -en: warn-en, lern-en
                verb_form = piece + ("n" if piece.endswith(("er", "el")) else "en")
                verb = part_zipf(verb_form, 0.0) - VERB_DISCOUNT
                if verb > value:
                    value, form = verb, verb_form
            if not value:
                continue
            for k in rests:
                for count, entry in best[k].items():
                    if count >= _MAX_PARTS:
                        continue
                    total = entry[0] + value
                    current = slot.get(count + 1)
                    if current is None or total > current[0]:
                        slot[count + 1] = (total, j, k, form)
        if slot and i > 0:
            targets[i].append(i)
            for linker in _LINKERS[1:]:
                start = i - len(linker)
                if start > 0 and word.startswith(linker, start):
                    targets[start].append(i)
    # Mean Zipf of the parts, minus a charge for each part beyond two: without it, chains of
    # short frequent words win ("glas-fase-raus-bau" over "glasfaser-ausbau").
    options = [
        (score / count - PART_PENALTY * (count - 2), -count, count)
        for count, (score, *_r) in best[0].items()
        if count >= 2
    ]
    if not options:
        return None
    _mean, _neg, count = max(options)
    parts, spans = [], []
    i, score = 0, best[0][count][0]
    while count:
        _score, j, k, form = best[i][count]
        parts.append(form)
        spans.append(word[i:k])
        i, count = k, count - 1
    return _Segmentation(score, tuple(parts), tuple(spans))


_SPLIT_CACHE: dict[str, tuple[str, ...]] = {}


def split_compound(word: str, vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Parts of a compound as folded vocabulary forms, outermost first, including sub-compounds
    that are words themselves: "Parkraumbewirtschaftung" → parkraum, park, raum,
    bewirtschaftung. Empty for a word that is not (recognisably) a compound."""
    folded = fold(word)
    if vocabulary is None:
        cached = _SPLIT_CACHE.get(folded)
        if cached is not None:
            return cached
        vocab = get_vocabulary()
    else:
        vocab = vocabulary
    parts = _split(folded, vocab)
    if vocabulary is None:
        if len(_SPLIT_CACHE) > _CACHE_LIMIT:
            _SPLIT_CACHE.clear()
        _SPLIT_CACHE[folded] = parts
    return parts


def _split(folded: str, vocab: Vocabulary) -> tuple[str, ...]:
    if not _MIN_SPLIT_LEN <= len(folded) <= _MAX_SPLIT_LEN or not folded.isalpha() or folded in vocab.no_split:
        return ()
    seg = _segment(folded, vocab)
    if seg is None:
        return ()
    mean = seg.score / len(seg.parts)
    if mean < vocab.zipf(folded) + SPLIT_MARGIN:
        return ()
    result: list[str] = []
    # Runs of adjacent parts that form a known word ("parkraum", "datenschutz") are parts too;
    # a run that is a proper name ("sauerland" in "hochsauerlandkreis") hides its pieces.
    count = len(seg.parts)
    hidden: set[int] = set()
    for length in range(count - 1, 1, -1):
        for start in range(0, count - length + 1):
            joined = "".join(seg.spans[start : start + length - 1]) + seg.parts[start + length - 1]
            if joined in vocab.no_split:
                hidden.update(range(start, start + length))
            if (joined in vocab or joined in vocab.no_split) and joined not in result:
                result.append(joined)
    for index, part in enumerate(seg.parts):
        if index not in hidden and part not in result:
            result.append(part)
    return tuple(result)


# ---------------------------------------------------------------------------------------------
# Index terms
# ---------------------------------------------------------------------------------------------


class WordAnalysis(NamedTuple):
    terms: tuple[str, ...]  # main stems (usually one; the acronym form for acronyms)
    parts: tuple[str, ...]  # stems of compound parts / hyphen pieces, without the main stems
    is_acronym: bool


_WORD_CACHE: dict[str, WordAnalysis | None] = {}
_QUERY_WORD_CACHE: dict[str, WordAnalysis | None] = {}
_EMPTY = WordAnalysis((), (), False)


def analyze_word(surface: str, *, query: bool = False) -> WordAnalysis | None:
    """Terms of one token; None for stop words and noise.

    In documents only capitalised words (nouns) are split into compound parts: lowercase
    verbs and adjectives gave mostly false parts ("entfällt" → Ente). Query words are split
    whatever their case, because people type "strassenbeleuchtung" in lowercase.
    """
    cache = _QUERY_WORD_CACHE if query else _WORD_CACHE
    cached = cache.get(surface, _EMPTY)
    if cached is not _EMPTY:
        return cached
    result = _analyze_word(surface, query)
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    cache[surface] = result
    return result


def _single(piece: str, query: bool = False) -> tuple[str | None, tuple[str, ...], bool]:
    """Main term, part stems and acronym flag of a token without hyphens."""
    if is_acronym(piece):
        return _acronym_term(piece), (), True
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
    pieces = [p for p in _HYPHEN_SPLIT.split(surface) if p]
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


class IndexTerms(NamedTuple):
    terms: list[str]  # one main stem per word, in text order (term frequency counts)
    parts: list[str]  # compound-part stems, in text order


def split_index_terms(text: str) -> IndexTerms:
    """Main stems and compound parts as two lists, for backends that weight parts lower."""
    terms: list[str] = []
    parts: list[str] = []
    for surface in _TOKEN_RE.findall(text or ""):  # only surfaces needed: no Token objects
        word = analyze_word(surface)
        if word is not None:
            terms.extend(word.terms)
            parts.extend(word.parts)
    return IndexTerms(terms, parts)


def index_terms(text: str) -> list[str]:
    """Terms to index for a text: per word its stem, followed by the stems of its parts."""
    out: list[str] = []
    for surface in _TOKEN_RE.findall(text or ""):  # only surfaces needed: no Token objects
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
    cache = _PREFIX_CACHE
    out: dict[str, None] = {}  # ordered set
    for surface in _TOKEN_RE.findall(text):
        terms = cache.get(surface)
        if terms is None:
            terms = _surface_prefix_terms(surface)
            if len(cache) > _CACHE_LIMIT:
                cache.clear()
            cache[surface] = terms
        out.update(terms)
    return list(out)


# surface -> its prefix terms; one analysis per distinct word of a rebuild (cleared with the
# vocabulary, see set_vocabulary).
_PREFIX_CACHE: dict[str, dict[str, None]] = {}


def _surface_prefix_terms(surface: str) -> dict[str, None]:
    out: dict[str, None] = {}
    for piece in [surface, *(_HYPHEN_SPLIT.split(surface) if "-" in surface else ())]:
        folded = fold(piece)
        if not folded or folded in STOP_WORDS:
            continue
        candidates = [_acronym_term(piece)] if is_acronym(piece) else [folded, *split_compound(folded)]
        for term in candidates:
            term = term.replace("-", "")
            if term:
                out[term] = None
    return out


# ---------------------------------------------------------------------------------------------
# Synonyms
# ---------------------------------------------------------------------------------------------


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The main terms of a phrase, as matched against query words."""
    key: list[str] = []
    for token in tokenize(phrase):
        word = analyze_word(token.surface)
        if word is not None:
            key.extend(word.terms)
    return tuple(key)


class SynonymMap:
    """Groups of equivalent phrases, matched on main terms (folded stems); multi-word allowed.

    `SynonymMap.from_groups([["Nahverkehr", "ÖPNV", "Busverkehr"]])`: a query for any of them
    also searches for the others.
    """

    def __init__(self, groups: Iterable[Sequence[tuple[str, ...]]] = ()):
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for group in groups:
            keys = tuple(dict.fromkeys(k for k in group if k))
            if len(keys) < 2:
                continue
            group_id = len(self._groups)
            self._groups.append(keys)
            for key in keys:
                self._by_first.setdefault(key[0], []).append((key, group_id))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # longest phrase first

    @classmethod
    def from_groups(cls, groups: Iterable[Iterable[str]]) -> SynonymMap:
        return cls([phrase_key(phrase) for phrase in group] for group in groups)

    def __len__(self) -> int:
        return len(self._groups)

    def __bool__(self) -> bool:
        return bool(self._groups)

    def expand(self, stems: Sequence[str | Iterable[str]]) -> list[tuple[int, int, list[tuple[str, ...]]]]:
        """Synonym phrases for a sequence of query words.

        `stems` holds per query word either one stem or a set of alternative stems. Returns
        (start, end, phrases): the words start..end-1 matched a phrase of a group, `phrases` are
        the group's other phrases (tuples of stems). Longest match wins, no overlaps.
        """
        alternatives = [{s} if isinstance(s, str) else set(s) for s in stems]
        out: list[tuple[int, int, list[tuple[str, ...]]]] = []
        i = 0
        while i < len(alternatives):
            length = 0
            matched: list[tuple[tuple[str, ...], int]] = []
            for first in alternatives[i]:
                for key, group_id in self._by_first.get(first, ()):
                    end = i + len(key)
                    if end > len(alternatives) or len(key) < length:
                        continue
                    if all(key[k] in alternatives[i + k] for k in range(1, len(key))):
                        if len(key) > length:
                            length, matched = len(key), []
                        matched.append((key, group_id))
            if not matched:
                i += 1
                continue
            own = {key for key, _ in matched}
            phrases: list[tuple[str, ...]] = []
            for _key, group_id in matched:
                phrases.extend(k for k in self._groups[group_id] if k not in own and k not in phrases)
            out.append((i, i + length, phrases))
            i += length
        return out

    def expand_term(self, term: str) -> list[tuple[str, ...]]:
        """Synonym phrases of a single stem (used for compound parts)."""
        result = []
        for key, group_id in self._by_first.get(term, ()):
            if len(key) == 1:
                result.extend(k for k in self._groups[group_id] if k != key)
        return result


def synonym_groups_from_tags(tags: Iterable) -> list[list[str]]:
    """Synonym groups from curated tags (objects with .name and .synonym_list)."""
    groups = []
    for tag in tags:
        synonyms = [s for s in (tag.synonym_list or []) if s and s.strip()]
        if synonyms:
            groups.append([tag.name, *synonyms])
    return groups


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

MAX_QUERY_WORDS = 32


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
    _snippet_matcher: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def main_terms(self) -> list[str]:
        return list(dict.fromkeys(t for g in self.groups for t in g.terms))

    def part_terms(self) -> list[str]:
        main = set(self.main_terms())
        return list(dict.fromkeys(t for g in self.groups for t in g.parts if t not in main))

    def synonym_terms(self) -> list[str]:
        out = dict.fromkeys(t for g in self.groups for t in g.synonyms)
        for g in self.groups:
            for phrase in g.synonym_phrases:
                out.update(dict.fromkeys(phrase))
        return list(out)

    def all_terms(self) -> list[str]:
        return list(dict.fromkeys(t for g in self.groups for t in g.all_terms()))

    def highlight_terms(self) -> set[str]:
        """Terms whose occurrence in a text is marked in snippets."""
        return set(self.all_terms())

    def snippet_matcher(self) -> tuple[str | None, set[str], set[str], dict[str, float]]:
        """(prefix, main terms, other terms, word -> weight memo) for `snippet`, made once per
        query: the ten hits of a result page share most of their words, so each distinct word
        is weighed once per search (the memo is dropped when the prefix is changed)."""
        prefix = self.prefix if self.prefix and len(self.prefix) >= 4 else None
        cached = self._snippet_matcher
        if cached is None or cached[0] != prefix:
            main = {t for g in self.groups for t in g.terms}
            cached = self._snippet_matcher = (prefix, main, self.highlight_terms() - main, {})
        return cached

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


# ---------------------------------------------------------------------------------------------
# Snippets
# ---------------------------------------------------------------------------------------------

_SPACE_RE = re.compile(r"\s+")
ELLIPSIS = "…"


_TOKEN_TERMS: dict[str, frozenset[str]] = {}


def _token_terms(surface: str) -> frozenset[str]:
    """Every form a text word can be matched by (cached: snippets of every hit ask for the
    same few thousand words of the corpus again and again)."""
    terms = _TOKEN_TERMS.get(surface)
    if terms is None:
        word = analyze_word(surface)
        if word is None:
            terms = frozenset()
        elif word.is_acronym:
            terms = frozenset((*word.terms, *word.parts))
        else:
            terms = frozenset((*word.terms, *word.parts, fold(surface).replace("-", "")))
        if len(_TOKEN_TERMS) > _CACHE_LIMIT:
            _TOKEN_TERMS.clear()
        _TOKEN_TERMS[surface] = terms
    return terms


def _match_weight(surface: str, prefix: str | None, main: set[str], other: set[str]) -> float:
    """3 for a query word's own form, 1.5 for a part or synonym, 1 for the word being typed
    (`prefix`, only when it has at least four letters), else 0."""
    terms = _token_terms(surface)
    if not terms.isdisjoint(main):
        return 3.0
    if not terms.isdisjoint(other):
        return 1.5
    if prefix and fold(surface).startswith(prefix):
        return 1.0
    return 0.0


def snippet(text: str | None, analysis: QueryAnalysis | None, max_chars: int = 240) -> str:
    """HTML-escaped excerpt around the best-matching passage, matches in <mark>…</mark>.

    Matches on stems, compound parts and synonyms ("Städte" marks "Stadt"). Without a match
    the excerpt is the start of the text. Only <mark> is markup; everything else is escaped.
    """
    text = _SPACE_RE.sub(" ", text or "").strip()
    if not text:
        return ""
    matches: list[tuple[Token, float]] = []
    if analysis:
        prefix, main, other, weights = analysis.snippet_matcher()
        for m in _TOKEN_RE.finditer(text):
            surface = m.group()
            weight = weights.get(surface)
            if weight is None:
                weight = weights[surface] = _match_weight(surface, prefix, main, other)
            if weight:
                matches.append((Token(surface, m.start(), m.end()), weight))
    if len(text) <= max_chars:
        start, end = 0, len(text)
    elif not matches:
        start, end = 0, _cut_end(text, max_chars)
    else:
        start = _best_window(text, matches, max_chars)
        end = _cut_end(text, start + max_chars)
    parts: list[str] = []
    if start > 0:
        parts.append(ELLIPSIS + " ")
    cursor = start
    for token, _weight in matches:
        if token.start < start or token.end > end:
            continue
        parts.append(html.escape(text[cursor : token.start]))
        parts.append("<mark>" + html.escape(token.surface) + "</mark>")
        cursor = token.end
    parts.append(html.escape(text[cursor:end]))
    if end < len(text):
        parts.append(" " + ELLIPSIS)
    return "".join(parts)


_MAX_WINDOWS = 60


def _best_window(text: str, matches: list[tuple[Token, float]], max_chars: int) -> int:
    """Start offset of the window with the most (and most varied) matches.

    Windows start shortly before a match; at most _MAX_WINDOWS evenly spread candidates are
    scored, each over the matches inside it only, so a 20,000-character body with hundreds of
    hits costs a few thousand steps.
    """
    lead = max_chars // 6  # some context before the first mark
    starts = [token.start for token, _ in matches]
    keys = [fold(token.surface) for token, _ in matches]
    step = max(1, len(matches) // _MAX_WINDOWS)
    best_start, best_first, best_score = 0, 0, -1.0
    for index in range(0, len(matches), step):
        start = max(0, starts[index] - lead)
        end = start + max_chars
        first = bisect.bisect_left(starts, start)
        seen: set[str] = set()
        score = 0.0
        for position in range(first, len(matches)):
            token, weight = matches[position]
            if token.end > end:
                break
            score += weight if keys[position] not in seen else weight * 0.3  # variety beats repetition
            seen.add(keys[position])
        if score > best_score:
            best_start, best_first, best_score = start, first, score
    if best_start > 0:
        # If the window reaches past the end, pull it back to use the room; then start at a
        # word boundary, unless that would skip the window's first match.
        best_start = max(0, min(best_start, len(text) - max_chars))
        space = text.find(" ", best_start)
        if best_start and space != -1 and space < starts[best_first]:
            best_start = space + 1
    return best_start


def _cut_end(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", 0, end)
    return space if space > end - 40 and space > 0 else end


# ---------------------------------------------------------------------------------------------
# Typos: similar terms and "did you mean"
# ---------------------------------------------------------------------------------------------


def max_edits_for(term: str) -> int:
    """Edits tolerated for a term of this length: none below 4 letters, 1 up to 7, then 2."""
    if len(term) < 4:
        return 0
    return 1 if len(term) <= 7 else 2


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Damerau-Levenshtein distance (optimal string alignment: a swap of neighbours is one
    edit). With `limit`, stops early and returns limit + 1 once the distance must exceed it.
    RapidFuzz's C++ implementation: "did you mean" compares a word against tens of thousands."""
    return OSA.distance(a, b, score_cutoff=limit)


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
    return _SPACE_RE.sub(" ", "".join(pieces)).strip() if changed else None
