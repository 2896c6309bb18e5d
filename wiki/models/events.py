"""Events (Veranstaltungen) of the model region and their material.

An event is a knowledge page filed below its host town (the place; `online` for events
without one). Its programme is a StreamField of time slots, so search reads it from the
stored JSON; its material (slides, minutes, results) are documents whose extracted text is
indexed like that of template documents. Times are stored aware and shown in Europe/Berlin
(the site's TIME_ZONE).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wiki import page_types
from wiki.document_access import public_attachments
from wiki.models.pages import RICH_FEATURES, CaseStudyPage, KnowledgePage, _taxonomy_panels, public_pages

EventKind = models.TextChoices("EventKind", [(code.upper(), (code, label)) for code, label in page_types.EVENT_KINDS])


class ProgrammeSlotBlock(blocks.StructBlock):
    start = blocks.TimeBlock(label="Beginn")
    end = blocks.TimeBlock(label="Ende", required=False)
    title = blocks.CharBlock(label="Programmpunkt", max_length=200)
    speaker = blocks.CharBlock(label="Referentin oder Referent", max_length=200, required=False)
    case_studies = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=["wiki.CaseStudyPage"], label="Fallstudie"),
        label="Vorgestellte Fallstudien",
        default=[],
    )

    class Meta:
        label = "Programmpunkt"
        icon = "time"


class EventPage(KnowledgePage):
    PAGE_TYPE = page_types.EVENT
    TYPE_CODE = PAGE_TYPE.code

    event_kind = models.CharField(
        "Art der Veranstaltung", max_length=20, choices=EventKind.choices, default=EventKind.WORKSHOP
    )
    starts_at = models.DateTimeField("Beginn")
    ends_at = models.DateTimeField("Ende")
    online = models.BooleanField("Online-Veranstaltung", default=False)
    address = models.CharField(
        "Adresse", max_length=300, blank=True, help_text="Ort in der Kommune, z. B. Rathaus, Saal 1"
    )
    description = RichTextField("Beschreibung", blank=True, features=RICH_FEATURES)
    programme = StreamField([("slot", ProgrammeSlotBlock())], verbose_name="Programm", blank=True)
    recording_url = models.URLField("Aufzeichnung", blank=True)
    registration_url = models.URLField("Anmeldung", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("event_kind"),
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("online"),
                FieldPanel("address"),
                FieldPanel("villages", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Wann und wo",
        ),
        *_taxonomy_panels(),
        FieldPanel("description"),
        FieldPanel("programme"),
        InlinePanel("documents", label="Material (Folien, Protokolle, Ergebnisse)"),
        MultiFieldPanel([FieldPanel("registration_url"), FieldPanel("recording_url")], heading="Links"),
    ]
    search_fields = KnowledgePage.search_fields + [index.SearchField("description")]
    is_creatable = True
    template = "wiki/event_page.html"

    class Meta:
        verbose_name = page_types.EVENT.label
        verbose_name_plural = page_types.EVENT.label_plural

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": "Das Ende liegt vor dem Beginn."})
        if not self.online and not self.address:
            raise ValidationError({"address": "Bitte eine Adresse angeben oder „Online-Veranstaltung“ ankreuzen."})

    @property
    def is_upcoming(self):
        return self.ends_at >= timezone.now()

    def document_list(self):
        """The documents anonymous visitors may download: one in a login-restricted collection
        is not even named on the public page (its title can say what it holds)."""
        return public_attachments(item.document for item in self.documents.all())

    def slot_list(self):
        """Programme slots with only the public case studies they link."""
        wanted = [cs.pk for block in self.programme for cs in (block.value.get("case_studies") or []) if cs is not None]
        public = {
            page.pk: page
            for page in public_pages(CaseStudyPage.objects.filter(pk__in=wanted)).select_related("municipality")
        }
        return [
            {
                "start": block.value.get("start"),
                "end": block.value.get("end"),
                "title": block.value.get("title"),
                "speaker": block.value.get("speaker"),
                "case_studies": [
                    public[cs.pk] for cs in block.value.get("case_studies") or [] if cs is not None and cs.pk in public
                ],
            }
            for block in self.programme
        ]


class EventPageDocument(Orderable):
    page = ParentalKey("wiki.EventPage", on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wiki.KnowledgeDocument", verbose_name="Dokument", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "Material der Veranstaltung"
        verbose_name_plural = "Material der Veranstaltung"


def upcoming_events(queryset=None):
    queryset = queryset if queryset is not None else EventPage.objects.all()
    return (
        public_pages(queryset)
        .filter(ends_at__gte=timezone.now())
        .select_related("municipality")
        .order_by("starts_at", "pk")
    )


def past_events(queryset=None):
    queryset = queryset if queryset is not None else EventPage.objects.all()
    return (
        public_pages(queryset)
        .filter(ends_at__lt=timezone.now())
        .select_related("municipality")
        .order_by("-starts_at", "-pk")
    )


__all__ = ["EventKind", "EventPage", "EventPageDocument", "ProgrammeSlotBlock", "past_events", "upcoming_events"]
