import pytest

from tests.wiki.conftest import ARNSBERG, make_page, town
from wiki.models import CaseStudyPage

OLPE = "05966024"


@pytest.mark.django_db
def test_moving_a_case_study_to_another_town_changes_its_municipality_everywhere(
    client, site_tree, django_capture_on_commit_callbacks
):
    from search.backends.database import index as fallback_index
    from search.models import SearchEntry

    with django_capture_on_commit_callbacks(execute=True):
        page = make_page(CaseStudyPage, ARNSBERG, "Gemeinsames Sensornetz")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(town(OLPE), pos="last-child")

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.municipality.ags == OLPE
    assert page.url.startswith("/kommunen/olpe/")
    fallback_index.upsert_entry(page)  # idempotent; the sync already did it after commit
    document = SearchEntry.objects.get(page_id=page.pk).document
    assert document["municipality"]["ags"] == OLPE
    assert "Olpe" in client.get(page.url).content.decode()
