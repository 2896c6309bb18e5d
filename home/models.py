from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

# The legal pages (home/legal.py) and the accessibility feedback (home/feedback.py) live in
# their own modules; importing them here registers their models with the app.
from home.feedback import AccessibilityFeedback  # noqa: F401
from home.legal import AccessibilityStatementPage, EasyLanguagePage, ImprintPage, PrivacyPage  # noqa: F401


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
