"""search.drift: missing, extra and stale documents in both indexes are found and repaired."""

import pytest

from search.drift import check, repair
from search.models import SearchEntry
from tests.search.factories import make_page, tag
from tests.search.sync_helpers import ARNSBERG, OLPE, public_ids
from wiki.models import KnowledgePage

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def synced(index):
    with index.committing():
        pages = [make_page((ARNSBERG, OLPE)[n % 2], f"Abgeglichen {n}") for n in range(4)]
        draft = make_page(ARNSBERG, "Nur ein Entwurf", publish=False)
    return pages, draft


def test_a_synced_installation_has_no_drift(synced):
    result = check()
    assert not result.drift_found
    assert result.expected == len(public_ids())


def test_missing_extra_and_stale_documents_are_found_and_repaired(index, synced):
    pages, draft = synced
    es = index.es
    es.delete(index=index.alias, id=str(pages[0].pk))  # missing
    es.index(index=index.alias, id=str(draft.pk), document={"id": draft.pk, "title": "Entwurf im Index"})  # extra
    es.index(index=index.alias, id="foreign-doc", document={"title": "fremd"})  # extra, not a page
    es.update(index=index.alias, id=str(pages[1].pk), doc={"title": "Veralteter Titel"})  # stale
    # changed in the database behind the outbox's back (bulk update without signals)
    KnowledgePage.objects.filter(pk=pages[2].pk).update(summary="Still geändert")
    index.refresh()

    result = check()
    drift = result.elasticsearch
    assert drift.missing == [pages[0].pk]
    assert set(drift.extra) == {draft.pk, "foreign-doc"}
    assert set(drift.stale) == {pages[1].pk, pages[2].pk}
    assert pages[2].pk in result.database.stale
    assert result.drift_found

    repair(result)
    index.refresh()
    after = check()
    assert not after.drift_found, (after.elasticsearch, after.database)
    assert index.source(pages[1])["title"] == "Abgeglichen 1"
    assert index.source(pages[2])["summary"] == "Still geändert"
    assert index.source(draft) is None


def test_fallback_drift_is_found_and_repaired(index, synced):
    pages, draft = synced
    SearchEntry.objects.filter(page_id=pages[0].pk).delete()
    result = check()
    assert result.database.missing == [pages[0].pk]
    assert not result.elasticsearch.count
    repair(result)
    assert not check().drift_found


def test_tag_renamed_without_signal_shows_as_stale(index):
    label = tag("Glasfaser")
    with index.committing():
        page = make_page(ARNSBERG, "Breitbandausbau", tags=[label])
    type(label).objects.filter(pk=label.pk).update(name="Glasfaserausbau")
    result = check()
    assert page.pk in result.elasticsearch.stale


def test_unreachable_elasticsearch_is_reported_as_drift(index, settings):
    from tests.search.sync_helpers import elasticsearch_down

    with elasticsearch_down(settings):
        result = check()
    assert result.drift_found and result.error
