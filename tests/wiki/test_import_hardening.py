"""Malformed import files: every bad line is reported with its number and reason, the other
lines still import, and a summary is always printed."""

import json

import pytest

from wiki.exports import iter_jsonl
from wiki.models import CaseStudyPage, KnowledgePage

from .test_exporters import export, records
from .test_importers import CASE_STUDY, run_import

pytestmark = pytest.mark.django_db


def line(external_id, **changes):
    return json.dumps({**CASE_STUDY, "external_id": external_id, **changes}, ensure_ascii=False)


def write(tmp_path, *lines, name="wissen.jsonl"):
    path = tmp_path / name
    path.write_bytes(b"\n".join(item if isinstance(item, bytes) else item.encode("utf-8") for item in lines) + b"\n")
    return path


def reasons(err):
    return {int(text.split(":", 1)[0]): text.split(": ", 1)[1] for text in err.split("Zeile ")[1:]}


def imported():
    return set(KnowledgePage.objects.values_list("external_id", flat=True))


def test_deeply_nested_line_and_huge_integer_are_bad_lines_and_the_run_carries_on(site_tree, tmp_path):
    deep = '{"external_id": "tief", "tags": ' + "[" * 100_000 + "]" * 100_000 + "}"
    huge = '{"external_id": "gross", "year": 1' + "0" * 4999 + "}"
    out, err, error = run_import(write(tmp_path, line("a"), deep, huge, line("b")))
    assert error is not None
    found = reasons(err)
    assert "zu tief verschachtelt" in found[2]
    assert "kein gültiges JSON" in found[3]
    assert "4 Zeilen: 2 angelegt, 0 aktualisiert, 0 unverändert, 2 fehlerhaft." in out
    assert imported() == {"a", "b"}


def test_line_separators_inside_a_json_string_do_not_split_the_line(site_tree, tmp_path):
    body = "Erster Absatz\u2028mit Zeilentrenner.\n\nZweiter\rAbsatz."
    out, err, error = run_import(
        write(tmp_path, line("a", body=body), line("b", title="Titel\u0085mit NEL"), line("c"))
    )
    # Line 2 is refused for its control character but stays one line: "c" is line 3.
    assert reasons(err) == {2: reasons(err)[2]} and "U+0085" in reasons(err)[2] and "„title“" in reasons(err)[2]
    assert "3 Zeilen: 2 angelegt, 0 aktualisiert, 0 unverändert, 1 fehlerhaft." in out
    assert imported() == {"a", "c"}
    # The body keeps its first paragraph whole (U+2028 is whitespace to the body format).
    assert "Erster Absatz mit Zeilentrenner." in CaseStudyPage.objects.get(external_id="a").body[0].value.source


def test_jsonl_export_escapes_line_separators_and_round_trips(site_tree, tmp_path):
    out, err, error = run_import(write(tmp_path, line("a", summary="Kurz\u2028und\u2029bündig.")))
    assert error is None, err
    exported = export()
    assert "\u2028" not in exported and "\u2029" not in exported
    assert "\\u2028" in exported and "\\u2029" in exported
    # str.splitlines() (what many readers use) sees one line per record.
    assert len(exported.splitlines()) == 1
    assert records(exported)[0]["summary"] == "Kurz\u2028und\u2029bündig."
    assert list(iter_jsonl([{"x": "a\u0085b"}])) == ['{"x": "a\\u0085b"}\n']
    out, err, error = run_import(write(tmp_path, exported.rstrip("\n"), name="export.jsonl"))
    assert error is None and "1 unverändert" in out, err


def test_invalid_utf8_is_reported_by_line_and_the_other_lines_import(site_tree, tmp_path):
    broken = line("kaputt", title="Stra\u00dfe").encode("utf-8").replace("ß".encode(), b"\xdf")
    out, err, error = run_import(write(tmp_path, line("a"), broken, line("b")))
    assert "ungültige UTF-8-Kodierung" in reasons(err)[2]
    assert "3 Zeilen: 2 angelegt, 0 aktualisiert, 0 unverändert, 1 fehlerhaft." in out
    assert imported() == {"a", "b"}


def test_invalid_utf8_in_a_csv_record(site_tree, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes(
        b"external_id;type;title;municipality;summary;topics\r\n"
        b"c-1;case_study;Gut;Bestwig;Kurz.;Bildung\r\n"
        b"c-2;case_study;Stra\xdfe;Bestwig;Kurz.;Bildung\r\n"
        b"c-3;case_study;Auch gut;Bestwig;Kurz.;Bildung\r\n"
    )
    out, err, error = run_import(path)
    assert "Zeile 3: ungültige UTF-8-Kodierung" in err
    assert imported() == {"c-1", "c-3"}


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"title": "Null\x00Byte"}, "title", "U+0000"),
        ({"summary": "Farbe \x1b[31mrot"}, "summary", "U+001B"),
        ({"tags": ["Glocke\x07"]}, "tags", "U+0007"),
        ({"title": "Tab\tim Titel"}, "title", "U+0009"),
        ({"body": "Seitenvorschub\x0c"}, "body", "U+000C"),
    ],
)
def test_control_characters_are_refused_with_the_line_number(site_tree, tmp_path, changes, field, code):
    out, err, error = run_import(write(tmp_path, line("a"), line("steuer", **changes)))
    assert error is not None
    assert f"„{field}“ enthält das unzulässige Zeichen {code}" in reasons(err)[2]
    assert imported() == {"a"}


def test_tabs_and_line_breaks_are_fine_in_text_fields(site_tree, tmp_path):
    out, err, error = run_import(write(tmp_path, line("a", summary="Spalte\tSpalte", body="Zeile eins\r\nZeile zwei")))
    assert error is None, err
    assert CaseStudyPage.objects.get(external_id="a").summary == "Spalte\tSpalte"


def test_a_summary_is_printed_even_when_every_line_is_bad(site_tree, tmp_path):
    out, err, error = run_import(write(tmp_path, b"\xff\xfe", "[]", "{"))
    assert error is not None
    assert "3 Zeilen: 0 angelegt, 0 aktualisiert, 0 unverändert, 3 fehlerhaft." in out
