import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Read the German compound vocabulary before the first request rather than during a
# visitor's first search (about a second). With `gunicorn --preload` this happens once in
# the master and the workers share the memory.
from search import analysis  # noqa: E402

analysis.get_vocabulary()
