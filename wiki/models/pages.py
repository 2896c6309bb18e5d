"""Page types of the knowledge base.

Tree: HomePage → MunicipalityIndexPage ("Kommunen") → MunicipalityPage (one per town) →
CaseStudyPage / LessonPage / TemplatePage. A knowledge page lives under the page of its
municipality, so Wagtail's tree permissions give each town's editors their own pages and
nothing else; `municipality` is copied from the parent on save so that lists, permissions
and search can filter by it without walking the tree.
"""

from collections import OrderedDict

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wiki import page_types
from wiki.blocks import BODY_BLOCKS
from wiki.document_access import public_attachments
from wiki.municipality_context import neighbourhood
from wiki.page_forms import KnowledgePageForm
from wiki.review import CaseStudyPageForm

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


# The phase list lives in the registry (wiki/page_types.py); this is its model form.
Phase = models.TextChoices("Phase", [(code.upper(), (code, label)) for code, label in page_types.PHASES])


class TemplateKind(models.TextChoices):
    COUNCIL_PAPER = "council_paper", "Ratsvorlage"
    TENDER = "tender", "Ausschreibung"
    DATA_PROTECTION = "data_protection", "Datenschutzkonzept"
    CONCEPT_PAPER = "concept_paper", "Konzeptpapier"
    CONTRACT = "contract", "Vertrag"
    OTHER = "other", "Sonstiges"


YEAR_VALIDATORS = [MinValueValidator(1990), MaxValueValidator(2100)]


def public_pages(queryset):
    """What anonymous visitors may see: live and not below a view restriction. Every public
    list, count and export goes through here."""
    return queryset.live().public()


def _ids(manager):
    # Previews render unsaved revisions whose relations are in-memory fake querysets without
    # .live()/.public(); going through primary keys works for both.
    return [obj.pk for obj in manager.all()]


def _taxonomy_panels():
    return [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tag_suggestions"),
    ]


class MunicipalityIndexPage(Page):
    intro = RichTextField("Einleitung", blank=True, features=RICH_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["wiki.MunicipalityPage"]
    max_count = 1
    template = "wiki/municipality_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["districts"] = self.districts()
        return context

    def districts(self):
        """Live town pages grouped by Kreis, each with the number of its public knowledge pages."""
        from django.db.models import Count, Q

        public_ids = public_pages(KnowledgePage.objects.all()).values("pk")
        towns = (
            public_pages(MunicipalityPage.objects.child_of(self))
            .select_related("municipality")
            .annotate(
                knowledge_count=Count(
                    "municipality__knowledge_pages", filter=Q(municipality__knowledge_pages__in=public_ids)
                )
            )
            .order_by("municipality__district_name", "municipality__name")
        )
        grouped = OrderedDict()
        for town in towns:
            key = (town.municipality.district_ags, town.municipality.district_name)
            grouped.setdefault(key, []).append(town)
        return [
            {"ags": ags, "name": name, "towns": towns_of_district} for (ags, name), towns_of_district in grouped.items()
        ]

    class Meta:
        verbose_name = "Kommunenübersicht"
        verbose_name_plural = "Kommunenübersichten"


class MunicipalityPage(Page):
    """Public page of one town: what it has published. Editors of the town work below it."""

    municipality = models.OneToOneField(
        "wiki.Municipality", verbose_name="Kommune", on_delete=models.PROTECT, related_name="page"
    )
    intro = RichTextField("Einleitung", blank=True, features=RICH_FEATURES)

    # Town editors may edit their town page's intro, but never re-point it to another town:
    # that would hand them another town's pages.
    content_panels = Page.content_panels + [
        FieldPanel("municipality", permission="wiki.change_municipality"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["wiki.MunicipalityIndexPage"]
    subpage_types = ["wiki.CaseStudyPage", "wiki.LessonPage", "wiki.TemplatePage", "wiki.GuidePage", "wiki.EventPage"]
    template = "wiki/municipality_page.html"

    def get_context(self, request, *args, **kwargs):
        from wiki.models.municipalities import Municipality

        context = super().get_context(request, *args, **kwargs)
        context.update(self.published_knowledge())
        context.update(
            neighbourhood(
                self.municipality,
                towns=Municipality.objects.all(),
                public_pages=public_pages(KnowledgePage.objects.all()),
                public_town_pages=public_pages(MunicipalityPage.objects.all()),
            )
        )
        return context

    def published_knowledge(self):
        """The town's public case studies, lessons and templates, newest first."""

        def of(model):
            return (
                public_pages(model.objects.filter(municipality_id=self.municipality_id))
                .prefetch_related("topics")
                .order_by("-first_published_at", "title")
            )

        return {
            "case_studies": of(CaseStudyPage),
            "lessons": of(LessonPage),
            "templates": of(TemplatePage),
            "partner_case_studies": public_pages(
                CaseStudyPage.objects.filter(partner_municipalities=self.municipality_id)
            )
            .select_related("municipality")
            .order_by("title"),
        }

    class Meta:
        verbose_name = "Kommunenseite"
        verbose_name_plural = "Kommunenseiten"


class KnowledgePage(Page):
    """Fields every knowledge page shares (multi-table parent, so lists and search can
    query all three types at once)."""

    municipality = models.ForeignKey(
        "wiki.Municipality",
        verbose_name="Kommune",
        on_delete=models.PROTECT,
        related_name="knowledge_pages",
        editable=False,
    )
    summary = models.TextField("Kurzbeschreibung", max_length=600, help_text="Zwei bis drei Sätze, ohne Formatierung.")
    topics = ParentalManyToManyField("wiki.Topic", verbose_name="Handlungsfelder", related_name="pages")
    tags = ParentalManyToManyField("wiki.Tag", verbose_name="Schlagwörter", related_name="pages", blank=True)
    # Case studies, lessons and events offer it in their form (wiki/models/villages.py).
    villages = ParentalManyToManyField(
        "wiki.Village",
        verbose_name="Ortsteile",
        related_name="pages",
        blank=True,
        help_text="Die Ortsteile oder Dörfer Ihrer Kommune, um die es geht.",
    )
    external_id = models.CharField(
        "Externe Kennung",
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text="Kennung aus einer importierten Projektliste; ein erneuter Import aktualisiert diese Seite.",
    )
    is_demo = models.BooleanField("Demo-Inhalt", default=False, editable=False)
    # Editors cannot create tags (the taxonomy belongs to the agency); they name what is
    # missing here and the reviewing curator creates or maps it. Never shown publicly.
    tag_suggestions = models.CharField(
        "Schlagwort-Vorschlag",
        max_length=300,
        blank=True,
        help_text=(
            "Fehlt ein passendes Schlagwort? Schreiben Sie Ihren Vorschlag hierher (mehrere durch Komma "
            "getrennt). Die Redaktion der Agentur legt es bei der Prüfung an und ordnet es zu."
        ),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("municipality"),
    ]
    is_creatable = False
    parent_page_types = ["wiki.MunicipalityPage"]
    subpage_types: list = []
    # Refuses control characters and documents the editor may not choose (wiki/page_forms.py).
    base_form_class = KnowledgePageForm

    class Meta:
        verbose_name = "Wissensseite"
        verbose_name_plural = "Wissensseiten"

    PAGE_TYPE = None  # wiki.page_types entry, set by subclasses
    TYPE_CODE = None  # "case_study" | "lesson" | "template" (PAGE_TYPE.code)

    def save(self, *args, **kwargs):
        # The parent decides the municipality; a page moved to another town changes with it.
        parent = self.get_parent() if self.path else None
        if parent is not None:
            parent_municipality = (
                MunicipalityPage.objects.filter(pk=parent.pk).values_list("municipality_id", flat=True).first()
            )
            if parent_municipality:
                self.municipality_id = parent_municipality
        if not self.municipality_id:
            raise ValidationError("Eine Wissensseite muss unterhalb einer Kommunenseite liegen.")
        super().save(*args, **kwargs)

    @property
    def type_code(self):
        return self.specific_class.TYPE_CODE

    def get_admin_display_title(self):
        # Review lists and the dashboard show which town a page comes from.
        from wiki.models.municipalities import Municipality

        town = Municipality.objects.filter(pk=self.municipality_id).values_list("name", flat=True).first()
        title = super().get_admin_display_title()
        return f"{title} ({town})" if town else title

    @property
    def type_label(self):
        return self.specific_class._meta.verbose_name

    def village_list(self):
        from wiki.models.villages import Village

        return list(Village.objects.filter(pk__in=_ids(self.villages)).order_by("name"))


class CaseStudyPage(KnowledgePage):
    PAGE_TYPE = page_types.CASE_STUDY
    TYPE_CODE = PAGE_TYPE.code

    partner_municipalities = ParentalManyToManyField(
        "wiki.Municipality", verbose_name="Partnerkommunen", blank=True, related_name="partner_case_studies"
    )
    phase = models.CharField("Projektphase", max_length=20, choices=Phase.choices, default=Phase.IDEA)
    for_villages = models.BooleanField(
        "Für Dörfer / ländlichen Raum",
        default=False,
        help_text="Ankreuzen, wenn sich das Projekt besonders für Dörfer und den ländlichen Raum eignet.",
    )
    start_year = models.PositiveSmallIntegerField("Startjahr", null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField("Endjahr", null=True, blank=True, validators=YEAR_VALIDATORS)
    body = StreamField(BODY_BLOCKS, verbose_name="Projektbeschreibung", blank=True)
    effort_time = models.CharField("Aufwand: Dauer", max_length=200, blank=True)
    effort_staff = models.CharField("Aufwand: Personal", max_length=200, blank=True)
    effort_cost = models.CharField("Aufwand: Kosten", max_length=200, blank=True)
    funding_programme = models.CharField("Förderprogramm", max_length=200, blank=True)
    budget = models.CharField("Budget", max_length=200, blank=True)
    operator_model = models.CharField("Betreibermodell", max_length=300, blank=True)
    licence = models.CharField("Lizenz", max_length=200, blank=True)
    source_url = models.URLField("Quellcode oder Projektseite", blank=True)
    contact = models.ForeignKey(
        "wiki.ContactPerson",
        verbose_name="Ansprechperson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    related_case_studies = ParentalManyToManyField(
        "self", verbose_name="Verwandte Fallstudien", blank=True, symmetrical=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                *_taxonomy_panels(),
                FieldPanel("phase"),
                FieldPanel("start_year"),
                FieldPanel("end_year"),
                FieldPanel("partner_municipalities"),
                FieldPanel("villages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("for_villages"),
            ],
            heading="Einordnung",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("effort_time"),
                FieldPanel("effort_staff"),
                FieldPanel("effort_cost"),
                FieldPanel("funding_programme"),
                FieldPanel("budget"),
                FieldPanel("operator_model"),
                FieldPanel("licence"),
                FieldPanel("source_url"),
            ],
            heading="Aufwand, Finanzierung und Betrieb",
        ),
        FieldPanel("contact"),
        FieldPanel("related_case_studies"),
    ]
    search_fields = KnowledgePage.search_fields + [index.SearchField("body")]
    is_creatable = True
    template = "wiki/case_study_page.html"
    base_form_class = CaseStudyPageForm  # submit/publish/approve need the parts of wiki/review.py

    class Meta:
        verbose_name = page_types.CASE_STUDY.label
        verbose_name_plural = page_types.CASE_STUDY.label_plural

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": "Das Endjahr liegt vor dem Startjahr."})

    # Links on the public page must never lead to drafts or restricted pages.
    def public_related_case_studies(self):
        return (
            public_pages(CaseStudyPage.objects.filter(pk__in=_ids(self.related_case_studies)))
            .select_related("municipality")
            .order_by("title")
        )

    def public_lessons(self):
        return public_pages(self.lessons.all()).order_by("title")

    def public_templates(self):
        return public_pages(self.templates.all()).order_by("title")

    def partner_municipality_list(self):
        from wiki.models.municipalities import Municipality

        return Municipality.objects.filter(pk__in=_ids(self.partner_municipalities)).select_related("page")

    @property
    def has_effort_details(self):
        return any(
            getattr(self, name)
            for name in (
                "effort_time",
                "effort_staff",
                "effort_cost",
                "funding_programme",
                "budget",
                "operator_model",
                "licence",
                "source_url",
            )
        )


class LessonPage(KnowledgePage):
    PAGE_TYPE = page_types.LESSON
    TYPE_CODE = PAGE_TYPE.code

    case_study = models.ForeignKey(
        "wiki.CaseStudyPage",
        verbose_name="Zugehörige Fallstudie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
    )
    what_was_tried = RichTextField("Was versucht wurde", blank=True, features=RICH_FEATURES)
    what_happened = RichTextField("Was passiert ist", blank=True, features=RICH_FEATURES)
    recommendation = RichTextField("Empfehlung", blank=True, features=RICH_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("case_study"),
        *_taxonomy_panels(),
        FieldPanel("villages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("what_was_tried"),
        FieldPanel("what_happened"),
        FieldPanel("recommendation"),
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("what_was_tried"),
        index.SearchField("what_happened"),
        index.SearchField("recommendation"),
    ]
    is_creatable = True
    template = "wiki/lesson_page.html"

    def public_case_study(self):
        if self.case_study_id is None:
            return None
        return public_pages(CaseStudyPage.objects.filter(pk=self.case_study_id)).first()

    class Meta:
        verbose_name = page_types.LESSON.label
        verbose_name_plural = page_types.LESSON.label_plural


class TemplatePage(KnowledgePage):
    PAGE_TYPE = page_types.TEMPLATE
    TYPE_CODE = PAGE_TYPE.code

    template_kind = models.CharField(
        "Art der Vorlage", max_length=30, choices=TemplateKind.choices, default=TemplateKind.OTHER
    )
    licence = models.CharField("Lizenz", max_length=200, default="CC BY 4.0")
    description = RichTextField("Beschreibung", blank=True, features=RICH_FEATURES)
    case_studies = ParentalManyToManyField(
        "wiki.CaseStudyPage", verbose_name="Zugehörige Fallstudien", blank=True, related_name="templates"
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("template_kind"),
        FieldPanel("licence"),
        *_taxonomy_panels(),
        FieldPanel("description"),
        InlinePanel("documents", label="Dokumente", min_num=1),
        FieldPanel("case_studies"),
    ]
    search_fields = KnowledgePage.search_fields + [index.SearchField("description")]
    is_creatable = True
    template = "wiki/template_page.html"

    def public_case_studies(self):
        return public_pages(CaseStudyPage.objects.filter(pk__in=_ids(self.case_studies))).order_by("title")

    def document_list(self):
        """The documents anonymous visitors may download: one in a login-restricted collection
        is not even named on the public page (its title can say what it holds)."""
        return public_attachments(item.document for item in self.documents.all())

    class Meta:
        verbose_name = page_types.TEMPLATE.label
        verbose_name_plural = page_types.TEMPLATE.label_plural


class TemplatePageDocument(Orderable):
    page = ParentalKey("wiki.TemplatePage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wiki.KnowledgeDocument", verbose_name="Dokument", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Dokument der Vorlage"
        verbose_name_plural = "Dokumente der Vorlage"
