from .documents import KnowledgeDocument
from .events import EventKind, EventPage, EventPageDocument
from .guides import Audience, AuthorKind, GuidePage, GuideStepCompletion
from .municipalities import Municipality, SizeClass
from .pages import (
    CaseStudyPage,
    KnowledgePage,
    LessonPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    Phase,
    TemplateKind,
    TemplatePage,
    TemplatePageDocument,
)
from .review_task import ReviewApprovalTask
from .snippets import ContactPerson
from .taxonomy import Tag, Topic
from .villages import Village

__all__ = [
    "Audience",
    "AuthorKind",
    "EventKind",
    "EventPage",
    "EventPageDocument",
    "GuidePage",
    "GuideStepCompletion",
    "CaseStudyPage",
    "ContactPerson",
    "KnowledgeDocument",
    "KnowledgePage",
    "LessonPage",
    "Municipality",
    "MunicipalityIndexPage",
    "MunicipalityPage",
    "Phase",
    "ReviewApprovalTask",
    "SizeClass",
    "Tag",
    "TemplateKind",
    "TemplatePage",
    "TemplatePageDocument",
    "Topic",
    "Village",
]

# Deletions of taxonomy rows must reach search too; the receivers live with the models.
from . import receivers  # noqa: E402,F401
