"""Pages the browser suite visits, read from the demo content of the running site.

Written as JSON by scripts/browser-tests.sh (`manage.py shell -c ...`), so the suite never
hard-codes a slug that a change of the demo content would break.
"""

import json


def _first_url(model, **filters):
    """The public page with the longest title: long German words are what breaks narrow screens."""
    from django.db.models.functions import Length

    from wiki.models.pages import public_pages

    page = public_pages(model.objects.filter(**filters)).order_by(Length("title").desc(), "path").first()
    return page.url if page is not None else None


def _has_user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username, is_superuser=True).exists()


def targets():
    from home.legal import legal_page_urls
    from wiki.demo.accounts import DEMO_ACCOUNTS
    from wiki.models import CaseStudyPage, EventPage, GuidePage, LessonPage, MunicipalityPage, TemplatePage

    case_study = _first_url(CaseStudyPage)
    # A town with content of its own (the municipality page of a pioneer).
    town = CaseStudyPage.objects.live().public().filter(municipality__pioneer=True).order_by("path").first()
    return {
        "pages": {
            "Startseite": "/",
            "Suche (leer)": "/suche/",
            "Suche (Anfrage)": "/suche/?q=Sensoren",
            "Suche (Filter)": "/suche/?q=Sensoren&type=case_study",
            "Suche (keine Treffer)": "/suche/?q=Qwxzvbnmlkj",
            # The region map with highlighted hits and the radius circle of "in meiner Nähe".
            "Suche (in meiner Nähe)": "/suche/?q=Sensoren&near=05958004&radius=30",
            "Fallstudie": case_study,
            "Erfahrung": _first_url(LessonPage),
            "Vorlage": _first_url(TemplatePage),
            "Leitfaden": _first_url(GuidePage),
            "Veranstaltung": _first_url(EventPage),
            "Veranstaltungen": "/veranstaltungen/",
            "Kommunenseite": _first_url(MunicipalityPage, municipality_id=town.municipality_id) if town else None,
            "Kommunen (Karte)": "/kommunen/",
            "Schlagwörter": "/schlagwoerter/",
            "Offene Daten": "/offene-daten/",
            **{title: url for title, url in legal_page_urls().items()},
        },
        "accounts": {
            **{role: {"username": a.username, "password": a.password} for role, a in DEMO_ACCOUNTS.items()},
            # Created by scripts/browser-tests.sh in its throwaway database only.
            **(
                {"superuser": {"username": "browser-admin", "password": "Browser-Admin-2026"}}
                if _has_user("browser-admin")
                else {}
            ),
        },
        "edit_page_id": CaseStudyPage.objects.order_by("path").values_list("pk", flat=True).first(),
    }


def write_targets(path):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(targets(), out, ensure_ascii=False)
