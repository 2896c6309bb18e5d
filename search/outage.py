"""The one memory of backend outages, shared by every web worker and the outbox.

When a backend raised BackendUnavailable, the service (reads) and the outbox (inline writes
after an editor's commit) leave it alone for a while, so that a dead or hanging node does not
add a timeout to every request and every publish. Whoever noticed the outage decides how long
to wait (reads retry sooner than inline writes); everybody asks here.

Why a table and not process memory: the site runs several gunicorn workers. With a memory per
process each worker had to find a hanging node on its own, each paying a full read timeout,
and all of them came back to the node at the same moment. Here the outage lives in one row per
backend (search.models.BackendOutage), so:

* one worker's slow request keeps all workers away from the node for the whole interval;
* when the interval has passed, exactly one worker claims the right to try the node again
  (an UPDATE that only one worker can win); the others keep answering from the database
  until that probe has succeeded (`mark_up` deletes the row) or failed (`mark_down` again);
* each worker keeps what it read for SHARED_READ_SECONDS, so a healthy site costs each
  worker one primary-key SELECT per second, not one per request.

Why a table and not Django's cache: the configured cache is process-local memory unless an
operator sets up a shared one, and the database cache needs `createcachetable` outside the
migrations; this table comes with `migrate`. When the database itself fails, the process-local
memory still works, as before.

Time is wall-clock time (timezone.now()): the rows are compared across processes.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

# A worker reads the shared row at most this often (seconds) while it knows of no outage.
SHARED_READ_SECONDS = 1.0
# A claimed probe keeps the others away this long (it ends earlier with mark_up/mark_down);
# longer than the connect + read timeout of the search path, so that a hanging probe is
# still running when the claim would end.
PROBE_SECONDS = 5.0

_lock = threading.Lock()
# Process-local memo: backend name -> (wall time until which it is down, reason); a name is
# missing when this process knows of no outage.
_down: dict[str, tuple[float, str]] = {}
_read_at: dict[str, float] = {}  # name -> monotonic time of the last shared read
_probing: set[str] = set()  # names this process claimed a probe for


def _model():
    from search.models import BackendOutage

    return BackendOutage


def mark_down(name, reason, seconds):
    """Remember `name` as down for `seconds` (an existing longer outage is kept)."""
    reason = str(reason)[:300]
    now = timezone.now()
    until = now + timedelta(seconds=seconds)
    with _lock:
        _probing.discard(name)
        previous = _down.get(name)
        if previous is None or previous[0] < until.timestamp():
            _down[name] = (until.timestamp(), reason)
        _read_at[name] = time.monotonic()
    try:
        with transaction.atomic():
            model = _model()
            updated = model.objects.filter(name=name, down_until__lt=until).update(down_until=until, reason=reason)
            if not updated and not model.objects.filter(name=name).exists():
                model.objects.create(name=name, down_until=until, reason=reason)
    except IntegrityError:
        pass  # another worker wrote the row at the same moment: the outage is known
    except DatabaseError:
        logger.warning("search outage of %s remembered in this process only", name, exc_info=True)


def is_down(name):
    """True while `name` counts as down. When a remembered outage has just ended, one worker
    (this one, if it wins the claim) gets False and tries the node; the others still get True."""
    now = time.time()
    with _lock:
        local = _down.get(name)
        if local is not None and now < local[0]:
            return True
        if name in _probing:
            return False
        read_at = _read_at.get(name)
        if local is None and read_at is not None and time.monotonic() - read_at < SHARED_READ_SECONDS:
            return False
    return _read_shared(name)


def _read_shared(name):
    model = _model()
    try:
        row = model.objects.filter(name=name).values_list("down_until", "reason").first()
        if row is not None and row[0] <= timezone.now():
            claimed = _claim_probe(model, name)
            row = None if claimed else model.objects.filter(name=name).values_list("down_until", "reason").first()
            if claimed:
                with _lock:
                    _probing.add(name)
    except DatabaseError:
        logger.warning("search outage table unreadable; using this process's memory", exc_info=True)
        row = None
    with _lock:
        _read_at[name] = time.monotonic()
        if row is None:
            _down.pop(name, None)
            return False
        _down[name] = (row[0].timestamp(), row[1])
        return row[0] > timezone.now()


def _claim_probe(model, name):
    """Extend an ended outage by PROBE_SECONDS; only one worker's UPDATE can match."""
    now = timezone.now()
    with transaction.atomic():
        return bool(
            model.objects.filter(name=name, down_until__lte=now).update(
                down_until=now + timedelta(seconds=PROBE_SECONDS)
            )
        )


def mark_up(name):
    """`name` answered: forget its outage. Cheap (no query) unless this process was probing
    it or still remembers an outage."""
    with _lock:
        if name not in _probing and name not in _down:
            return
        _probing.discard(name)
        _down.pop(name, None)
        _read_at[name] = time.monotonic()
    try:
        with transaction.atomic():
            _model().objects.filter(
                name=name, down_until__lte=timezone.now() + timedelta(seconds=PROBE_SECONDS)
            ).delete()
    except DatabaseError:
        logger.warning("search outage of %s could not be cleared", name, exc_info=True)


def reason(name):
    entry = _down.get(name)
    return entry[1] if entry is not None and time.time() < entry[0] else ""


def reset(name=None):
    """Forget remembered outages, here and for every worker (tests; after the operator fixed
    the node)."""
    with _lock:
        for table in (_down, _read_at):
            if name is None:
                table.clear()
            else:
                table.pop(name, None)
        if name is None:
            _probing.clear()
        else:
            _probing.discard(name)
    try:
        rows = _model().objects.all() if name is None else _model().objects.filter(name=name)
        with transaction.atomic():
            rows.delete()
    except Exception:  # noqa: BLE001 - no database (yet): the process memory is cleared
        logger.debug("search outage table not cleared", exc_info=True)
