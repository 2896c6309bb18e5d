import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.wiki.conftest import ARNSBERG, SOEST, make_page
from wiki.models import CaseStudyPage, LessonPage


@pytest.mark.django_db
def test_feed_lists_new_public_pages_and_nothing_else(client, site_tree):
    public = make_page(CaseStudyPage, ARNSBERG, "Parksensoren am Neumarkt")
    lesson = make_page(LessonPage, SOEST, "Erfahrung mit dem Bürgerkonto")
    make_page(CaseStudyPage, ARNSBERG, "Entwurf: Schul-WLAN", live=False)
    private = make_page(CaseStudyPage, SOEST, "Intern: Haushaltsplanung")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    response = client.get("/neu.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = BeautifulSoup(response.content, "xml")
    titles = [entry.title.text for entry in feed.find_all("entry")]
    assert f"Fallstudie: {public.title} (Arnsberg)" in titles
    assert f"Erfahrung: {lesson.title} (Soest)" in titles
    assert not any("Entwurf" in title or "Intern" in title for title in titles)
