"""Export of the public knowledge base in the import format (JSON Lines and CSV).

Only what an anonymous visitor may read: live pages outside view restrictions, in their
published version. Records come in import order (case studies before the lessons and
templates that refer to them), so the export of one installation imports into another.
"""

import csv
import io
import json

from wiki.imports import FIELDS
from wiki.models import CaseStudyPage, LessonPage, TemplatePage
from wiki.models.pages import public_pages
from wiki.plaintext import page_body_text

CSV_LIST_SEPARATOR = "; "


def export_id(page):
    return page.external_id or f"tw:{page.translation_key}"


def _common(page, type_code):
    return {
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


def iter_records(chunk_size=500):
    """One dict per public page in FIELDS order."""
    public_case_studies = {
        page.pk: page
        for page in public_pages(CaseStudyPage.objects.all()).only("pk", "external_id", "translation_key")
    }

    def case_study_ref(ids):
        # A link to a case study that is not public is left out (not nulled): it must not be
        # revealed, and a re-import must not remove it.
        refs = [export_id(public_case_studies[pk]) for pk in sorted(ids) if pk in public_case_studies]
        return refs, len(refs) == len(ids)

    def pages(model):
        return (
            public_pages(model.objects.all())
            .select_related("municipality")
            .prefetch_related("topics", "tags")
            .order_by("pk")
            .iterator(chunk_size=chunk_size)
        )

    for page in pages(CaseStudyPage):
        record = _common(page, "case_study")
        record.update(phase=page.phase, year=page.start_year, live=True)
        yield _ordered(record)

    for page in pages(LessonPage):
        record = _common(page, "lesson")
        ids = [page.case_study_id] if page.case_study_id else []
        refs, complete = case_study_ref(ids)
        if complete:
            record["case_study"] = refs[0] if refs else None
        record["live"] = True
        yield _ordered(record)

    for page in (
        public_pages(TemplatePage.objects.all())
        .select_related("municipality")
        .prefetch_related("topics", "tags", "case_studies")
        .order_by("pk")
        .iterator(chunk_size=chunk_size)
    ):
        record = _common(page, "template")
        refs, complete = case_study_ref([case_study.pk for case_study in page.case_studies.all()])
        if complete:
            record["case_study"] = refs[0] if len(refs) == 1 else (refs or None)
        record["live"] = True
        yield _ordered(record)


def _ordered(record):
    return {key: record[key] for key in FIELDS if key in record}


def iter_jsonl(records=None):
    for record in records if records is not None else iter_records():
        yield json.dumps(record, ensure_ascii=False) + "\n"


def iter_csv(records=None, bom=True):
    """CSV lines; lists joined with "; ", empty values as empty cells. The byte order mark
    lets spreadsheet programs recognise UTF-8 (umlauts)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    yield ("\ufeff" if bom else "") + _drain(buffer)
    for record in records if records is not None else iter_records():
        row = {}
        for key in FIELDS:
            value = record.get(key)
            if isinstance(value, list):
                value = CSV_LIST_SEPARATOR.join(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            row[key] = "" if value is None else value
        writer.writerow(row)
        yield _drain(buffer)


def _drain(buffer):
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
