from django.conf import settings


def site_context(request):
    return {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "search_backend_configured": bool(settings.ELASTICSEARCH_URL),
    }
