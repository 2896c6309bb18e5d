#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import gc
import os
import sys


def main():
    """Run administrative tasks."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Couldn't import Django. Are you sure it's installed and "
            "available on your PYTHONPATH environment variable? Did you "
            "forget to activate a virtual environment?"
        ) from exc
    try:
        execute_from_command_line(sys.argv)
    finally:
        # The command is done; without this, interpreter shutdown spends half a second or more
        # garbage-collecting the module graph of Django and Wagtail (measured on search_rebuild,
        # docs/benchmarks.md). Frozen objects are still freed, just not traversed for cycles.
        gc.freeze()


if __name__ == "__main__":
    main()
