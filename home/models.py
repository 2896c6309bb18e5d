from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """Start page of the site: explains the wiki and leads into search and the towns."""

    intro = RichTextField("Einleitung", blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "wiki.MunicipalityIndexPage",
        "home.ImprintPage",
        "home.PrivacyPage",
        "home.AccessibilityStatementPage",
        "home.EasyLanguagePage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from home.start_page import start_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(start_page_context())
        return context

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"


# The legal pages and the accessibility feedback live in their own module (home/legal.py).
from home.legal import (  # noqa: E402,F401
    AccessibilityFeedback,
    AccessibilityStatementPage,
    EasyLanguagePage,
    ImprintPage,
    PrivacyPage,
)
