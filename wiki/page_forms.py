"""The admin form of every knowledge page: what the server refuses even if the browser sent it.

- Control characters (ESC, NUL, BEL …; everything below U+0020 except tab and line breaks,
  and DEL) in any text field are refused with a German message naming the field. Refused,
  not silently stripped: they only arrive by pasting from odd sources, and an editor should
  see that the text is not what it looks like (a stripped title may silently change meaning).
  They would otherwise break outputs later (the Atom feed answered 500; PostgreSQL refuses NUL).
- A document attached to a template page must be one the editor may choose in Wagtail's
  document chooser (wiki/document_access.py); a forged id of another town's or a private
  collection's document is refused, so a curator's approval can never publish it by accident.
"""

import re

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from wiki.document_access import documents_visible_to

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_MESSAGE = (
    "Der Text enthält unsichtbare Steuerzeichen (z. B. aus einer kopierten Vorlage). "
    "Bitte tippen Sie die betroffene Stelle neu ein."
)
DOCUMENT_MESSAGE = (
    "Dieses Dokument dürfen Sie nicht auswählen (es gehört zu einer Sammlung, auf die Sie keinen Zugriff haben). "
    "Bitte wählen Sie ein Dokument über die Dokumentauswahl."
)


def has_control_characters(value):
    return isinstance(value, str) and bool(CONTROL_CHARACTERS.search(value))


class KnowledgePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "villages" in self.fields:
            # Only the villages of the page's own town (the town page it lives below). The
            # models come from the field and the parent page: the page models import this form.
            parent = getattr(self.parent_page, "specific", None)
            municipality_id = getattr(parent, "municipality_id", None)
            villages = self.fields["villages"].queryset.model.objects
            self.fields["villages"].queryset = villages.filter(municipality_id=municipality_id).order_by("name")

    def clean(self):
        cleaned_data = super().clean()
        for name, value in list(cleaned_data.items()):
            if has_control_characters(value):
                self.add_error(name, ValidationError(CONTROL_MESSAGE, code="control_characters"))
        return cleaned_data

    def is_valid(self):
        # The document formset is cleaned after the page form's clean(); check it afterwards.
        valid = super().is_valid()
        return self._documents_allowed() and valid

    def _documents_allowed(self):
        formset = getattr(self, "formsets", {}).get("documents")
        if formset is None:
            return True
        allowed, ok = None, True
        for form in formset.forms:
            document = getattr(form, "cleaned_data", {}).get("document")
            if document is None or form.cleaned_data.get("DELETE"):
                continue
            if allowed is None:
                allowed = set(documents_visible_to(self.for_user).values_list("pk", flat=True))
            if document.pk not in allowed and not self._already_attached(formset.model, document):
                form.add_error("document", ValidationError(DOCUMENT_MESSAGE, code="document_not_allowed"))
                ok = False
        return ok

    def _already_attached(self, link_model, document):
        # A document a curator attached earlier stays; the editor may keep but not add it.
        # The link model comes from the formset, so this form imports no model.
        if not self.instance.pk:
            return False
        return link_model.objects.filter(page_id=self.instance.pk, document_id=document.pk).exists()
