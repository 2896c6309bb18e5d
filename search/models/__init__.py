from .fallback import SearchEntry, SearchEntryKey, SearchTerm
from .outbox import IndexTask
from .querylog import SearchQueryLog

__all__ = ["IndexTask", "SearchEntry", "SearchEntryKey", "SearchQueryLog", "SearchTerm"]
