"""Content-Security-Policy and Permissions-Policy (home/security_headers.py)."""

import pytest


def _directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/suche/?q=Parken", "/offene-daten/"])
def test_public_pages_get_a_strict_policy(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = _directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert "geolocation=()" in response["Permissions-Policy"] and "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_public_pages_use_no_inline_script_or_style(client, site_tree):
    from bs4 import BeautifulSoup

    for url in ["/", "/suche/?q=Parken"]:
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert all(tag.get("src") for tag in soup.find_all("script") if tag.get("type") != "application/json")
        assert not soup.find_all("style") and not soup.select("[style]")
        assert not [tag for tag in soup.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)]


@pytest.mark.django_db
def test_admin_is_relaxed_only_for_what_wagtail_needs(admin_client, client, site_tree):
    # Found with tests/home/browser/check_csp.mjs: Wagtail's admin runs inline scripts and styles.
    response = admin_client.get("/admin/")
    csp = _directives(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-inline'" in csp["style-src"]
    assert csp["connect-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in _directives(client.get("/"))["script-src"]
    assert "blob:" in csp["img-src"]
