"""The curators' adoption report: charts with text alternatives, CSV, curators only."""

from tests.transfer.conftest import BESTWIG, adopt, restrict


def test_report_for_curators_only(db, client, page_factory, curator, editor_soest):
    page = page_factory.case_study(topics=("Mobilität",))
    adopt(page, "05974040")
    adopt(page, BESTWIG, status="discarded", reason="=SUMME(A1)")
    restrict(adopt(page_factory.case_study("Intern"), BESTWIG).page)
    client.force_login(editor_soest)
    assert client.get("/admin/berichte/uebernahmen/").status_code in (302, 403)
    client.force_login(curator)
    html = client.get("/admin/berichte/uebernahmen/").content.decode()
    assert 'role="img"' in html and '<title id="chart-pioneer-t">Übernahmen je Pionierkommune</title>' in html
    assert '<th scope="row">Arnsberg</th><td>2</td>' in html  # the restricted page is not counted
    assert '<th scope="row">Mobilität</th><td>2</td>' in html
    response = client.get("/admin/berichte/uebernahmen/?format=csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffErfasst am;Geändert am;Seite;")
    lines = body.strip().split("\r\n")
    assert len(lines) == 3 and "Intern" not in body
    assert ";'=SUMME(A1);" in body  # no formula injection
