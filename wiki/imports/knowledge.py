"""Import of knowledge pages from the files agencies keep in spreadsheets.

`KnowledgeImporter` takes records (one dict per JSON line or spreadsheet row, with its line
number) and creates or updates one page per `external_id`. Each record runs in its own
transaction (a savepoint when called inside one): a bad record writes nothing, not even the
tags it would have created. A record whose content equals the page's newest version writes
nothing either, so importing the same file twice leaves no trace.

Field semantics (documented for users in docs/knowledge-base.md):
- a key that is missing leaves that field of an existing page as it is; a key given as null,
  "" or [] clears it (required fields cannot be cleared);
- `live` true (default) publishes, false stores the change as a draft; an import never
  unpublishes a page;
- `municipality` names the town page the page lives under; a changed town moves the page.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from wiki.imports import fields as F
from wiki.imports import formats, lookups
from wiki.imports.fields import LineError
from wiki.models import CaseStudyPage, EventPage, GuidePage, LessonPage, TemplatePage
from wiki.plaintext import BodyError, apply_body, canonical_body, page_body_text, parse_body

logger = logging.getLogger(__name__)

TYPE_MODELS = {
    "case_study": CaseStudyPage,
    "lesson": LessonPage,
    "template": TemplatePage,
    "guide": GuidePage,
    "event": EventPage,
}
STATUS_LABELS = {
    "created": "angelegt",
    "updated": "aktualisiert",
    "unchanged": "unverändert",
    "skipped": "redaktionell bearbeitet, übersprungen",
}


@dataclass
class LineResult:
    line: int
    status: str  # "created" | "updated" | "unchanged" | "skipped" | "failed"
    external_id: str | None = None
    message: str = ""
    page_id: int | None = None
    type_code: str | None = None
    warnings: list = field(default_factory=list)

    def report(self):
        if self.status == "failed":
            return f"Zeile {self.line}: {self.message}"
        note = f" – {self.message}" if self.message else ""
        return f"Zeile {self.line}: {self.external_id} {STATUS_LABELS[self.status]}{note}"


@dataclass
class ImportSummary:
    results: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def count(self, status, type_code=None):
        return sum(
            1
            for result in self.results
            if result.status == status and (type_code is None or result.type_code == type_code)
        )

    @property
    def failed(self):
        return [result for result in self.results if result.status == "failed"]

    def text(self):
        skipped = f"{self.count('skipped')} übersprungen, " if self.count("skipped") else ""
        warnings = self.warnings + [warning for result in self.results for warning in result.warnings]
        note = f" {len(warnings)} Hinweis(e)." if warnings else ""
        return (
            f"{len(self.results)} Zeilen: {self.count('created')} angelegt, {self.count('updated')} aktualisiert, "
            f"{self.count('unchanged')} unverändert, {skipped}{self.count('failed')} fehlerhaft.{note}"
        )


class KnowledgeImporter:
    """Options (all off for agencies' imports unless the command says otherwise):

    - `spreadsheet`: records come from a CSV/XLSX table holding all types; a filled cell of a
      column the row's type does not have is ignored with a warning instead of rejected;
    - `keep_edits`: a page whose newest version a person saved (or that a person
      unpublished) is skipped, so re-importing a file does not overwrite editorial work;
    - `create_tags`: unknown tag names become new tags (default) or reject the line;
    - `documents`: a lookups.DocumentStore for the `documents` column;
    - `on_create(page)`: called for each new page after it is saved and before its first
      version is published (e.g. to add a view restriction first)."""

    def __init__(
        self, user=None, spreadsheet=False, keep_edits=False, create_tags=True, documents=None, on_create=None
    ):
        self.user = user
        self.spreadsheet = spreadsheet
        self.keep_edits = keep_edits
        self.create_tags = create_tags
        self.documents = documents or lookups.DocumentStore()
        self.on_create = on_create
        self.seen_ids = {}

    def run(self, records, progress=None):
        summary = ImportSummary()
        for number, data in records:
            result = self.import_record(number, data)
            summary.results.append(result)
            if progress:
                progress(result)
        return summary

    def import_record(self, number, data):
        external_id = data.get("external_id") if isinstance(data, dict) else None
        if not isinstance(external_id, str):
            external_id = None
        warnings = []
        try:
            if isinstance(data, Exception):
                raise data
            with transaction.atomic():
                status, page, note = self._import(number, data, warnings)
            return LineResult(number, status, external_id, note, page.pk, page.specific_class.TYPE_CODE, warnings)
        except LineError as error:
            return LineResult(number, "failed", external_id, str(error))
        except BodyError as error:
            return LineResult(number, "failed", external_id, str(error))
        except ValidationError as error:
            return LineResult(number, "failed", external_id, F.validation_message(error))
        except RecursionError:
            return LineResult(number, "failed", external_id, "Wert ist zu tief verschachtelt")
        except Exception as error:  # noqa: BLE001 - one broken line must not stop the import
            logger.exception("import of line %s failed", number)
            return LineResult(number, "failed", external_id, f"unerwarteter Fehler: {str(error)[:200]}")

    # The work ---------------------------------------------------------------------------

    def _import(self, number, data, warnings):
        data = {key: value for key, value in data.items() if key not in F.READER_COLUMNS}  # export-only columns
        unknown = sorted(set(data) - set(F.FIELDS))
        if unknown:
            raise LineError(f"unbekanntes Feld „{unknown[0]}“; erlaubt sind {', '.join(F.FIELDS)}")
        F.check_characters(data)
        external_id = F.text(data, "external_id", required=True, max_length=100)
        if external_id in self.seen_ids:
            raise LineError(f"external_id „{external_id}“ kommt schon in Zeile {self.seen_ids[external_id]} vor")
        self.seen_ids[external_id] = number
        type_code = F.text(data, "type", required=True)
        if type_code not in TYPE_MODELS:
            codes = list(TYPE_MODELS)
            raise LineError(f"„type“ muss {', '.join(codes[:-1])} oder {codes[-1]} sein, nicht „{type_code}“")
        data = self._applicable(data, type_code, number, warnings)
        model = TYPE_MODELS[type_code]
        live = F.boolean(data.get("live"))

        page = lookups.find_page(external_id)
        if page is not None and not isinstance(page, model):
            raise LineError(
                f"external_id „{external_id}“ gehört zu einer Seite vom Typ „{page.specific_class.TYPE_CODE}“; "
                "der Typ lässt sich per Import nicht ändern"
            )
        if page is not None and self.keep_edits and _edited_by_a_person(page):
            return "skipped", page, ""
        is_new = page is None
        desired = self._desired_state(data, type_code, required=is_new)

        if is_new:
            page = self._create(model, external_id, desired, live)
            return "created", page, "als Entwurf" if not live else ""

        draft = page.get_latest_revision_as_object()
        changes = {key for key, value in desired.items() if value != _current(draft, key, type_code)}
        if not changes:
            if live and (not page.live or page.has_unpublished_changes) and page.latest_revision_id:
                page.latest_revision.publish(user=self.user)
                return "updated", page, "veröffentlicht"
            return "unchanged", page, ""

        if "municipality" in changes:
            self._move(page, desired["municipality"])
            draft = page.get_latest_revision_as_object()
        _apply(draft, desired, type_code, changes)
        revision = draft.save_revision(user=self.user, log_action=True)
        if live:
            revision.publish(user=self.user)
        return "updated", page, "als Entwurf" if not live else ""

    def _applicable(self, data, type_code, number, warnings):
        """Drops keys the type does not have: silently when empty, with a warning for a
        filled spreadsheet cell, as a rejection for a JSON record."""
        kept = {}
        for key, value in data.items():
            if not F.not_applicable(key, type_code):
                kept[key] = value
            elif value not in (None, "", []):
                reason = f"„{key}“ gibt es nur bei {F.applicable_types(key)}"
                if not self.spreadsheet:
                    raise LineError(reason)
                warnings.append(f"Zeile {number}: {reason} – Spalte ignoriert")
        return kept

    def _desired_state(self, data, type_code, required):
        """Field values the record asks for; keys the record leaves out are left out here too."""
        desired = {}
        if required or "title" in data:
            desired["title"] = F.text(data, "title", required=True, max_length=F.TITLE_MAX)
        if required or "municipality" in data:
            desired["municipality"] = lookups.town(F.text(data, "municipality", required=True))
        if required or "summary" in data:
            desired["summary"] = F.text(data, "summary", required=True, max_length=F.SUMMARY_MAX)
        if "body" in data or required:
            body = F.text(data, "body")
            desired["body"] = (canonical_body(type_code, body), parse_body(type_code, body))
        if required or "topics" in data:
            names = F.string_list(data, "topics")
            if not names:
                raise LineError("„topics“ braucht mindestens ein Handlungsfeld")
            desired["topics"] = frozenset(topic.pk for topic in lookups.topics(names))
        if "tags" in data:
            desired["tags"] = frozenset(tag.pk for tag in lookups.tags(F.string_list(data, "tags"), self.create_tags))
        elif required:
            desired["tags"] = frozenset()

        if type_code == "case_study":
            self._case_study_state(data, desired, required)
        else:
            if "case_study" in data:
                refs = F.string_list(data, "case_study")
                if type_code == "lesson" and len(refs) > 1:
                    raise LineError("eine Erfahrung gehört zu höchstens einer Fallstudie („case_study“)")
                desired["case_studies"] = frozenset(lookups.case_study(ref).pk for ref in refs)
        if type_code == "template":
            if "template_kind" in data or required:
                desired["template_kind"] = F.template_kind(data.get("template_kind"))
            if "licence" in data or required:
                desired["licence"] = F.text(data, "licence", max_length=200) or "CC BY 4.0"
        if type_code in ("template", "event") and "documents" in data:
            desired["documents"] = tuple(self.documents.resolve(data["documents"]))
        formats.desired_state(type_code, data, desired, required)
        return desired

    def _case_study_state(self, data, desired, required):
        if "phase" in data or required:
            desired["phase"] = F.phase(data.get("phase"))
        if "year" in data:
            desired["start_year"] = F.year(data.get("year"))
        if "end_year" in data:
            desired["end_year"] = F.year(data.get("end_year"), "end_year")
            start = desired.get("start_year")
            if desired["end_year"] and start and desired["end_year"] < start:
                raise LineError("„end_year“ liegt vor „year“")
        for column, model_field in (*F.CASE_STUDY_TEXT_FIELDS.items(), ("licence", "licence")):
            if column in data:
                limit = CaseStudyPage._meta.get_field(model_field).max_length
                desired[model_field] = F.text(data, column, max_length=limit)
        if "partners" in data:
            desired["partner_municipalities"] = frozenset(
                lookups.town(key, "partners").pk for key in F.string_list(data, "partners")
            )
        if "related" in data:
            desired["related_case_studies"] = frozenset(
                lookups.case_study(ref, "related").pk for ref in F.string_list(data, "related")
            )
        if any(key in data for key in F.CONTACT_FIELDS):
            values = {key: F.text(data, key, max_length=150) for key in F.CONTACT_FIELDS}
            town = desired.get("municipality")
            if town is None:
                raise LineError("„contact_name“ braucht die Spalte „municipality“ in derselben Zeile")
            person = lookups.contact(values, town)
            desired["contact_id"] = person.pk if person else None

    def _create(self, model, external_id, desired, live):
        parent = lookups.town_page(desired["municipality"])
        page = model(
            title=desired["title"],
            slug=lookups.free_slug(parent, desired["title"]),
            external_id=external_id,
            live=False,
            has_unpublished_changes=True,
        )
        _apply(page, desired, model.TYPE_CODE, set(desired))
        parent.add_child(instance=page)  # validates the page; the record's transaction undoes it on error
        if self.on_create:
            self.on_create(page)
        revision = page.save_revision(user=self.user, log_action=True)
        if live:
            revision.publish(user=self.user)
        return page

    def _move(self, page, municipality):
        parent = lookups.town_page(municipality)
        if parent.get_children().filter(slug=page.slug).exists():
            page.slug = lookups.free_slug(parent, page.slug)
            page.save(update_fields=["slug"])
        page.move(parent, pos="last-child", user=self.user)
        page.refresh_from_db()


def _edited_by_a_person(page):
    latest = page.latest_revision
    if latest is not None and latest.user_id is not None:
        return True
    # Unpublishing writes no revision; a page that was public and is not any more was
    # taken down by someone.
    return not page.live and page.first_published_at is not None


_M2M = {"topics", "tags", "partner_municipalities", "related_case_studies"}


def _current(page, key, type_code):
    """The page's value for one key of the desired state, in the same shape."""
    if key in formats.STATE_KEYS:
        return formats.current(page, key)
    if key == "municipality":
        return page.municipality
    if key == "body":
        text = page_body_text(page)
        return (text, parse_body(type_code, text))
    if key in _M2M:
        return frozenset(obj.pk for obj in getattr(page, key).all())
    if key == "case_studies":
        if type_code == "lesson":
            return frozenset([page.case_study_id]) if page.case_study_id else frozenset()
        return frozenset(obj.pk for obj in page.case_studies.all())
    if key == "documents":
        return tuple(item.document_id for item in page.documents.all())
    return getattr(page, key)


def _apply(page, desired, type_code, keys):
    for key in keys:
        value = desired[key]
        if key in formats.STATE_KEYS:
            formats.apply(page, key, value)
        elif key == "body":
            apply_body(page, value[1])
        elif key in _M2M:
            model = page._meta.get_field(key).related_model
            setattr(page, key, list(model.objects.filter(pk__in=value)))
        elif key == "case_studies":
            if type_code == "lesson":
                page.case_study_id = next(iter(value), None)
            else:
                page.case_studies = list(CaseStudyPage.objects.filter(pk__in=value))
        elif key == "documents":
            attachment = page._meta.get_field("documents").related_model  # template or event documents
            page.documents = [
                attachment(document_id=doc_id, sort_order=position) for position, doc_id in enumerate(value)
            ]
        else:
            setattr(page, key, value)
