"""The one table of ranking weights and signals that both backends import, so that a page
ranks alike whether Elasticsearch or the database answers (tests/search/test_relevance.py
measures both against the same judgements).

Fields: title 3, summary 2, topics/tags 2, body 1, places 0.8, template documents 0.6.
Forms of a query word: stems 1.0, curated synonyms 0.8, typo variants 0.5, compound parts 0.45.
"""

FIELD_WEIGHTS = {"title": 3.0, "summary": 2.0, "meta": 2.0, "body": 1.0, "place": 0.8, "document": 0.6}
TERM_WEIGHT = 1.0
SYNONYM_WEIGHT = 0.8
TYPO_WEIGHT = 0.5
PART_WEIGHT = 0.45
MAX_TYPO_VARIANTS = 20  # variants one misspelt word may expand to
# near: multiplier 1 + NEAR_BOOST * 0.5^((d / NEAR_SCALE_KM)^2), i.e. half the boost left at
# NEAR_SCALE_KM (Elasticsearch's function_score "gauss" with decay 0.5).
NEAR_BOOST = 0.5
NEAR_SCALE_KM = 25.0
# recency: multiplier 1 + RECENCY_BOOST * 0.5^(age / half-life): mild, never beats a better match.
RECENCY_BOOST = 0.1
RECENCY_HALF_LIFE_DAYS = 365.0
# Partial matching (search.analysis.required_matches decides which pages qualify):
# a word the query hints a type with ("Vorlage", "Erfahrungen") raises pages of that type by
# this factor without filtering out the others.
TYPE_HINT_BOOST = 0.3
# Proximity: a page whose text holds the query's content words next to each other (in order,
# a few words apart at most) gets this much on top of its per-word scores, per adjacent pair.
PROXIMITY_WEIGHT = 0.5
PROXIMITY_SLOP = 3
