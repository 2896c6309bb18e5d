"""The public knowledge base as records of the import format (wiki/imports/fields.py).

Only what an anonymous visitor may read: live pages outside view restrictions, in their
published version. Records come in import order (case studies before the lessons and
templates that refer to them), so the export of one installation imports into another.
A template's documents are listed only when all of them lie in collections without a view
restriction (wiki/document_access.py).
The extended columns appear only when they hold something other than the model's default.

Besides the import format, a record carries `adoptions` (how many towns adopt the page,
counted by transfer.adoptions) when there are any; the importer skips it like the other
columns for readers (wiki.imports.fields.READER_COLUMNS).
"""

from wiki.document_access import in_public_collection, restricted_collection_paths
from wiki.imports import formats
from wiki.imports.fields import CASE_STUDY_TEXT_FIELDS, FIELDS
from wiki.models import CaseStudyPage, EventPage, GuidePage, KnowledgePage, LessonPage, TemplatePage
from wiki.models.pages import public_pages
from wiki.plaintext import page_body_text

TEMPLATE_DEFAULTS = {"template_kind": "other", "licence": "CC BY 4.0"}


def export_id(page):
    return page.external_id or f"tw:{page.translation_key}"


def _common(page, type_code):
    return formats.village_record(page) | {
        "external_id": export_id(page),
        "type": type_code,
        "title": page.title,
        "municipality": page.municipality.ags,
        "summary": page.summary,
        "body": page_body_text(page),
        # Topics in their curated order, tags alphabetically: stable output for diffs.
        "topics": [topic.name for topic in sorted(page.topics.all(), key=lambda t: (t.sort_order, t.name))],
        "tags": sorted((tag.name for tag in page.tags.all()), key=str.casefold),
    }


def _adoption_counts():
    """{page id: towns that adopt it} of all public pages, in one query."""
    from transfer.adoptions import adoption_counts

    return adoption_counts()


def iter_pages(chunk_size=500):
    """(page, record) per public page; the page for columns that are not part of the
    import format (town name, URL)."""
    adoptions = _adoption_counts()

    def finished(page, record):
        record = _ordered(record)
        if adoptions.get(page.pk):
            record["adoptions"] = adoptions[page.pk]
        return record

    public_case_studies = {
        page.pk: page for page in public_pages(CaseStudyPage.objects.all()).only("pk", "external_id", "translation_key")
    }

    def case_study_ref(ids):
        # A link to a case study that is not public is left out (not nulled): it must not be
        # revealed, and a re-import must not remove it.
        refs = [export_id(public_case_studies[pk]) for pk in sorted(ids) if pk in public_case_studies]
        return refs, len(refs) == len(ids)

    def pages(model, *related):
        return (
            public_pages(model.objects.all())
            .select_related("municipality")
            .prefetch_related("topics", "tags", "villages", *related)
            .order_by("pk")
            .iterator(chunk_size=chunk_size)
        )

    for page in pages(CaseStudyPage, "partner_municipalities", "related_case_studies", "contact"):
        record = _common(page, "case_study")
        record.update(phase=page.phase, year=page.start_year, live=True)
        if page.end_year:
            record["end_year"] = page.end_year
        partners = sorted(town.ags for town in page.partner_municipalities.all())
        if partners:
            record["partners"] = partners
        refs, complete = case_study_ref([related.pk for related in page.related_case_studies.all()])
        if refs and complete:
            record["related"] = refs
        for column, model_field in (*CASE_STUDY_TEXT_FIELDS.items(), ("licence", "licence")):
            if getattr(page, model_field):
                record[column] = getattr(page, model_field)
        if page.contact is not None:
            record.update(
                contact_name=page.contact.name,
                contact_role=page.contact.role,
                contact_email=page.contact.email,
                contact_phone=page.contact.phone,
            )
        yield page, finished(page, record)

    for page in pages(LessonPage):
        record = _common(page, "lesson")
        ids = [page.case_study_id] if page.case_study_id else []
        refs, complete = case_study_ref(ids)
        if complete:
            record["case_study"] = refs[0] if refs else None
        record["live"] = True
        yield page, finished(page, record)

    restricted_paths = restricted_collection_paths()
    for page in pages(TemplatePage, "case_studies", "documents__document__collection"):
        record = _common(page, "template")
        refs, complete = case_study_ref([case_study.pk for case_study in page.case_studies.all()])
        if complete:
            record["case_study"] = refs[0] if len(refs) == 1 else (refs or None)
        record["live"] = True
        for key, default in TEMPLATE_DEFAULTS.items():
            if getattr(page, key) != default:
                record[key] = getattr(page, key)
        # Like a non-public case study: with a private document the column is left out
        # entirely, so its title is not revealed and a re-import does not detach it.
        attached = [item.document for item in page.documents.all()]
        if attached and all(in_public_collection(document, restricted_paths) for document in attached):
            record["documents"] = [document.title for document in attached]
        yield page, finished(page, record)

    # Guides and events come after the pages they link to.
    linkable = None

    def public_ref(pk):
        nonlocal linkable
        if linkable is None:
            linkable = {
                page.pk: export_id(page)
                for page in public_pages(
                    KnowledgePage.objects.exclude(pk__in=GuidePage.objects.values("pk")).exclude(
                        pk__in=EventPage.objects.values("pk")
                    )
                ).only("pk", "external_id", "translation_key")
            }
        return linkable.get(pk)

    for page in pages(GuidePage):
        record = _common(page, "guide")
        record.update(formats.guide_record(page, public_ref), live=True)
        yield page, finished(page, record)

    for page in pages(EventPage, "documents__document__collection"):
        record = _common(page, "event")
        record.update(formats.event_record(page, public_ref), live=True)
        # As for templates: material in a login-restricted collection hides the column.
        attached = [item.document for item in page.documents.all()]
        if attached and all(in_public_collection(document, restricted_paths) for document in attached):
            record["documents"] = [document.title for document in attached]
        yield page, finished(page, record)


def iter_records(chunk_size=500):
    """One dict per public page in FIELDS order."""
    for _page, record in iter_pages(chunk_size):
        yield record


def _ordered(record):
    return {key: record[key] for key in FIELDS if key in record}
