from .outbox import IndexTask
from .querylog import SearchQueryLog

__all__ = ["IndexTask", "SearchQueryLog"]
