"""Snippets: the passage of a hit that shows why it matched, matches in <mark>…</mark>.

Both backends build their snippets here from the stored document (no engine highlighter), so a
hit looks the same whichever backend found it.
"""

from __future__ import annotations

import bisect
import html
import re

from .queries import QueryAnalysis
from .terms import analyze_word
from .text import SPACE_RE, TOKEN_RE, Token, bounded_cache, fold

ELLIPSIS = "…"
SNIPPET_CHARS = 240
# Long texts are not analysed whole for a snippet (a 20,000-character body costs tens of
# milliseconds per hit): windows of this size are pre-screened with plain substring tests.
SNIPPET_WINDOW = 300


def snippet_for(document, parsed, max_chars=SNIPPET_CHARS):
    """The passage that shows why a page matched: body first, then summary, then the text of
    template documents; without a match the start of the summary. Same for both backends."""
    if parsed:
        for name in ("body", "summary", "document_text"):
            text = document.get(name)
            if text:
                cut = _long_snippet(text, parsed, max_chars)
                if "<mark>" in cut:
                    return cut
    fallback = document.get("summary") or document.get("body") or ""
    return snippet(fallback[: SNIPPET_WINDOW * 2], parsed, max_chars) if fallback else ""


_FOLDED_PAIRS = re.compile("ae|oe|ue|ss")
_UNFOLD = {"ae": "(?:ae|ä)", "oe": "(?:oe|ö)", "ue": "(?:ue|ü)", "ss": "(?:ss|ß)"}


def _screen(terms):
    """A regex that finds the folded terms in lower-cased (unfolded) text: "strass" also
    matches "straß". Cheaper than folding a long text in Python."""
    patterns = []
    for term in sorted(terms, key=len, reverse=True):
        pieces, last = [], 0
        for m in _FOLDED_PAIRS.finditer(term):
            pieces.append(re.escape(term[last : m.start()]))
            pieces.append(_UNFOLD[m.group()])
            last = m.end()
        pieces.append(re.escape(term[last:]))
        patterns.append("".join(pieces))
    return re.compile("|".join(patterns)) if patterns else None


def _long_snippet(text, parsed, max_chars):
    """`snippet` on the most promising window of a long text.

    Stems are mostly prefixes of the words they come from ("beleucht" in
    "Straßenbeleuchtung"), so the window around the most distinct term occurrences (found by
    one regex scan) is analysed. Without any occurrence the long text is skipped (rarely a
    stem is not a substring, e.g. "stadt" in "Städte"; the summary is tried next)."""
    span = SNIPPET_WINDOW * 2
    if len(text) <= span:
        return snippet(text, parsed, max_chars)
    screen = _screen([t for t in parsed.highlight_terms() if len(t) >= 3])
    matches = []
    if screen is not None:
        for m in screen.finditer(text.lower()):
            matches.append((m.start(), m.group()))
            if len(matches) >= 40:
                break
    if not matches:
        return ""  # nothing to mark here; the caller tries the next field
    best_start, best_count = 0, 0
    for anchor, _ in matches[:12]:  # the best passage starts near one of the first matches
        start = max(0, anchor - max_chars // 4)
        count = len({word for pos, word in matches if start <= pos < start + span})
        if count > best_count:
            best_start, best_count = start, count
    if best_start:
        # begin at a word boundary so that no word is cut
        space = text.find(" ", best_start)
        best_start = space + 1 if 0 <= space < best_start + 60 else best_start
    # A little more than one snippet: `snippet` still picks the best cut inside it.
    window = text[best_start : best_start + max_chars + 120]
    cut = snippet(window, parsed, max_chars)
    if best_start and not cut.startswith(ELLIPSIS):
        cut = ELLIPSIS + " " + cut
    if best_start + len(window) < len(text) and not cut.endswith(ELLIPSIS):
        cut = cut + " " + ELLIPSIS
    return cut


@bounded_cache
def _token_terms(surface: str) -> frozenset[str]:
    """Every form a text word can be matched by (cached: snippets of every hit ask for the
    same few thousand words of the corpus again and again)."""
    word = analyze_word(surface)
    if word is None:
        return frozenset()
    if word.is_acronym:
        return frozenset((*word.terms, *word.parts))
    return frozenset((*word.terms, *word.parts, fold(surface).replace("-", "")))


def _matcher(analysis: QueryAnalysis) -> tuple[str | None, set[str], set[str], dict[str, float]]:
    """(prefix, main terms, other terms, word -> weight memo) for `snippet`, made once per
    query: the ten hits of a result page share most of their words, so each distinct word
    is weighed once per search (the memo is dropped when the prefix is changed)."""
    prefix = analysis.prefix if analysis.prefix and len(analysis.prefix) >= 4 else None
    cached = analysis.memo.get("snippet")
    if cached is None or cached[0] != prefix:
        main = {t for g in analysis.groups for t in g.terms}
        cached = analysis.memo["snippet"] = (prefix, main, analysis.highlight_terms() - main, {})
    return cached


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


def snippet(text: str | None, analysis: QueryAnalysis | None, max_chars: int = SNIPPET_CHARS) -> str:
    """HTML-escaped excerpt around the best-matching passage, matches in <mark>…</mark>.

    Matches on stems, compound parts and synonyms ("Städte" marks "Stadt"). Without a match
    the excerpt is the start of the text. Only <mark> is markup; everything else is escaped.
    """
    text = SPACE_RE.sub(" ", text or "").strip()
    if not text:
        return ""
    matches: list[tuple[Token, float]] = []
    if analysis:
        prefix, main, other, weights = _matcher(analysis)
        for m in TOKEN_RE.finditer(text):
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
