"""Events (Veranstaltungen): the page, upcoming and past lists, iCalendar file and feed,
material text in search on both backends, the event date as the search's date, the start
page, the feed, and import → export → import."""

import csv
import io
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from search import reference, service
from search.backends.database import DatabaseBackend
from search.backends.database import index as fallback_index
from search.documents import build_document
from search.query import SearchQuery
from wiki.imports import KnowledgeImporter
from wiki.models import EventPage, EventPageDocument, KnowledgeDocument, KnowledgePage

from .conftest import ARNSBERG, SOEST, make_page
from .sample_files import docx_bytes
from .test_importers import CASE_STUDY, run_import, write_jsonl

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def _material(title, text):
    document = KnowledgeDocument(title=title)
    document.file.save(f"{title[:20]}.docx", ContentFile(docx_bytes([text])), save=False)
    document.save()
    return document


def make_event(title, starts_at, *, ags=ARNSBERG, hours=3, documents=(), **fields):
    fields.setdefault("address", "Rathaus, Saal 1")
    page = make_page(
        EventPage,
        ags,
        title,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        topics=("Daten und Infrastruktur",),
        **fields,
    )
    if documents:
        for position, document in enumerate(documents):
            EventPageDocument.objects.create(page=page, document=document, sort_order=position)
        page.save_revision().publish()
        page.refresh_from_db()
    return page


@pytest.fixture
def events(site_tree, page_factory):
    now = timezone.now()
    case_study = page_factory.case_study("LoRaWAN-Stadtnetz")
    draft = page_factory.case_study("Unveröffentlichter Entwurf", live=False)
    workshop = make_event(
        "Workshop LoRaWAN in der Praxis",
        datetime(2031, 3, 5, 9, 30, tzinfo=BERLIN),
        event_kind="workshop",
        summary="Ein Tag an Gateways und Sensoren.",
        registration_url="https://anmeldung.example.org/lorawan",
        description="<p>Für IT-Leitungen und Bauhöfe.</p>",
        programme=[
            {
                "type": "slot",
                "value": {
                    "start": "09:30",
                    "end": "10:15",
                    "title": "Aufbau des Stadtnetzes",
                    "speaker": "Erika Beispiel",
                    "case_studies": [case_study.pk, draft.pk],
                },
            },
        ],
        documents=[_material("Folien Gateway-Montage", "Antennenmast Blitzschutz Wartungszugang")],
    )
    webinar = make_event(
        "Webinar Offene Daten", now + timedelta(days=10), ags=SOEST, event_kind="webinar", online=True, address=""
    )
    past = make_event(
        "Konferenz des Vorjahres",
        now - timedelta(days=200),
        event_kind="conference",
        recording_url="https://video.example.org/konferenz",
        documents=[_material("Ergebnisprotokoll Konferenz", "Pegelsensoren Rahmenvereinbarung Dorfkümmerin")],
    )
    return {"workshop": workshop, "webinar": webinar, "past": past, "case_study": case_study}


def test_event_page_shows_all_fields_in_german(client, events):
    html = client.get(events["workshop"].url).content.decode()
    for text in (
        "Veranstaltung · Workshop",
        "Beginn",
        "Mittwoch, 5. März 2031, 09:30 Uhr",
        "Ende",
        "12:30 Uhr",
        "Rathaus, Saal 1, Arnsberg",
        "Zur Anmeldung",
        "https://anmeldung.example.org/lorawan",
        "Programm",
        "09:30</time> bis <time>10:15</time> Uhr</strong>: Aufbau des Stadtnetzes",
        "Erika Beispiel",
        "LoRaWAN-Stadtnetz",
        "Material zum Herunterladen",
        "Folien Gateway-Montage",
        "In den Kalender übernehmen (iCal)",
        "Für IT-Leitungen und Bauhöfe.",
    ):
        assert text in html, text
    assert "Unveröffentlichter Entwurf" not in html
    past = client.get(events["past"].url).content.decode()
    assert "Diese Veranstaltung hat bereits stattgefunden." in past and "Aufzeichnung ansehen" in past
    assert "Online-Veranstaltung" in client.get(events["webinar"].url).content.decode()


def test_lists_of_upcoming_and_past_events(client, events):
    make_event("Entwurf einer Veranstaltung", timezone.now() + timedelta(days=3), live=False)
    html = client.get("/veranstaltungen/").content.decode()
    upcoming, past = html.split('id="past-heading"')
    assert upcoming.index("Webinar Offene Daten") < upcoming.index("Workshop LoRaWAN in der Praxis")  # soonest first
    assert "Konferenz des Vorjahres" in past and "Konferenz des Vorjahres" not in upcoming
    assert "Entwurf einer Veranstaltung" not in html
    home = client.get("/").content.decode()
    assert (
        "Nächste Veranstaltungen" in home and "Webinar Offene Daten" in home and "Konferenz des Vorjahres" not in home
    )


def test_icalendar_file_per_event_and_feed_of_upcoming_ones(client, events):
    response = client.get(f"/veranstaltungen/{events['workshop'].pk}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "Workshop: Workshop LoRaWAN in der Praxis"
    assert event.decoded("DTSTART") == datetime(2031, 3, 5, 9, 30, tzinfo=BERLIN)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin" and calendar.walk("VTIMEZONE")
    assert str(event["LOCATION"]) == "Rathaus, Saal 1, Arnsberg"
    assert str(event["URL"]).endswith(events["workshop"].url)
    again = Calendar.from_ical(client.get(f"/veranstaltungen/{events['workshop'].pk}.ics").content)
    assert again.walk("VEVENT")[0]["UID"] == event["UID"]  # stable, so calendars update instead of duplicating

    feed = Calendar.from_ical(client.get("/veranstaltungen/kommende.ics").content)
    assert sorted(str(item["SUMMARY"]) for item in feed.walk("VEVENT")) == [
        "Webinar: Webinar Offene Daten",
        "Workshop: Workshop LoRaWAN in der Praxis",
    ]
    assert client.get(f"/veranstaltungen/{events['past'].pk}.ics").status_code == 200
    assert client.get(f"/veranstaltungen/{events['case_study'].pk}.ics").status_code == 404
    draft = make_event("Geheimer Termin", timezone.now() + timedelta(days=5), live=False)
    assert client.get(f"/veranstaltungen/{draft.pk}.ics").status_code == 404
    assert "Geheimer Termin" not in client.get("/veranstaltungen/kommende.ics").content.decode()


def test_search_document_is_dated_by_the_event_and_carries_its_material(events):
    document = build_document(events["past"])
    assert document["type"] == "event"
    assert document["sort_date"] == events["past"].starts_at.isoformat()
    assert "Rahmenvereinbarung" in document["document_text"]
    assert "Erika Beispiel" in build_document(events["workshop"])["body"]


def _event_search(backend, **params):
    return service.search(SearchQuery.from_params({"type": ["event"], **params}, reference.get()), backend=backend)


def _check_backend(backend, events):
    # the date sort uses the event date: the workshop in 2031 before the webinar, the past conference last
    by_date = _event_search(backend, sort="date")
    assert [hit.id for hit in by_date.results] == [events[name].pk for name in ("workshop", "webinar", "past")]
    # past events keep their material searchable
    assert [hit.id for hit in _event_search(backend, q="Rahmenvereinbarung").results] == [events["past"].pk]
    facets = service.search(SearchQuery.from_params({}, reference.get()), backend=backend).facets
    assert {"value": "event", "label": "Veranstaltung", "count": 3} in [value.to_dict() for value in facets["type"]]


def test_type_event_on_the_database_backend(client, events, settings):
    settings.ELASTICSEARCH_URL = None
    for page in KnowledgePage.objects.all():
        fallback_index.upsert_entry(page)
    _check_backend(DatabaseBackend(), events)
    data = client.get("/api/search/", {"type": "event", "sort": "date"}).json()
    assert [hit["type"] for hit in data["results"]] == ["event"] * 3


def test_type_event_on_elasticsearch(events, elasticsearch, settings):
    from search.backends.elasticsearch import ElasticsearchBackend, index
    from tests.search.factories import index_in_elasticsearch

    index.ensure_index(elasticsearch, settings.SEARCH_INDEX_ALIAS)
    index_in_elasticsearch(elasticsearch, list(KnowledgePage.objects.values_list("pk", flat=True)))
    _check_backend(ElasticsearchBackend(elasticsearch, settings.SEARCH_INDEX_ALIAS), events)


def test_feed_carries_events(client, events):
    assert "Veranstaltung: Workshop LoRaWAN in der Praxis (Arnsberg)" in client.get("/neu.xml").content.decode()


EVENT = {
    "external_id": "sw-event-1",
    "type": "event",
    "title": "Smart Cities: Konferenz",
    "municipality": "Olpe",
    "summary": "Die jährliche Konferenz der Modellregion.",
    "body": "Alle Kommunen tauschen sich aus.",
    "topics": ["Verwaltung und Bürgerservice"],
    "tags": ["OZG"],
    "event_kind": "conference",
    "starts_at": "2031-09-17T09:30:00+02:00",
    "ends_at": "2031-09-17T17:00:00+02:00",
    "online": False,
    "address": "Stadthalle Olpe",
    "programme": [
        {"start": "09:30", "end": "10:00", "title": "Begrüßung", "speaker": "Agentur", "case_studies": []},
        {"start": "10:00", "title": "Bauantrag digital", "case_studies": ["as-2021-bauantrag"]},
    ],
    "registration_url": "https://anmeldung.example.org/konferenz",
    "live": True,
}


def _export(fmt="jsonl"):
    out = io.StringIO()
    call_command("export_knowledge", "--format", fmt, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_events_import_export_and_reimport_unchanged(site_tree, tmp_path):
    out, err, error = run_import(write_jsonl(tmp_path, [CASE_STUDY, {**EVENT, "starts_at": "17.09.2031 09:30"}]))
    assert error is None, err
    event = EventPage.objects.get(external_id="sw-event-1")
    assert event.starts_at == datetime(2031, 9, 17, 9, 30, tzinfo=BERLIN)  # German notation, Berlin time
    assert [slot["title"] for slot in event.slot_list()] == ["Begrüßung", "Bauantrag digital"]
    exported = {json.loads(line)["external_id"]: json.loads(line) for line in _export().splitlines()}
    expected = {**EVENT, "municipality": "05966024"}
    expected["programme"] = [{**EVENT["programme"][0]}, {**EVENT["programme"][1]}]
    assert exported["sw-event-1"] == expected
    for fmt, name in (("jsonl", "export.jsonl"), ("csv", "export.csv")):
        path = tmp_path / name
        path.write_text(_export(fmt), encoding="utf-8")
        out, err, _error = run_import(path)
        assert "0 angelegt, 0 aktualisiert, 2 unverändert" in out, (fmt, out, err)
    row = next(row for row in csv.DictReader(io.StringIO(_export("csv").lstrip("\ufeff"))) if row["type"] == "event")
    assert row["online"] == "false" and json.loads(row["programme"])[1]["title"] == "Bauantrag digital"


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"starts_at": "nächsten Dienstag"}, "„starts_at“ „nächsten Dienstag“ ist kein Zeitpunkt"),
        ({"starts_at": "31.02.2031 10:00"}, "ist kein Zeitpunkt"),
        ({"ends_at": "2031-09-17T08:00:00+02:00"}, "„ends_at“ liegt vor „starts_at“"),
        ({"event_kind": "Party"}, "„event_kind“ „Party“ unbekannt"),
        ({"online": "vielleicht"}, "„online“ muss true oder false sein"),
        ({"programme": [{"start": "25:00", "title": "A"}]}, "„start“ muss eine Uhrzeit wie 09:30 sein"),
        ({"programme": [{"start": "09:00", "title": "A", "case_studies": ["fehlt"]}]}, "Fallstudie „fehlt“"),
        ({"address": "", "online": False}, "Adresse"),
    ],
)
def test_bad_event_records_are_refused_with_the_reason(site_tree, changes, reason):
    result = KnowledgeImporter().import_record(2, {**EVENT, "programme": [], **changes})
    assert result.status == "failed" and reason in result.message, result.message
    assert not EventPage.objects.exists()


def test_event_material_imports_from_files(site_tree, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "protokoll.docx").write_bytes(docx_bytes(["Ergebnisse der Konferenz zur Datenplattform"]))
    from wiki.imports import DocumentStore

    importer = KnowledgeImporter(documents=DocumentStore(tmp_path / "docs"))
    record = {**EVENT, "programme": [], "documents": [{"title": "Protokoll der Konferenz", "file": "protokoll.docx"}]}
    assert importer.import_record(1, record).status == "created"
    event = EventPage.objects.get(external_id="sw-event-1")
    assert [document.title for document in event.document_list()] == ["Protokoll der Konferenz"]
    assert "Datenplattform" in build_document(event)["document_text"]
