from django.urls import path

urlpatterns: list = [
    # Filled by the search issue: /suche/, /api/search/, /api/search/suggest/
]
