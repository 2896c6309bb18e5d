"""The one memory of backend outages in this process.

When a backend raised BackendUnavailable, the service (reads) and the outbox (inline writes
after an editor's commit) leave it alone for a while, so that a dead node does not add a
connection timeout to every request and every publish. Whoever noticed the outage decides how
long to wait (reads retry sooner than inline writes); everybody asks here.
"""

import threading
import time

_lock = threading.Lock()
_down = {}  # backend name -> (monotonic time until which it counts as down, reason)


def mark_down(name, reason, seconds):
    with _lock:
        until = time.monotonic() + seconds
        previous = _down.get(name)
        if previous is None or previous[0] < until:
            _down[name] = (until, str(reason)[:300])


def is_down(name):
    entry = _down.get(name)
    return entry is not None and time.monotonic() < entry[0]


def reason(name):
    entry = _down.get(name)
    return entry[1] if entry is not None and time.monotonic() < entry[0] else ""


def reset(name=None):
    """Forget remembered outages (tests; after the operator fixed the node)."""
    with _lock:
        if name is None:
            _down.clear()
        else:
            _down.pop(name, None)
