"""The OpenAPI description (search/openapi.py) is valid, complete, German, and true: real
responses of the API validate against the schemas it documents."""

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from search.backends.database import index as fallback_index
from search.query import FILTER_PARAMS
from tests.search.factories import make_page


@pytest.fixture
def spec(client, db):
    response = client.get("/api/search/openapi.json")
    assert response.status_code == 200
    return response.json()


def _validator(spec, schema_name):
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    return OAS31Validator(schema)


def test_description_is_valid_openapi_3_1(spec):
    assert spec["openapi"].startswith("3.1")
    validate(spec)  # raises on any structural error


def test_every_parameter_the_api_reads_is_documented_in_german(spec):
    search = spec["paths"]["/api/search/"]["get"]
    names = {p["name"] for p in search["parameters"]}
    assert names == {"q", *FILTER_PARAMS, "near", "radius", "sort", "page", "page_size"}
    suggest = spec["paths"]["/api/search/suggest/"]["get"]
    assert {p["name"] for p in suggest["parameters"]} == {"q", "limit"}
    for operation in (search, suggest):
        assert {"200", "400"} <= set(operation["responses"])
        for parameter in operation["parameters"]:
            # German prose, not a placeholder
            assert len(parameter["description"]) > 15, parameter["name"]
    repeatable = {p["name"] for p in search["parameters"] if p["schema"]["type"] == "array"}
    assert repeatable == set(FILTER_PARAMS)
    assert "Such-API" in spec["info"]["title"] and "Gemeinden" in spec["info"]["description"]


def test_real_responses_match_the_documented_schemas(client, spec, site_tree):
    page = make_page("05958004", "Smarte Straßenbeleuchtung", "Sensoren schalten die Laternen.", tags=["LoRaWAN"])
    fallback_index.upsert_entry(page)

    found = client.get("/api/search/", {"q": "Laterne", "near": "05966024"}).json()
    assert found["total"] == 1
    _validator(spec, "SearchResponse").validate(found)
    _validator(spec, "SearchResponse").validate(client.get("/api/search/").json())

    _validator(spec, "SuggestResponse").validate(client.get("/api/search/suggest/", {"q": "lora"}).json())

    error = client.get("/api/search/", {"radius": "9999"}).json()
    _validator(spec, "Error").validate(error)


def test_a_response_that_breaks_the_schema_is_caught(spec):
    # the schemas are strict enough to notice a wrong response (guards the test above)
    broken = {
        "query": "x",
        "total": "zwei",
        "page": 1,
        "page_size": 10,
        "backend": "solr",
        "results": [],
        "facets": {},
        "suggestion": None,
    }
    assert not _validator(spec, "SearchResponse").is_valid(broken)


def test_the_hit_schema_names_exactly_the_keys_hits_have():
    from search.openapi import build_openapi
    from tests.search.shapes import HIT_KEYS

    hit = build_openapi()["components"]["schemas"]["Hit"]
    assert set(hit["properties"]) == HIT_KEYS
    assert set(hit["required"]) <= HIT_KEYS
