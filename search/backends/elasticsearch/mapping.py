"""The Elasticsearch index layout: settings, analyzers and the field mapping of the search
documents that search/documents.py builds.

Only core analysis is used, because the node the tests run (the integ-test distribution) has
no analysis-common module: no stemmer, decompounder, synonym or ngram filters, not even the
whitespace tokenizer. German analysis happens in search.analysis.

Bump MAPPING_VERSION whenever settings or mapping change; it is stored in the index `_meta`
so that `search_check`/rebuild can tell an outdated index from a current one.
"""

from __future__ import annotations

from elasticsearch.dsl import Boolean, Date, Document, GeoPoint, InnerDoc, Integer, Keyword, Object, Text

MAPPING_VERSION = 5  # 4: adoptions, positions in title/summary terms (proximity); 5: villages, areas

# Analyzers (core Elasticsearch analysis only, see above). The built-in "whitespace"
# analyzer: the terms are folded and stemmed in Python already, Elasticsearch only splits them.
# (The integ-test node has no whitespace *tokenizer* for a custom analyzer; the prebuilt
# analyzer is in core.)
TERMS_ANALYZER = "whitespace"
TEXT_ANALYZER = "tw_text"  # standard + lowercase + German stop words: raw text, a safety net


def _terms(positions=False):
    # Term frequencies without positions: queries on these fields are term queries (phrases
    # are matched as "all terms", see query.py), and positions were the larger part of what
    # indexing them cost. Title and summary are short; their positions serve proximity.
    return Text(
        analyzer=TERMS_ANALYZER, search_analyzer=TERMS_ANALYZER, index_options="positions" if positions else "freqs"
    )


def _text():
    return Text(analyzer=TEXT_ANALYZER)


def _display_text():
    # Long raw texts that are only shown (snippets come from _source) and never queried:
    # matching uses the *_terms fields. Not indexing them halves Elasticsearch's CPU in a
    # rebuild.
    return Text(index=False)


class MunicipalityDoc(InnerDoc):
    ags = Keyword()
    name = Keyword()
    slug = Keyword()
    district = Keyword()
    district_name = Keyword()
    size_class = Keyword()
    pioneer = Boolean()
    location = GeoPoint()


class PartnerDoc(InnerDoc):
    ags = Keyword()
    name = Keyword()


class SlugNameDoc(InnerDoc):
    slug = Keyword()
    name = Keyword()


class KnowledgePageDocument(Document):
    """One public knowledge page (case study, lesson, template)."""

    id = Integer()
    external_id = Keyword()
    type = Keyword()
    title = _text()
    summary = _text()
    body = _display_text()
    document_text = _display_text()
    url = Keyword(index=False)
    municipality = Object(MunicipalityDoc)
    partners = Object(PartnerDoc, multi=True)
    topics = Object(SlugNameDoc, multi=True)
    tags = Object(SlugNameDoc, multi=True)
    tag_ancestors = Object(SlugNameDoc, multi=True)
    # Filter and facet key for tags: the page's own tags and their parents, so that choosing
    # a broad tag ("Mobilität") also finds pages tagged with a narrower one ("Carsharing").
    tag_slugs = Keyword(multi=True)
    tag_names = Keyword(multi=True)
    phase = Keyword()
    villages = Keyword(multi=True)  # village keys (wiki.models.villages.village_key)
    areas = Keyword(multi=True)  # "rural" for pages meant for villages and rural areas
    start_year = Integer()
    end_year = Integer()
    first_published_at = Date()
    last_published_at = Date()
    sort_date = Date()
    # Number of towns that adopt the page (transfer.adoptions.adoption_counts): sort=adoptions.
    adoptions = Integer()
    # Pre-analysed German terms (search.analysis.index_terms), whitespace-separated.
    title_terms = _terms(positions=True)
    summary_terms = _terms(positions=True)
    body_terms = _terms()
    document_terms = _terms()
    meta_terms = _terms()  # topics, tags and their parents
    place_terms = _terms()  # municipality, district and partner names
    # Autocomplete: folded, unstemmed words and compound parts for prefix queries.
    title_prefixes = Keyword(multi=True)
    tag_prefixes = Keyword(multi=True)
    # Readable words of title, summary and tags: the vocabulary for "did you mean".
    vocabulary = Keyword(multi=True)

    class Index:
        name = "transferwiki-knowledge"  # the real name comes from settings (index.py)


def replica_settings():
    """Shards and replicas from settings (SEARCH_INDEX_SHARDS, SEARCH_INDEX_REPLICAS): a
    range such as "0-1" becomes auto_expand_replicas (a single node stays green, a cluster
    gets a replica), a number a fixed replica count. Not part of MAPPING_VERSION: a changed
    value needs no rebuild to be correct, the next rebuild (or a settings update) applies it."""
    from django.conf import settings

    replicas = str(getattr(settings, "SEARCH_INDEX_REPLICAS", "0-1"))
    shape = {"number_of_shards": int(getattr(settings, "SEARCH_INDEX_SHARDS", 1))}
    if "-" in replicas:
        shape["auto_expand_replicas"] = replicas
    else:
        shape.update(number_of_replicas=int(replicas), auto_expand_replicas=False)
    return shape


def index_settings():
    return {
        **replica_settings(),
        "analysis": {
            "filter": {"tw_german_stop": {"type": "stop", "stopwords": "_german_"}},
            "analyzer": {
                TEXT_ANALYZER: {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "tw_german_stop"]},
            },
        },
    }


def index_mapping():
    mapping = KnowledgePageDocument._doc_type.mapping.to_dict()
    # Unknown fields are kept in _source but not indexed: a stray field never changes the
    # mapping of a live index behind our back.
    mapping["dynamic"] = False
    mapping["_meta"] = {"mapping_version": MAPPING_VERSION, "document": "knowledge-page"}
    return mapping
