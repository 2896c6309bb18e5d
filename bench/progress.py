"""Progress output of the benchmark (stderr, so stdout stays free for a summary)."""

import sys
import time

_START = time.monotonic()


def log(message):
    elapsed = time.monotonic() - _START
    minutes, seconds = divmod(int(elapsed), 60)
    print(f"[bench {minutes:02d}:{seconds:02d}] {message}", file=sys.stderr, flush=True)


class Progress:
    """Prints "label: done/total" at most every `every` seconds and once at the end."""

    def __init__(self, label, total, every=2.0):
        self.label = label
        self.total = total
        self.every = every
        self.done = 0
        self.started = time.monotonic()
        self._last = 0.0

    def advance(self, count=1):
        self.done += count
        now = time.monotonic()
        if now - self._last >= self.every or self.done >= self.total:
            self._last = now
            rate = self.done / max(now - self.started, 1e-9)
            log(f"{self.label}: {self.done}/{self.total} ({rate:,.0f}/s)")
