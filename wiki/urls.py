from django.urls import path

from wiki import events, guides, views
from wiki.feeds import NewKnowledgeFeed

app_name = "wiki"

urlpatterns = [
    path("schlagwoerter/", views.tag_overview, name="tag_overview"),
    path("offene-daten/", views.open_data, name="open_data"),
    path("offene-daten/wissen.jsonl", views.open_data_jsonl, name="open_data_jsonl"),
    path("offene-daten/wissen.csv", views.open_data_csv, name="open_data_csv"),
    path("offene-daten/wissen-excel.csv", views.open_data_csv_excel, name="open_data_csv_excel"),
    path("offene-daten/wissen.xlsx", views.open_data_xlsx, name="open_data_xlsx"),
    path("offene-daten/dcat.jsonld", views.open_data_dcat, name="open_data_dcat"),
    path("neu.xml", NewKnowledgeFeed(), name="feed_new"),
    path("veranstaltungen/", events.event_list, name="events"),
    path("veranstaltungen/kommende.ics", events.upcoming_ical, name="events_ical"),
    path("veranstaltungen/<int:event_id>.ics", events.event_ical, name="event_ical"),
    path("leitfaeden/<int:guide_id>/schritte/<str:step_id>/", guides.mark_step, name="guide_step"),
]
