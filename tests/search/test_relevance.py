"""Relevance suite: graded German queries over a fixed corpus, nDCG@10 per backend.

The corpus (tests/search/relevance/corpus.json) is created as real, published pages below the
pages of their towns and indexed through each backend's normal write path; every query of
queries.json runs through the public search service. The thresholds and why they are where
they are: docs/search.md, section "Analysis" → "Relevance suite". Run with `-s` to see the
per-query table in a passing run (it is always part of a failure message).
"""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from search import reference, service
from search.query import SearchQuery
from tests.search.factories import make_page, tag
from tests.search.relevance.metrics import mean, ndcg
from wiki.slugs import german_slug

RELEVANCE_DIR = Path(__file__).with_name("relevance")
CORPUS = json.loads((RELEVANCE_DIR / "corpus.json").read_text(encoding="utf-8"))
QUERIES = json.loads((RELEVANCE_DIR / "queries.json").read_text(encoding="utf-8"))["queries"]

# Mean nDCG@10 over all queries each backend must reach (see docs/search.md).
THRESHOLD = {"elasticsearch": 0.90, "database": 0.88}
# No phenomenon (inflection, compounds, synonyms, ...) may fall below this mean, so a broken
# feature cannot hide behind the average.
PHENOMENON_FLOOR = 0.60


def _create_corpus():
    """Tags (with synonyms and parents) and pages of the corpus; returns key -> page."""
    tags = {}
    for spec in CORPUS["tags"]:
        parent = tags.get(spec.get("parent")) or (tag(spec["parent"]) if spec.get("parent") else None)
        tags[spec["name"]] = tag(spec["name"], synonyms=spec.get("synonyms", ()), parent=parent)
    pages = {}
    for spec in CORPUS["pages"]:
        fields = {}
        if spec["type"] == "case_study":
            fields = {"phase": spec["phase"], "start_year": spec["year"]}
        pages[spec["key"]] = make_page(
            spec["ags"],
            spec["title"],
            spec["summary"],
            kind=spec["type"],
            body=[spec["body"]],
            topics=[german_slug(name) for name in spec["topics"]],
            tags=[tags.get(name) or tag(name) for name in spec["tags"]],
            **fields,
        )
    return pages


def _index_elasticsearch(es, alias, pages):
    from search.backends.elasticsearch import index

    from .factories import index_in_elasticsearch

    index.ensure_index(es, alias)
    outcome = index_in_elasticsearch(es, pages.values())
    assert not outcome.failed and len(outcome.indexed) == len(pages)


def _index_database(pages):
    from search.backends.database import index as fallback_index

    for page in pages.values():
        fallback_index.upsert_entry(page)


def _evaluate(backend, pages):
    """Per query: (query spec, nDCG@10, ranked corpus keys)."""
    key_of = {page.pk: key for key, page in pages.items()}
    rows = []
    for spec in QUERIES:
        results = service.search(SearchQuery.from_params({"q": spec["q"]}, reference.get()), backend=backend)
        ranking = [key_of.get(hit.id, f"?{hit.id}") for hit in results.results]
        rows.append((spec, ndcg(ranking, spec["judgments"], k=10), ranking))
    return rows


def _by_phenomenon(rows):
    groups = defaultdict(list)
    for spec, score, _ranking in rows:
        groups[spec["phenomenon"]].append(score)
    return {name: mean(scores) for name, scores in groups.items()}


def _report(results):
    """A table: one line per query with each backend's nDCG@10, then means."""
    names = list(results)
    lines = [f"{'query':34} {'phenomenon':15} " + " ".join(f"{n[:13]:>13}" for n in names)]
    for i, spec in enumerate(QUERIES):
        scores = " ".join(f"{results[n][i][1]:13.3f}" for n in names)
        lines.append(f"{spec['q'][:34]:34} {spec['phenomenon'][:15]:15} {scores}")
    phenomena = {n: _by_phenomenon(results[n]) for n in names}
    lines.append("")
    for phenomenon in phenomena[names[0]]:
        lines.append(f"{'  mean ' + phenomenon:50} " + " ".join(f"{phenomena[n][phenomenon]:13.3f}" for n in names))
    lines.append(f"{'nDCG@10 (all queries)':50} " + " ".join(f"{mean([r[1] for r in results[n]]):13.3f}" for n in names))
    weak = [
        f"  {n}: {spec['q']!r} {score:.2f} got {ranking[:5]}"
        for n in names
        for spec, score, ranking in results[n]
        if score < 0.8
    ]
    if weak:
        lines += ["", "queries below 0.8 (top 5 returned):", *weak]
    return "\n".join(lines)


def _check(results, capsys):
    report = _report(results)
    with capsys.disabled():
        print("\n" + report)
    for name, rows in results.items():
        overall = mean([score for _spec, score, _ranking in rows])
        assert overall >= THRESHOLD[name], f"{name}: nDCG@10 {overall:.3f} < {THRESHOLD[name]}\n{report}"
        for phenomenon, score in _by_phenomenon(rows).items():
            assert score >= PHENOMENON_FLOOR, f"{name}: {phenomenon} at {score:.3f} < {PHENOMENON_FLOOR}\n{report}"
    return report


@pytest.fixture
def relevance_corpus(site_tree, settings):
    service.reset_backend_state()
    service.invalidate_synonyms()
    pages = _create_corpus()
    yield pages
    service.invalidate_synonyms()


def test_suite_is_well_formed():
    keys = {page["key"] for page in CORPUS["pages"]}
    assert len(keys) == len(CORPUS["pages"]) >= 60
    assert len(QUERIES) >= 30
    for spec in QUERIES:
        assert set(spec["judgments"]) <= keys, spec["q"]
        assert max(spec["judgments"].values()) == 3, spec["q"]
    required = {"inflection", "compound-part", "compound-whole", "spelling", "synonym", "typo", "acronym", "multi-word", "field-weight"}
    assert required <= {spec["phenomenon"] for spec in QUERIES}


def test_database_relevance(relevance_corpus, settings, capsys):
    settings.ELASTICSEARCH_URL = None
    _index_database(relevance_corpus)
    _check({"database": _evaluate("database", relevance_corpus)}, capsys)


@pytest.mark.elasticsearch
def test_elasticsearch_relevance_at_least_database(relevance_corpus, elasticsearch, settings, capsys):
    _index_elasticsearch(elasticsearch, settings.SEARCH_INDEX_ALIAS, relevance_corpus)
    _index_database(relevance_corpus)
    results = {
        "elasticsearch": _evaluate("elasticsearch", relevance_corpus),
        "database": _evaluate("database", relevance_corpus),
    }
    report = _check(results, capsys)
    es, db = (mean([score for _s, score, _r in results[name]]) for name in ("elasticsearch", "database"))
    assert es >= db, f"Elasticsearch ({es:.3f}) ranks worse than the database fallback ({db:.3f})\n{report}"
