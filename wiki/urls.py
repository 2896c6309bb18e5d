from django.urls import path

urlpatterns: list = [
    # Filled by the knowledge-base issue: tag overview, open-data export downloads
]
