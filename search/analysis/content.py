"""Which words of a typed query carry its content, and which page type a word hints at.

A clerk types "welche Kommune hat schon einen Chatbot im Bürgerbüro" or "Erfahrungen mit
Ladesäulen am Rathaus". Stop words ("hat", "einen", "im", "mit") are dropped by the word
analysis already; what is left of the question ("Kommune", "schon", "Erfahrungen") is not what
the clerk looks for. Such words are marked as non-content: backends neither require them nor
let them dilute the score. A word that hints at a page type ("Vorlage", "Erfahrung",
"Beispiel") raises that type's pages; it stays an ordinary content word unless it only frames
the question ("Erfahrungen mit …", "Beispiele für …").

Works on folded words (see text.fold), so "für"/"fuer" and "Städte"/"Staedte" are alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from .terms import stem
from .text import fold

# Question words, modal filler and politeness: never what is searched for. Folded.
FILLER_WORDS = frozenset(
    fold(w)
    for w in """
    schon bereits eigentlich gerne gern bitte mal denn irgendwo irgendwie irgendwer jemand wer
    warum wieso weshalb womit wofür wozu woran wobei wodurch wohin woher welch welcher welches
    welchen welchem welche überhaupt konkret genau möglich möglichst kennt kennen kenne suche
    suchen sucht finde finden findet brauche brauchen braucht benötigen benötige infos
    informationen tipps hinweise ideen gute guten gutes beste besten sinnvoll bringt bringen
    lohnt klappt funktioniert gemacht machen macht gibt gib es
    """.split()
)
# Generic place nouns are filler when a question word, a possessive or "andere" leads them:
# "welche Kommune", "unsere Gemeinde", "andere Städte" (but "Digitale Stadt" is content).
GENERIC_PLACES = frozenset(
    fold(w) for w in "kommune kommunen stadt städte gemeinde gemeinden ort orte verwaltung verwaltungen".split()
)
PLACE_LEADS = frozenset(
    fold(w)
    for w in """
    welche welcher welches welchen welchem unsere unserer unserem unseren unser andere anderer
    anderen anderem meine meiner unsre eine einer einen einem keine
    """.split()
)
# A type-hint word directly followed by one of these only frames the question.
FRAMING_PREPOSITIONS = frozenset(fold(w) for w in "mit für zu zum zur von aus über bei im in".split())

# Words that hint at a page type, by stem (the main term or a compound part of a query word).
# The wiki has three types; a "Leitfaden" or a "Checkliste" is a reusable working document,
# so it hints at templates.
_TYPE_HINT_WORDS = {
    "template": "Vorlage Vorlagen Muster Mustervorlage Ausschreibung Ausschreibungen Formular "
    "Satzung Leitfaden Leitfäden Checkliste Handreichung Anleitung Beschlussvorlage",
    "lesson": "Erfahrung Erfahrungen Erfahrungsbericht Lehren gelernt Fehler Stolpersteine",
    "case_study": "Beispiel Beispiele Praxisbeispiel Projekt Projekte Fallstudie Umsetzung",
}
TYPE_HINTS = {stem(word): code for code, words in _TYPE_HINT_WORDS.items() for word in words.split()}


def type_hint(terms: Sequence[str], parts: Sequence[str] = ()) -> str | None:
    """The page type a query word hints at (by its stem, else by a compound part:
    "Musterantrag" → template), or None."""
    for term in (*terms, *parts):
        code = TYPE_HINTS.get(term)
        if code:
            return code
    return None


def non_content(folded: Sequence[str], hints: Sequence[str | None]) -> set[int]:
    """Positions of the words that are not content, given all words of the query (folded,
    stop words included) and each word's type hint. If nothing would be left, nothing is
    marked: a query of filler only ("Tipps") is searched as typed."""
    marked: set[int] = set()
    for i, word in enumerate(folded):
        following = folded[i + 1] if i + 1 < len(folded) else None
        if word in FILLER_WORDS:
            marked.add(i)
        elif word in GENERIC_PLACES and i > 0 and (folded[i - 1] in PLACE_LEADS or (i - 1) in marked):
            marked.add(i)
        elif hints[i] and following in FRAMING_PREPOSITIONS:
            marked.add(i)  # "Erfahrungen mit", "Beispiele für", "Vorlage zur"
    return marked
