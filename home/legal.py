"""Legal and accessibility pages: Impressum, Datenschutzerklärung, Erklärung zur
Barrierefreiheit (BITV NRW, with the feedback form) and a page in Leichte Sprache.

Each type exists once, directly below the start page; setup_site creates them with starter
text (wiki/site_setup.py) and curators edit them like any other page. The footer finds them
through `legal_links()` (home/templatetags/legal_tags.py).
"""

from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.feedback import FeedbackForm, store_feedback

LEGAL_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class LegalPage(Page):
    """A text page of the site's legal corner (abstract: one concrete type per page)."""

    body = RichTextField("Text", features=LEGAL_FEATURES)
    updated_on = models.DateField("Stand", null=True, blank=True, help_text="Erscheint unter dem Text.")

    content_panels = Page.content_panels + [FieldPanel("body"), FieldPanel("updated_on")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list = []
    max_count = 1

    class Meta:
        abstract = True


# Wagtail derives a template name per class, so each concrete type names its own.
class ImprintPage(LegalPage):
    FOOTER_LABEL = "Impressum"
    template = "home/legal/legal_page.html"

    class Meta:
        verbose_name = "Impressum"
        verbose_name_plural = "Impressum"


class PrivacyPage(LegalPage):
    FOOTER_LABEL = "Datenschutz"
    template = "home/legal/legal_page.html"

    class Meta:
        verbose_name = "Datenschutzerklärung"
        verbose_name_plural = "Datenschutzerklärungen"


class EasyLanguagePage(LegalPage):
    FOOTER_LABEL = "Leichte Sprache"
    template = "home/legal/easy_language_page.html"

    class Meta:
        verbose_name = "Leichte Sprache"
        verbose_name_plural = "Leichte Sprache"


class ConformanceStatus(models.TextChoices):
    FULL = "full", "vollständig vereinbar"
    PARTIAL = "partial", "teilweise vereinbar"
    NONE = "none", "nicht vereinbar"


class AccessibilityStatementPage(Page):
    """Erklärung zur Barrierefreiheit after BITV NRW: status, what is not accessible and why,
    how to report a barrier (the form below), the enforcement procedure and the date."""

    FOOTER_LABEL = "Barrierefreiheit"

    intro = RichTextField("Einleitung", features=LEGAL_FEATURES)
    conformance = models.CharField(
        "Stand der Vereinbarkeit", max_length=10, choices=ConformanceStatus.choices, default=ConformanceStatus.PARTIAL
    )
    non_accessible = RichTextField(
        "Nicht barrierefreie Inhalte", features=LEGAL_FEATURES, help_text="Was nicht barrierefrei ist und warum."
    )
    feedback_contact = RichTextField(
        "Feedback und Kontakt", features=LEGAL_FEATURES, help_text="Wer Rückmeldungen bearbeitet, mit Anschrift."
    )
    feedback_email = models.EmailField(
        "E-Mail für Rückmeldungen",
        blank=True,
        help_text="Neue Rückmeldungen aus dem Formular werden zusätzlich an diese Adresse gemeldet.",
    )
    enforcement = RichTextField("Durchsetzungsverfahren", features=LEGAL_FEATURES)
    prepared_on = models.DateField("Erstellt am")
    reviewed_on = models.DateField("Zuletzt überprüft am", null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("conformance"),
        FieldPanel("non_accessible"),
        MultiFieldPanel([FieldPanel("feedback_contact"), FieldPanel("feedback_email")], heading="Feedback"),
        FieldPanel("enforcement"),
        MultiFieldPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")], heading="Datum"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list = []
    max_count = 1
    template = "home/legal/accessibility_statement_page.html"

    class Meta:
        verbose_name = "Erklärung zur Barrierefreiheit"
        verbose_name_plural = "Erklärungen zur Barrierefreiheit"

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = FeedbackForm(request.POST)
            if form.is_valid():
                store_feedback(form, page=self, request=request)
                # Post/redirect/get: a reload of the thank-you page never sends twice.
                return redirect(f"{self.get_url(request)}?gesendet=1#rueckmeldung")
            status = 400
        else:
            form = FeedbackForm()
            status = 200
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, sent=request.GET.get("gesendet") == "1")
        return TemplateResponse(request, self.get_template(request), context, status=status)


LEGAL_PAGE_TYPES = [ImprintPage, PrivacyPage, AccessibilityStatementPage, EasyLanguagePage]


def legal_links(request=None):
    """(label, url) of the live legal pages in footer order; missing ones are left out."""
    from django.contrib.contenttypes.models import ContentType

    order = {
        ContentType.objects.get_for_model(model).pk: (i, model.FOOTER_LABEL) for i, model in enumerate(LEGAL_PAGE_TYPES)
    }
    pages = Page.objects.live().public().filter(content_type_id__in=order)
    links = sorted(((order[p.content_type_id], p.get_url(request)) for p in pages), key=lambda item: item[0][0])
    return [(label, url) for (_, label), url in links if url]


def legal_page_urls():
    """Page title → URL of every live legal page (the browser suite visits them all)."""
    return {label: url for label, url in legal_links()}
