"""Compound splitting against a German word-frequency vocabulary (wordfreq).

A Koehn & Knight style rule: a split wins only when its parts are, on average, clearly more
frequent than the whole word. Parts are indexed next to the whole word, so "Beleuchtung" finds
"Straßenbeleuchtung". Works on folded words; knows nothing of stems.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from .text import DATA_DIR, STOP_WORDS, bounded_cache, clear_caches, fold, read_list

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
        return cls(zipf, no_split=read_list("no_split.txt"))


_vocabulary: Vocabulary | None = None
# The files whose rules shape the stored vocabulary (folding, allowed parts).
_RULE_SOURCES = (Path(__file__), Path(__file__).with_name("text.py"))
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
    made from (wordfreq's list, the folding and splitting rules, no_split.txt, the Python
    version)."""
    import hashlib
    import os
    import sys

    try:
        import importlib.util

        # Located, not imported: importing wordfreq alone takes longer than reading the cache.
        lists = Path(importlib.util.find_spec("wordfreq").origin).resolve().parent / "data"
        key = hashlib.sha1(sys.version.encode())
        for path in sorted(lists.glob("large_de*")) + [*_RULE_SOURCES, DATA_DIR / "no_split.txt"]:
            if path.exists():
                key.update(
                    path.read_bytes()
                    if path.suffix in (".py", ".txt")
                    else f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}".encode()
                )
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
    clear_caches()


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


def split_compound(word: str, vocabulary: Vocabulary | None = None) -> tuple[str, ...]:
    """Parts of a compound as folded vocabulary forms, outermost first, including sub-compounds
    that are words themselves: "Parkraumbewirtschaftung" → parkraum, park, raum,
    bewirtschaftung. Empty for a word that is not (recognisably) a compound."""
    folded = fold(word)
    if vocabulary is None:
        return _split_cached(folded)
    return _split(folded, vocabulary)


@bounded_cache
def _split_cached(folded: str) -> tuple[str, ...]:
    return _split(folded, get_vocabulary())


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
