"""Objects an import record refers to by name: towns, topics, tags, case studies, contact
persons and documents. Each lookup raises LineError with a German reason."""

import hashlib
import re
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.models import Collection

from wiki.imports.fields import LineError
from wiki.models import CaseStudyPage, ContactPerson, KnowledgeDocument, KnowledgePage, MunicipalityPage, Tag, Topic
from wiki.permissions import find_municipality
from wiki.slugs import german_slug

# Pages created in the admin have no external id; exports name them by their Wagtail
# translation key, which is random per page and so cannot hit a page of another installation.
GENERATED_ID = re.compile(r"^tw:([0-9a-f-]{36})$")
DOCUMENT_EXTENSIONS = {"pdf", "docx", "doc", "odt", "ods", "xlsx", "xls", "pptx", "odp", "txt", "csv"}


def find_page(external_id):
    page = KnowledgePage.objects.filter(external_id=external_id).first()
    if page is None:
        match = GENERATED_ID.match(external_id)
        if match:
            page = KnowledgePage.objects.filter(translation_key=match.group(1), external_id__isnull=True).first()
    return page.specific if page is not None else None


def town(key, column="municipality"):
    found = find_municipality(key)
    if found is None:
        raise LineError(f"Kommune „{key}“ unbekannt (AGS mit 8 Ziffern oder genauer Name, Spalte „{column}“)")
    return found


def town_page(municipality):
    page = MunicipalityPage.objects.filter(municipality=municipality).first()
    if page is None:
        raise LineError(f"für {municipality.name} fehlt die Kommunenseite; bitte `manage.py setup_site` ausführen")
    return page


def free_slug(parent, text):
    base = german_slug(text)[:240] or "seite"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def topics(names):
    found = []
    for name in names:
        topic = Topic.objects.filter(name__iexact=name).first() or Topic.objects.filter(slug=name).first()
        if topic is None:
            allowed = "; ".join(Topic.objects.values_list("name", flat=True))
            raise LineError(f"Handlungsfeld „{name}“ unbekannt; vorhanden sind: {allowed}")
        found.append(topic)
    return found


def find_tag(name):
    """A tag by exact name (any case), by one of its synonyms (a curator merged or renamed it,
    keeping the old name) or by slug (renamed without keeping the old name)."""
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag is not None:
        return tag
    tag = next((tag for tag in Tag.objects.filter(synonyms__icontains=name) if tag.has_synonym(name)), None)
    if tag is not None:
        return tag
    slug = german_slug(name)
    return Tag.objects.filter(slug=slug).first() if slug else None


def tags(names, create=True):
    """Existing tags by name or synonym; unknown names become new tags (inside the record's
    transaction, so a failing record leaves no tag behind) unless `create` is off."""
    found = []
    for name in names:
        if len(name) > 100:
            raise LineError(f"Schlagwort „{name[:40]}…“ ist länger als 100 Zeichen")
        tag = find_tag(name)
        if tag is None:
            if not create:
                raise LineError(f"Schlagwort „{name}“ unbekannt (neue Schlagwörter legt dieser Import nicht an)")
            tag = Tag(name=name)
            tag.full_clean()
            tag.save()
        found.append(tag)
    # Two names a curator merged resolve to the same tag.
    return list({tag.pk: tag for tag in found}.values())


def case_study(ref, column="case_study"):
    page = KnowledgePage.objects.filter(external_id=ref).first()
    if page is None and GENERATED_ID.match(ref):
        page = KnowledgePage.objects.filter(
            translation_key=GENERATED_ID.match(ref).group(1), external_id__isnull=True
        ).first()
    if page is None or page.specific_class is not CaseStudyPage:
        raise LineError(f"Fallstudie „{ref}“ („{column}“) nicht gefunden; sie muss vorher importiert werden")
    return page


def knowledge_page(ref, column):
    """A case study, lesson or template by external id or `tw:` id (what guide steps link)."""
    from wiki.models import LessonPage, TemplatePage

    page = KnowledgePage.objects.filter(external_id=ref).first()
    if page is None and GENERATED_ID.match(ref):
        page = KnowledgePage.objects.filter(
            translation_key=GENERATED_ID.match(ref).group(1), external_id__isnull=True
        ).first()
    if page is None or page.specific_class not in (CaseStudyPage, LessonPage, TemplatePage):
        raise LineError(
            f"Fallstudie, Erfahrung oder Vorlage „{ref}“ („{column}“) nicht gefunden; sie muss vorher importiert werden"
        )
    return page


def contact(values, municipality):
    """The contact person of that name in the page's town; created with the given details if
    there is none. An existing person's details are not changed: the snippet is shared by
    several pages and curated in the admin."""
    name = values["contact_name"]
    if not name:
        if any(values.get(key) for key in ("contact_role", "contact_email", "contact_phone")):
            raise LineError("„contact_name“ fehlt: Funktion, E-Mail und Telefon gehören zu einer Ansprechperson")
        return None
    person = ContactPerson.objects.filter(name=name, municipality=municipality).first()
    if person is None:
        person = ContactPerson(
            name=name,
            municipality=municipality,
            role=values.get("contact_role", ""),
            email=values.get("contact_email", ""),
            phone=values.get("contact_phone", ""),
        )
        person.full_clean()
        person.save()
    return person


class DocumentStore:
    """Documents of template records. An entry is either the title of a document already in
    the library, or (JSON Lines) {"title": …, "file": …} naming a file in `directory`, which
    is uploaded into `collection` or replaces the file of the document of that title when its
    content changed or its file went missing."""

    def __init__(self, directory=None, collection_name="Import"):
        self.directory = Path(directory) if directory else None
        self.collection_name = collection_name
        self._collection = None
        self.counts = {"created": 0, "updated": 0, "unchanged": 0}

    def collection(self):
        if self._collection is None:
            root = Collection.get_first_root_node()
            self._collection = root.get_children().filter(name=self.collection_name).first() or root.add_child(
                name=self.collection_name
            )
        return self._collection

    def resolve(self, entries):
        if entries in (None, ""):
            return []
        if not isinstance(entries, list):
            entries = [entries]
        ids = []
        for entry in entries:
            if isinstance(entry, str) and entry.strip():
                ids.append(self._by_title(entry.strip()).pk)
            elif isinstance(entry, dict) and set(entry) <= {"title", "file"} and isinstance(entry.get("file"), str):
                title = entry.get("title") or Path(entry["file"]).stem
                if not isinstance(title, str):
                    raise LineError("„documents“: „title“ muss ein Text sein")
                ids.append(self._from_file(title.strip(), entry["file"]).pk)
            else:
                raise LineError('„documents“ muss eine Liste von Dokumenttiteln oder {"title": …, "file": …} sein')
        return ids

    def _by_title(self, title):
        document = KnowledgeDocument.objects.filter(title=title).order_by("pk").first()
        if document is None:
            raise LineError(f"Dokument „{title}“ nicht in der Dokumentenbibliothek")
        return document

    def _from_file(self, title, name):
        if self.directory is None:
            raise LineError("„documents“ nennt eine Datei, aber der Import hat kein Dokumentenverzeichnis")
        path = (self.directory / name).resolve()
        if self.directory.resolve() not in path.parents or not path.is_file():
            raise LineError(f"Dokumentdatei „{name}“ nicht gefunden")
        if path.suffix.lstrip(".").lower() not in DOCUMENT_EXTENSIONS:
            raise LineError(f"Dokumentdatei „{name}“: Dateityp nicht erlaubt")
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        document = KnowledgeDocument.objects.filter(collection=self.collection(), title=title).first()
        if document is not None and document.file_hash == digest and document.file.storage.exists(document.file.name):
            self.counts["unchanged"] += 1
            return document
        self.counts["created" if document is None else "updated"] += 1
        if document is None:
            document = KnowledgeDocument(title=title, collection=self.collection())
        elif document.file.name and document.file.storage.exists(document.file.name):
            document.file.delete(save=False)
        document.file.save(path.name, ContentFile(data), save=False)
        document._set_document_file_metadata()
        document.save()
        return document
