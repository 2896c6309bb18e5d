"""Guides (Leitfäden): knowledge transfer in ordered steps, and how far each town has come.

A guide is a knowledge page like the others (search, feeds and exports read it through the
registry), filed below the town page of the town that wrote it or, for the agency's own guides,
of the town that hosts the learning path. Its steps are a StreamField, so that search reads
them from the stored JSON and every step keeps a stable block id: `GuideStepCompletion`
remembers per municipality which step ids are done.

Only curators publish guides: the page's permission tester asks for `wiki.publish_guide`,
which only the curator group holds (wiki/permissions.py), whatever page permissions a group
has on the town page.
"""

from django.conf import settings
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.models.pages import PagePermissionTester
from wagtail.search import index

from wiki import page_types
from wiki.models.pages import RICH_FEATURES, KnowledgePage, _taxonomy_panels, public_pages

Audience = models.TextChoices("Audience", [(code.upper(), (code, label)) for code, label in page_types.AUDIENCES])
AuthorKind = models.TextChoices(
    "AuthorKind", [(code.upper(), (code, label)) for code, label in page_types.AUTHOR_KINDS]
)
PUBLISH_PERMISSION = "wiki.publish_guide"
LINKABLE_TYPES = ["wiki.CaseStudyPage", "wiki.LessonPage", "wiki.TemplatePage"]


class GuideStepBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Überschrift", max_length=200)
    text = blocks.TextBlock(label="Kurzer Text", required=False)
    links = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=LINKABLE_TYPES, label="Seite"),
        label="Beispiele aus der Praxis (Fallstudien, Erfahrungen, Vorlagen)",
        default=[],
    )

    class Meta:
        label = "Schritt"
        icon = "list-ol"


class GuidePermissionTester(PagePermissionTester):
    """Publishing a guide needs the curators' permission, not only page permissions."""

    def _may_publish_guides(self):
        return self.user.is_active and self.user.has_perm(PUBLISH_PERMISSION)

    def can_publish(self):
        return self._may_publish_guides() and super().can_publish()

    def can_publish_subpage(self):
        return False


class GuidePage(KnowledgePage):
    PAGE_TYPE = page_types.GUIDE
    TYPE_CODE = PAGE_TYPE.code

    audience = models.CharField("Zielgruppe", max_length=20, choices=Audience.choices, default=Audience.BEGINNERS)
    intro = RichTextField("Einleitung", blank=True, features=RICH_FEATURES)
    steps = StreamField([("step", GuideStepBlock())], verbose_name="Schritte", blank=True)
    effort = models.CharField(
        "Geschätzter Aufwand", max_length=200, blank=True, help_text="z. B. „drei Monate, ein Tag pro Woche“"
    )
    author_kind = models.CharField("Verfasst von", max_length=10, choices=AuthorKind.choices, default=AuthorKind.AGENCY)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("effort"), FieldPanel("author_kind"), *_taxonomy_panels()],
            heading="Einordnung",
        ),
        FieldPanel("intro"),
        FieldPanel("steps"),
    ]
    search_fields = KnowledgePage.search_fields + [index.SearchField("intro")]
    is_creatable = True
    template = "wiki/guide_page.html"

    class Meta:
        verbose_name = page_types.GUIDE.label
        verbose_name_plural = page_types.GUIDE.label_plural
        permissions = [("publish_guide", "Darf Leitfäden veröffentlichen")]

    def permissions_for_user(self, user):
        return GuidePermissionTester(user, self)

    @property
    def author_label(self):
        if self.author_kind == AuthorKind.TOWN:
            return self.municipality.name
        return self.get_author_kind_display()

    def step_list(self):
        """[(step id, heading, text, public linked pages)] in order; links to drafts or
        restricted pages are left out."""
        wanted = {}
        for block in self.steps:
            for linked in block.value.get("links") or []:
                if linked is not None:
                    wanted[linked.pk] = None
        public = {
            page.pk: page.specific
            for page in public_pages(KnowledgePage.objects.filter(pk__in=list(wanted))).select_related("municipality")
        }
        steps = []
        for block in self.steps:
            links = [public[p.pk] for p in (block.value.get("links") or []) if p is not None and p.pk in public]
            steps.append(
                {"id": block.id, "heading": block.value.get("heading"), "text": block.value.get("text"), "links": links}
            )
        return steps

    def step_ids(self):
        return [block.id for block in self.steps]

    def done_step_ids(self, municipality):
        if municipality is None:
            return set()
        return set(
            GuideStepCompletion.objects.filter(
                guide=self, municipality=municipality, step_id__in=self.step_ids()
            ).values_list("step_id", flat=True)
        )


class GuideStepCompletion(models.Model):
    """One step of one guide that one municipality has done."""

    guide = models.ForeignKey(GuidePage, verbose_name="Leitfaden", on_delete=models.CASCADE, related_name="completions")
    step_id = models.CharField("Schritt", max_length=64)
    municipality = models.ForeignKey(
        "wiki.Municipality", verbose_name="Kommune", on_delete=models.CASCADE, related_name="guide_completions"
    )
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Erledigt von",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_at = models.DateTimeField("Erledigt am", auto_now_add=True)

    class Meta:
        verbose_name = "Erledigter Schritt"
        verbose_name_plural = "Erledigte Schritte"
        constraints = [
            models.UniqueConstraint(fields=["guide", "step_id", "municipality"], name="wiki_guide_step_once_per_town")
        ]


__all__ = ["Audience", "AuthorKind", "GuidePage", "GuideStepBlock", "GuideStepCompletion"]
