"""German vocabulary of the synthetic benchmark corpus.

Written for this project (no copied prose). The words are chosen so that the corpus exercises
what the regional search does with German: inflection (Sensor/Sensoren, Stadt/Städte),
compounds (Straßenbeleuchtung, Beleuchtungskonzept), umlauts and ß, acronyms (OZG, LoRaWAN,
ÖPNV) and the curated synonyms of the tags. Every topic slug below matches the topics the
data migration creates (wiki.reference_data.TOPICS).
"""

# topic slug -> projects (title subjects), things (nouns: singular, plural), tags (names)
TOPICS = {
    "mobilitaet": {
        "projects": [
            "Bürgerbus mit digitaler Buchung",
            "Rufbus für die Ortsteile",
            "Mobilstation am Bahnhof",
            "Parkleitsystem für die Innenstadt",
            "Ladeinfrastruktur für Elektroautos",
            "Radverkehrskonzept mit Zählstellen",
            "Pendlerportal für Fahrgemeinschaften",
            "E-Lastenrad-Verleih",
            "Echtzeitanzeigen an Bushaltestellen",
            "Schulwegeplanung mit Gefahrenkarte",
        ],
        "things": [
            ("Buslinie", "Buslinien"),
            ("Haltestelle", "Haltestellen"),
            ("Ladesäule", "Ladesäulen"),
            ("Parkplatz", "Parkplätze"),
            ("Fahrgast", "Fahrgäste"),
            ("Radweg", "Radwege"),
            ("Parksensor", "Parksensoren"),
            ("Fahrplan", "Fahrpläne"),
        ],
        "tags": ["Nahverkehr", "On-Demand-Verkehr", "Elektromobilität", "Radverkehr", "Parkraummanagement", "Carsharing"],
    },
    "energie-und-klima": {
        "projects": [
            "LED-Umrüstung der Straßenbeleuchtung",
            "Energiemonitoring kommunaler Gebäude",
            "Solarkataster für private Dächer",
            "Hitzeaktionsplan",
            "Starkregengefahrenkarte",
            "Nahwärmenetz im Neubaugebiet",
            "Klimaschutzkonzept mit Bürgerrat",
            "Pegelmessung an kleinen Gewässern",
            "Photovoltaik auf Schuldächern",
            "Smart Meter in Verwaltungsgebäuden",
        ],
        "things": [
            ("Leuchte", "Leuchten"),
            ("Sensor", "Sensoren"),
            ("Gebäude", "Gebäude"),
            ("Solaranlage", "Solaranlagen"),
            ("Messstelle", "Messstellen"),
            ("Wärmepumpe", "Wärmepumpen"),
            ("Zähler", "Zähler"),
            ("Bach", "Bäche"),
        ],
        "tags": ["Straßenbeleuchtung", "Energieeffizienz", "Klimaanpassung", "Hochwasserschutz", "Photovoltaik", "Smart Meter", "Wärmeplanung"],
    },
    "verwaltung-und-buergerservice": {
        "projects": [
            "Online-Terminvergabe im Bürgerbüro",
            "Digitaler Bauantrag",
            "E-Akte in der Kernverwaltung",
            "Chatbot für Bürgeranfragen",
            "Mängelmelder-App",
            "OZG-Leistungen im Serviceportal",
            "Digitale Ratsarbeit",
            "Elektronische Rechnungsbearbeitung",
            "Mobiles Bürgerbüro für Ortsteile",
            "Digitale Signatur im Personalamt",
        ],
        "things": [
            ("Antrag", "Anträge"),
            ("Formular", "Formulare"),
            ("Termin", "Termine"),
            ("Akte", "Akten"),
            ("Verwaltungsleistung", "Verwaltungsleistungen"),
            ("Fachverfahren", "Fachverfahren"),
            ("Bürgeranfrage", "Bürgeranfragen"),
            ("Ratsvorlage", "Ratsvorlagen"),
        ],
        "tags": ["Digitale Verwaltung", "Onlinezugangsgesetz", "E-Akte", "Künstliche Intelligenz", "Datenschutz", "Bürgerservice"],
    },
    "bildung": {
        "projects": [
            "Tablets für Grundschulen",
            "WLAN in allen Schulgebäuden",
            "Medienentwicklungsplan",
            "Makerspace in der Stadtbibliothek",
            "Digitale Elternkommunikation",
            "Lernplattform für Volkshochschulkurse",
            "Schul-IT-Support im Verbund",
            "Programmierkurse für Jugendliche",
        ],
        "things": [
            ("Schule", "Schulen"),
            ("Tablet", "Tablets"),
            ("Lehrkraft", "Lehrkräfte"),
            ("Klasse", "Klassen"),
            ("Kurs", "Kurse"),
            ("Bibliothek", "Bibliotheken"),
        ],
        "tags": ["Digitale Schule", "Medienkompetenz", "Bibliothek", "Breitband", "Weiterbildung"],
    },
    "gesundheit-und-pflege": {
        "projects": [
            "Telemedizin in der Landarztpraxis",
            "Digitale Pflegeberatung",
            "Hausnotruf mit Sensorik",
            "Gesundheitskiosk im Ortszentrum",
            "Ehrenamtliche Fahrdienste zum Arzt",
            "Quartierspflege mit Tablet-Dokumentation",
            "Defibrillator-Kataster",
        ],
        "things": [
            ("Praxis", "Praxen"),
            ("Pflegekraft", "Pflegekräfte"),
            ("Patientin", "Patientinnen"),
            ("Sprechstunde", "Sprechstunden"),
            ("Angehöriger", "Angehörige"),
            ("Notruf", "Notrufe"),
        ],
        "tags": ["Telemedizin", "Pflege", "Ländlicher Raum", "Ehrenamt", "Senioren"],
    },
    "wirtschaft-und-arbeit": {
        "projects": [
            "Digitaler Marktplatz für den Einzelhandel",
            "Coworking-Space im Leerstand",
            "Gewerbeflächenportal",
            "Fachkräfteportal der Region",
            "Leerstandsmanagement mit Frequenzmessung",
            "Gründungsberatung online",
            "Lieferdienst lokaler Händler",
        ],
        "things": [
            ("Händler", "Händler"),
            ("Ladenlokal", "Ladenlokale"),
            ("Unternehmen", "Unternehmen"),
            ("Fachkraft", "Fachkräfte"),
            ("Gewerbefläche", "Gewerbeflächen"),
            ("Arbeitsplatz", "Arbeitsplätze"),
        ],
        "tags": ["Einzelhandel", "Coworking", "Fachkräfte", "Wirtschaftsförderung", "Leerstand"],
    },
    "kultur-und-tourismus": {
        "projects": [
            "Digitale Wanderkarte mit Besucherlenkung",
            "Museumsführung per App",
            "Veranstaltungskalender für die Region",
            "Besucherzählung an Wanderparkplätzen",
            "Virtuelle Stadtführung",
            "Kulturpass für Jugendliche",
            "WLAN in der Fußgängerzone",
        ],
        "things": [
            ("Wanderweg", "Wanderwege"),
            ("Gast", "Gäste"),
            ("Museum", "Museen"),
            ("Veranstaltung", "Veranstaltungen"),
            ("Besucher", "Besucher"),
            ("Sehenswürdigkeit", "Sehenswürdigkeiten"),
        ],
        "tags": ["Tourismus", "Besucherlenkung", "Kultur", "Freies WLAN", "Wandern"],
    },
    "stadtentwicklung-und-wohnen": {
        "projects": [
            "Digitaler Zwilling der Innenstadt",
            "Baulückenkataster",
            "Quartiersentwicklung mit Bürgerwerkstatt",
            "Smarte Mülleimer mit Füllstandsmessung",
            "Dorfentwicklung mit Dorf-App",
            "Grünflächenpflege mit Bodenfeuchtesensoren",
            "Wohnraumbörse für junge Familien",
            "3D-Stadtmodell für die Bauleitplanung",
        ],
        "things": [
            ("Quartier", "Quartiere"),
            ("Baulücke", "Baulücken"),
            ("Ortsteil", "Ortsteile"),
            ("Mülleimer", "Mülleimer"),
            ("Grünfläche", "Grünflächen"),
            ("Wohnung", "Wohnungen"),
            ("Stadt", "Städte"),
            ("Dorf", "Dörfer"),
        ],
        "tags": ["Digitaler Zwilling", "Geodaten", "Füllstandsmessung", "Dorfentwicklung", "Quartier", "Innenstadt"],
    },
    "daten-und-infrastruktur": {
        "projects": [
            "LoRaWAN-Netz für die ganze Stadt",
            "Urbane Datenplattform",
            "Open-Data-Portal",
            "Glasfaserausbau in Gewerbegebieten",
            "Rechenzentrum im Zweckverband",
            "Sensornetz für Umweltdaten",
            "Geodateninfrastruktur für die Kommunen",
            "IT-Sicherheitskonzept nach BSI-Grundschutz",
        ],
        "things": [
            ("Gateway", "Gateways"),
            ("Datensatz", "Datensätze"),
            ("Schnittstelle", "Schnittstellen"),
            ("Server", "Server"),
            ("Sensor", "Sensoren"),
            ("Netz", "Netze"),
            ("Messwert", "Messwerte"),
        ],
        "tags": ["LoRaWAN", "Internet der Dinge", "Urbane Datenplattform", "Offene Daten", "Breitband", "IT-Sicherheit", "Sensorik"],
    },
    "beteiligung-und-engagement": {
        "projects": [
            "Online-Bürgerbeteiligung zum Haushalt",
            "Ehrenamtsbörse",
            "Jugendbeteiligung per App",
            "Digitale Dorfkonferenz",
            "Beteiligungsplattform für Bauprojekte",
            "Bürgerhaushalt mit Abstimmung",
            "Digitale Nachbarschaftshilfe",
        ],
        "things": [
            ("Bürgerin", "Bürgerinnen"),
            ("Verein", "Vereine"),
            ("Vorschlag", "Vorschläge"),
            ("Ehrenamtliche", "Ehrenamtliche"),
            ("Jugendliche", "Jugendliche"),
            ("Beteiligung", "Beteiligungen"),
        ],
        "tags": ["Bürgerbeteiligung", "Ehrenamt", "Jugendbeteiligung", "Bürgerhaushalt", "Nachbarschaft"],
    },
}

# Topic popularity in the region (relative weights): digital administration and data lead.
TOPIC_WEIGHTS = {
    "verwaltung-und-buergerservice": 16,
    "daten-und-infrastruktur": 14,
    "mobilitaet": 13,
    "energie-und-klima": 13,
    "stadtentwicklung-und-wohnen": 10,
    "bildung": 9,
    "beteiligung-und-engagement": 8,
    "wirtschaft-und-arbeit": 7,
    "gesundheit-und-pflege": 5,
    "kultur-und-tourismus": 5,
}

# Tags: name -> (parent name or None, synonyms). Parents are listed before children.
TAGS = {
    "Internet der Dinge": (None, ["IoT"]),
    "Sensorik": ("Internet der Dinge", ["Sensortechnik", "Messtechnik"]),
    "LoRaWAN": ("Internet der Dinge", ["LPWAN"]),
    "Füllstandsmessung": ("Sensorik", ["Füllstandssensor"]),
    "Urbane Datenplattform": (None, ["Datenplattform", "Smart-City-Plattform"]),
    "Offene Daten": ("Urbane Datenplattform", ["Open Data"]),
    "Geodaten": (None, ["GIS", "Geoinformationssystem"]),
    "Digitaler Zwilling": ("Geodaten", ["Digital Twin", "3D-Stadtmodell"]),
    "Breitband": (None, ["Glasfaser", "FTTH"]),
    "IT-Sicherheit": (None, ["Informationssicherheit", "BSI-Grundschutz"]),
    "Digitale Verwaltung": (None, ["E-Government", "Digitales Rathaus"]),
    "Onlinezugangsgesetz": ("Digitale Verwaltung", ["OZG"]),
    "E-Akte": ("Digitale Verwaltung", ["elektronische Akte", "DMS"]),
    "Bürgerservice": ("Digitale Verwaltung", ["Bürgerbüro", "Bürgeramt"]),
    "Künstliche Intelligenz": (None, ["KI", "Chatbot"]),
    "Datenschutz": (None, ["DSGVO"]),
    "Energieeffizienz": (None, ["Energiesparen", "Energiemanagement"]),
    "Straßenbeleuchtung": ("Energieeffizienz", ["Stadtbeleuchtung", "LED-Beleuchtung"]),
    "Smart Meter": ("Energieeffizienz", ["intelligenter Stromzähler"]),
    "Photovoltaik": (None, ["Solarenergie", "PV-Anlage"]),
    "Wärmeplanung": (None, ["kommunale Wärmeplanung", "Nahwärme"]),
    "Klimaanpassung": (None, ["Hitzeschutz", "Stadtklima"]),
    "Hochwasserschutz": ("Klimaanpassung", ["Starkregenvorsorge", "Pegelmessung"]),
    "Nahverkehr": (None, ["ÖPNV", "Busverkehr"]),
    "On-Demand-Verkehr": ("Nahverkehr", ["Rufbus", "Ridepooling"]),
    "Elektromobilität": (None, ["E-Mobilität", "Ladeinfrastruktur"]),
    "Radverkehr": (None, ["Fahrradverkehr", "Radwege"]),
    "Parkraummanagement": (None, ["Parkleitsystem"]),
    "Carsharing": (None, ["Autoteilen"]),
    "Digitale Schule": (None, ["Schuldigitalisierung", "DigitalPakt Schule"]),
    "Medienkompetenz": (None, ["Medienbildung"]),
    "Bibliothek": (None, ["Stadtbücherei"]),
    "Weiterbildung": (None, ["Volkshochschule", "VHS"]),
    "Telemedizin": (None, ["Videosprechstunde"]),
    "Pflege": (None, ["Altenpflege"]),
    "Ländlicher Raum": (None, ["Dorf", "Landgemeinde"]),
    "Ehrenamt": (None, ["Freiwilligenarbeit", "bürgerschaftliches Engagement"]),
    "Senioren": (None, ["ältere Menschen"]),
    "Einzelhandel": (None, ["Handel", "lokaler Handel"]),
    "Coworking": (None, ["Coworking-Space"]),
    "Fachkräfte": (None, ["Fachkräftesicherung"]),
    "Wirtschaftsförderung": (None, ["Standortmarketing"]),
    "Leerstand": ("Einzelhandel", ["Leerstandsmanagement"]),
    "Tourismus": (None, ["Fremdenverkehr"]),
    "Besucherlenkung": ("Tourismus", ["Besucherzählung"]),
    "Kultur": (None, ["Kulturangebot"]),
    "Freies WLAN": (None, ["Hotspot", "öffentliches WLAN"]),
    "Wandern": ("Tourismus", ["Wanderweg"]),
    "Dorfentwicklung": ("Ländlicher Raum", ["Dorferneuerung"]),
    "Quartier": (None, ["Quartiersentwicklung"]),
    "Innenstadt": (None, ["Stadtzentrum", "Ortskern"]),
    "Bürgerbeteiligung": (None, ["Beteiligung", "Partizipation"]),
    "Jugendbeteiligung": ("Bürgerbeteiligung", ["Jugendparlament"]),
    "Bürgerhaushalt": ("Bürgerbeteiligung", ["Beteiligungshaushalt"]),
    "Nachbarschaft": (None, ["Nachbarschaftshilfe"]),
    "Interkommunale Zusammenarbeit": (None, ["IKZ", "Zweckverband"]),
    "Förderung": (None, ["Fördermittel", "Förderprogramm"]),
    "Open Source": (None, ["freie Software", "OSS"]),
}

# Tags any page may carry whatever its topic.
GENERAL_TAGS = ["Interkommunale Zusammenarbeit", "Förderung", "Open Source", "Datenschutz", "Ländlicher Raum"]

QUALIFIERS = [
    "im Pilotbetrieb",
    "für kleine Kommunen",
    "im Kreisverbund",
    "mit Bürgerbeteiligung",
    "als Open-Source-Lösung",
    "mit Fördermitteln des Landes",
    "für den ländlichen Raum",
    "in der Kernstadt",
    "in allen Ortsteilen",
    "gemeinsam mit den Stadtwerken",
    "mit offenen Schnittstellen",
    "nach einem Jahr Betrieb",
]

LESSON_HEADS = [
    "Was wir beim Projekt {project} gelernt haben",
    "{project}: Warum der erste Anlauf scheiterte",
    "Erfahrungen mit {project}",
    "{project} – Tipps für die Ausschreibung",
    "{project}: Die Akzeptanz kam später als gedacht",
    "Lehren aus {project} für kleinere Gemeinden",
]

TEMPLATE_HEADS = {
    "council_paper": "Ratsvorlage: {project}",
    "tender": "Leistungsbeschreibung für {project}",
    "data_protection": "Datenschutzkonzept für {project}",
    "concept_paper": "Konzeptpapier {project}",
    "contract": "Mustervertrag zu {project}",
    "other": "Checkliste {project}",
}

FUNDING = [
    "Smart Cities made in Germany (Bund)",
    "REGIONALE 2025 Südwestfalen",
    "Digitalisierungsoffensive NRW",
    "LEADER-Programm",
    "Kommunalrichtlinie (Nationale Klimaschutzinitiative)",
    "DigitalPakt Schule",
    "Eigenmittel der Kommune",
    "EFRE/JTF-Programm NRW",
]

OPERATOR_MODELS = [
    "Betrieb durch die Stadtwerke",
    "Eigenbetrieb der Kommune",
    "Betrieb durch den kommunalen IT-Dienstleister",
    "Genossenschaft mit Bürgerbeteiligung",
    "Dienstleistungsvertrag mit einem regionalen Unternehmen",
    "gemeinsamer Betrieb im Zweckverband",
]

LICENCES = ["EUPL-1.2", "MIT", "GPL-3.0", "CC BY 4.0", "proprietär, Nachnutzung auf Anfrage", ""]

ROLES = [
    "Digitalisierungsbeauftragte",
    "Klimaschutzmanager",
    "Leitung Bürgerbüro",
    "Projektleitung Smart City",
    "Sachbearbeitung Stadtplanung",
    "IT-Koordination",
    "Wirtschaftsförderung",
    "Mobilitätsmanagerin",
]

FIRST_NAMES = [
    "Anna", "Ben", "Claudia", "Dirk", "Elif", "Frank", "Gabi", "Hakan", "Ines", "Jan", "Katrin", "Lars",
    "Marie", "Nils", "Olga", "Paul", "Renate", "Sven", "Tanja", "Uwe", "Vera", "Wolfgang", "Yasemin", "Zoe",
]
LAST_NAMES = [
    "Schulte", "Hesse", "Becker", "Kemper", "Schmidt", "Vogt", "Böhmer", "Hömberg", "Köster", "Stahl",
    "Wiese", "Lütticke", "Rademacher", "Brüggemann", "Sauer", "Hennecke", "Plett", "Gödde", "Rüther", "Voß",
]

# Sentence patterns per body section. Slots: {project} {thing} {things} {town} {district}
# {n} {year} {tag} {partner} {months} {percent}
SECTIONS = {
    "challenge": [
        "In {town} fehlte bisher ein verlässlicher Überblick über {things}.",
        "Die Verwaltung bearbeitete viele Vorgänge zu {things} noch auf Papier, was Zeit und Personal band.",
        "Vor allem in den Ortsteilen klagten Bürgerinnen und Bürger über lange Wege und fehlende Informationen.",
        "Steigende Energiepreise und knappe Haushaltsmittel zwangen {town} zum Handeln.",
        "Die bestehenden Lösungen waren teuer, nicht vernetzt und nur von wenigen Beschäftigten zu bedienen.",
        "Der Fachkräftemangel im {district} verschärfte die Lage zusätzlich.",
        "Viele kleinere Städte und Gemeinden stehen vor derselben Herausforderung wie {town}.",
    ],
    "goal": [
        "Ziel war, {things} mit geringem Aufwand digital zu erfassen und auszuwerten.",
        "Das Projekt {project} sollte bis {year} in allen Ortsteilen verfügbar sein.",
        "Die Kommune wollte die Kosten für {things} um rund {percent} Prozent senken.",
        "Bürgerinnen und Bürger sollten ihre Anliegen rund um die Uhr online erledigen können.",
        "Die Lösung sollte auf offenen Standards beruhen, damit Nachbarkommunen sie nachnutzen können.",
        "Langfristig soll jede {thing} in eine gemeinsame Datenplattform eingebunden werden.",
    ],
    "implementation": [
        "Im ersten Schritt wurden {n} {things} ausgewählt und mit dem Fachamt abgestimmt.",
        "Gemeinsam mit {partner} schrieb {town} die Leistungen europaweit aus.",
        "Ein kleines Projektteam aus IT, Fachbereich und Stadtwerken arbeitete in Zwei-Wochen-Schritten.",
        "Die Installation dauerte {months} Monate und lief größtenteils ohne Störungen.",
        "Die Daten laufen über ein LoRaWAN-Gateway in die urbane Datenplattform des Kreises.",
        "Beschäftigte wurden in kurzen Schulungen auf die neuen Abläufe vorbereitet.",
        "Für den Datenschutz wurde früh der behördliche Datenschutzbeauftragte eingebunden.",
        "Die Schnittstellen sind dokumentiert und stehen unter einer offenen Lizenz bereit.",
    ],
    "results": [
        "Nach {months} Monaten Betrieb waren {n} {things} angebunden.",
        "Der Aufwand für Kontrollfahrten sank um etwa {percent} Prozent.",
        "Rund {n} Bürgerinnen und Bürger nutzen das Angebot inzwischen regelmäßig.",
        "Die Bearbeitungszeit für Anträge halbierte sich im Schnitt.",
        "Der Stromverbrauch der beteiligten Anlagen ging deutlich zurück.",
        "Die Zufriedenheit der Nutzerinnen und Nutzer lag in einer Umfrage bei {percent} Prozent.",
    ],
    "success_factors": [
        "Entscheidend war die frühe Unterstützung durch den Bürgermeister und den Rat.",
        "Ein fester Ansprechpartner im Fachamt hielt das Projekt auf Kurs.",
        "Die Zusammenarbeit mit {partner} sparte Zeit bei Ausschreibung und Betrieb.",
        "Kleine, sichtbare Erfolge früh im Projekt schufen Vertrauen.",
        "Offene Schnittstellen verhinderten die Abhängigkeit von einem einzelnen Anbieter.",
    ],
    "transferability": [
        "Das Vorgehen lässt sich auf Kommunen ab etwa 5.000 Einwohnern übertragen.",
        "Ausschreibungsunterlagen und Datenschutzkonzept stehen anderen Kommunen zur Verfügung.",
        "Für die Nachnutzung genügen ein Gateway und wenige {things} für den Anfang.",
        "Kleinere Gemeinden sollten sich für den Betrieb mit Nachbarn zusammentun.",
        "Die Lösung ist bereits in {partner} im Einsatz.",
    ],
}

LESSON_SENTENCES = {
    "tried": [
        "Wir haben {project} zunächst in einem Ortsteil mit {n} {things} getestet.",
        "Die erste Version setzte auf eine fertige Lösung eines großen Anbieters.",
        "Wir wollten {things} ohne zusätzliche Stellen digital verwalten.",
        "Ein Pilot mit Schulen und Vereinen sollte die Akzeptanz prüfen.",
    ],
    "happened": [
        "Die Funkabdeckung war in den Tallagen schlechter als erwartet.",
        "Die Lieferzeiten für {things} verzögerten den Start um {months} Monate.",
        "Ohne klare Zuständigkeit im Fachamt blieben Meldungen liegen.",
        "Die Beteiligung war hoch, solange es sichtbare Rückmeldungen gab.",
        "Der Datenschutz verlangte Nacharbeiten am Konzept.",
    ],
    "recommendation": [
        "Planen Sie Puffer für Lieferzeiten und Genehmigungen ein.",
        "Benennen Sie früh eine Person, die für den Betrieb verantwortlich ist.",
        "Testen Sie die Funkabdeckung vor der Ausschreibung.",
        "Arbeiten Sie mit Nachbarkommunen zusammen, um Kosten zu teilen.",
        "Achten Sie auf offene Schnittstellen und eine Exit-Strategie beim Vertrag.",
    ],
}

DOCUMENT_SENTENCES = [
    "Der Rat der Stadt {town} beschließt, das Projekt {project} umzusetzen.",
    "Die Verwaltung wird beauftragt, die erforderlichen Mittel im Haushalt {year} bereitzustellen.",
    "Der Auftragnehmer liefert {n} {things} einschließlich Montage und Inbetriebnahme.",
    "Personenbezogene Daten werden nur verarbeitet, soweit dies für den Zweck erforderlich ist.",
    "Die Messwerte werden nach 30 Tagen gelöscht, Auswertungen erfolgen anonymisiert.",
    "Die Vertragslaufzeit beträgt {months} Monate mit Verlängerungsoption.",
    "Die Schnittstellen sind offen zu dokumentieren und kostenfrei bereitzustellen.",
    "Die Kosten belaufen sich auf voraussichtlich {n}.000 Euro.",
    "Die Zuständigkeit für den Betrieb liegt beim Fachbereich {thing}.",
]

SUMMARY_SENTENCES = [
    "{town} hat mit {project} {things} digitalisiert und teilt die Erfahrungen.",
    "Das Projekt {project} zeigt, wie eine Kommune im {district} {things} mit wenig Personal betreibt.",
    "Mit {project} spart {town} Zeit und Geld bei {things}.",
    "Ein Baustein für {tag} in Südwestfalen, umgesetzt von {town}.",
    "Gemeinsam mit {partner} entstand eine Lösung, die andere Kommunen nachnutzen können.",
]

# Queries of the benchmark mix: what clerks type (one word, several words) and autocomplete
# prefixes. Chosen from the vocabulary above, so that every query has hits.
ONE_WORD_QUERIES = [
    "Straßenbeleuchtung", "Sensoren", "LoRaWAN", "Bürgerbeteiligung", "ÖPNV", "OZG", "Schulen",
    "Städte", "Ladesäule", "Datenschutz", "Glasfaser", "Telemedizin", "Leerstand", "Rufbus",
    "Buergerbeteiligung", "Beleuchtung", "Datenplattform", "Wanderwege", "Chatbot", "Hochwasserschutz",
]
MULTI_WORD_QUERIES = [
    "digitale Verwaltung kleine Gemeinde",
    "LED Straßenbeleuchtung Sensoren",
    "Förderprogramm Breitband Schulen",
    "Bürgerbus Ortsteile Buchung",
    "Open Data Portal Kreis",
    "Pegelmessung Starkregen Frühwarnung",
    "Online Terminvergabe Bürgerbüro",
    "Ehrenamt Plattform Vereine",
    "Parkplätze Innenstadt Sensor",
    "Datenschutzkonzept Ausschreibung",
    "Wärmeplanung Nahwärme Neubaugebiet",
    "Tablets Grundschule Medienentwicklungsplan",
]
AUTOCOMPLETE_PREFIXES = [
    "Stra", "Straßenb", "Sens", "Lo", "LoRa", "Bürg", "Buerg", "Nahv", "ÖP", "OZ", "Dig", "Digi",
    "Brei", "Glas", "Lade", "Tele", "Schu", "Wand", "Ehre", "Hoch", "Park", "Daten", "Wärm", "Rad",
]
