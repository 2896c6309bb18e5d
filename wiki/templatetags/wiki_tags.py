"""Template helpers for knowledge pages: readable download names and format labels."""

import re

from django import template
from django.template.defaultfilters import filesizeformat

from wiki.slugs import german_slug

register = template.Library()

FORMAT_LABELS = {
    "pdf": "PDF",
    "docx": "Word",
    "odt": "OpenDocument-Text",
    "xlsx": "Excel",
    "ods": "OpenDocument-Tabelle",
    "pptx": "PowerPoint",
    "odp": "OpenDocument-Präsentation",
    "txt": "Text",
    "csv": "CSV",
}
# Stored names may end in a hash or Django's collision suffix ("…-dfa1a483ed", "…_AbC1dE2");
# visitors see and save a name made from the document's title instead.
_SUFFIX_RE = re.compile(r"[-_][0-9a-zA-Z]{7,}$")


@register.filter
def download_name(document):
    """ "Ratsvorlage Radzählstellen (PDF)" -> "ratsvorlage-radzaehlstellen-pdf.pdf"."""
    extension = (document.file_extension or "").lower()
    stem = german_slug(document.title or "")[:80].strip("-")
    if not stem:
        stem = _SUFFIX_RE.sub("", document.filename.rsplit(".", 1)[0]) or "dokument"
    return f"{stem}.{extension}" if extension else stem


@register.filter
def format_and_size(document):
    """ "PDF, 48 KB": the format people know the file by and its size."""
    extension = (document.file_extension or "").lower()
    label = FORMAT_LABELS.get(extension, extension.upper() or "Datei")
    try:
        size = document.get_file_size()
    except (OSError, ValueError):
        size = None
    return f"{label}, {filesizeformat(size)}" if size else label
