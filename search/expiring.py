"""A value per key that is rebuilt after a fixed lifetime or when cleared: the per-process
caches of the search (reference data, synonyms, index-wide facts) that every request needs
but that change only when curators or editors change something."""

import threading
import time


class Expiring:
    def __init__(self, seconds):
        self.seconds = seconds
        self._values = {}  # key -> (expires at, value)
        self._lock = threading.Lock()

    def get(self, build, key=None):
        """The cached value of `key`, or `build()` stored for `seconds`. Concurrent callers
        that miss build it once; the others wait for it."""
        cached = self._values.get(key)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        with self._lock:
            cached = self._values.get(key)
            if cached is not None and cached[0] > time.monotonic():
                return cached[1]
            value = build()
            self._values[key] = (time.monotonic() + self.seconds, value)
        return value

    def clear(self, **_signal_kwargs):
        self._values = {}
