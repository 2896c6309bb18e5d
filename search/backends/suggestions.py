"""Autocomplete shared by both backends: which typed words count, how titles are ordered,
which tags are offered. The backends only differ in how they fetch candidate rows."""

from search import analysis


def typed_words(prefix):
    """Folded words typed so far; [] when there is too little to complete."""
    words = [analysis.fold(t.surface).replace("-", "") for t in analysis.tokenize(prefix or "")]
    words = [w for w in words if w][: analysis.MAX_QUERY_WORDS]
    if not words or len(" ".join(words)) < 2:
        return []
    return words


def combine(rows, words, limit, tag_counts):
    """Page suggestions from candidate `rows` (document dicts) plus, for a single word, tags;
    `tag_counts` is called only then and returns {slug: number of indexed pages}."""
    rows = sorted(rows, key=lambda doc: title_rank(doc.get("title") or "", words))
    pages = [
        {"text": doc.get("title") or "", "kind": "page", "type": doc.get("type"), "url": doc.get("url")}
        for doc in rows[:limit]
    ]
    tags = []
    if len(words) == 1:
        tags = tag_suggestions(tag_counts(), words[0])[: max(2, limit - len(pages))]
    return (tags + pages)[:limit]


def title_rank(title, words):
    """Titles that start with the typed word first, then titles with a word starting with it."""
    folded = analysis.fold(title)
    last = words[-1]
    if len(words) == 1 and folded.startswith(last):
        return (0, len(title))
    if any(w.startswith(last) for w in folded.split()):
        return (1, len(title))
    return (2, len(title))


def tag_suggestions(counts, word):
    """Tags of indexed pages whose own name has a word or part starting with `word`, most
    used first. A page's tag_prefixes cover all its tags together, so each candidate is
    checked by name; names come from the reference cache of the database (a renamed tag
    shows its new name), so a keystroke costs no query."""
    from search import reference

    if not counts:
        return []
    names = reference.get().tags
    out = []
    for slug, count in counts.items():
        name = names.get(slug)
        if name is not None and any(term.startswith(word) for term in analysis.prefix_terms(name)):
            out.append((count, name, slug))
    out.sort(key=lambda item: (-item[0], item[1].casefold()))
    return [{"text": name, "kind": "tag", "value": slug, "url": f"/suche/?tag={slug}"} for _count, name, slug in out]
