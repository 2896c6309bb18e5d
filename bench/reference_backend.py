"""Wagtail's own `elasticsearch8` search backend, as the benchmark's reference.

Unchanged except for one thing: the index analysis. Wagtail's default analyzers use the
`asciifolding`, `ngram` and `edge_ngram` filters of Elasticsearch's analysis-common module,
which the integ-test-zip node of this project does not ship (see docs/architecture.md), so
creating Wagtail's index there fails. Both analyzers are therefore defined with core parts
only (standard tokenizer + lowercase). Mapping, documents, bulk indexing and queries are
Wagtail's. This makes the reference's index smaller and its indexing somewhat faster than on
a full distribution (no edge n-grams of titles), i.e. the comparison favours the reference.
"""

from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

_CORE_ANALYZER = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}


class CoreAnalysisElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    settings = {
        "settings": {
            # Same as our index: one node, so no replica (it would only keep the index yellow).
            "index": {"number_of_replicas": 0},
            "analysis": {
                "analyzer": {
                    "ngram_analyzer": dict(_CORE_ANALYZER),
                    "edgengram_analyzer": dict(_CORE_ANALYZER),
                }
            },
        }
    }


SearchBackend = CoreAnalysisElasticsearch8SearchBackend
