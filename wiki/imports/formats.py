"""The import columns of the region's own formats (guides; events) and how they map onto
page fields. knowledge.py asks here for the keys of these types, so its own code stays that
of case studies, lessons and templates.

Structured columns (`steps`) are a list of objects in JSON Lines and the same list as JSON
text in a spreadsheet cell:

    steps: [{"heading": "…", "text": "…", "links": ["<external_id>", …]}, …]

`links` name case studies, lessons or templates by external id (or the `tw:` id of the
export). A step keeps its block id while its heading stays the same, so the steps a town
marked as done stay done when a guide is re-imported with changes.
"""

import json
import uuid

from wiki import page_types
from wiki.imports.fields import LineError, text
from wiki.imports.lookups import knowledge_page

# Keys of the desired state that this module reads and writes.
STATE_KEYS = {"audience", "effort", "author_kind", "steps"}

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
        raise LineError(f"„{key}“ muss eine Liste von Objekten sein, z. B. [{{\"heading\": \"…\"}}]")
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


def desired_state(type_code, data, desired, required):
    if type_code != "guide":
        return
    if "audience" in data or required:
        desired["audience"] = _choice(data.get("audience"), "audience", [c for c, _ in page_types.AUDIENCES], _AUDIENCE_BY_LABEL, "beginners")
    if "author" in data or required:
        desired["author_kind"] = _choice(data.get("author"), "author", [c for c, _ in page_types.AUTHOR_KINDS], _AUTHOR_BY_LABEL, "agency")
    if "effort" in data:
        desired["effort"] = text(data, "effort", max_length=200)
    if "steps" in data or required:
        desired["steps"] = steps(data)


def current(page, key):
    if key == "steps":
        return tuple(
            (value.get("heading") or "", value.get("text") or "", tuple(_link_ids(value.get("links"))))
            for value in _raw_values(page.steps)
        )
    return getattr(page, key)


def apply(page, key, value):
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
        raw.append({
            "type": "step",
            "id": block_id,
            "value": {
                "heading": heading,
                "text": body,
                "links": [{"type": "item", "value": pk, "id": str(uuid.uuid4())} for pk in links],
            },
        })
    page.steps = raw


def _raw_values(stream_value):
    for block in getattr(stream_value, "raw_data", stream_value or []):
        if isinstance(block, dict) and isinstance(block.get("value"), dict):
            yield block["value"]


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
