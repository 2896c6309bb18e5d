"""Every answer under /api/ that is an error is JSON in the API's documented shape.

Django and its middleware answer some errors before the API views run, as HTML or with an
empty body: 403 (CSRF check on a POST), 404 (unknown path), 405 (`require_GET`), 500 (an
exception). A client of the API should not have to parse HTML, so this middleware rewrites
any non-JSON error response under /api/ into {"error": {"parameter": null, "message": "…"}}
(search/openapi.py, schema "Error"). It also refuses overlong query strings with a JSON 414
before any parameter is parsed; run gunicorn with `--limit-request-line 8190` so that the
application, not gunicorn's plain-text 414, answers up to that length (docs/operations.md).
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, JsonResponse

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
DEFAULT_MAX_QUERY_STRING = 4000
_DJANGO_ANSWERS = (Http404, PermissionDenied, BadRequest, SuspiciousOperation)

MESSAGES = {
    400: "Die Anfrage ist ungültig.",
    403: "Diese Anfrage ist nicht erlaubt.",
    404: "Diese Adresse gibt es in der API nicht. Die Beschreibung steht unter /api/search/openapi.json.",
    405: "Diese Methode ist hier nicht erlaubt; die Such-API beantwortet nur GET-Anfragen.",
    414: "Die Adresse ist zu lang; bitte weniger oder kürzere Parameter angeben.",
    500: "Bei der Suche ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.",
    503: "Die Suche ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
}


def _json_error(status, message=None, parameter=None):
    message = message or MESSAGES.get(status) or MESSAGES[500 if status >= 500 else 400]
    return JsonResponse(
        {"error": {"parameter": parameter, "message": message}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


class ApiErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        limit = getattr(settings, "API_MAX_QUERY_STRING", DEFAULT_MAX_QUERY_STRING)
        if len(request.META.get("QUERY_STRING", "")) > limit:
            return _json_error(414)
        response = self.get_response(request)
        if response.status_code < 400 or response.get("Content-Type", "").startswith("application/json"):
            return response
        replacement = _json_error(response.status_code)
        if response.has_header("Allow"):
            replacement["Allow"] = response["Allow"]
        return replacement

    def process_exception(self, request, exception):
        if not request.path.startswith(API_PREFIX) or isinstance(exception, _DJANGO_ANSWERS):
            return None  # Django turns these into 400/403/404; __call__ rewrites them as JSON
        logger.error("API error on %s", request.path, exc_info=exception)
        return _json_error(500)
