"""The analysed terms of a document's texts, for the rebuild's hot loop.

Same result as analysis.index_text, but without Token objects and with one cached string per
distinct surface form, so a 600-word body costs a regex scan and a dict lookup per word.
tests/search/test_documents.py checks it equals analysis.index_text.
"""

from . import analysis

_SURFACE_TERMS: dict = {}
_SURFACE_CACHE_LIMIT = 200_000
_cache_vocabulary = [None]  # the compound vocabulary the cache was filled with


def terms_text(text):
    if not text:
        return ""
    if analysis.get_vocabulary() is not _cache_vocabulary[0]:
        # analysis.set_vocabulary() (tests, benchmarks) changes what words split into.
        _SURFACE_TERMS.clear()
        _cache_vocabulary[0] = analysis.get_vocabulary()
    # Tokens never span whitespace, so the text can be cut at whitespace first and each piece
    # ("Strom.", "LoRaWAN-Sensoren,") analysed once and remembered with its punctuation. The
    # lookups run in C (map); only pieces not seen before go through the analysis.
    chunks = text.split()
    found = list(map(_SURFACE_TERMS.get, chunks))
    if None in found:
        for position, terms in enumerate(found):
            if terms is None:
                found[position] = _chunk_terms(chunks[position])
    return " ".join(filter(None, found))


def _chunk_terms(chunk):
    cache = _SURFACE_TERMS
    terms = cache.get(chunk)
    if terms is None:
        pieces = []
        for surface in analysis._TOKEN_RE.findall(chunk):
            word = analysis.analyze_word(surface)
            if word is not None:
                pieces.extend(word.terms)
                pieces.extend(word.parts)
        terms = " ".join(pieces)
        if len(cache) > _SURFACE_CACHE_LIMIT:
            cache.clear()
        cache[chunk] = terms
    return terms
