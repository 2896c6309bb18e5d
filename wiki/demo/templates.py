"""Demo templates (Vorlagen) and the documents generated for them at load time.

Keys: id ("demo-tpl-NNN"), town, title, summary, kind (TemplateKind code), licence, topics,
tags, case_studies (external ids), description, documents (specs for wiki/demo/documents.py;
the document title is unique and identifies the document on re-runs).

Each document text holds a distinctive sentence (DISTINCTIVE_PHRASES) that appears nowhere else,
so tests can prove that a search for text inside a document finds its template.
"""

DISTINCTIVE_PHRASES = {
    "demo-tpl-001": "Aufbau eines stadtweiten LoRaWAN-Funknetzes in kommunaler Trägerschaft",
    "demo-tpl-002": "Funkknoten mit astronomischer Schaltuhr",
    "demo-tpl-003": "Verzeichnis der Verarbeitungstätigkeiten für die Dorfplattform",
    "demo-tpl-004": "Jede Beschaffung muss eine offene Schnittstelle zur Plattform nachweisen",
    "demo-tpl-005": "Errichtung eines Funk-Gateways auf der Dachfläche",
    "demo-tpl-006": "Offenheit ist der Regelfall, Geheimhaltung die begründete Ausnahme",
    "demo-tpl-007": "Lebenszykluskosten für Parkraumsensoren",
    "demo-tpl-008": "telefonische Buchung an allen Betriebstagen",
    "demo-tpl-009": "Folgekosten für Lizenzen und Wartung über fünf Jahre",
    "demo-tpl-010": "Community-Management des Gemeinschaftsbüros",
    "demo-tpl-011": "ohne Klarnamen veröffentlicht werden",
    "demo-tpl-012": "acht Dauerzählstellen für den Radverkehr",
}


def _both(base, title, formats):
    """The same text as several file formats (e.g. PDF to read, DOCX to adapt)."""
    labels = {"pdf": "PDF", "docx": "Word", "odt": "OpenDocument", "xlsx": "Excel"}
    return [dict(base, title=f"{title} ({labels[fmt]})", format=fmt) for fmt in formats]


_LORAWAN_COUNCIL = {
    "heading": "Beschlussvorlage: Aufbau eines LoRaWAN-Netzes für das Stadtgebiet",
    "paragraphs": [
        "## Beschlussvorschlag",
        "Der Rat beschließt den Aufbau eines stadtweiten LoRaWAN-Funknetzes in kommunaler "
        "Trägerschaft. Die Verwaltung wird beauftragt, bis zu zwölf Gateways auf städtischen "
        "Gebäuden zu errichten und den Betrieb mit dem kommunalen IT-Dienstleister zu vereinbaren.",
        "## Sachdarstellung",
        "Mehrere Fachbereiche planen Sensoren für Umwelt, Gebäude und Verkehr. Ein gemeinsames "
        "Funknetz vermeidet, dass jedes Projekt eigene Mobilfunkverträge und Plattformen beschafft. "
        "LoRaWAN ist ein offener Standard mit großer Reichweite und sehr geringem Stromverbrauch.",
        "- Abdeckung des Siedlungsgebiets zu mindestens 90 Prozent",
        "- Daten verbleiben in kommunaler Hand",
        "- Mitnutzung durch Nachbarkommunen ist möglich",
        "## Finanzielle Auswirkungen",
        "Investition rund 15.000 Euro für Gateways und Montage, laufende Kosten rund 6.000 Euro "
        "jährlich. Die Mittel stehen im Haushalt bereit; eine Förderung wird beantragt.",
    ],
}

_LED_TENDER = {
    "heading": "Leistungsbeschreibung: Umrüstung der Straßenbeleuchtung auf steuerbare LED-Leuchten",
    "paragraphs": [
        "## Gegenstand der Leistung",
        "Gegenstand ist die Lieferung und Montage von LED-Leuchten für rund 1.400 Lichtpunkte "
        "einschließlich Demontage und Entsorgung der Altleuchten.",
        "## Technische Anforderungen",
        "Jeder Lichtpunkt erhält einen Funkknoten mit astronomischer Schaltuhr, der Dimmprofile "
        "empfängt und Störungen automatisch meldet.",
        "- Farbtemperatur höchstens 3.000 Kelvin (insektenfreundlich)",
        "- Steuerung über ein offenes, herstellerunabhängiges Protokoll",
        "- Dimmung stufenlos zwischen 10 und 100 Prozent",
        "- Gewährleistung mindestens zehn Jahre auf Leuchte und Treiber",
        "## Zuschlagskriterien",
        "Preis 50 Prozent, Energieverbrauch über zehn Jahre 30 Prozent, Qualität der Lichtplanung "
        "20 Prozent.",
    ],
}

_DORFAPP_PRIVACY = {
    "heading": "Datenschutzkonzept für die Dorf-App",
    "paragraphs": [
        "## Zweck und Verantwortliche",
        "Die Stadt betreibt eine Plattform, auf der Dorfgemeinschaften Nachrichten, Termine und "
        "Hilfsangebote veröffentlichen. Verantwortlich im Sinne der DSGVO ist die Stadt.",
        "## Verarbeitungen",
        "Dieses Dokument enthält das Verzeichnis der Verarbeitungstätigkeiten für die Dorfplattform "
        "nach Artikel 30 DSGVO.",
        "- Registrierung: Name, E-Mail-Adresse, Dorf; Rechtsgrundlage Einwilligung",
        "- Beiträge und Kommentare: Inhalt, Zeitpunkt, Verfasser",
        "- Mitfahrbörse: Start, Ziel, Zeitpunkt, Kontaktweg",
        "## Technische und organisatorische Maßnahmen",
        "Hosting in einem Rechenzentrum in Deutschland, Verschlüsselung der Übertragung, keine "
        "Weitergabe an Werbenetzwerke, Löschung inaktiver Konten nach zwei Jahren.",
    ],
}

_PLATFORM_CONCEPT = {
    "heading": "Konzeptpapier: Urbane Datenplattform für Iserlohn und Partnerkommunen",
    "paragraphs": [
        "## Ausgangslage",
        "Digitalprojekte der Stadt bringen bisher jeweils eigene Cloud-Dienste mit. Daten aus "
        "Sensoren, Fachverfahren und offenen Quellen lassen sich so nicht gemeinsam auswerten.",
        "## Grundsätze",
        "Grundsatz der digitalen Souveränität: Jede Beschaffung muss eine offene Schnittstelle zur "
        "Plattform nachweisen. Die Plattform besteht aus Open-Source-Komponenten und läuft im "
        "kommunalen Rechenzentrum.",
        "- Mandantenfähigkeit für Nachbarkommunen",
        "- Offene Daten als Standard, personenbezogene Daten nur nach Prüfung",
        "- Dashboards für Fachbereiche und Öffentlichkeit",
        "## Betrieb und Kosten",
        "Betrieb durch den kommunalen IT-Dienstleister; die Kosten werden nach Einwohnerzahl auf "
        "die beteiligten Städte verteilt.",
    ],
}

_GATEWAY_CONTRACT = {
    "heading": "Gestattungsvertrag Funk-Gateway",
    "paragraphs": [
        "Zwischen der Stadt (Nutzerin) und dem Eigentümer des Gebäudes (Gestattungsgeber) wird "
        "folgender Vertrag geschlossen.",
        "## § 1 Gegenstand",
        "Der Gestattungsgeber gestattet die Errichtung eines Funk-Gateways auf der Dachfläche des "
        "Gebäudes samt Antenne, Stromanschluss und Kabelführung.",
        "## § 2 Entgelt",
        "Die Nutzerin zahlt ein jährliches Entgelt von 120 Euro und erstattet den Stromverbrauch "
        "pauschal mit 30 Euro pro Jahr.",
        "## § 3 Zugang und Haftung",
        "Der Zugang zum Dach erfolgt nach Anmeldung mit einer Frist von drei Werktagen. Die "
        "Nutzerin haftet für Schäden, die bei Montage und Wartung entstehen.",
        "## § 4 Laufzeit",
        "Der Vertrag läuft fünf Jahre und verlängert sich jeweils um ein Jahr, wenn er nicht "
        "sechs Monate vor Ablauf gekündigt wird.",
    ],
}

_OPEN_DATA_RULE = {
    "heading": "Dienstanweisung zur Veröffentlichung offener Daten",
    "paragraphs": [
        "## Grundsatz",
        "Offenheit ist der Regelfall, Geheimhaltung die begründete Ausnahme. Daten der "
        "Verwaltung werden veröffentlicht, sofern keine personenbezogenen Daten, Betriebs- oder "
        "Geschäftsgeheimnisse oder Sicherheitsbelange entgegenstehen.",
        "## Zuständigkeiten",
        "Jeder Fachbereich benennt eine Datenpatin oder einen Datenpaten. Die Koordinierungsstelle "
        "Digitale Stadt prüft Format und Lizenz vor der Veröffentlichung.",
        "## Lizenz und Formate",
        "- Standardlizenz: Datenlizenz Deutschland Zero 2.0",
        "- Maschinenlesbare Formate wie CSV, JSON oder GeoJSON",
        "- Angabe eines Aktualisierungsintervalls für jeden Datensatz",
    ],
}

_PARKING_COSTS = {
    "heading": "Kalkulation der Lebenszykluskosten für Parkraumsensoren",
    "paragraphs": [
        "Beispielrechnung für 420 Stellplätze über eine Nutzungsdauer von acht Jahren. Die Werte "
        "sind Demo-Annahmen und vor einer Ausschreibung durch eigene Angebote zu ersetzen.",
    ],
    "sheet": "Kosten",
    "rows": [
        ["Position", "Menge", "Einzelpreis (EUR)", "Summe (EUR)"],
        ["Bodensensor mit Montage", 420, 250, 105000],
        ["Anzeigetafel an Einfallstraße", 4, 18000, 72000],
        ["Ersatzsensoren (5 Prozent pro Jahr)", 168, 250, 42000],
        ["Plattform und Betrieb pro Jahr", 8, 6000, 48000],
        ["Gesamt über acht Jahre", "", "", 267000],
    ],
}

_ONDEMAND_TENDER = {
    "heading": "Ausschreibung: Betrieb eines On-Demand-Verkehrs in drei Stadtteilen",
    "paragraphs": [
        "## Leistungsumfang",
        "Betrieb eines bedarfsgesteuerten Linienbedarfsverkehrs mit mindestens sechs Fahrzeugen, "
        "montags bis sonntags von 6 bis 24 Uhr, im Tarif des Verkehrsverbunds.",
        "## Buchung",
        "Der Auftragnehmer stellt eine telefonische Buchung an allen Betriebstagen sicher. Daneben "
        "sind eine App und eine Buchung per QR-Code an den Haltestellen anzubieten.",
        "- Mittlere Wartezeit höchstens 15 Minuten",
        "- Mindestens ein Fahrzeug mit Rampe für Rollstühle",
        "- Monatliche Berichte zu Fahrten, Wartezeiten und Ablehnungen",
        "## Vergütung",
        "Vergütung je Betriebsstunde; ein Bonus wird bei einer Bündelungsquote über 1,5 gezahlt.",
    ],
}

_WLAN_COUNCIL = {
    "heading": "Ratsvorlage: Ausstattung aller Schulen mit WLAN",
    "paragraphs": [
        "## Beschlussvorschlag",
        "Der Rat stimmt der flächendeckenden WLAN-Ausstattung aller städtischen Schulen zu und "
        "beauftragt die Verwaltung mit der Ausschreibung von Verkabelung, Access Points und "
        "zentralem Management.",
        "## Begründung",
        "Mit den Tablets aus dem DigitalPakt Schule reicht die bisherige Netzausstattung nicht aus. "
        "Jeder Unterrichtsraum soll stabiles Netz für mindestens 32 Geräte erhalten.",
        "## Finanzielle Auswirkungen",
        "Investition rund 1,4 Millionen Euro, zu 90 Prozent gefördert. In den Haushalt sind "
        "zusätzlich die Folgekosten für Lizenzen und Wartung über fünf Jahre einzuplanen, rund "
        "45.000 Euro pro Jahr.",
    ],
}

_COWORKING_AGREEMENT = {
    "heading": "Kooperationsvereinbarung Co-Working-Space im Bahnhof",
    "paragraphs": [
        "Die Stadt und der örtliche Verein schließen folgende Vereinbarung über den Betrieb eines "
        "Co-Working-Spaces.",
        "## Aufgaben der Stadt",
        "Die Stadt mietet die Räume an, stellt Glasfaseranschluss und Grundausstattung und trägt "
        "für fünf Jahre ein Defizit bis höchstens 15.000 Euro jährlich.",
        "## Aufgaben des Vereins",
        "Der Verein übernimmt das Community-Management des Gemeinschaftsbüros, die Vermietung der "
        "Arbeitsplätze und die Veranstaltungen.",
        "- Öffnung an mindestens fünf Tagen pro Woche",
        "- Jährlicher Bericht zu Auslastung und Einnahmen",
    ],
}

_PARTICIPATION_PRIVACY = {
    "heading": "Datenschutzhinweise für die Beteiligungsplattform",
    "paragraphs": [
        "## Welche Daten wir verarbeiten",
        "Für die Teilnahme genügt eine E-Mail-Adresse. Beiträge auf der Beteiligungsplattform "
        "können ohne Klarnamen veröffentlicht werden; ein frei gewählter Anzeigename reicht.",
        "## Zweck",
        "Die Beiträge dienen ausschließlich der Auswertung des jeweiligen Beteiligungsverfahrens "
        "und werden anonymisiert an Planungsbüros weitergegeben.",
        "## Ihre Rechte",
        "- Auskunft über die gespeicherten Daten",
        "- Berichtigung und Löschung des Kontos jederzeit",
        "- Beschwerde bei der Landesbeauftragten für Datenschutz",
    ],
}

_BIKE_COUNCIL = {
    "heading": "Beschlussvorlage: Dauerhafte Zählung des Radverkehrs",
    "paragraphs": [
        "## Beschlussvorschlag",
        "Die Verwaltung wird beauftragt, acht Dauerzählstellen für den Radverkehr einzurichten und "
        "die Zählwerte als offene Daten zu veröffentlichen.",
        "## Begründung",
        "Für die Planung von Radwegen fehlen verlässliche Zahlen. Stichtagszählungen sind vom "
        "Wetter abhängig. Eine Anzeigesäule am Bahnhof soll die Zahlen sichtbar machen.",
        "## Kosten",
        "Rund 70.000 Euro, Förderung aus der Förderrichtlinie Nahmobilität ist beantragt.",
    ],
}


TEMPLATES = [
    {
        "id": "demo-tpl-001",
        "town": "Arnsberg",
        "title": "Ratsvorlage: Aufbau eines LoRaWAN-Netzes",
        "summary": "Beschlussvorlage für den Rat zum Aufbau eines stadtweiten Funknetzes für Sensoren, mit Kosten und Begründung.",
        "kind": "council_paper",
        "topics": ["Daten und Infrastruktur"],
        "tags": ["LoRaWAN", "Internet der Dinge"],
        "case_studies": ["demo-cs-001"],
        "description": (
            "Die Vorlage, mit der Arnsberg den Aufbau seines LoRaWAN-Netzes beschlossen hat, "
            "gekürzt und anonymisiert. Beschlussvorschlag, Sachdarstellung und Kosten können Sie "
            "direkt übernehmen und anpassen."
        ),
        "documents": _both(_LORAWAN_COUNCIL, "Ratsvorlage LoRaWAN-Netz", ["pdf", "docx"]),
    },
    {
        "id": "demo-tpl-002",
        "town": "Menden (Sauerland)",
        "title": "Leistungsbeschreibung: LED-Straßenbeleuchtung mit Funksteuerung",
        "summary": "Muster einer Leistungsbeschreibung für die Umrüstung auf steuerbare LED-Leuchten mit Dimmung und Störungsmeldung.",
        "kind": "tender",
        "topics": ["Energie und Klima"],
        "tags": ["Straßenbeleuchtung", "Energieeffizienz"],
        "case_studies": ["demo-cs-009"],
        "description": (
            "Technische Anforderungen und Zuschlagskriterien aus der Ausschreibung des ersten "
            "Bauabschnitts. Besonders wichtig: die Forderung nach einem offenen Steuerungsprotokoll."
        ),
        "documents": _both(_LED_TENDER, "Leistungsbeschreibung LED-Straßenbeleuchtung", ["docx", "pdf"]),
    },
    {
        "id": "demo-tpl-003",
        "town": "Bad Berleburg",
        "title": "Datenschutzkonzept für eine Dorf-App",
        "summary": "Datenschutzkonzept mit Verarbeitungsverzeichnis für eine kommunale Dorfplattform mit Mitfahrbörse.",
        "kind": "data_protection",
        "licence": "CC BY-SA 4.0",
        "topics": ["Beteiligung und Engagement", "Verwaltung und Bürgerservice"],
        "tags": ["Dorf-App", "Datenschutz"],
        "case_studies": ["demo-cs-005"],
        "description": (
            "Das mit der Datenschutzbeauftragten abgestimmte Konzept für die Dorf-App. Es enthält "
            "das Verarbeitungsverzeichnis und die technischen und organisatorischen Maßnahmen."
        ),
        "documents": _both(_DORFAPP_PRIVACY, "Datenschutzkonzept Dorf-App", ["pdf"]),
    },
    {
        "id": "demo-tpl-004",
        "town": "Iserlohn",
        "title": "Konzeptpapier: Urbane Datenplattform",
        "summary": "Grundsätze, Architektur und Betriebsmodell einer herstellerunabhängigen Datenplattform für mehrere Städte.",
        "kind": "concept_paper",
        "topics": ["Daten und Infrastruktur"],
        "tags": ["Urbane Datenplattform", "Offene Daten", "Interkommunale Zusammenarbeit"],
        "case_studies": ["demo-cs-021"],
        "description": (
            "Das Konzeptpapier, auf dessen Grundlage Iserlohn, Hemer und Menden ihre gemeinsame "
            "Plattform aufgebaut haben."
        ),
        "documents": _both(_PLATFORM_CONCEPT, "Konzeptpapier Urbane Datenplattform", ["pdf", "odt"]),
    },
    {
        "id": "demo-tpl-005",
        "town": "Olpe",
        "title": "Mustervertrag: Gestattung eines Gateway-Standorts auf privaten Dächern",
        "summary": "Kurzer Vertrag, mit dem private Eigentümer die Montage eines Funk-Gateways auf ihrem Dach erlauben.",
        "kind": "contract",
        "topics": ["Daten und Infrastruktur"],
        "tags": ["LoRaWAN"],
        "case_studies": ["demo-cs-013", "demo-cs-001"],
        "description": (
            "Zwei Seiten statt zwanzig: Gegenstand, Entgelt, Zugang, Haftung, Laufzeit. Entstanden "
            "aus den Erfahrungen mit langwierigen Dachverträgen."
        ),
        "documents": _both(_GATEWAY_CONTRACT, "Gestattungsvertrag Gateway-Standort", ["docx"]),
    },
    {
        "id": "demo-tpl-006",
        "town": "Soest",
        "title": "Musterdienstanweisung Open Data",
        "summary": "Dienstanweisung, die offene Daten zur Regel macht und Zuständigkeiten, Lizenz und Formate festlegt.",
        "kind": "other",
        "licence": "CC0 1.0",
        "topics": ["Daten und Infrastruktur", "Verwaltung und Bürgerservice"],
        "tags": ["Offene Daten"],
        "case_studies": ["demo-cs-017"],
        "description": (
            "Die Soester Dienstanweisung für offene Daten. Sie regelt, wer Daten freigibt, welche "
            "Lizenz gilt und wie oft aktualisiert wird."
        ),
        "documents": _both(_OPEN_DATA_RULE, "Dienstanweisung Open Data", ["pdf"]),
    },
    {
        "id": "demo-tpl-007",
        "town": "Olpe",
        "title": "Kostenkalkulation für Parkraumsensoren",
        "summary": "Tabelle zur Berechnung der Kosten eines sensorbasierten Parkleitsystems über die gesamte Nutzungsdauer.",
        "kind": "other",
        "topics": ["Mobilität"],
        "tags": ["Parkraummanagement", "Sensorik"],
        "case_studies": ["demo-cs-013"],
        "description": (
            "Eine Beispielrechnung mit Sensoren, Anzeigetafeln, Ersatzteilen und Betrieb. Tragen "
            "Sie Ihre eigene Stellplatzzahl und Angebotspreise ein."
        ),
        "documents": _both(_PARKING_COSTS, "Kostenkalkulation Parkraumsensoren", ["xlsx", "pdf"]),
    },
    {
        "id": "demo-tpl-008",
        "town": "Iserlohn",
        "title": "Ausschreibung: Betrieb eines On-Demand-Verkehrs",
        "summary": "Leistungsbeschreibung für den Betrieb eines bedarfsgesteuerten Nahverkehrs mit Telefon- und App-Buchung.",
        "kind": "tender",
        "topics": ["Mobilität"],
        "tags": ["On-Demand-Verkehr", "Nahverkehr"],
        "case_studies": ["demo-cs-022"],
        "description": (
            "Die wesentlichen Anforderungen aus der Iserlohner Ausschreibung: Bedienzeiten, "
            "Buchungswege, Barrierefreiheit, Berichte und Vergütung."
        ),
        "documents": _both(_ONDEMAND_TENDER, "Ausschreibung On-Demand-Verkehr", ["pdf", "docx"]),
    },
    {
        "id": "demo-tpl-009",
        "town": "Menden (Sauerland)",
        "title": "Ratsvorlage: WLAN für alle Schulen",
        "summary": "Beschlussvorlage zur WLAN-Ausstattung aller Schulen, einschließlich der oft vergessenen Folgekosten.",
        "kind": "council_paper",
        "topics": ["Bildung"],
        "tags": ["Schul-WLAN", "Digitale Bildung"],
        "case_studies": ["demo-cs-012"],
        "description": (
            "Beschlussvorschlag, Begründung und finanzielle Auswirkungen. Die Vorlage nennt die "
            "Folgekosten ausdrücklich, eine Lehre aus dem Mendener Projekt."
        ),
        "documents": _both(_WLAN_COUNCIL, "Ratsvorlage Schul-WLAN", ["docx"]),
    },
    {
        "id": "demo-tpl-010",
        "town": "Bad Berleburg",
        "title": "Kooperationsvereinbarung für einen Co-Working-Space",
        "summary": "Vereinbarung zwischen Stadt und Verein über Betrieb, Aufgaben und Defizitausgleich eines Gemeinschaftsbüros.",
        "kind": "contract",
        "topics": ["Wirtschaft und Arbeit"],
        "tags": ["Co-Working", "Ländlicher Raum"],
        "case_studies": ["demo-cs-007"],
        "description": (
            "Die Vereinbarung regelt, wer die Räume stellt, wer das Gemeinschaftsbüro betreut und "
            "wie lange die Stadt ein Defizit trägt."
        ),
        "documents": _both(_COWORKING_AGREEMENT, "Kooperationsvereinbarung Co-Working", ["odt"]),
    },
    {
        "id": "demo-tpl-011",
        "town": "Arnsberg",
        "title": "Datenschutzhinweise für eine Beteiligungsplattform",
        "summary": "Verständliche Datenschutzhinweise für Online-Bürgerbeteiligung, auch ohne Klarnamen.",
        "kind": "data_protection",
        "topics": ["Beteiligung und Engagement"],
        "tags": ["Bürgerbeteiligung", "Datenschutz"],
        "case_studies": ["demo-cs-003"],
        "description": (
            "Kurz und in einfacher Sprache: welche Daten erhoben werden, wozu und welche Rechte "
            "Teilnehmende haben."
        ),
        "documents": _both(_PARTICIPATION_PRIVACY, "Datenschutzhinweise Beteiligungsplattform", ["docx", "pdf"]),
    },
    {
        "id": "demo-tpl-012",
        "town": "Lippstadt",
        "title": "Ratsvorlage: Dauerzählstellen für den Radverkehr",
        "summary": "Beschlussvorlage für automatische Radzählstellen, deren Zahlen als offene Daten veröffentlicht werden.",
        "kind": "council_paper",
        "topics": ["Mobilität"],
        "tags": ["Radverkehr", "Offene Daten"],
        "case_studies": ["demo-cs-038"],
        "description": (
            "Die Lippstädter Vorlage zur Einrichtung von Dauerzählstellen, mit Begründung und Kosten."
        ),
        "documents": _both(_BIKE_COUNCIL, "Ratsvorlage Radzählstellen", ["pdf"]),
    },
]
