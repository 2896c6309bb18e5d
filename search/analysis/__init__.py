"""German text analysis shared by the Elasticsearch and the database backend.

The Elasticsearch that runs the tests has no analysis plugins, so everything language-specific
happens here and both backends see the same terms. Pure Python; no Django import (the search
service imports this everywhere). The layers, each importing only those above it:

    text       folding, tokens, acronyms, stop words, the one bounded cache (`bounded_cache`)
    compounds  compound splitting against wordfreq's German vocabulary
    terms      Snowball stems, per-word analysis, index terms, autocomplete prefix terms
    synonyms   curated synonym groups, matched on stems, multi-word allowed
    typos      similar terms and "did you mean"
    content    question words and filler (not content), words that hint at a page type
    queries    a query as groups of alternative terms; the rule of partial matching
    snippets   the marked passage of a hit

* `fold` makes spelling variants equal (Straße/Strasse, Bürger/Buerger, Café/Cafe).
* Compounds are split with a Koehn & Knight style rule: a split wins only when its parts are,
  on average, clearly more frequent than the whole word. Parts are indexed next to the whole
  word, so "Beleuchtung" finds "Straßenbeleuchtung"; queries keep parts apart so backends can
  weight them lower.
* Synonyms are expanded at query time (`SynonymMap`); typo help (`similar_terms`, `suggest`)
  serves the database fallback and "did you mean".

Other modules use `from search import analysis` and the names below.
"""

from .compounds import Vocabulary, get_vocabulary, set_vocabulary, split_compound
from .content import TYPE_HINTS
from .queries import SHORT_ACRONYMS, QueryAnalysis, QueryGroup, analyze_query, required_matches
from .snippets import ELLIPSIS, SNIPPET_CHARS, SNIPPET_WINDOW, snippet, snippet_for
from .synonyms import SynonymMap, phrase_key, synonym_groups_from_tags
from .terms import WordAnalysis, analyze_word, index_terms, index_text, prefix_terms, stem
from .text import (
    MAX_FOLDED_QUERY_CHARS,
    MAX_FOLDED_WORD_CHARS,
    MAX_QUERY_WORDS,
    STOP_WORDS,
    TOKEN_RE,
    Token,
    bounded_cache,
    clear_caches,
    fold,
    folded_length,
    is_acronym,
    limit_query,
    tokenize,
)
from .typos import MAX_FUZZY_WORD_CHARS, MAX_FUZZY_WORDS, Lexicon, max_edits_for, may_be_typo, similar_terms, suggest

# The token pattern under its former private name (search/documents.py scans with it).
_TOKEN_RE = TOKEN_RE

__all__ = [
    "ELLIPSIS",
    "MAX_FOLDED_QUERY_CHARS",
    "MAX_FOLDED_WORD_CHARS",
    "MAX_FUZZY_WORDS",
    "MAX_FUZZY_WORD_CHARS",
    "MAX_QUERY_WORDS",
    "SNIPPET_CHARS",
    "SHORT_ACRONYMS",
    "SNIPPET_WINDOW",
    "STOP_WORDS",
    "TYPE_HINTS",
    "TOKEN_RE",
    "Lexicon",
    "QueryAnalysis",
    "QueryGroup",
    "SynonymMap",
    "Token",
    "Vocabulary",
    "WordAnalysis",
    "analyze_query",
    "analyze_word",
    "bounded_cache",
    "clear_caches",
    "fold",
    "folded_length",
    "get_vocabulary",
    "index_terms",
    "index_text",
    "is_acronym",
    "limit_query",
    "max_edits_for",
    "may_be_typo",
    "phrase_key",
    "prefix_terms",
    "required_matches",
    "set_vocabulary",
    "similar_terms",
    "snippet",
    "snippet_for",
    "split_compound",
    "stem",
    "suggest",
    "synonym_groups_from_tags",
    "tokenize",
]
