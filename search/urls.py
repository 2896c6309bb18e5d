from django.urls import path

from search import api, views

app_name = "search"

urlpatterns = [
    path("suche/", views.search_page, name="page"),
    path("api/search/", api.search, name="api"),
    path("api/search/suggest/", api.suggest, name="api-suggest"),
    path("api/search/openapi.json", api.openapi, name="api-openapi"),
]
