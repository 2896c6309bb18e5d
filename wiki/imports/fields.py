"""The columns of the import format and how one value of each is read.

The same names serve JSON Lines keys, CSV/XLSX column headers and the export. The base
columns come first (the order of the original format); the extended columns describe the
practical details of a case study, its contact person and the documents of a template.
"""

import re
import unicodedata

from wiki.models import KnowledgePage, Phase, TemplateKind

BASE_FIELDS = [
    "external_id",
    "type",
    "title",
    "municipality",
    "summary",
    "body",
    "topics",
    "tags",
    "phase",
    "year",
    "case_study",
    "live",
]
# Extended columns map onto case-study and template fields; the export writes them only
# when they hold something other than the model's default, so records of the base format
# stay as they were.
CASE_STUDY_TEXT_FIELDS = {
    # column -> model field
    "effort_time": "effort_time",
    "effort_staff": "effort_staff",
    "effort_cost": "effort_cost",
    "funding": "funding_programme",
    "budget": "budget",
    "operator_model": "operator_model",
    "source_url": "source_url",
}
CONTACT_FIELDS = ["contact_name", "contact_role", "contact_email", "contact_phone"]
EXTENDED_FIELDS = [
    "end_year",
    "partners",
    "related",
    *CASE_STUDY_TEXT_FIELDS,
    "licence",
    *CONTACT_FIELDS,
    "template_kind",
    "documents",
]
# Columns of the region's own formats (wiki/imports/formats.py). Structured ones are lists of
# objects: in JSON Lines as they are, in a spreadsheet cell as JSON text.
GUIDE_FIELDS = ["audience", "effort", "author", "steps"]
EVENT_FIELDS = [
    "event_kind",
    "starts_at",
    "ends_at",
    "online",
    "address",
    "programme",
    "recording_url",
    "registration_url",
]
VILLAGE_FIELDS = ["villages", "for_villages"]
JSON_FIELDS = {"steps", "programme"}
FIELDS = BASE_FIELDS + EXTENDED_FIELDS + GUIDE_FIELDS + EVENT_FIELDS + VILLAGE_FIELDS
# Columns the exports add for people reading the table (town name, page address, number of
# towns that adopt the page); the importer skips them without a warning, so an export
# re-imports as it is. JSON Lines carries only `adoptions` of them, and only when not 0.
READER_COLUMNS = ["municipality_name", "url", "adoptions"]
LIST_FIELDS = {"topics", "tags", "case_study", "partners", "related", "documents", "villages"}
# Columns that only some types have. A JSON record naming one for another type is rejected
# (it was written for that page); a spreadsheet holds all types in one table, so there the
# cell is ignored with a warning.
TYPES_OF_FIELD = {
    "phase": {"case_study"},
    "year": {"case_study"},
    "end_year": {"case_study"},
    "partners": {"case_study"},
    "related": {"case_study"},
    **{name: {"case_study"} for name in CASE_STUDY_TEXT_FIELDS},
    **{name: {"case_study"} for name in CONTACT_FIELDS},
    "licence": {"case_study", "template"},
    "case_study": {"lesson", "template"},
    "template_kind": {"template"},
    "documents": {"template", "event"},
    **{name: {"guide"} for name in GUIDE_FIELDS},
    **{name: {"event"} for name in EVENT_FIELDS},
    "villages": {"case_study", "lesson", "event"},
    "for_villages": {"case_study"},
}
SUMMARY_MAX = KnowledgePage._meta.get_field("summary").max_length
TITLE_MAX = 255
PHASE_BY_LABEL = {label.casefold(): code for code, label in Phase.choices}
KIND_BY_LABEL = {label.casefold(): code for code, label in TemplateKind.choices}
# Free text may hold line breaks and tabs; nothing else below U+0020 (NUL, ESC, …) and no
# C1 control (U+0080–U+009F, including NEL U+0085): they are invisible, break terminals and
# other programs that read the export, and no editor types them. Single-line fields refuse
# line and paragraph separators too.
MULTILINE_FIELDS = {"body", "summary"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")


class LineError(ValueError):
    """What is wrong with one record, in German, for the line-numbered report."""


def not_applicable(key, type_code):
    types = TYPES_OF_FIELD.get(key)
    return types is not None and type_code not in types


def applicable_types(key):
    return " und ".join(sorted(TYPES_OF_FIELD[key]))


def check_characters(data):
    """Refuses control characters anywhere in the record (also inside lists and objects)."""
    for key, value in data.items():
        for text in _strings(value):
            match = _CONTROL.search(text)
            if match is None and key not in MULTILINE_FIELDS:
                match = _LINE_BREAKS.search(text)
            if match is not None:
                name = unicodedata.name(match.group(), "Steuerzeichen")
                raise LineError(
                    f"„{key}“ enthält das unzulässige Zeichen U+{ord(match.group()):04X} ({name.title()}) "
                    f"an Stelle {match.start() + 1}"
                )


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


def text(data, key, required=False, max_length=None):
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


def string_list(data, key):
    value = data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LineError(f'„{key}“ muss eine Liste von Texten sein, z. B. ["Mobilität"]')
    return [item.strip() for item in value if item.strip()]


def year(value, key="year"):
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet cell holding 2021 arrives as 2021.0
    if not isinstance(value, int) or isinstance(value, bool) or not 1990 <= value <= 2100:
        shown = value if not isinstance(value, str) or len(value) < 40 else value[:40] + "…"
        raise LineError(f"„{key}“ muss eine Jahreszahl zwischen 1990 und 2100 sein, nicht {shown!r}")
    return value


def boolean(value):
    if value in (None, ""):
        return True
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "ja", "1", "yes", "wahr"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"false", "nein", "0", "no", "falsch"}:
        return False
    raise LineError(f"„live“ muss true oder false sein, nicht {value!r}")


def phase(value):
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


def template_kind(value):
    if value in (None, ""):
        return TemplateKind.OTHER.value
    if not isinstance(value, str):
        raise LineError("„template_kind“ muss ein Text sein")
    value = value.strip()
    if value in TemplateKind.values:
        return value
    if value.casefold() in KIND_BY_LABEL:
        return KIND_BY_LABEL[value.casefold()]
    raise LineError(f"„template_kind“ „{value}“ unbekannt; erlaubt sind {', '.join(TemplateKind.values)}")


def validation_message(error):
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
