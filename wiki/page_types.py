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
    (
        "phase",
        "start_year",
        "end_year",
        "effort_time",
        "effort_staff",
        "effort_cost",
        "funding_programme",
        "budget",
        "operator_model",
        "licence",
        "for_villages",
    ),
)
LESSON = PageType("lesson", "Erfahrung", "Erfahrungen", ("what_was_tried", "what_happened", "recommendation"))
TEMPLATE = PageType("template", "Vorlage", "Vorlagen", ("template_kind", "description", "licence"))
# Steps and programme are StreamFields: search reads their stored JSON (search/documents.py).
GUIDE = PageType("guide", "Leitfaden", "Leitfäden", ("audience", "intro", "steps", "effort", "author_kind"))
EVENT = PageType(
    "event",
    "Veranstaltung",
    "Veranstaltungen",
    ("event_kind", "starts_at", "ends_at", "online", "address", "description", "programme"),
)

PAGE_TYPES = {page_type.code: page_type for page_type in (CASE_STUDY, LESSON, TEMPLATE, GUIDE, EVENT)}
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

# Who a guide is written for, and who wrote it: (code, German label).
AUDIENCES = (
    ("beginners", "Kommunen am Anfang"),
    ("leadership", "Verwaltungsspitze"),
    ("it_management", "IT-Leitung"),
    ("project_teams", "Projektteams"),
)
AUDIENCE_LABELS = dict(AUDIENCES)
AUTHOR_KINDS = (("agency", "Südwestfalen Agentur"), ("town", "Kommune"))
AUTHOR_KIND_LABELS = dict(AUTHOR_KINDS)

# Kinds of event of the model region: (code, German label).
EVENT_KINDS = (
    ("conference", "Konferenz"),
    ("school", "Schule"),
    ("workshop", "Workshop"),
    ("webinar", "Webinar"),
    ("site_visit", "Vor-Ort-Besuch"),
)
EVENT_KIND_LABELS = dict(EVENT_KINDS)


def type_label(code):
    return TYPE_LABELS.get(code, code or "")


def phase_label(code):
    return PHASE_LABELS.get(code, code or "")
