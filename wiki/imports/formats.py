"""The import columns of the region's own formats (guides, events) and how they map onto
page fields. knowledge.py asks here for the keys of these types, so its own code stays that
of case studies, lessons and templates.

Structured columns (`steps`, `programme`) are a list of objects in JSON Lines and the same
list as JSON text in a spreadsheet cell:

    steps: [{"heading": "…", "text": "…", "links": ["<external_id>", …]}, …]
    programme: [{"start": "09:30", "end": "10:00", "title": "…", "speaker": "…",
                 "case_studies": ["<external_id>", …]}, …]

`links` name case studies, lessons or templates by external id (or the `tw:` id of the
export). A step keeps its block id while its heading stays the same, so the steps a town
marked as done stay done when a guide is re-imported with changes.

Event times: ISO 8601 ("2026-03-05T09:30", "2026-03-05 09:30:00+01:00") or German
("05.03.2026 09:30"); a time without offset is Europe/Berlin. The export writes ISO 8601
with the Berlin offset.
"""

import json
import re
import uuid
from datetime import datetime, time
from zoneinfo import ZoneInfo

from wiki import page_types
from wiki.imports.fields import LineError, string_list, text
from wiki.imports.lookups import case_study, knowledge_page
from wiki.models import EventPage, Village

# Keys of the desired state that this module reads and writes.
STATE_KEYS = {
    "audience",
    "effort",
    "author_kind",
    "steps",
    "villages",
    "for_villages",
    "event_kind",
    "starts_at",
    "ends_at",
    "online",
    "address",
    "programme",
    "recording_url",
    "registration_url",
}
BERLIN = ZoneInfo("Europe/Berlin")
_GERMAN_DATETIME = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,]+(\d{1,2})[:.](\d{2}))?(?: Uhr)?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
_EVENT_KIND_BY_LABEL = {label.casefold(): code for code, label in page_types.EVENT_KINDS}
_SLOT_KEYS = {"start", "end", "title", "speaker", "case_studies"}
MAX_SLOTS = 80

_AUDIENCE_BY_LABEL = {label.casefold(): code for code, label in page_types.AUDIENCES}
_AUTHOR_BY_LABEL = {label.casefold(): code for code, label in page_types.AUTHOR_KINDS}
_STEP_KEYS = {"heading", "text", "links"}
MAX_STEPS = 50


def _choice(value, key, codes, by_label, default):
    if value in (None, ""):
        return default
    if not isinstance(value, str):
        raise LineError(f"„{key}“ muss ein Text sein")
    value = value.strip()
    if value in codes:
        return value
    if value.casefold() in by_label:
        return by_label[value.casefold()]
    raise LineError(f"„{key}“ „{value}“ unbekannt; erlaubt sind {', '.join(codes)}")


def json_list(data, key):
    """A list column: a list (JSON Lines) or its JSON text (a spreadsheet cell)."""
    value = data.get(key)
    if value in (None, ""):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError) as error:
            raise LineError(f"„{key}“ ist kein gültiges JSON ({str(error)[:80]})") from error
    if not isinstance(value, list):
        raise LineError(f'„{key}“ muss eine Liste von Objekten sein, z. B. [{{"heading": "…"}}]')
    return value


def steps(data):
    """(heading, text, (page id, …)) per step."""
    items = json_list(data, "steps")
    if len(items) > MAX_STEPS:
        raise LineError(f"„steps“ hat {len(items)} Schritte, erlaubt sind höchstens {MAX_STEPS}")
    result = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict) or set(item) - _STEP_KEYS:
            raise LineError(f"„steps“, Schritt {position}: erlaubt sind die Felder heading, text und links")
        heading = text(item, "heading", required=True, max_length=200)
        body = text(item, "text", max_length=2000)
        links = item.get("links") or []
        if isinstance(links, str):
            links = [part.strip() for part in links.split(";") if part.strip()]
        if not isinstance(links, list) or not all(isinstance(ref, str) for ref in links):
            raise LineError(f"„steps“, Schritt {position}: „links“ muss eine Liste von Kennungen sein")
        pages = tuple(dict.fromkeys(knowledge_page(ref, f"steps, Schritt {position}").pk for ref in links))
        result.append((heading, body, pages))
    return tuple(result)


def moment(data, key, required=False):
    """An aware datetime (Europe/Berlin unless the value names an offset)."""
    value = data.get(key)
    if value in (None, ""):
        if required:
            raise LineError(f"„{key}“ fehlt oder ist leer")
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        value = value.strip()
        german = _GERMAN_DATETIME.match(value)
        try:
            if german:
                day, month, year, hour, minute = german.groups()
                parsed = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0))
            else:
                parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None:
            raise LineError(
                f"„{key}“ „{value[:40]}“ ist kein Zeitpunkt; erwartet z. B. 2026-03-05T09:30 oder 05.03.2026 09:30"
            )
    else:
        raise LineError(f"„{key}“ muss ein Zeitpunkt sein, z. B. 2026-03-05T09:30")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=BERLIN)
    return parsed


def _clock(value, key, position, required):
    if value in (None, ""):
        if required:
            raise LineError(f"„programme“, Punkt {position}: „{key}“ fehlt")
        return ""
    match = _TIME.match(value.strip()) if isinstance(value, str) else None
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise LineError(f"„programme“, Punkt {position}: „{key}“ muss eine Uhrzeit wie 09:30 sein")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def flag(data, key):
    value = data.get(key)
    if value in (None, ""):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "ja", "1", "yes", "wahr", "x"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"false", "nein", "0", "no", "falsch"}:
        return False
    raise LineError(f"„{key}“ muss true oder false sein, nicht {value!r}")


def programme(data):
    """(start, end, title, speaker, (case study id, …)) per slot; times as "HH:MM"."""
    items = json_list(data, "programme")
    if len(items) > MAX_SLOTS:
        raise LineError(f"„programme“ hat {len(items)} Punkte, erlaubt sind höchstens {MAX_SLOTS}")
    result = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict) or set(item) - _SLOT_KEYS:
            raise LineError(
                f"„programme“, Punkt {position}: erlaubt sind die Felder start, end, title, speaker und case_studies"
            )
        refs = item.get("case_studies") or []
        if isinstance(refs, str):
            refs = [part.strip() for part in refs.split(";") if part.strip()]
        if not isinstance(refs, list) or not all(isinstance(ref, str) for ref in refs):
            raise LineError(f"„programme“, Punkt {position}: „case_studies“ muss eine Liste von Kennungen sein")
        result.append(
            (
                _clock(item.get("start"), "start", position, True),
                _clock(item.get("end"), "end", position, False),
                text(item, "title", required=True, max_length=200),
                text(item, "speaker", max_length=200),
                tuple(dict.fromkeys(case_study(ref, f"programme, Punkt {position}").pk for ref in refs)),
            )
        )
    return tuple(result)


def _event_state(data, desired, required):
    if "event_kind" in data or required:
        desired["event_kind"] = _choice(
            data.get("event_kind"),
            "event_kind",
            [c for c, _ in page_types.EVENT_KINDS],
            _EVENT_KIND_BY_LABEL,
            "workshop",
        )
    if "starts_at" in data or required:
        desired["starts_at"] = moment(data, "starts_at", required=True)
    if "ends_at" in data or required:
        desired["ends_at"] = moment(data, "ends_at") or desired.get("starts_at")
    if desired.get("starts_at") and desired.get("ends_at") and desired["ends_at"] < desired["starts_at"]:
        raise LineError("„ends_at“ liegt vor „starts_at“")
    if "online" in data or required:
        desired["online"] = flag(data, "online")
    for key in ("address", "recording_url", "registration_url"):
        if key in data:
            desired[key] = text(data, key, max_length=EventPage._meta.get_field(key).max_length)
    if "programme" in data:
        desired["programme"] = programme(data)


def _village_state(data, desired):
    if "for_villages" in data:
        desired["for_villages"] = flag(data, "for_villages")
    if "villages" in data:
        names = string_list(data, "villages")
        town = desired.get("municipality")
        if names and town is None:
            raise LineError("„villages“ braucht die Spalte „municipality“ in derselben Zeile")
        found = []
        for name in names:
            village = Village.objects.filter(municipality=town, name__iexact=name).first()
            if village is None:
                known = ", ".join(Village.objects.filter(municipality=town).values_list("name", flat=True)) or "keine"
                raise LineError(f"Ortsteil „{name}“ gibt es in {town.name} nicht (bekannt: {known})")
            found.append(village.pk)
        desired["villages"] = frozenset(found)


def desired_state(type_code, data, desired, required):
    _village_state(data, desired)
    if type_code == "event":
        _event_state(data, desired, required)
    if type_code != "guide":
        return
    if "audience" in data or required:
        desired["audience"] = _choice(
            data.get("audience"), "audience", [c for c, _ in page_types.AUDIENCES], _AUDIENCE_BY_LABEL, "beginners"
        )
    if "author" in data or required:
        desired["author_kind"] = _choice(
            data.get("author"), "author", [c for c, _ in page_types.AUTHOR_KINDS], _AUTHOR_BY_LABEL, "agency"
        )
    if "effort" in data:
        desired["effort"] = text(data, "effort", max_length=200)
    if "steps" in data or required:
        desired["steps"] = steps(data)


def current(page, key):
    if key == "villages":
        return frozenset(village.pk for village in page.villages.all())
    if key == "programme":
        return tuple(
            (
                _hhmm(value.get("start")),
                _hhmm(value.get("end")),
                value.get("title") or "",
                value.get("speaker") or "",
                tuple(_link_ids(value.get("case_studies"))),
            )
            for value in _raw_values(page.programme)
        )
    if key == "steps":
        return tuple(
            (value.get("heading") or "", value.get("text") or "", tuple(_link_ids(value.get("links"))))
            for value in _raw_values(page.steps)
        )
    return getattr(page, key)


def apply(page, key, value):
    if key == "villages":
        page.villages = list(Village.objects.filter(pk__in=value))
        return
    if key == "programme":
        page.programme = [
            {
                "type": "slot",
                "id": str(uuid.uuid4()),
                "value": {
                    "start": f"{start}:00",
                    "end": f"{end}:00" if end else None,
                    "title": title,
                    "speaker": speaker,
                    "case_studies": [{"type": "item", "value": pk, "id": str(uuid.uuid4())} for pk in links],
                },
            }
            for start, end, title, speaker, links in value
        ]
        return
    if key != "steps":
        setattr(page, key, value)
        return
    ids_by_heading = {}
    for block in getattr(page.steps, "raw_data", page.steps or []):
        if isinstance(block, dict) and block.get("id"):
            ids_by_heading.setdefault((block.get("value") or {}).get("heading"), block["id"])
    raw, used = [], set()
    for heading, body, links in value:
        block_id = ids_by_heading.get(heading)
        if block_id is None or block_id in used:
            block_id = str(uuid.uuid4())
        used.add(block_id)
        raw.append(
            {
                "type": "step",
                "id": block_id,
                "value": {
                    "heading": heading,
                    "text": body,
                    "links": [{"type": "item", "value": pk, "id": str(uuid.uuid4())} for pk in links],
                },
            }
        )
    page.steps = raw


def _raw_values(stream_value):
    for block in getattr(stream_value, "raw_data", stream_value or []):
        if isinstance(block, dict) and isinstance(block.get("value"), dict):
            yield block["value"]


def _hhmm(value):
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return (value or "")[:5]


def _link_ids(links):
    for item in links or []:
        value = item.get("value") if isinstance(item, dict) else item
        if isinstance(value, int):
            yield value


# --- export -----------------------------------------------------------------------------------


def guide_record(page, ref_of):
    """The guide columns of an export record; `ref_of(page id)` gives the export id of a
    public page or None (links to pages that are not public are left out)."""
    record = {"audience": page.audience, "author": page.author_kind}
    if page.effort:
        record["effort"] = page.effort
    record["steps"] = [
        {
            "heading": heading,
            "text": body,
            "links": [ref for ref in (ref_of(pk) for pk in links) if ref],
        }
        for heading, body, links in current(page, "steps")
    ]
    return record


def event_record(page, ref_of):
    """The event columns of an export record (`ref_of` as for guide_record)."""
    record = {
        "event_kind": page.event_kind,
        "starts_at": page.starts_at.astimezone(BERLIN).isoformat(),
        "ends_at": page.ends_at.astimezone(BERLIN).isoformat(),
        "online": page.online,
    }
    for key in ("address", "recording_url", "registration_url"):
        if getattr(page, key):
            record[key] = getattr(page, key)
    slots = current(page, "programme")
    if slots:
        record["programme"] = [
            {
                "start": start,
                **({"end": end} if end else {}),
                "title": title,
                **({"speaker": speaker} if speaker else {}),
                "case_studies": [ref for ref in (ref_of(pk) for pk in links) if ref],
            }
            for start, end, title, speaker, links in slots
        ]
    return record


def village_record(page):
    """The village columns of an export record (only when they hold something)."""
    record = {}
    names = sorted((village.name for village in page.villages.all()), key=str.casefold)
    if names:
        record["villages"] = names
    if getattr(page, "for_villages", False):
        record["for_villages"] = True
    return record
