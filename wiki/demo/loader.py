"""Creates or updates the demo content from the data modules of this package.

Idempotent by design: pages are found by their ``external_id``, tags by slug, name or synonym,
contacts by name and municipality, documents by title in the "Demo" collection. A page is only
given a new revision when the data differs from its latest revision, so a second run writes
nothing. What a person changed is left alone: a page whose latest revision has a user (an
editor or curator saved it), a tag a curator renamed or merged, an unpublished demo page.
"""

import hashlib
import json
import os
from collections import Counter

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Collection, PageViewRestriction

from wiki.demo import case_studies, contacts, lessons, taxonomy, templates
from wiki.demo.documents import render
from wiki.models import (
    CaseStudyPage,
    ContactPerson,
    KnowledgeDocument,
    KnowledgePage,
    LessonPage,
    Municipality,
    MunicipalityPage,
    Tag,
    TemplatePage,
    TemplatePageDocument,
    Topic,
)
from wiki.slugs import german_slug

COLLECTION_NAME = "Demo"
SECTION_KINDS = ["challenge", "goal", "implementation", "results", "success_factors", "transferability"]
CASE_STUDY_FIELDS = {
    # data key -> model field
    "effort_time": "effort_time",
    "effort_staff": "effort_staff",
    "effort_cost": "effort_cost",
    "funding": "funding_programme",
    "budget": "budget",
    "operator_model": "operator_model",
    "licence": "licence",
    "source_url": "source_url",
}


class DemoDataError(Exception):
    """The demo data refers to something that does not exist (a typo in wiki/demo/*.py)."""


def to_html(text):
    """Plain demo text to the rich-text HTML Wagtail stores: blank line = new paragraph,
    lines starting with "- " = bullet list."""
    blocks = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        elif lines:
            blocks.append(f"<p>{escape(' '.join(lines))}</p>")
    return "".join(blocks)


class DemoLoader:
    def __init__(self, write=print):
        self.write = write
        self.stats = {}
        self._towns = {m.name: m for m in Municipality.objects.all()}
        self._topics = {}
        self._tags = {}
        self._contacts = {}
        self._documents = {}

    # -- bookkeeping ------------------------------------------------------------------

    def _count(self, kind, outcome):
        self.stats.setdefault(kind, Counter())[outcome] += 1

    def _progress(self, label, done, total):
        if done and done % 10 == 0:
            self.write(f"  {label}: {done} von {total} …")

    def _report(self, kind, label):
        counts = self.stats.get(kind, Counter())
        total = sum(counts.values())
        parts = [f"{counts[key]} {name}" for key, name in [
            ("created", "neu"), ("updated", "aktualisiert"), ("unchanged", "unverändert"),
            ("skipped", "redaktionell bearbeitet, übersprungen"),
        ] if counts[key]]
        self.write(f"{label}: {total} ({', '.join(parts) or 'keine'})")

    # -- lookups ----------------------------------------------------------------------

    def town(self, name):
        try:
            return self._towns[name]
        except KeyError:
            raise DemoDataError(f"Unbekannte Kommune in den Demodaten: {name!r}") from None

    def topic(self, name):
        if name not in self._topics:
            topic = Topic.objects.filter(name=name).first() or Topic.objects.filter(slug=german_slug(name)).first()
            if topic is None:
                raise DemoDataError(f"Unbekanntes Handlungsfeld in den Demodaten: {name!r}")
            self._topics[name] = topic
        return self._topics[name]

    def tag(self, name):
        if name not in self._tags:
            tag = self._find_tag(name)
            if tag is None:
                raise DemoDataError(f"Schlagwort {name!r} wird verwendet, steht aber nicht in wiki/demo/taxonomy.py")
            self._tags[name] = tag
        return self._tags[name]

    @staticmethod
    def _find_tag(name):
        """The tag a curator may have renamed (slug kept) or merged (name kept as synonym)."""
        tag = Tag.objects.filter(slug=german_slug(name)).first() or Tag.objects.filter(name__iexact=name).first()
        if tag is not None:
            return tag
        wanted = name.casefold()
        for candidate in Tag.objects.exclude(synonyms=""):
            if wanted in (synonym.casefold() for synonym in candidate.synonym_list):
                return candidate
        return None

    def case_study(self, external_id):
        page = CaseStudyPage.objects.filter(external_id=external_id).first()
        if page is None:
            raise DemoDataError(f"Fallstudie {external_id!r} wird verwendet, bevor sie angelegt ist")
        return page

    # -- taxonomy, contacts, documents --------------------------------------------------

    def load_tags(self):
        for spec in taxonomy.TAGS:
            if self._find_tag(spec["name"]) is not None:
                self._count("tags", "unchanged")
                continue
            Tag.objects.create(
                name=spec["name"],
                description=spec.get("description", ""),
                synonyms="\n".join(spec.get("synonyms", [])),
                parent=self.tag(spec["parent"]) if spec.get("parent") else None,
            )
            self._count("tags", "created")
        self._report("tags", "Schlagwörter")

    def load_contacts(self):
        for key, spec in contacts.CONTACTS.items():
            town = self.town(spec["town"])
            contact, created = ContactPerson.objects.get_or_create(
                name=spec["name"],
                municipality=town,
                defaults={"role": spec["role"], "email": spec["email"], "phone": spec["phone"]},
            )
            self._contacts[key] = contact
            self._count("contacts", "created" if created else "unchanged")
        self._report("contacts", "Ansprechpersonen")

    def demo_collection(self):
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=COLLECTION_NAME).first()
        return collection or root.add_child(name=COLLECTION_NAME)

    def load_documents(self):
        collection = self.demo_collection()
        for template in templates.TEMPLATES:
            for spec in template["documents"]:
                self._documents[spec["title"]] = self._ensure_document(spec, collection)
        self._report("documents", "Dokumente")

    def _ensure_document(self, spec, collection):
        # The file name carries a hash of the spec, so a changed text is noticed without
        # comparing generated bytes (DOCX and XLSX embed timestamps and differ every time).
        key = hashlib.sha1(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]
        filename = f"{german_slug(spec['title'])[:60]}-{key}.{spec['format']}"
        document = KnowledgeDocument.objects.filter(collection=collection, title=spec["title"]).first()
        if document is not None and f"-{key}" in os.path.basename(document.file.name) and document.file.storage.exists(document.file.name):
            self._count("documents", "unchanged")
            return document
        outcome = "created" if document is None else "updated"
        if document is None:
            document = KnowledgeDocument(title=spec["title"], collection=collection)
        elif document.file.name and document.file.storage.exists(document.file.name):
            document.file.delete(save=False)
        document.file.save(filename, ContentFile(render(spec)), save=False)
        document._set_document_file_metadata()
        document.save()
        self._count("documents", outcome)
        return document

    # -- pages ------------------------------------------------------------------------

    def load_case_studies(self):
        for done, spec in enumerate(case_studies.CASE_STUDIES):
            self._progress("Fallstudien", done, len(case_studies.CASE_STUDIES))
            body = [
                {"type": "section", "value": {"kind": kind, "text": to_html(spec[kind])}}
                for kind in SECTION_KINDS
                if spec.get(kind)
            ]
            start, end = spec.get("years", (None, None))
            values = {
                "title": spec["title"],
                "summary": spec["summary"],
                "phase": spec["phase"],
                "start_year": start,
                "end_year": end,
                "body": body,
                "contact_id": self._contacts[spec["contact"]].pk if spec.get("contact") else None,
                "topics": [self.topic(name) for name in spec["topics"]],
                "tags": [self.tag(name) for name in spec.get("tags", [])],
                "partner_municipalities": [self.town(name) for name in spec.get("partners", [])],
                "related_case_studies": [self.case_study(ext) for ext in spec.get("related", [])],
            }
            for data_key, field in CASE_STUDY_FIELDS.items():
                values[field] = spec.get(data_key, "")
            self.upsert(CaseStudyPage, spec, values, "case_studies")
        self._report("case_studies", "Fallstudien")

    def load_lessons(self):
        for done, spec in enumerate(lessons.LESSONS):
            self._progress("Erfahrungen", done, len(lessons.LESSONS))
            case_study = self.case_study(spec["case_study"])
            values = {
                "title": spec["title"],
                "summary": spec["summary"],
                "case_study_id": case_study.pk,
                "what_was_tried": to_html(spec["what_was_tried"]),
                "what_happened": to_html(spec["what_happened"]),
                "recommendation": to_html(spec["recommendation"]),
                "topics": [self.topic(name) for name in spec["topics"]],
                "tags": [self.tag(name) for name in spec.get("tags", [])],
            }
            spec = {**spec, "town": spec.get("town") or case_study.municipality.name}
            self.upsert(LessonPage, spec, values, "lessons")
        self._report("lessons", "Erfahrungen")

    def load_templates(self):
        for done, spec in enumerate(templates.TEMPLATES):
            self._progress("Vorlagen", done, len(templates.TEMPLATES))
            values = {
                "title": spec["title"],
                "summary": spec["summary"],
                "template_kind": spec["kind"],
                "licence": spec.get("licence", "CC BY 4.0"),
                "description": to_html(spec["description"]),
                "topics": [self.topic(name) for name in spec["topics"]],
                "tags": [self.tag(name) for name in spec.get("tags", [])],
                "case_studies": [self.case_study(ext) for ext in spec.get("case_studies", [])],
                "documents": [self._documents[doc["title"]].pk for doc in spec["documents"]],
            }
            self.upsert(TemplatePage, spec, values, "templates")
        self._report("templates", "Vorlagen")

    def upsert(self, model, spec, values, kind):
        existing = KnowledgePage.objects.filter(external_id=spec["id"]).first()
        if existing is None:
            self._create(model, spec, values)
            self._count(kind, "created")
            return
        page = existing.specific
        if not isinstance(page, model):
            raise DemoDataError(f"{spec['id']} ist ein {page._meta.verbose_name}, erwartet {model._meta.verbose_name}")
        latest = page.latest_revision
        if latest is not None and latest.user_id is not None:
            self._count(kind, "skipped")
            return
        draft = page.get_latest_revision_as_object()
        if not apply_values(draft, values):
            self._count(kind, "unchanged")
        else:
            revision = draft.save_revision()
            # A demo page someone unpublished stays unpublished.
            if page.live:
                revision.publish()
            self._count(kind, "updated")
        if spec.get("password"):
            self._ensure_restriction(page, spec["password"])

    def _create(self, model, spec, values):
        town = self.town(spec["town"])
        parent = MunicipalityPage.objects.get(municipality__ags=town.ags)
        page = model(external_id=spec["id"], is_demo=True, slug=self._free_slug(parent, spec["title"]), live=False)
        apply_values(page, values)
        parent.add_child(instance=page)
        # The restriction exists before the first publish, so the page is never public.
        if spec.get("password"):
            self._ensure_restriction(page, spec["password"])
        revision = page.save_revision()
        if spec.get("live", True):
            revision.publish()

    @staticmethod
    def _free_slug(parent, title):
        base = german_slug(title)[:80].rstrip("-")
        taken = set(parent.get_children().values_list("slug", flat=True))
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug

    @staticmethod
    def _ensure_restriction(page, password):
        if not PageViewRestriction.objects.filter(page=page).exists():
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
            )

    # -- entry point ----------------------------------------------------------------------

    @transaction.atomic
    def run(self):
        self.load_tags()
        self.load_contacts()
        self.load_case_studies()
        self.load_lessons()
        self.load_documents()
        self.load_templates()
        return self.stats


def apply_values(page, values):
    """Set what differs on page; True if anything did. Values: scalars by field name (or
    attname for foreign keys), model lists for many-to-many fields, raw block dicts for
    ``body``, document ids for ``documents``."""
    changed = False
    for name, desired in values.items():
        if name == "body":
            current = [{"type": block.block_type, "value": block.block.get_prep_value(block.value)} for block in page.body]
            if current != desired:
                page.body = desired
                changed = True
        elif name == "documents":
            current = [item.document_id for item in page.documents.all()]
            if current != desired:
                page.documents = [
                    TemplatePageDocument(document_id=doc_id, sort_order=position) for position, doc_id in enumerate(desired)
                ]
                changed = True
        elif isinstance(desired, list):
            # Two demo tags a curator merged resolve to the same tag: compare as sets.
            unique = list({obj.pk: obj for obj in desired}.values())
            current = {obj.pk for obj in getattr(page, name).all()}
            if current != {obj.pk for obj in unique}:
                setattr(page, name, unique)
                changed = True
        elif getattr(page, name) != desired:
            setattr(page, name, desired)
            changed = True
    return changed
