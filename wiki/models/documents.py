from django.db import models
from wagtail.documents.models import AbstractDocument, Document


class KnowledgeDocument(AbstractDocument):
    """A Wagtail document that also keeps its extracted text, so that a search for a phrase
    inside a council paper finds the template page it belongs to."""

    extracted_text = models.TextField("Extrahierter Text", blank=True, editable=False)
    extraction_error = models.CharField("Problem bei der Textextraktion", max_length=500, blank=True, editable=False)
    extracted_at = models.DateTimeField("Text extrahiert am", null=True, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = "Dokument"
        verbose_name_plural = "Dokumente"
