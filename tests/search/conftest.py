"""Fixtures of the search tests.

`index` (the test's Elasticsearch index, filled through the production write path) lives
with the functions it uses in sync_helpers.py; offered here, a test only names it as a
parameter and imports it nowhere.
"""

from tests.search.sync_helpers import index  # noqa: F401
