"""One strict reader for numeric parameters (search/params.py) and JSON for every API error
(search/api_errors.py)."""

import pytest

from search.params import parse_decimal, parse_int

ARNSBERG = "05958004"
# Spellings that str.isdigit(), int() or float() accept but a visitor never types.
NOT_ASCII_NUMBERS = [
    "²",
    "³",
    "①",
    "١٠",
    "٠٥",
    "1_0",
    "１０",
    " 10",
    "10 ",
    "+10",
    "-1",
    "1e1",
    "inf",
    "nan",
    "0x10",
    "",
]


@pytest.mark.parametrize("text", NOT_ASCII_NUMBERS)
def test_only_ascii_digits_are_numbers(text):
    assert parse_int(text) is None
    assert parse_decimal(text) is None


def test_plain_numbers_parse():
    assert parse_int("0") == 0 and parse_int("0042") == 42 and parse_int("1234567") == 1234567
    assert parse_int("12345678") is None  # more digits than any parameter needs
    assert parse_decimal("12") == 12.0 and parse_decimal("12.5") == 12.5 and parse_decimal("12,5") == 12.5
    assert parse_decimal("12.") is None and parse_decimal(".5") is None


def _assert_error_shape(response, status, parameter="__any__"):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"parameter", "message"} and error["message"]
    if parameter != "__any__":
        assert error["parameter"] == parameter
    return error


@pytest.mark.parametrize("limit", ["²", "³", "①", "١٠", "1_0"])
def test_suggest_limit_with_unicode_digits_is_a_400(client, db, limit):
    _assert_error_shape(client.get("/api/search/suggest/", {"q": "st", "limit": limit}), 400, "limit")


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"near": ARNSBERG, "radius": "1_0"}, "radius"),
        ({"near": ARNSBERG, "radius": "١٠"}, "radius"),
        ({"near": ARNSBERG, "radius": "1e1"}, "radius"),
        ({"near": "٠٥٩٥٨٠٠٤"}, "near"),
        ({"municipality": "٠٥٩٥٨٠٠٤"}, "municipality"),
        ({"district": "٠٥٩٥٨"}, "district"),
        ({"page": "²"}, "page"),
        ({"page_size": "①"}, "page_size"),
    ],
)
def test_search_numbers_are_ascii_only_in_api_and_page(client, site_tree, params, parameter):
    _assert_error_shape(client.get("/api/search/", params), 400, parameter)
    assert client.get("/suche/", params).status_code == 400


def test_radius_with_comma_still_works(client, site_tree):
    assert client.get("/api/search/", {"near": ARNSBERG, "radius": "12,5"}).status_code == 200


def test_api_errors_are_json_in_the_documented_shape(client, db):
    _assert_error_shape(client.get("/api/gibt-es-nicht/"), 404, None)
    _assert_error_shape(client.get("/api/search/nope/"), 404, None)
    response = client.post("/api/search/", {"q": "x"})
    _assert_error_shape(response, 405, None)
    assert response["Allow"] == "GET"
    _assert_error_shape(client.get("/api/search/", {"q": "x", "tag": ["a" * 90] * 50}), 414, None)


def test_api_csrf_refusal_is_json(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    _assert_error_shape(strict.post("/api/search/suggest/", {"q": "x"}), 403, None)


def test_api_server_error_is_json(client, db, monkeypatch):
    from search import service

    def broken(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(service, "suggest", broken)
    client.raise_request_exception = False
    error = _assert_error_shape(client.get("/api/search/suggest/", {"q": "st"}), 500, None)
    assert "kaputt" not in error["message"]
