"""The review-mail test needs the editor and curator groups of the wiki tests."""

from tests.wiki.conftest import roles  # noqa: F401 - the fixture, offered to this package
