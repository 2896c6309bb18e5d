"""DCAT-AP.de description of the open-data downloads (JSON-LD), for data portals such as
GovData and Open.NRW that harvest catalogues.

One dcat:Dataset (the public knowledge base) with one dcat:Distribution per download, the
configured licence, the publisher, Südwestfalen as dct:spatial (its five districts as
political geocoding URIs) and the time of the newest publication as dct:modified.
"""

import json

from django.conf import settings
from django.db.models import Max
from django.urls import reverse

from wiki.models import KnowledgePage, Municipality
from wiki.models.pages import public_pages

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority/"
DISTRIBUTIONS = [
    # url name, title, IANA media type, EU file type
    ("wiki:open_data_csv", "Wissensbasis als CSV (Komma, UTF-8)", "text/csv", "CSV"),
    ("wiki:open_data_csv_excel", "Wissensbasis als CSV für Excel (Semikolon, UTF-8)", "text/csv", "CSV"),
    (
        "wiki:open_data_xlsx",
        "Wissensbasis als Excel-Arbeitsmappe",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLSX",
    ),
    ("wiki:open_data_jsonl", "Wissensbasis als JSON Lines", "application/x-ndjson", "JSON"),
]


def dataset(base_url):
    """The description as a dict; `base_url` like "https://transferwiki.example" (no slash)."""
    base_url = base_url.rstrip("/")
    licence = {"@id": settings.EXPORT_LICENSE_URL}
    modified = public_pages(KnowledgePage.objects.all()).aggregate(latest=Max("last_published_at"))["latest"]
    modified_literal = {"@value": modified.isoformat(timespec="seconds"), "@type": "xsd:dateTime"} if modified else None
    publisher_name = getattr(settings, "EXPORT_PUBLISHER_NAME", "Transferwiki Südwestfalen")
    districts = sorted(set(Municipality.objects.values_list("district_ags", flat=True)) - {""})
    landing = base_url + reverse("wiki:open_data")

    distributions = []
    for url_name, title, media_type, file_type in DISTRIBUTIONS:
        url = base_url + reverse(url_name)
        distribution = {
            "@type": "dcat:Distribution",
            "@id": url,
            "dct:title": title,
            "dcat:accessURL": {"@id": landing},
            "dcat:downloadURL": {"@id": url},
            "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
            "dct:format": {"@id": f"{EU}file-type/{file_type}"},
            "dct:license": licence,
            "dcatde:licenseAttributionByText": f"{publisher_name}, {settings.EXPORT_LICENSE_NAME}",
        }
        if modified_literal:
            distribution["dct:modified"] = modified_literal
        distributions.append(distribution)

    description = {
        "@context": CONTEXT,
        "@type": "dcat:Dataset",
        "@id": landing + "#datensatz",
        "dct:title": "Transferwiki Südwestfalen: Fallstudien, Erfahrungen und Vorlagen",
        "dct:description": (
            "Alle veröffentlichten Fallstudien, Erfahrungen und Vorlagen der Smart-City-Kommunen Südwestfalens "
            "im Importformat des Transferwikis, ohne Entwürfe und zugriffsbeschränkte Seiten. Die Spalte adoptions "
            "nennt je Seite die Zahl der Kommunen, die die Lösung übernommen haben, vorbereiten oder sich dafür "
            "interessieren (verworfene Übernahmen zählen nicht)."
        ),
        "dct:identifier": landing + "#datensatz",
        "dct:language": {"@id": f"{EU}language/DEU"},
        "dcat:theme": [{"@id": f"{EU}data-theme/GOVE"}, {"@id": f"{EU}data-theme/TECH"}],
        "dcat:keyword": ["Smart City", "Südwestfalen", "Wissenstransfer", "Kommunen", "Digitalisierung"],
        "dcat:landingPage": {"@id": landing},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": publisher_name, "foaf:homepage": {"@id": base_url + "/"}},
        "dct:license": licence,
        "dct:spatial": {"@type": "dct:Location", "skos:prefLabel": {"@value": "Südwestfalen", "@language": "de"}},
        "dcatde:politicalGeocodingURI": [
            {"@id": f"http://dcat-ap.de/def/politicalGeocoding/districtKey/{ags}"} for ags in districts
        ],
        "dcatde:politicalGeocodingLevelURI": {
            "@id": "http://dcat-ap.de/def/politicalGeocoding/Level/administrativeDistrict"
        },
        "dcat:distribution": distributions,
    }
    if modified_literal:
        description["dct:modified"] = modified_literal
    return description


def as_json(description):
    return json.dumps(description, ensure_ascii=False, indent=1)


def as_script_content(description):
    """JSON safe inside <script type="application/ld+json">: no "</script>" can end it."""
    return (
        json.dumps(description, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
