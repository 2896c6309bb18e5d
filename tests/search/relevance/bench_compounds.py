"""Compare German compound splitters on the gold list (figures go to docs/search.md).

    .venv/bin/python tests/search/relevance/bench_compounds.py

Candidates that are not installed are skipped. To measure the ones we did not choose, install
them into a scratch directory and point BENCH_EXTRA_PATH at it (colon-separated), e.g.
    pip install --target /tmp/cand/cs compound-split==1.0.2
    pip install --target /tmp/cand/sm simplemma==2.0.0
    BENCH_EXTRA_PATH=/tmp/cand/cs:/tmp/cand/sm .venv/bin/python tests/search/relevance/bench_compounds.py
"""

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
for extra in filter(None, os.environ.get("BENCH_EXTRA_PATH", "").split(":")):
    sys.path.append(extra)

from search import analysis  # noqa: E402
from search.analysis import compounds  # noqa: E402

GOLD = json.loads((Path(__file__).with_name("compounds_gold.json")).read_text(encoding="utf-8"))


def stems(words):
    return {analysis.stem(w) for w in words}


# --- candidates: each returns (name, load seconds, split(word) -> iterable of part strings) ---


def wordfreq_dp():
    start = time.process_time()
    vocab = analysis.Vocabulary.from_wordfreq()
    return (
        "wordfreq 3.1.1 + DP (chosen)",
        time.process_time() - start,
        lambda w: compounds._split(analysis.fold(w), vocab),
    )


def _recursive(split_once, word, depth=0):
    parts = split_once(word)
    if not parts or depth > 3:
        return []
    out = list(parts)
    for part in parts:
        out.extend(_recursive(split_once, part, depth + 1))
    return out


def compound_split():
    start = time.process_time()
    from compound_split import char_split

    load = time.process_time() - start

    def once(word):
        if len(word) < 6:
            return None
        score, head, tail = char_split.split_compound(word)[0]
        return (char_split.cut_off_fugen_s(head.lower()), tail.lower()) if score > 0 else None

    return "compound-split 1.0.2 (char n-grams)", load, lambda w: _recursive(once, w)


def _dictionary_candidate(name, words):
    """Same DP, but the list has no frequencies: split only words the list does not know."""
    vocab = analysis.Vocabulary({analysis.fold(w): 3.0 for w in words if w.isalpha() and len(w) >= 3})
    return name, vocab


def simplemma_vocab():
    start = time.process_time()
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary("de")
    words = set(dictionary.keys()) | set(dictionary.values())
    name, vocab = _dictionary_candidate(
        "simplemma 2.0.0 word forms + DP", (w if isinstance(w, str) else w.decode() for w in words)
    )
    return name, time.process_time() - start, lambda w: compounds._split(analysis.fold(w), vocab)


def hunspell_vocab():
    start = time.process_time()
    import compound_split

    path = Path(compound_split.__file__).with_name("dicts") / "de-mixed.dic"
    words = [line.split("/", 1)[0].strip() for line in path.read_text(encoding="utf-8", errors="ignore").splitlines()]
    name, vocab = _dictionary_candidate("hunspell de word list + DP", (w for w in words if w and not w.startswith("#")))
    return name, time.process_time() - start, lambda w: compounds._split(analysis.fold(w), vocab)


def split_speed(split, repeats=5):
    """µs per word for splitting the gold and negative words: process CPU time, the best of
    several runs, because on a shared machine that is the figure least disturbed by others."""
    words = list(GOLD["compounds"]) + GOLD["negatives"]
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for word in words:
            split(word)
        best = min(best, time.process_time() - start)
    return best / len(words) * 1e6


def calibration():
    """µs for sum(range(1000)) — about 8-10 µs on an idle modern core; scales the other figures."""
    import timeit

    return min(timeit.repeat("sum(range(1000))", number=1000, repeat=5, timer=time.process_time)) / 1000 * 1e6


def evaluate(name, load, split):
    tp = fp = fn = exact = 0
    errors = []
    for word, gold in GOLD["compounds"].items():
        predicted = stems(split(word)) - {analysis.stem(word)}
        expected = stems(gold)
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
        exact += predicted == expected
        if expected - predicted:
            errors.append(f"{word}: missing {sorted(expected - predicted)}")
    false_splits = []
    for word in GOLD["negatives"]:
        if set(split(word)) - {analysis.fold(word)}:
            false_splits.append(word)
    fp += len(false_splits)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "name": name,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "exact": exact,
        "false_splits": false_splits,
        "us_per_word": split_speed(split),
        "load_s": load,
        "errors": errors,
    }


def index_speed():
    """µs per word of index_terms on running German text, cold (empty caches) and warm."""
    corpus = Path(__file__).with_name("corpus.json")
    if corpus.exists():
        pages = json.loads(corpus.read_text(encoding="utf-8"))["pages"]
        text = " ".join(" ".join([p["title"], p["summary"], p["body"]]) for p in pages)
    else:
        text = " ".join(GOLD["compounds"]) * 5
    words = len(analysis.tokenize(text))
    analysis.get_vocabulary()
    cold = warm = float("inf")
    for _ in range(3):
        analysis.clear_caches()
        start = time.process_time()
        analysis.index_terms(text)
        cold = min(cold, time.process_time() - start)
        start = time.process_time()
        analysis.index_terms(text)
        warm = min(warm, time.process_time() - start)
    cold, warm = cold / words * 1e6, warm / words * 1e6
    return words, cold, warm


def main():
    rows = []
    for candidate in (wordfreq_dp, compound_split, simplemma_vocab, hunspell_vocab):
        try:
            name, load, split = candidate()
        except ImportError as exc:
            print(f"skipped {candidate.__name__}: {exc}")
            continue
        rows.append(evaluate(name, load, split))
    print(f"{len(GOLD['compounds'])} compounds, {len(GOLD['negatives'])} non-compounds\n")
    print("| splitter | precision | recall | F1 | exact | false splits | µs/word | load s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['name']} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | "
            f"{r['exact']}/{len(GOLD['compounds'])} | {len(r['false_splits'])} | {r['us_per_word']:.0f} | {r['load_s']:.1f} |"
        )
    for r in rows:
        print(f"\n{r['name']}: false splits {r['false_splits']}")
        for line in r["errors"]:
            print("   ", line)
    words, cold, warm = index_speed()
    print(f"\nindex_terms over {words} words: {cold:.1f} µs/word cold caches, {warm:.1f} µs/word warm")
    print(f"calibration: sum(range(1000)) took {calibration():.1f} µs (about 8-10 µs on an idle modern core)")


if __name__ == "__main__":
    main()
