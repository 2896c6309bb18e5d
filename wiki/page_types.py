"""The knowledge page types and project phases: one registry, read by the page models
(verbose names, phase choices), by search (type filter, facet labels, the text parts it
indexes), the feed, the templates and the exports. Plain data, importable before Django's
app registry is ready.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageType:
    code: str  # the `type` of search documents, the API and the import/export format
    label: str  # German, singular
    label_plural: str
    # Columns (besides the common ones of every knowledge page) that search reads the text
    # and filter values of this type from, in reading order (see wiki/page_text.py).
    search_fields: tuple


CASE_STUDY = PageType(
    "case_study",
    "Fallstudie",
    "Fallstudien",
    ("phase", "start_year", "end_year", "effort_time", "effort_staff", "effort_cost", "funding_programme",
     "budget", "operator_model", "licence"),
)
LESSON = PageType("lesson", "Erfahrung", "Erfahrungen", ("what_was_tried", "what_happened", "recommendation"))
TEMPLATE = PageType("template", "Vorlage", "Vorlagen", ("template_kind", "description", "licence"))

PAGE_TYPES = {page_type.code: page_type for page_type in (CASE_STUDY, LESSON, TEMPLATE)}
TYPE_LABELS = {code: page_type.label for code, page_type in PAGE_TYPES.items()}

# Project phases of a case study, in their natural order: (code, German label).
PHASES = (
    ("idea", "Idee"),
    ("concept", "Konzept"),
    ("pilot", "Pilot"),
    ("rollout", "Umsetzung"),
    ("operation", "Regelbetrieb"),
    ("completed", "Abgeschlossen"),
)
PHASE_LABELS = dict(PHASES)


def type_label(code):
    return TYPE_LABELS.get(code, code or "")


def phase_label(code):
    return PHASE_LABELS.get(code, code or "")
