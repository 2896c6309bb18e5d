"""Import of knowledge pages and tags from the files agencies keep in spreadsheets.

`KnowledgeImporter` takes records (one dict per JSON line or CSV row, with its line number)
and creates or updates one page per `external_id`. Each record runs in its own transaction
(a savepoint when called inside one): a bad record writes nothing, not even the tags it
would have created. A record whose content equals the page's newest version writes nothing
either, so importing the same file twice leaves no trace.

Field semantics (documented for users in docs/knowledge-base.md):
- a key that is missing leaves that field of an existing page as it is; a key given as null,
  "" or [] clears it (required fields cannot be cleared);
- `live` true (default) publishes, false stores the change as a draft; an import never
  unpublishes a page;
- `municipality` names the town page the page lives under; a changed town moves the page.
"""

import csv
import json
import logging
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from wiki.models import CaseStudyPage, KnowledgePage, LessonPage, MunicipalityPage, Phase, Tag, TemplatePage, Topic
from wiki.models.taxonomy import normalise_synonyms
from wiki.permissions import find_municipality
from wiki.plaintext import BodyError, apply_body, canonical_body, page_body_text, parse_body
from wiki.slugs import german_slug

logger = logging.getLogger(__name__)

TYPE_MODELS = {"case_study": CaseStudyPage, "lesson": LessonPage, "template": TemplatePage}
FIELDS = ["external_id", "type", "title", "municipality", "summary", "body", "topics", "tags", "phase", "year", "case_study", "live"]
LIST_FIELDS = {"topics", "tags", "case_study"}
# Pages created in the admin have no external id; exports name them by their Wagtail
# translation key, which is random per page and so cannot hit a page of another installation.
GENERATED_ID = re.compile(r"^tw:([0-9a-f-]{36})$")
SUMMARY_MAX = KnowledgePage._meta.get_field("summary").max_length
TITLE_MAX = 255
PHASE_BY_LABEL = {label.casefold(): code for code, label in Phase.choices}


class LineError(ValueError):
    """What is wrong with one record, in German, for the line-numbered report."""


@dataclass
class LineResult:
    line: int
    status: str  # "created" | "updated" | "unchanged" | "failed"
    external_id: str | None = None
    message: str = ""
    page_id: int | None = None

    def report(self):
        labels = {"created": "angelegt", "updated": "aktualisiert", "unchanged": "unverändert"}
        if self.status == "failed":
            return f"Zeile {self.line}: {self.message}"
        return f"Zeile {self.line}: {self.external_id} {labels[self.status]}{' – ' + self.message if self.message else ''}"


@dataclass
class ImportSummary:
    results: list = field(default_factory=list)

    def count(self, status):
        return sum(1 for result in self.results if result.status == status)

    @property
    def failed(self):
        return [result for result in self.results if result.status == "failed"]

    def text(self):
        return (
            f"{len(self.results)} Zeilen: {self.count('created')} angelegt, {self.count('updated')} aktualisiert, "
            f"{self.count('unchanged')} unverändert, {self.count('failed')} fehlerhaft."
        )


# --- reading files -------------------------------------------------------------------------


def read_jsonl(handle):
    """(line number, dict) per non-empty line; a line that is not a JSON object yields a
    LineError instead of a dict so that the importer reports it in order."""
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield number, LineError(f"kein gültiges JSON ({error.msg}, Spalte {error.colno})")
            continue
        if not isinstance(data, dict):
            yield number, LineError("jede Zeile muss ein JSON-Objekt {…} sein")
            continue
        yield number, data


def read_csv(handle):
    """(line number, dict) per CSV record, in the export's column layout: lists separated by
    ";", empty cells are empty values."""
    reader = csv.DictReader(handle)
    unknown = [name for name in (reader.fieldnames or []) if name not in FIELDS]
    start = 2
    for row in reader:
        number, start = start, reader.line_num + 1
        if unknown:
            yield number, LineError(f"unbekannte Spalte „{unknown[0]}“; erlaubt sind {', '.join(FIELDS)}")
            continue
        if None in row:
            yield number, LineError("mehr Werte als Spalten")
            continue
        data = {}
        for key, value in row.items():
            value = (value or "").strip()
            if key in LIST_FIELDS:
                data[key] = [part.strip() for part in value.split(";") if part.strip()]
            else:
                data[key] = value
        yield number, data


# --- one record ----------------------------------------------------------------------------


def _text(data, key, required=False, max_length=None):
    value = data.get(key)
    if value is None:
        value = ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise LineError(f"„{key}“ muss ein Text sein")
    value = str(value).strip()
    if required and not value:
        raise LineError(f"„{key}“ fehlt oder ist leer")
    if max_length and len(value) > max_length:
        raise LineError(f"„{key}“ ist {len(value)} Zeichen lang, erlaubt sind höchstens {max_length}")
    return value


def _string_list(data, key):
    value = data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LineError(f"„{key}“ muss eine Liste von Texten sein, z. B. [\"Mobilität\"]")
    return [item.strip() for item in value if item.strip()]


def _year(value):
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or isinstance(value, bool) or not 1990 <= value <= 2100:
        raise LineError(f"„year“ muss eine Jahreszahl zwischen 1990 und 2100 sein, nicht {value!r}")
    return value


def _bool(value):
    if value in (None, ""):
        return True
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "ja", "1", "yes"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"false", "nein", "0", "no"}:
        return False
    raise LineError(f"„live“ muss true oder false sein, nicht {value!r}")


def _validation_message(error):
    if hasattr(error, "message_dict"):
        parts = []
        for name, messages in error.message_dict.items():
            label = name
            try:
                label = KnowledgePage._meta.get_field(name).verbose_name
            except Exception:  # noqa: BLE001 - a field of a subclass or "__all__"
                pass
            parts.append(f"{label}: {' '.join(messages)}" if name != "__all__" else " ".join(messages))
        return "; ".join(parts)
    return " ".join(error.messages)


class KnowledgeImporter:
    def __init__(self, user=None):
        self.user = user
        self.seen_ids = {}

    # Public entry points -----------------------------------------------------------------

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
        try:
            if isinstance(data, Exception):
                raise data
            with transaction.atomic():
                status, page, note = self._import(number, data)
            return LineResult(number, status, external_id, note, page.pk)
        except LineError as error:
            return LineResult(number, "failed", external_id, str(error))
        except BodyError as error:
            return LineResult(number, "failed", external_id, str(error))
        except ValidationError as error:
            return LineResult(number, "failed", external_id, _validation_message(error))
        except Exception as error:  # noqa: BLE001 - one broken line must not stop the import
            logger.exception("import of line %s failed", number)
            return LineResult(number, "failed", external_id, f"unerwarteter Fehler: {error}")

    # The work ---------------------------------------------------------------------------

    def _import(self, number, data):
        unknown = sorted(set(data) - set(FIELDS))
        if unknown:
            raise LineError(f"unbekanntes Feld „{unknown[0]}“; erlaubt sind {', '.join(FIELDS)}")
        external_id = _text(data, "external_id", required=True, max_length=100)
        if external_id in self.seen_ids:
            raise LineError(f"external_id „{external_id}“ kommt schon in Zeile {self.seen_ids[external_id]} vor")
        self.seen_ids[external_id] = number
        type_code = _text(data, "type", required=True)
        if type_code not in TYPE_MODELS:
            raise LineError(f"„type“ muss case_study, lesson oder template sein, nicht „{type_code}“")
        model = TYPE_MODELS[type_code]
        live = _bool(data.get("live"))

        page = self._find_page(external_id)
        if page is not None and not isinstance(page, model):
            raise LineError(
                f"external_id „{external_id}“ gehört zu einer Seite vom Typ „{page.specific_class.TYPE_CODE}“; "
                "der Typ lässt sich per Import nicht ändern"
            )
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

    def _find_page(self, external_id):
        page = KnowledgePage.objects.filter(external_id=external_id).first()
        if page is None:
            match = GENERATED_ID.match(external_id)
            if match:
                page = KnowledgePage.objects.filter(translation_key=match.group(1), external_id__isnull=True).first()
        return page.specific if page is not None else None

    def _desired_state(self, data, type_code, required):
        """Field values the record asks for; keys the record leaves out are left out here too."""
        desired = {}
        if required or "title" in data:
            desired["title"] = _text(data, "title", required=True, max_length=TITLE_MAX)
        if required or "municipality" in data:
            key = _text(data, "municipality", required=True)
            town = find_municipality(key)
            if town is None:
                raise LineError(f"Kommune „{key}“ unbekannt (AGS mit 8 Ziffern oder genauer Name)")
            desired["municipality"] = town
        if required or "summary" in data:
            desired["summary"] = _text(data, "summary", required=True, max_length=SUMMARY_MAX)
        if "body" in data or required:
            body = _text(data, "body")
            desired["body"] = (canonical_body(type_code, body), parse_body(type_code, body))
        if required or "topics" in data:
            names = _string_list(data, "topics")
            if not names:
                raise LineError("„topics“ braucht mindestens ein Handlungsfeld")
            desired["topics"] = frozenset(topic.pk for topic in self._topics(names))
        if "tags" in data:
            desired["tags"] = frozenset(tag.pk for tag in self._tags(_string_list(data, "tags")))
        elif required:
            desired["tags"] = frozenset()

        phase, year, case_study = data.get("phase"), data.get("year"), data.get("case_study")
        if type_code == "case_study":
            if case_study not in (None, "", []):
                raise LineError("„case_study“ gibt es nur bei lesson und template")
            if "phase" in data or required:
                desired["phase"] = self._phase(phase)
            if "year" in data:
                desired["start_year"] = _year(year)
        else:
            if phase not in (None, ""):
                raise LineError("„phase“ gibt es nur bei case_study")
            if year not in (None, ""):
                raise LineError("„year“ gibt es nur bei case_study")
            if "case_study" in data:
                refs = _string_list(data, "case_study")
                if type_code == "lesson" and len(refs) > 1:
                    raise LineError("eine Erfahrung gehört zu höchstens einer Fallstudie („case_study“)")
                desired["case_studies"] = frozenset(self._case_study(ref).pk for ref in refs)
        return desired

    @staticmethod
    def _phase(value):
        if value in (None, ""):
            return Phase.IDEA.value
        if not isinstance(value, str):
            raise LineError("„phase“ muss ein Text sein")
        value = value.strip()
        if value in Phase.values:
            return value
        if value.casefold() in PHASE_BY_LABEL:
            return PHASE_BY_LABEL[value.casefold()]
        raise LineError(f"„phase“ „{value}“ unbekannt; erlaubt sind {', '.join(Phase.values)}")

    @staticmethod
    def _topics(names):
        topics = []
        for name in names:
            topic = Topic.objects.filter(name__iexact=name).first() or Topic.objects.filter(slug=name).first()
            if topic is None:
                allowed = "; ".join(Topic.objects.values_list("name", flat=True))
                raise LineError(f"Handlungsfeld „{name}“ unbekannt; vorhanden sind: {allowed}")
            topics.append(topic)
        return topics

    @staticmethod
    def _tags(names):
        """Existing tags by name or synonym; unknown names become new tags (inside the
        record's transaction, so a failing record leaves no tag behind)."""
        tags = []
        for name in names:
            if len(name) > 100:
                raise LineError(f"Schlagwort „{name[:40]}…“ ist länger als 100 Zeichen")
            tag = find_tag(name)
            if tag is None:
                tag = Tag(name=name)
                tag.full_clean()
                tag.save()
            tags.append(tag)
        return tags

    @staticmethod
    def _case_study(ref):
        page = KnowledgePage.objects.filter(external_id=ref).first()
        if page is None and GENERATED_ID.match(ref):
            page = KnowledgePage.objects.filter(
                translation_key=GENERATED_ID.match(ref).group(1), external_id__isnull=True
            ).first()
        if page is None or page.specific_class is not CaseStudyPage:
            raise LineError(f"Fallstudie „{ref}“ („case_study“) nicht gefunden; sie muss vorher importiert werden")
        return page

    def _create(self, model, external_id, desired, live):
        parent = _town_page(desired["municipality"])
        page = model(
            title=desired["title"],
            slug=_free_slug(parent, desired["title"]),
            external_id=external_id,
            live=False,
            has_unpublished_changes=True,
        )
        _apply(page, desired, model.TYPE_CODE, set(desired))
        parent.add_child(instance=page)  # validates the page; the record's transaction undoes it on error
        revision = page.save_revision(user=self.user, log_action=True)
        if live:
            revision.publish(user=self.user)
        return page

    def _move(self, page, municipality):
        parent = _town_page(municipality)
        if parent.get_children().filter(slug=page.slug).exists():
            page.slug = _free_slug(parent, page.slug)
            page.save(update_fields=["slug"])
        page.move(parent, pos="last-child", user=self.user)
        page.refresh_from_db()


def find_tag(name):
    """A tag by exact name (any case) or by one of its synonyms."""
    tag = Tag.objects.filter(name__iexact=name).first()
    if tag is not None:
        return tag
    return next((tag for tag in Tag.objects.filter(synonyms__icontains=name) if tag.has_synonym(name)), None)


def _town_page(municipality):
    page = MunicipalityPage.objects.filter(municipality=municipality).first()
    if page is None:
        raise LineError(f"für {municipality.name} fehlt die Kommunenseite; bitte `manage.py setup_site` ausführen")
    return page


def _free_slug(parent, text):
    base = german_slug(text)[:240] or "seite"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _current(page, key, type_code):
    """The page's value for one key of the desired state, in the same shape."""
    if key == "municipality":
        return page.municipality
    if key == "body":
        text = page_body_text(page)
        return (text, parse_body(type_code, text))
    if key in ("topics", "tags"):
        return frozenset(obj.pk for obj in getattr(page, key).all())
    if key == "case_studies":
        if type_code == "lesson":
            return frozenset([page.case_study_id]) if page.case_study_id else frozenset()
        return frozenset(obj.pk for obj in page.case_studies.all())
    return getattr(page, key)


def _apply(page, desired, type_code, keys):
    for key in keys:
        value = desired[key]
        if key == "municipality":
            page.municipality = value
        elif key == "body":
            apply_body(page, value[1])
        elif key == "topics":
            page.topics = list(Topic.objects.filter(pk__in=value))
        elif key == "tags":
            page.tags = list(Tag.objects.filter(pk__in=value))
        elif key == "case_studies":
            if type_code == "lesson":
                page.case_study_id = next(iter(value), None)
            else:
                page.case_studies = list(CaseStudyPage.objects.filter(pk__in=value))
        else:
            setattr(page, key, value)


# --- taxonomy ------------------------------------------------------------------------------


class TaxonomyImportError(ValueError):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@transaction.atomic
def import_taxonomy(data):
    """{"tags": [{"name", "synonyms", "parent", "description"}]} -> (created, updated).

    Idempotent: tags are matched by name (any case); synonyms are added to the ones curators
    already gave (never removed); parent and description are set when given. All or nothing:
    any problem raises TaxonomyImportError listing every problem with its entry number."""
    if not isinstance(data, dict) or not isinstance(data.get("tags"), list):
        raise TaxonomyImportError(['Die Datei muss die Form {"tags": [{"name": "…"}, …]} haben.'])
    problems, entries = [], []
    for number, entry in enumerate(data["tags"], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            problems.append(f"Eintrag {number}: „name“ fehlt")
            continue
        unknown = sorted(set(entry) - {"name", "synonyms", "parent", "description"})
        if unknown:
            problems.append(f"Eintrag {number}: unbekanntes Feld „{unknown[0]}“")
            continue
        synonyms = entry.get("synonyms") or []
        if isinstance(synonyms, str):
            synonyms = [synonyms]
        if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            problems.append(f"Eintrag {number}: „synonyms“ muss eine Liste von Texten sein")
            continue
        parent = entry.get("parent")
        if parent is not None and not isinstance(parent, str):
            problems.append(f"Eintrag {number}: „parent“ muss der Name eines Schlagworts sein")
            continue
        description = entry.get("description")
        if description is not None and not isinstance(description, str):
            problems.append(f"Eintrag {number}: „description“ muss ein Text sein")
            continue
        entries.append((number, entry["name"].strip(), synonyms, (parent or "").strip(), description))
    if problems:
        raise TaxonomyImportError(problems)

    created, updated = 0, set()
    tags = {}
    # First pass: every tag exists, so that parents may be named before they are defined.
    for number, name, synonyms, _parent, description in entries:
        tag = Tag.objects.filter(name__iexact=name).first()
        is_new = tag is None
        if is_new:
            tag = Tag(name=name)
        new_synonyms = "\n".join(normalise_synonyms(tag.synonym_list + synonyms, exclude=[tag.name]))
        changed = is_new or new_synonyms != tag.synonyms
        tag.synonyms = new_synonyms
        if description is not None and description.strip() != tag.description:
            tag.description, changed = description.strip(), True
        if changed:
            try:
                tag.full_clean()
            except ValidationError as error:
                problems.append(f"Eintrag {number} („{name}“): {_validation_message(error)}")
                continue
            tag.save()
            created += is_new
            if not is_new:
                updated.add(tag.pk)
        tags[name.casefold()] = (tag, is_new)
    for number, name, _synonyms, parent_name, _description in entries:
        if not parent_name or name.casefold() not in tags:
            continue
        tag, is_new = tags[name.casefold()]
        parent = tags.get(parent_name.casefold(), (Tag.objects.filter(name__iexact=parent_name).first(), False))[0]
        if parent is None:
            problems.append(f"Eintrag {number} („{name}“): übergeordnetes Schlagwort „{parent_name}“ unbekannt")
            continue
        if tag.parent_id == parent.pk:
            continue
        tag.parent = parent
        try:
            tag.full_clean()
        except ValidationError as error:
            problems.append(f"Eintrag {number} („{name}“): {_validation_message(error)}")
            continue
        tag.save()
        if not is_new:
            updated.add(tag.pk)
    if problems:
        raise TaxonomyImportError(problems)
    return created, len(updated)
