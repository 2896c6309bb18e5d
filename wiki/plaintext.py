"""The plain-text `body` of the import/export format and how it maps onto page fields.

Plain text: paragraphs separated by a blank line. A paragraph that is a single line
"## <Überschrift>" starts a titled part:

- case study: the section kinds of the body ("## Ziel", "## Übertragbarkeit", …); text before
  the first heading becomes a free-text block;
- lesson: "## Was versucht wurde", "## Was passiert ist", "## Empfehlung"; text before the
  first heading belongs to "Was versucht wurde";
- template and event: no headings, the whole text is the description;
- guide: no headings, the whole text is the introduction (the steps have their own column).

Rich text becomes plain text by keeping paragraphs, line breaks and list items ("- ") and
dropping formatting and link targets, so an export can be read and re-imported by people
with a spreadsheet. `canonical_body()` and `page_body_text()` produce the same string for
the same meaning, which is how the importer tells "unchanged" from "changed".
"""

import re
from html import escape
from html.parser import HTMLParser

from wiki import page_types
from wiki.blocks import SECTION_KINDS

HEADING_PREFIX = "## "
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_SPACES = re.compile(r"\s+")

SECTION_LABELS = {label.casefold(): (kind, label) for kind, label in SECTION_KINDS}
LESSON_FIELDS = [
    ("what_was_tried", "Was versucht wurde"),
    ("what_happened", "Was passiert ist"),
    ("recommendation", "Empfehlung"),
]
LESSON_LABELS = {label.casefold(): (field, label) for field, label in LESSON_FIELDS}


class BodyError(ValueError):
    """The body cannot be mapped onto the page; the message is German."""


# --- plain text <-> paragraphs -------------------------------------------------------------


def paragraphs(text):
    """Normalised paragraphs: whitespace runs inside a line collapse, empty lines separate."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    result = []
    for block in _BLANK_LINE.split(text):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            result.append("\n".join(lines))
    return result


def normalise(text):
    return "\n\n".join(paragraphs(text))


def text_to_html(text):
    """Plain text -> Wagtail rich text (database format): <p> per paragraph, <br/> per line;
    a paragraph whose lines all start with "- " is a bullet list (html_to_text writes list
    items that way, so the two stay inverse)."""
    out = []
    for paragraph in paragraphs(text):
        lines = paragraph.split("\n")
        if all(line.startswith("- ") and line[2:].strip() for line in lines):
            out.append(
                "<ul>" + "".join(f"<li>{escape(line[2:].strip(), quote=False)}</li>" for line in lines) + "</ul>"
            )
        else:
            out.append("<p>" + "<br/>".join(escape(line, quote=False) for line in lines) + "</p>")
    return "".join(out)


class _TextExtractor(HTMLParser):
    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "tr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.lists = []

    def _break(self, lines=2):
        self.out.append("\n" * lines)

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._break()
        if tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        elif tag == "li":
            self._break(1)
            if self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                self.out.append(f"{self.lists[-1][1]}. ")
            else:
                self.out.append("- ")
        elif tag == "br":
            self.out.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in self.BLOCKS:
            self._break()

    def handle_data(self, data):
        # HTML whitespace (including newlines in the source) is a single space.
        self.out.append(_SPACES.sub(" ", data))


def html_to_text(html):
    """Paragraphs, line breaks and list items of rich text as plain text. Search indexes
    with its own, faster routine (wiki/page_text.py says why)."""
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(str(html))
    parser.close()
    return normalise("".join(parser.out))


def _rich_source(value):
    return getattr(value, "source", value) or ""


# --- titled parts --------------------------------------------------------------------------


def render_parts(parts):
    """[(heading or None, text)] -> plain text; empty parts are left out."""
    out = []
    for heading, text in parts:
        text = normalise(text)
        if not text:
            continue
        if heading:
            out.append(HEADING_PREFIX + heading)
        out.append(text)
    return "\n\n".join(out)


def _split_parts(text, labels, kind_name):
    """Plain text -> [(canonical heading or None, text)] in the order given."""
    parts, heading, current = [], None, []
    for paragraph in paragraphs(text):
        if paragraph.startswith(HEADING_PREFIX) and "\n" not in paragraph:
            wanted = paragraph[len(HEADING_PREFIX) :].strip()
            match = labels.get(wanted.casefold())
            if match is None:
                allowed = ", ".join(f"„## {label}“" for _, label in labels.values())
                raise BodyError(f"unbekannte Überschrift „{paragraph}“ im body ({kind_name}); erlaubt sind {allowed}")
            if current or heading is not None:
                parts.append((heading, "\n\n".join(current)))
            heading, current = match[1], []
        else:
            current.append(paragraph)
    if current or heading is not None:
        parts.append((heading, "\n\n".join(current)))
    return [(heading, text) for heading, text in parts if text]


# --- per page type ---------------------------------------------------------------------------


def parse_body(type_code, text):
    """Plain text -> what `apply_body` assigns; raises BodyError."""
    if type_code == "case_study":
        return _split_parts(text, SECTION_LABELS, page_types.CASE_STUDY.label)
    if type_code == "lesson":
        by_label = {}
        for heading, part in _split_parts(text, LESSON_LABELS, page_types.LESSON.label):
            label = heading or LESSON_FIELDS[0][1]
            by_label[label] = "\n\n".join(filter(None, [by_label.get(label, ""), part]))
        return [(label, by_label.get(label, "")) for _, label in LESSON_FIELDS]
    return [(None, normalise(text))]


def canonical_body(type_code, text):
    return render_parts(parse_body(type_code, text))


def page_body_parts(page):
    type_code = page.specific_class.TYPE_CODE
    if type_code == "case_study":
        parts = []
        for block in page.body:
            if block.block_type == "section":
                kind = block.value.get("kind")
                label = next((label for key, label in SECTION_KINDS if key == kind), SECTION_KINDS[-1][1])
                parts.append((label, html_to_text(_rich_source(block.value.get("text")))))
            else:
                parts.append((None, html_to_text(_rich_source(block.value))))
        return parts
    if type_code == "lesson":
        return [(label, html_to_text(getattr(page, field))) for field, label in LESSON_FIELDS]
    return [(None, html_to_text(getattr(page, _plain_field(type_code))))]


def _plain_field(type_code):
    """The rich-text field that holds the whole body of a type without titled parts."""
    return "intro" if type_code == "guide" else "description"


def page_body_text(page):
    return render_parts(page_body_parts(page))


def apply_body(page, parts):
    type_code = page.specific_class.TYPE_CODE
    if type_code == "case_study":
        blocks = []
        for heading, text in parts:
            if heading is None:
                blocks.append({"type": "text", "value": text_to_html(text)})
            else:
                kind = SECTION_LABELS[heading.casefold()][0]
                blocks.append({"type": "section", "value": {"kind": kind, "text": text_to_html(text)}})
        page.body = blocks
    elif type_code == "lesson":
        values = dict(parts)
        for field, label in LESSON_FIELDS:
            setattr(page, field, text_to_html(values.get(label, "")))
    else:
        setattr(page, _plain_field(type_code), text_to_html(parts[0][1] if parts else ""))
