from .fallback import SearchEntry, SearchEntryKey, SearchTerm
from .outage import BackendOutage
from .outbox import IndexTask
from .querylog import SearchQueryLog

__all__ = ["BackendOutage", "IndexTask", "SearchEntry", "SearchEntryKey", "SearchQueryLog", "SearchTerm"]
