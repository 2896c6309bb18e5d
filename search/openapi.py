"""OpenAPI 3.1 description of the public search API (served at /api/search/openapi.json).

Built in Python rather than kept as a static file so that limits and allowed values come from
search.query, the code that enforces them; the description cannot drift from the validation.
Descriptions are German because the API's users are the region's municipalities and agencies.
"""

from search import query as q

_FILTER_DESCRIPTIONS = {
    "type": ("Inhaltstyp.", {"type": "string", "enum": list(q.TYPES)}),
    "district": (
        "Kreisschlüssel (5 Ziffern), z. B. 05958 für den Hochsauerlandkreis.",
        {"type": "string", "pattern": r"^\d{5}$"},
    ),
    "municipality": (
        "Amtlicher Gemeindeschlüssel (AGS, 8 Ziffern) der Kommune, z. B. 05958004 für Arnsberg.",
        {"type": "string", "pattern": r"^\d{8}$"},
    ),
    "topic": (
        "Kurzname eines Handlungsfelds, z. B. mobilitaet.",
        {"type": "string", "pattern": r"^[-a-z0-9_]{1,100}$"},
    ),
    "tag": ("Kurzname eines Schlagworts, z. B. lorawan.", {"type": "string", "pattern": r"^[-a-z0-9_]{1,100}$"}),
    "phase": ("Projektphase.", {"type": "string", "enum": list(q.PHASES)}),
    "village": (
        "Ortsteil: Gemeindeschlüssel der Kommune und Kurzname des Ortsteils, z. B. 05958004-huesten.",
        {"type": "string", "pattern": r"^\d{8}-[-a-z0-9]{1,90}$"},
    ),
    "area": (
        "rural: nur Inhalte, die für Dörfer und den ländlichen Raum gedacht sind.",
        {"type": "string", "enum": list(q.AREAS)},
    ),
}


def _filter_parameter(name):
    description, schema = _FILTER_DESCRIPTIONS[name]
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description
        + " Mehrfach angebbar; mehrere Werte desselben Parameters werden mit ODER verknüpft, verschiedene Parameter mit UND.",
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": schema, "maxItems": q.MAX_VALUES_PER_PARAM},
    }


def _facet_values():
    return {
        "type": "array",
        "items": {"$ref": "#/components/schemas/FacetValue"},
    }


def build_openapi(server_url="/"):
    """The OpenAPI document as a dict (JSON-serialisable)."""
    search_parameters = [
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": (
                "Suchtext auf Deutsch. Leer: alle Inhalte, die neuesten zuerst. Gebeugte Formen, Wortteile "
                "(Beleuchtung findet Straßenbeleuchtung), Umlaut-Schreibweisen (ue, ss), Synonyme der "
                "Schlagwörter und kleine Tippfehler werden berücksichtigt. Beliebige Zeichen sind erlaubt, "
                "Steuerzeichen nicht."
            ),
            "schema": {"type": "string", "maxLength": q.MAX_Q_LENGTH},
        },
        *(_filter_parameter(name) for name in q.FILTER_PARAMS),
        {
            "name": "near",
            "in": "query",
            "required": False,
            "description": (
                "AGS der eigenen Kommune. Allein: Inhalte aus der Nähe werden höher eingestuft. "
                "Mit radius: nur Inhalte im Umkreis. Füllt distance_km in den Treffern."
            ),
            "schema": {"type": "string", "pattern": r"^\d{8}$"},
        },
        {
            "name": "radius",
            "in": "query",
            "required": False,
            "description": "Umkreis in Kilometern um die Kommune aus near (nur zusammen mit near).",
            "schema": {"type": "number", "minimum": q.MIN_RADIUS_KM, "maximum": q.MAX_RADIUS_KM},
        },
        {
            "name": "sort",
            "in": "query",
            "required": False,
            "description": "Sortierung: relevance (Standard; ohne Suchtext wie date), date (neueste zuerst), distance (nächste zuerst, nur mit near), adoptions (von den meisten Kommunen übernommen zuerst, bei Gleichstand nach Relevanz bzw. Datum).",
            "schema": {"type": "string", "enum": list(q.SORTS), "default": "relevance"},
        },
        {
            "name": "page",
            "in": "query",
            "required": False,
            "description": "Seite der Trefferliste, ab 1. Eine Seite hinter dem Ende der Trefferliste ist ein Fehler (400).",
            "schema": {"type": "integer", "minimum": 1, "default": 1},
        },
        {
            "name": "page_size",
            "in": "query",
            "required": False,
            "description": f"Treffer pro Seite (höchstens {q.MAX_PAGE_SIZE}).",
            "schema": {"type": "integer", "minimum": 1, "maximum": q.MAX_PAGE_SIZE, "default": q.DEFAULT_PAGE_SIZE},
        },
    ]
    error_response = {
        "description": "Ungültiger Parameter. Die Antwort nennt den Parameter und erklärt auf Deutsch, was nicht stimmt.",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    unavailable_response = {
        "description": "Die Suche ist vorübergehend nicht erreichbar (Datenbank nicht verfügbar).",
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Transferwiki Südwestfalen – Such-API",
            "version": "1.0.0",
            "description": (
                "Öffentliche Suche über die Wissensdatenbank (Fallstudien, Erfahrungen, Vorlagen) der 59 "
                "Städte und Gemeinden Südwestfalens. Die Antworten sind JSON. Es werden nur veröffentlichte, "
                "öffentlich sichtbare Seiten geliefert. Ist Elasticsearch nicht erreichbar, antwortet die "
                "Datenbanksuche mit demselben Format (backend: database)."
            ),
            "license": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.de"},
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/api/search/": {
                "get": {
                    "operationId": "search",
                    "summary": "Wissensdatenbank durchsuchen",
                    "description": (
                        "Volltextsuche mit Filtern, Facetten, Umkreissuche und Seitenweise-Ausgabe. Die Facetten "
                        "zählen disjunktiv: Die Zahlen einer Facette berücksichtigen alle anderen Filter, aber "
                        "nicht die eigene Auswahl, damit man eine Auswahl erweitern kann."
                    ),
                    "tags": ["Suche"],
                    "parameters": search_parameters,
                    "responses": {
                        "200": {
                            "description": "Trefferliste mit Facetten.",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}
                            },
                        },
                        "400": error_response,
                        "503": unavailable_response,
                    },
                }
            },
            "/api/search/suggest/": {
                "get": {
                    "operationId": "suggest",
                    "summary": "Vorschläge während der Eingabe",
                    "description": "Autovervollständigung: passende Seitentitel und Schlagwörter zu einem Wortanfang.",
                    "tags": ["Suche"],
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "required": False,
                            "description": "Bisher eingegebener Text (Wortanfang genügt). Unter zwei Zeichen gibt es keine Vorschläge.",
                            "schema": {"type": "string", "maxLength": q.MAX_Q_LENGTH},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "description": "Höchstzahl der Vorschläge.",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 20, "default": 8},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "Vorschläge, die besten zuerst.",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/SuggestResponse"}}
                            },
                        },
                        "400": error_response,
                        "503": unavailable_response,
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Municipality": {
                    "type": "object",
                    "description": "Die Kommune, zu der ein Inhalt gehört.",
                    "required": ["ags", "name", "district", "district_name"],
                    "properties": {
                        "ags": {"type": "string", "description": "Amtlicher Gemeindeschlüssel (8 Ziffern)."},
                        "name": {"type": "string", "description": "Name der Kommune."},
                        "district": {"type": "string", "description": "Kreisschlüssel (5 Ziffern)."},
                        "district_name": {"type": "string", "description": "Name des Kreises."},
                    },
                },
                "Hit": {
                    "type": "object",
                    "description": "Ein Treffer.",
                    "required": [
                        "id",
                        "type",
                        "title",
                        "url",
                        "summary",
                        "snippet",
                        "municipality",
                        "topics",
                        "tags",
                        "distance_km",
                        "missing",
                        "adoptions",
                    ],
                    "properties": {
                        "id": {"type": "integer", "description": "Seiten-ID."},
                        "external_id": {
                            "type": ["string", "null"],
                            "description": "Kennung aus einer importierten Projektliste.",
                        },
                        "type": {"type": "string", "enum": list(q.TYPES), "description": "Inhaltstyp."},
                        "title": {"type": "string", "description": "Titel."},
                        "url": {"type": "string", "description": "Adresse der Seite (relativ zur Website)."},
                        "summary": {"type": "string", "description": "Kurzbeschreibung (Klartext)."},
                        "snippet": {
                            "type": "string",
                            "description": "Textauszug als HTML; gefundene Wörter stehen in <mark>…</mark>, alles andere ist maskiert.",
                        },
                        "municipality": {"$ref": "#/components/schemas/Municipality"},
                        "topics": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "Handlungsfelder (Namen).",
                        },
                        "tags": {"type": "array", "items": {"type": "string"}, "description": "Schlagwörter (Namen)."},
                        "phase": {
                            "type": ["string", "null"],
                            "enum": [*q.PHASES, None],
                            "description": "Projektphase (nur Fallstudien).",
                        },
                        "distance_km": {
                            "type": ["number", "null"],
                            "description": "Entfernung in Kilometern von der Kommune aus near; null ohne near.",
                        },
                        "missing": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": (
                                "Inhaltswörter der Anfrage (wie eingegeben), die dieser Treffer nicht enthält; "
                                "leer, wenn er alle enthält. Treffer mit allen Wörtern stehen vorn."
                            ),
                        },
                        "adoptions": {
                            "type": "integer",
                            "minimum": 0,
                            "description": (
                                "Zahl der Kommunen, die diese Lösung übernommen haben, vorbereiten oder sich dafür "
                                "interessieren; verworfene Übernahmen zählen nicht."
                            ),
                        },
                    },
                },
                "FacetValue": {
                    "type": "object",
                    "required": ["value", "label", "count"],
                    "properties": {
                        "value": {"type": "string", "description": "Wert für den gleichnamigen Filterparameter."},
                        "label": {"type": "string", "description": "Deutsche Bezeichnung."},
                        "count": {"type": "integer", "description": "Anzahl der Treffer mit diesem Wert."},
                    },
                },
                "SearchResponse": {
                    "type": "object",
                    "required": [
                        "query",
                        "total",
                        "page",
                        "page_size",
                        "backend",
                        "results",
                        "facets",
                        "suggestion",
                        "repairs",
                    ],
                    "properties": {
                        "query": {"type": "string", "description": "Der verwendete Suchtext."},
                        "total": {"type": "integer", "description": "Anzahl aller Treffer."},
                        "page": {"type": "integer", "description": "Aktuelle Seite."},
                        "page_size": {"type": "integer", "description": "Treffer pro Seite."},
                        "backend": {
                            "type": "string",
                            "enum": ["elasticsearch", "database"],
                            "description": "Welches Suchsystem geantwortet hat.",
                        },
                        "degraded": {
                            "type": "boolean",
                            "description": (
                                "true, wenn Elasticsearch eingerichtet, aber nicht erreichbar ist und die "
                                "Datenbanksuche aushilft: Ergebnisse können unvollständig sein."
                            ),
                        },
                        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                        "facets": {
                            "type": "object",
                            "description": "Facetten mit Trefferzahlen je Wert (disjunktiv gezählt).",
                            "properties": {name: _facet_values() for name in q.FILTER_PARAMS},
                        },
                        "suggestion": {
                            "type": ["string", "null"],
                            "description": "Schreibvorschlag („Meinten Sie …?“) oder null.",
                        },
                        "repairs": {
                            "type": "array",
                            "description": "Vermutete Tippfehler: zu jedem unbekannten Wort das bekannte, nach dem zusätzlich gesucht wurde.",
                            "items": {
                                "type": "object",
                                "required": ["typed", "searched"],
                                "properties": {
                                    "typed": {"type": "string", "description": "Das eingegebene Wort."},
                                    "searched": {
                                        "type": "string",
                                        "description": "Das Wort, nach dem auch gesucht wurde.",
                                    },
                                },
                            },
                        },
                    },
                },
                "Suggestion": {
                    "type": "object",
                    "required": ["text", "kind"],
                    "properties": {
                        "text": {"type": "string", "description": "Vorgeschlagener Text (Titel oder Schlagwort)."},
                        "kind": {"type": "string", "enum": ["page", "tag"], "description": "Seite oder Schlagwort."},
                        "kind_label": {
                            "type": "string",
                            "description": "Deutsche Bezeichnung der Art, z. B. Fallstudie.",
                        },
                        "url": {
                            "type": ["string", "null"],
                            "description": "Adresse der Seite (bei Seiten) oder der gefilterten Suche (bei Schlagwörtern).",
                        },
                    },
                },
                "SuggestResponse": {
                    "type": "object",
                    "required": ["query", "suggestions"],
                    "properties": {
                        "query": {"type": "string"},
                        "suggestions": {"type": "array", "items": {"$ref": "#/components/schemas/Suggestion"}},
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["parameter", "message"],
                            "properties": {
                                "parameter": {
                                    "type": ["string", "null"],
                                    "description": "Name des fehlerhaften Parameters (null, wenn die Suche nicht erreichbar ist).",
                                },
                                "message": {"type": "string", "description": "Was nicht stimmt, auf Deutsch."},
                            },
                        }
                    },
                },
            }
        },
    }
