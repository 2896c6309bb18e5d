from django.urls import path

from transfer import feeds, follow_views, views

app_name = "transfer"

urlpatterns = [
    path("uebernahmen/<int:page_id>/", views.record_adoption, name="record_adoption"),
    path("uebernahmen/eintrag/<int:adoption_id>/loeschen/", views.withdraw_adoption, name="withdraw_adoption"),
    path("karte/", views.region_map_page, name="map"),
    path("feeds/handlungsfeld/<slug:slug>.xml", feeds.TopicFeed(), name="feed_topic"),
    path("feeds/schlagwort/<slug:slug>.xml", feeds.TagFeed(), name="feed_tag"),
    path("feeds/kommune/<str:ags>.xml", feeds.MunicipalityFeed(), name="feed_municipality"),
    path("feeds/kreis/<str:district_ags>.xml", feeds.DistrictFeed(), name="feed_district"),
    path("feeds/art/<slug:type_code>.xml", feeds.TypeFeed(), name="feed_type"),
    path("feeds/suche.xml", feeds.SearchFeed(), name="feed_search"),
    path("folgen/", follow_views.subscribe, name="subscribe"),
    path("folgen/bestaetigen/<str:token>/", follow_views.confirm, name="confirm"),
    path("folgen/abmelden/<str:token>/", follow_views.unsubscribe, name="unsubscribe"),
]
