"""The text of a knowledge page that search reads, per page type (the types and their columns
are in wiki/page_types.py). Works on page objects and on the plain rows the search rebuild
reads (StreamField as raw JSON), so it must stay fast: it runs for every page of a rebuild.

(wiki/plaintext.py has the other text form of a page: the paragraph-keeping plain text of
the import/export format.)

Why two HTML-to-text routines: the export's HTMLParser keeps paragraphs and writes list
items as "- "; folded into one line it would serve search too, but it is about 7 times
slower (measured on the 318 rich-text fragments of the demo content: 40 µs against 6 µs per
fragment) and would put the list markers into the indexed text. The index needs words
only, so this one stays string operations.
"""

import html
import json
import re

from wiki import page_types

_TAG_RE = re.compile(r"<[^>]*>")
# Closing tags of blocks (and line breaks) separate words; inline tags (<b>, <a>) must not.
_BLOCK_ENDS = (
    "</p>",
    "</li>",
    "</h2>",
    "</h3>",
    "</h4>",
    "</h5>",
    "</h6>",
    "</div>",
    "</td>",
    "</th>",
    "</blockquote>",
    "<br>",
    "<br/>",
    "<br />",
)


def html_to_text(value):
    """Text of a rich-text HTML fragment; block ends become spaces so words don't fuse.

    str methods instead of regular expressions where possible: this runs for every block of
    every page in a rebuild."""
    if not value:
        return ""
    value = str(value)
    if "<" in value:
        for end in _BLOCK_ENDS:
            if end in value:
                value = value.replace(end, " ")
        value = _TAG_RE.sub("", value)
    if "&" in value:
        value = html.unescape(value)
    return " ".join(value.split())


def _stream_text(stream_value):
    """Text of a StreamField from its raw JSON (no block instantiation: much faster)."""
    if not stream_value:
        return []
    raw = getattr(stream_value, "raw_data", stream_value)
    out = []
    for block in raw:
        value = block.get("value") if isinstance(block, dict) else None
        _collect_text(value, out)
    return out


def _collect_text(value, out):
    if isinstance(value, str):
        # Choice values such as a section kind are identifiers, not content.
        if "<" in value or " " in value:
            out.append(html_to_text(value))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"kind", "id", "type"}:
                _collect_text(item, out)
    elif isinstance(value, list):
        for item in value:
            _collect_text(item.get("value") if isinstance(item, dict) and "value" in item else item, out)


def place_parts(municipality, partner_names=(), village_names=()):
    """The place words of a page: its town and Kreis (`municipality` as the search document
    holds it), its partner towns and the villages (Ortsteile) it names, so that a search for
    a village's name finds the page."""
    parts = [municipality["name"], municipality["district_name"]] if municipality else []
    return parts + list(partner_names) + list(village_names)


def body_parts(page):
    """Text fragments of the specific page type's content, in reading order."""
    type_code = getattr(page, "TYPE_CODE", None)  # wiki.page_types codes
    if type_code == "case_study":
        body = page.body
        parts = _stream_text(json.loads(body) if isinstance(body, str) else body)
        parts.extend(
            getattr(page, name, "")
            for name in (
                "effort_time",
                "effort_staff",
                "effort_cost",
                "funding_programme",
                "budget",
                "operator_model",
                "licence",
            )
        )
        return parts
    if type_code == "lesson":
        return [html_to_text(page.what_was_tried), html_to_text(page.what_happened), html_to_text(page.recommendation)]
    if type_code == "template":
        return [page.get_template_kind_display(), html_to_text(page.description), page.licence]
    if type_code == "guide":
        parts = [page_types.AUDIENCE_LABELS.get(page.audience, ""), html_to_text(page.intro)]
        for value in _block_values(page.steps):
            parts.extend([value.get("heading") or "", value.get("text") or ""])
        parts.append(page.effort or "")
        return parts
    if type_code == "event":
        parts = [
            page_types.EVENT_KIND_LABELS.get(page.event_kind, ""),
            "Online" if page.online else page.address or "",
            html_to_text(page.description),
        ]
        for value in _block_values(page.programme):
            parts.extend([value.get("title") or "", value.get("speaker") or ""])
        return parts
    return []


def _block_values(stream_value):
    """The value dicts of a StreamField's blocks, from a StreamValue, its raw list or its JSON
    text (the rebuild reads the column as text). Headings and names are taken as they are:
    unlike in _collect_text, a one-word heading is content."""
    if not stream_value:
        return []
    if isinstance(stream_value, str):
        stream_value = json.loads(stream_value)
    raw = getattr(stream_value, "raw_data", stream_value)
    values = []
    for block in raw:
        value = block.get("value") if isinstance(block, dict) else None
        if isinstance(value, dict):
            values.append({key: item for key, item in value.items() if isinstance(item, str)})
    return values
