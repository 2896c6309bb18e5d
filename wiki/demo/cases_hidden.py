"""Demo pages that must never be public: two drafts and one password-protected page.

They let tests prove that drafts and view-restricted pages stay out of search, feeds, the API
and exports. Each carries a distinctive word found nowhere else in the demo content:
"Unterflurbehälter" (demo-cs-901), "Winterdienst-Ortung" (demo-cs-902),
"Funkmastvertrag" (demo-cs-903).
"""

# Shared password of the restricted demo page; demo data only, protects nothing real.
RESTRICTED_PASSWORD = "demo-intern"

CASES = [
    {
        "id": "demo-cs-901",
        "town": "Soest",
        "live": False,
        "title": "Entwurf: Unterflurbehälter mit Füllstandsmeldung in der Fußgängerzone",
        "summary": (
            "Entwurf, noch nicht freigegeben: Unterflurbehälter für Restmüll und Wertstoffe sollen "
            "ihren Füllstand melden."
        ),
        "topics": ["Stadtentwicklung und Wohnen"],
        "tags": ["Füllstandsmessung"],
        "phase": "idea",
        "years": (2025, None),
        "contact": "soest-1",
        "challenge": "Überfüllte Papierkörbe in der Fußgängerzone nach Markttagen.",
        "goal": "Prüfen, ob Unterflurbehälter mit Sensor die Leerungen verringern.",
    },
    {
        "id": "demo-cs-902",
        "town": "Iserlohn",
        "live": False,
        "title": "Entwurf: Winterdienst-Ortung der Streufahrzeuge",
        "summary": (
            "Entwurf, noch nicht freigegeben: GPS-Ortung der Streufahrzeuge, damit Bürgerinnen und "
            "Bürger sehen, welche Straßen schon geräumt sind."
        ),
        "topics": ["Mobilität"],
        "tags": ["Geodaten"],
        "phase": "idea",
        "years": (2025, None),
        "contact": "iserlohn-2",
        "challenge": "Viele Anrufe bei Schneefall mit der Frage, wann die eigene Straße geräumt wird.",
        "goal": "Eine Karte mit der Winterdienst-Ortung in Echtzeit.",
    },
    {
        "id": "demo-cs-903",
        "town": "Arnsberg",
        "password": RESTRICTED_PASSWORD,
        "title": "Intern: Funkmastvertrag und Kostenaufstellung des Sensornetzes",
        "summary": (
            "Nur für die Verwaltung: Stand der Verhandlungen über den Funkmastvertrag und die "
            "vollständige Kostenaufstellung des Sensornetzes."
        ),
        "topics": ["Daten und Infrastruktur"],
        "tags": ["LoRaWAN"],
        "phase": "operation",
        "years": (2020, None),
        "related": ["demo-cs-001"],
        "contact": "arnsberg-1",
        "challenge": "Der Funkmastvertrag für zwei Gateway-Standorte läuft aus und wird neu verhandelt.",
        "results": "Vertrauliche Aufstellung der Kosten je Standort.",
    },
]
