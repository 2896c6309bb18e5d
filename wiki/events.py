"""Events for visitors and their calendars: the list of upcoming and past events, an
iCalendar file per event and an iCalendar feed of all upcoming ones.

Only published, unrestricted events appear. Times go out in Europe/Berlin with the matching
VTIMEZONE, so calendar programs show them as announced; each event keeps its UID across
downloads, so a re-imported file updates the entry instead of adding a second one.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from wiki.models import EventPage
from wiki.models.events import past_events, upcoming_events
from wiki.models.pages import public_pages

BERLIN = ZoneInfo("Europe/Berlin")
PRODID = "-//Transferwiki Südwestfalen//Veranstaltungen//DE"
UID_DOMAIN = "transferwiki-suedwestfalen"
PAST_LIMIT = 50


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    return calendar


def location(event):
    if event.online:
        return "Online"
    return ", ".join(part for part in (event.address, event.municipality.name) if part)


def _event_component(event, base_url):
    component = Event()
    component.add("uid", f"event-{event.translation_key}@{UID_DOMAIN}")
    component.add("dtstamp", (event.last_published_at or datetime.now(UTC)).astimezone(UTC))
    component.add("dtstart", event.starts_at.astimezone(BERLIN))
    component.add("dtend", event.ends_at.astimezone(BERLIN))
    component.add("summary", f"{event.get_event_kind_display()}: {event.title}")
    description = event.summary
    if event.registration_url:
        description += f"\n\nAnmeldung: {event.registration_url}"
    component.add("description", description)
    component.add("location", location(event))
    component.add("url", base_url + event.url if event.url and event.url.startswith("/") else event.url or base_url)
    return component


def _ical_response(calendar, filename):
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=300"
    return response


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def event_ical(request, event_id):
    event = public_pages(EventPage.objects.filter(pk=event_id)).select_related("municipality").first()
    if event is None:
        raise Http404("Diese Veranstaltung gibt es nicht oder sie ist nicht veröffentlicht.")
    calendar = _calendar(event.title)
    calendar.add_component(_event_component(event, _base_url(request)))
    return _ical_response(calendar, f"veranstaltung-{event.pk}.ics")


@require_safe
def upcoming_ical(request):
    calendar = _calendar("Transferwiki Südwestfalen – Veranstaltungen")
    base_url = _base_url(request)
    for event in upcoming_events():
        calendar.add_component(_event_component(event, base_url))
    return _ical_response(calendar, "transferwiki-veranstaltungen.ics")


@require_safe
def event_list(request):
    return render(
        request,
        "wiki/event_list.html",
        {"upcoming": list(upcoming_events()), "past": list(past_events()[:PAST_LIMIT])},
    )
