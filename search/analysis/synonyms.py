"""Synonyms: groups of equivalent phrases (curated on tags), matched on main terms.

Expanded at query time only, so a curator's change needs no reindex.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .terms import analyze_word
from .text import HYPHEN_SPLIT, tokenize


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The main terms of a phrase, as matched against query words."""
    key: list[str] = []
    for token in tokenize(phrase):
        word = analyze_word(token.surface)
        if word is not None:
            key.extend(word.terms)
    return tuple(key)


def piece_key(phrase: str) -> tuple[str, ...] | None:
    """For a phrase with hyphenated words, the key of its pieces written apart
    ("On-Demand-Verkehr" → on demand verkehr), so that "On Demand Verkehr" meets it; None when
    the phrase has no hyphen or a piece is no word of its own ("E-Mobilität": "E")."""
    key: list[str] = []
    split = False
    for token in tokenize(phrase):
        pieces = [p for p in HYPHEN_SPLIT.split(token.surface) if p]
        split = split or len(pieces) > 1
        for piece in pieces:
            word = analyze_word(piece)
            if word is None:
                return None
            key.extend(word.terms)
    return tuple(key) if split else None


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
        keys = []
        for group in groups:
            phrases = list(group)
            keys.append([phrase_key(p) for p in phrases] + [k for k in map(piece_key, phrases) if k])
        return cls(keys)

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
