"""/offene-daten/: the Excel downloads and the DCAT-AP.de description data portals harvest."""

import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import PageViewRestriction

from wiki.models import KnowledgePage
from wiki.models.pages import public_pages

from .test_importers import CASE_STUDY, DRAFT, LESSON, run_import, write_jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree, tmp_path, page_factory):
    run_import(write_jsonl(tmp_path, [CASE_STUDY, LESSON, DRAFT]))
    private = page_factory.case_study("Interne Planung")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)


def test_excel_csv_is_semicolon_separated_utf8_with_bom_and_public_only(client, content):
    response = client.get(reverse("wiki:open_data_csv_excel"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeffexternal_id;type;title;".encode())
    text = body.decode("utf-8-sig")
    assert "Digitaler Bauantrag" in text and "Interne Planung" not in text and "ol-entwurf" not in text
    header = text.split("\r\n", 1)[0].split(";")
    assert header[-3:] == ["municipality_name", "url", "adoptions"]
    assert ";Arnsberg;http://testserver/kommunen/arnsberg/digitaler-bauantrag/" in text


def test_xlsx_download_holds_the_public_pages(client, content):
    response = client.get(reverse("wiki:open_data_xlsx"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["as-2021-bauantrag", "so-lesson-1"]


def test_dcat_description_names_dataset_distributions_licence_publisher_spatial_and_modified(client, content, settings):
    settings.EXPORT_LICENSE_URL = "https://www.govdata.de/dl-de/by-2-0"
    response = client.get(reverse("wiki:open_data_dcat"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@type"] == "dcat:Dataset" and data["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    downloads = {item["dcat:downloadURL"]["@id"] for item in data["dcat:distribution"]}
    assert downloads == {
        "http://testserver/offene-daten/wissen.csv",
        "http://testserver/offene-daten/wissen-excel.csv",
        "http://testserver/offene-daten/wissen.xlsx",
        "http://testserver/offene-daten/wissen.jsonl",
    }
    assert all(
        item["dct:license"]["@id"] == "https://www.govdata.de/dl-de/by-2-0" for item in data["dcat:distribution"]
    )
    assert data["dct:license"]["@id"] == "https://www.govdata.de/dl-de/by-2-0"
    assert data["dct:publisher"]["foaf:name"]
    assert data["dct:spatial"]["skos:prefLabel"]["@value"] == "Südwestfalen"
    districts = {item["@id"].rsplit("/", 1)[1] for item in data["dcatde:politicalGeocodingURI"]}
    assert {"05958", "05962", "05966", "05970", "05974"} <= districts
    latest = max(page.last_published_at for page in public_pages(KnowledgePage.objects.all()))
    assert data["dct:modified"]["@value"] == latest.isoformat(timespec="seconds")
    # A draft published later than everything else would not move the date: it is not public.
    assert "ol-entwurf" not in response.content.decode()


def test_open_data_page_embeds_the_description_and_links_every_download(client, content):
    html = client.get("/offene-daten/").content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match is not None
    assert json.loads(match.group(1))["@type"] == "dcat:Dataset"
    for path in ("wissen-excel.csv", "wissen.xlsx", "wissen.csv", "wissen.jsonl", "dcat.jsonld"):
        assert f'href="/offene-daten/{path}"' in html
