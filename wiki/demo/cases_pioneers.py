"""Demo case studies of the six pioneer towns (fictional projects, written for this project).

Keys: see wiki/demo/case_studies.py. Section texts: blank line = new paragraph, "- " = bullet.
"""

CASES = [
    # ------------------------------------------------------------------ Arnsberg
    {
        "id": "demo-cs-001",
        "town": "Arnsberg",
        "title": "LoRaWAN-Stadtnetz: ein Funknetz für alle Sensoren der Stadt",
        "summary": (
            "Arnsberg betreibt ein eigenes LoRaWAN-Funknetz mit zwölf Gateways. Ämter, Stadtwerke und "
            "Vereine binden darüber Sensoren an, ohne für jedes Projekt eine neue Infrastruktur aufzubauen."
        ),
        "topics": ["Daten und Infrastruktur"],
        "tags": ["LoRaWAN", "Sensorik", "Urbane Datenplattform"],
        "phase": "operation",
        "years": (2020, None),
        "partners": ["Sundern (Sauerland)"],
        "contact": "arnsberg-1",
        "challenge": (
            "Mehrere Fachbereiche wollten gleichzeitig Messwerte erfassen: Bodenfeuchte in Grünanlagen, "
            "Füllstände von Zisternen, Temperaturen in Schulen. Jedes Projekt hätte eigene Funkmodule, "
            "SIM-Karten und Verträge gebraucht.\n\n"
            "Das Stadtgebiet ist mit 15 Ortsteilen weitläufig, Mobilfunk ist in den Tälern lückenhaft."
        ),
        "goal": (
            "Ein gemeinsames, stromsparendes Funknetz für das gesamte Stadtgebiet, das jede Abteilung "
            "ohne eigene Beschaffung nutzen kann. Die Daten sollen der Stadt gehören und in einer "
            "offenen Plattform landen."
        ),
        "implementation": (
            "Die Gateways wurden auf städtischen Gebäuden, zwei Feuerwachen und einem Wasserhochbehälter "
            "montiert. Den Netzwerkserver betreibt der kommunale IT-Dienstleister, die Messwerte fließen "
            "in eine urbane Datenplattform.\n\n"
            "- Funkausleuchtung mit einem Testsensor im Fahrradkorb, Ortsteil für Ortsteil\n"
            "- Standortverträge für Dachflächen, Strom über vorhandene Anschlüsse\n"
            "- Schulung von je einer Ansprechperson pro Fachbereich"
        ),
        "results": (
            "Nach drei Jahren laufen über 400 Sensoren im Netz. Die Abdeckung im Siedlungsgebiet liegt bei "
            "rund 95 Prozent. Die laufenden Kosten je Sensor sind deutlich niedriger als bei "
            "Mobilfunklösungen, weil keine SIM-Karten nötig sind."
        ),
        "success_factors": (
            "Eine zentrale Stelle, die das Netz betreut und Anfragen der Ämter bündelt. Die frühe "
            "Entscheidung für einen offenen Standard statt eines Herstellersystems."
        ),
        "transferability": (
            "Gut übertragbar auf Städte und Gemeinden jeder Größe. Kleine Kommunen können sich an ein "
            "bestehendes Netz eines Nachbarn anhängen; die Nachbarstadt Sundern nutzt die Arnsberger "
            "Infrastruktur bereits mit."
        ),
        "effort_time": "6 Monate Aufbau, seitdem laufender Betrieb",
        "effort_staff": "0,5 Stelle für Betrieb und Beratung der Fachbereiche",
        "effort_cost": "ca. 1.200 € je Gateway, Betrieb ca. 6.000 € pro Jahr",
        "funding": "Modellprojekte Smart Cities (Bund)",
        "budget": "85.000 € für Aufbau und die ersten 50 Sensoren",
        "operator_model": "Stadt als Eigentümerin, Betrieb des Netzwerkservers durch den kommunalen IT-Dienstleister",
        "licence": "Konfiguration und Dokumentation unter CC BY 4.0",
        "source_url": "https://git.example.org/arnsberg/lorawan-netz",
    },
    {
        "id": "demo-cs-002",
        "town": "Arnsberg",
        "title": "Pegelsensoren an kleinen Bächen warnen vor Hochwasser",
        "summary": (
            "An acht Bächen im Stadtgebiet messen Ultraschallsensoren den Wasserstand alle fünf Minuten. "
            "Steigt ein Pegel schnell, bekommen Feuerwehr und Bauhof eine Warnung aufs Telefon."
        ),
        "topics": ["Energie und Klima", "Daten und Infrastruktur"],
        "tags": ["Pegelmessung", "Hochwasserschutz", "LoRaWAN"],
        "phase": "operation",
        "years": (2021, None),
        "partners": ["Meschede", "Sundern (Sauerland)"],
        "related": ["demo-cs-001"],
        "contact": "arnsberg-2",
        "challenge": (
            "Nach dem Starkregen im Sommer 2021 zeigte sich: Die großen Flüsse sind gut überwacht, die "
            "kleinen Bäche in den Ortsteilen nicht. Dort steigt das Wasser aber am schnellsten, und "
            "Keller laufen voll, bevor jemand Alarm schlägt."
        ),
        "goal": (
            "Wasserstände an den kritischen Bachläufen in Echtzeit kennen und die Einsatzkräfte "
            "frühzeitig warnen, ohne teure Messstationen wie an der Ruhr zu bauen."
        ),
        "implementation": (
            "Der Bauhof montierte batteriebetriebene Ultraschall-Pegelsensoren unter Brücken und an "
            "Durchlässen. Die Werte laufen über das städtische LoRaWAN in die Datenplattform. Zwei "
            "Warnstufen lösen Nachrichten an die Leitstelle und an die Bereitschaft des Bauhofs aus.\n\n"
            "Die Schwellenwerte wurden mit der Feuerwehr an Ortsterminen festgelegt und nach dem "
            "ersten Winter angepasst."
        ),
        "results": (
            "Bei zwei Starkregenereignissen kam die Warnung 40 bzw. 55 Minuten vor dem Ausufern. "
            "Die Feuerwehr konnte Sandsäcke verteilen, bevor Wasser in Gebäude lief. Die Kurven sind "
            "öffentlich auf einer Karte einsehbar."
        ),
        "success_factors": (
            "Die Feuerwehr war von Anfang an beteiligt und hat die Warnschwellen mitbestimmt. Die "
            "vorhandene Funkinfrastruktur machte die Sensoren billig."
        ),
        "transferability": (
            "Jede Gemeinde mit kleinen Fließgewässern kann das nachbauen. Meschede und Sundern haben "
            "die Sensorliste und die Warnlogik übernommen. Voraussetzung ist ein Funknetz oder "
            "Sensoren mit Mobilfunkmodul."
        ),
        "effort_time": "4 Monate bis zur ersten Warnung",
        "effort_staff": "Bauhof (Montage), Feuerwehr (Schwellenwerte), IT (Plattform), zusammen ca. 60 Personentage",
        "effort_cost": "ca. 450 € je Messstelle plus Montage",
        "funding": "Landesförderung Klimaanpassung (Sofortprogramm)",
        "budget": "18.000 €",
        "operator_model": "Eigenbetrieb der Stadt; Sensoren gehören der Stadt, Wartung durch den Bauhof",
        "licence": "Messdaten als offene Daten unter dl-de/by-2-0",
    },
    {
        "id": "demo-cs-003",
        "town": "Arnsberg",
        "title": "Online-Bürgerbeteiligung zur Neugestaltung eines Marktplatzes",
        "summary": (
            "Für die Umgestaltung eines Marktplatzes sammelte die Stadt sechs Wochen lang Ideen auf einer "
            "Beteiligungsplattform und in Sprechstunden vor Ort. Über 1.100 Beiträge flossen in den "
            "Wettbewerb ein."
        ),
        "topics": ["Beteiligung und Engagement", "Stadtentwicklung und Wohnen"],
        "tags": ["Bürgerbeteiligung", "Datenschutz"],
        "phase": "completed",
        "years": (2019, 2021),
        "contact": "arnsberg-1",
        "challenge": (
            "Bei früheren Planungen kamen zu Informationsabenden vor allem dieselben wenigen Menschen. "
            "Jüngere Familien, Pendlerinnen und Gewerbetreibende fühlten sich nicht gehört."
        ),
        "goal": (
            "Mehr und unterschiedlichere Menschen beteiligen und ihre Wünsche so aufbereiten, dass "
            "Planungsbüros sie im Wettbewerb verwenden können."
        ),
        "implementation": (
            "Auf einer Open-Source-Beteiligungsplattform konnten Bürgerinnen und Bürger Vorschläge auf "
            "einer Karte verorten, kommentieren und bewerten. Parallel gab es einen Stand auf dem "
            "Wochenmarkt und Papierbögen in der Stadtbücherei, die das Team digitalisierte.\n\n"
            "Moderiert wurde die Plattform werktags von zwei Mitarbeiterinnen der Stadtplanung."
        ),
        "results": (
            "1.143 Beiträge, davon ein Drittel von unter 35-Jährigen. Die zehn meistgenannten Wünsche "
            "(Schatten, Sitzgelegenheiten, Wasserspiel, weniger Parkplätze) standen in der "
            "Auslobung des Wettbewerbs."
        ),
        "success_factors": (
            "Die Kombination aus Online-Angebot und Präsenz vor Ort. Eine klare Rückmeldung am Ende: "
            "Was wurde übernommen, was nicht, und warum."
        ),
        "transferability": (
            "Die Plattform ist quelloffen und kann von anderen Kommunen betrieben werden. Für kleinere "
            "Gemeinden reicht oft ein gemeinsamer Betrieb über den Kreis."
        ),
        "effort_time": "3 Monate Vorbereitung, 6 Wochen Beteiligung, 2 Monate Auswertung",
        "effort_staff": "2 Personen der Stadtplanung zu je 50 Prozent",
        "effort_cost": "Hosting ca. 3.000 € pro Jahr, Moderation intern",
        "funding": "Städtebauförderung",
        "budget": "25.000 € einschließlich Öffentlichkeitsarbeit",
        "operator_model": "Plattform bei einem kommunalen Rechenzentrum gehostet",
        "licence": "Software unter AGPL-3.0",
        "source_url": "https://git.example.org/beteiligung/plattform",
    },
    {
        "id": "demo-cs-004",
        "town": "Arnsberg",
        "title": "Digital-Lotsinnen und -Lotsen für Seniorinnen und Senioren",
        "summary": (
            "Ehrenamtliche Digital-Lotsen helfen älteren Menschen beim Umgang mit Smartphone, "
            "Videotelefonie und Online-Terminen. Die Stadt koordiniert, schult und stellt Leihgeräte."
        ),
        "topics": ["Gesundheit und Pflege", "Beteiligung und Engagement"],
        "tags": ["Ehrenamt", "Digitale Pflege"],
        "phase": "rollout",
        "years": (2022, None),
        "contact": "arnsberg-1",
        "challenge": (
            "Immer mehr Angebote laufen online: Arzttermine, Rezepte, Bankgeschäfte, Fahrkarten. Viele "
            "Ältere trauen sich das nicht zu und haben niemanden in der Nähe, der hilft."
        ),
        "goal": (
            "In jedem Ortsteil eine feste Anlaufstelle mit geschulten Ehrenamtlichen, die geduldig "
            "erklären, und Geräte zum Ausprobieren."
        ),
        "implementation": (
            "Die Fachstelle Zukunft Alter gewann 35 Ehrenamtliche, schulte sie an vier Abenden und "
            "organisierte wöchentliche Sprechstunden in Begegnungsstätten und Gemeindehäusern.\n\n"
            "- Leihtablets mit vereinfachter Oberfläche\n"
            "- Handreichungen in großer Schrift\n"
            "- Hausbesuche für Menschen, die nicht mobil sind"
        ),
        "results": (
            "Im ersten Jahr rund 1.800 Beratungen. Drei Viertel der Besucherinnen und Besucher kamen "
            "mehrfach. Die Warteliste für Hausbesuche zeigt, dass der Bedarf größer ist als das Angebot."
        ),
        "success_factors": (
            "Vertraute Orte und vertraute Gesichter. Die Ehrenamtlichen stammen meist selbst aus dem "
            "Ortsteil und sind oft im Ruhestand."
        ),
        "transferability": (
            "Mit wenig Geld in jeder Kommune möglich. Wichtig ist eine hauptamtliche Koordination, "
            "sonst schläft das Angebot nach einem Jahr ein."
        ),
        "effort_time": "laufend, Aufbau in 5 Monaten",
        "effort_staff": "0,25 Stelle Koordination, 35 Ehrenamtliche",
        "effort_cost": "ca. 9.000 € pro Jahr (Geräte, Schulungen, Aufwandsentschädigung)",
        "funding": "Landesprogramm für digitale Teilhabe älterer Menschen",
        "budget": "27.000 € für drei Jahre",
        "operator_model": "Stadt koordiniert, Träger der Begegnungsstätten stellen Räume",
        "licence": "Schulungsunterlagen unter CC BY-SA 4.0",
    },
    # ------------------------------------------------------------------ Bad Berleburg
    {
        "id": "demo-cs-005",
        "town": "Bad Berleburg",
        "title": "Dorf-App für 23 Ortschaften",
        "summary": (
            "Eine gemeinsame Dorf-App bündelt Neuigkeiten, Vereinstermine, Mitfahrgelegenheiten und "
            "Nachbarschaftshilfe aller 23 Dörfer. Jedes Dorf hat eigene Redakteurinnen und Redakteure."
        ),
        "topics": ["Beteiligung und Engagement", "Stadtentwicklung und Wohnen"],
        "tags": ["Dorf-App", "Ländlicher Raum", "Ehrenamt"],
        "phase": "operation",
        "years": (2021, None),
        "partners": ["Erndtebrück", "Bad Laasphe"],
        "contact": "berleburg-1",
        "challenge": (
            "Bad Berleburg ist eine der flächengrößten Städte Nordrhein-Westfalens, die Dörfer liegen "
            "weit auseinander. Das Mitteilungsblatt erscheint nur monatlich, Aushänge erreichen kaum "
            "jemanden unter 50."
        ),
        "goal": (
            "Ein digitaler Dorfplatz, auf dem jedes Dorf seine Nachrichten selbst veröffentlicht und "
            "Hilfe angeboten und gesucht werden kann, ohne Werbung und ohne Datensammelei."
        ),
        "implementation": (
            "Die Stadt lizenzierte eine Dorfplattform, die bereits in anderen Bundesländern läuft, und "
            "richtete für jedes Dorf einen eigenen Bereich ein. In Dorfversammlungen wurden je zwei "
            "bis drei Ehrenamtliche als Redaktion gewonnen und geschult.\n\n"
            "Die Verwaltung veröffentlicht amtliche Meldungen (Straßensperrungen, Sprechzeiten) "
            "zentral für alle Dörfer."
        ),
        "results": (
            "Gut 4.000 registrierte Nutzerinnen und Nutzer bei rund 19.000 Einwohnern. Die "
            "Mitfahrbörse vermittelt etwa 60 Fahrten im Monat. Vereine berichten von besser besuchten "
            "Veranstaltungen."
        ),
        "success_factors": (
            "Die Dörfer gestalten ihre Seiten selbst, die Stadt hält sich inhaltlich zurück. Ein "
            "fester Ansprechpartner in der Verwaltung beantwortet Fragen innerhalb eines Tages."
        ),
        "transferability": (
            "Für Gemeinden mit vielen Ortsteilen sehr gut geeignet. Erndtebrück und Bad Laasphe nutzen "
            "dieselbe Instanz mit eigenen Bereichen, was die Lizenzkosten teilt."
        ),
        "effort_time": "4 Monate Einführung",
        "effort_staff": "0,3 Stelle Betreuung, ca. 50 ehrenamtliche Redakteure",
        "effort_cost": "Lizenz ca. 7.500 € pro Jahr (geteilt mit zwei Nachbarkommunen)",
        "funding": "LEADER-Region Wittgenstein",
        "budget": "30.000 € für die ersten zwei Jahre",
        "operator_model": "Software als Dienst eines Anbieters, Redaktion ehrenamtlich, Koordination durch die Stadt",
        "licence": "proprietäre Lizenz, Inhalte gehören den Dörfern",
    },
    {
        "id": "demo-cs-006",
        "town": "Bad Berleburg",
        "title": "Telemedizinische Sprechstunde in Dorfgemeinschaftshäusern",
        "summary": (
            "In drei Dorfgemeinschaftshäusern stehen Telemedizin-Stationen. Eine geschulte "
            "Praxisassistenz misst Blutdruck und EKG, die Hausärztin ist per Video zugeschaltet."
        ),
        "topics": ["Gesundheit und Pflege"],
        "tags": ["Telemedizin", "Ländlicher Raum", "Datenschutz"],
        "phase": "pilot",
        "years": (2022, None),
        "contact": "berleburg-2",
        "challenge": (
            "Zwei Hausarztpraxen haben in den letzten Jahren geschlossen. Für viele ältere Menschen "
            "ohne Auto bedeutet ein Arztbesuch eine halbe Tagesreise mit dem Bus."
        ),
        "goal": (
            "Routinekontrollen bei chronisch Kranken wohnortnah ermöglichen und die verbliebenen "
            "Praxen entlasten."
        ),
        "implementation": (
            "Zusammen mit einer Gemeinschaftspraxis und dem Kreis wurden mobile Messkoffer und eine "
            "zertifizierte Videosprechstunden-Software beschafft. Eine Medizinische Fachangestellte "
            "fährt an festen Tagen in die Dörfer.\n\n"
            "Eine Datenschutz-Folgenabschätzung wurde vor dem Start mit der Datenschutzbeauftragten "
            "des Kreises abgestimmt."
        ),
        "results": (
            "Nach einem Jahr rund 900 Konsultationen, bei etwa jeder zehnten war doch ein Praxisbesuch "
            "nötig. Patientinnen und Patienten bewerten das Angebot überwiegend sehr gut."
        ),
        "success_factors": (
            "Eine Praxis, die selbst überzeugt ist. Die Fachangestellte als bekanntes Gesicht vor "
            "Ort, damit niemand allein vor einem Bildschirm sitzt."
        ),
        "transferability": (
            "Übertragbar auf ländliche Gemeinden mit Praxisschließungen. Die Abrechnung über die "
            "Krankenkassen ist inzwischen möglich, muss aber früh mit der Kassenärztlichen "
            "Vereinigung geklärt werden."
        ),
        "effort_time": "9 Monate Vorbereitung, Pilot über 2 Jahre",
        "effort_staff": "1 Medizinische Fachangestellte (Praxis), 0,2 Stelle Koordination (Stadt)",
        "effort_cost": "ca. 15.000 € je Station",
        "funding": "Landesförderung für innovative Versorgungsmodelle",
        "budget": "95.000 €",
        "operator_model": "Praxis betreibt, Stadt stellt Räume und Internetanschluss",
        "licence": "keine Softwareentwicklung; Ablaufbeschreibung unter CC BY 4.0",
    },
    {
        "id": "demo-cs-007",
        "town": "Bad Berleburg",
        "title": "Co-Working im alten Bahnhof: Arbeiten, wo man wohnt",
        "summary": (
            "Im ehemaligen Bahnhofsgebäude entstand ein Co-Working-Space mit zwölf Arbeitsplätzen, "
            "Besprechungsraum und Glasfaser. Pendlerinnen und Pendler sparen sich Fahrten nach Siegen "
            "oder Marburg."
        ),
        "topics": ["Wirtschaft und Arbeit", "Stadtentwicklung und Wohnen"],
        "tags": ["Co-Working", "Ländlicher Raum", "Breitband"],
        "phase": "operation",
        "years": (2020, None),
        "contact": "berleburg-1",
        "challenge": (
            "Viele Berufstätige pendeln täglich über eine Stunde. Im Homeoffice fehlt oft ein ruhiger "
            "Arbeitsplatz oder eine stabile Leitung. Junge Familien ziehen deshalb weg."
        ),
        "goal": (
            "Einen professionellen Arbeitsort in der Stadt schaffen, der Pendeln ersetzt und "
            "Gründerinnen und Gründern einen Treffpunkt bietet."
        ),
        "implementation": (
            "Die Stadt mietete Räume im sanierten Bahnhof und richtete sie mit Unterstützung eines "
            "örtlichen Vereins ein. Der Zugang läuft über ein elektronisches Schloss und eine "
            "Buchungsseite, Tagespässe gibt es auch an der Touristinfo."
        ),
        "results": (
            "Die Auslastung liegt nach drei Jahren bei rund 60 Prozent. Zwei kleine Firmen sind aus "
            "dem Space heraus entstanden. Arbeitgeber in der Region nutzen Tageskontingente für "
            "ihre Beschäftigten."
        ),
        "success_factors": (
            "Die Lage direkt am Bahnhof, eine sehr gute Internetanbindung und eine Community-Managerin, "
            "die Veranstaltungen organisiert."
        ),
        "transferability": (
            "Für Kleinstädte mit vielen Pendlern gut geeignet. Ohne jemanden, der die Gemeinschaft "
            "pflegt, bleiben die Plätze aber leer."
        ),
        "effort_time": "8 Monate von der Idee bis zur Eröffnung",
        "effort_staff": "0,5 Stelle Community-Management",
        "effort_cost": "Miete und Betrieb ca. 28.000 € pro Jahr, Einnahmen ca. 17.000 €",
        "funding": "Förderprogramm Dorf.Zukunft.Arbeit (fiktiv)",
        "budget": "60.000 € Einrichtung",
        "operator_model": "Verein betreibt, Stadt trägt das Defizit für fünf Jahre",
        "licence": "nicht zutreffend",
    },
    {
        "id": "demo-cs-008",
        "town": "Bad Berleburg",
        "title": "Waldbrand-Früherkennung mit Sensoren im Wittgensteiner Wald",
        "summary": (
            "Gassensoren an Waldrändern erkennen Rauch, bevor ein Feuer sichtbar ist. Die Meldungen "
            "gehen über LoRaWAN direkt an die Kreisleitstelle."
        ),
        "topics": ["Energie und Klima", "Daten und Infrastruktur"],
        "tags": ["Umweltsensorik", "LoRaWAN", "Klimaanpassung", "Interkommunale Zusammenarbeit"],
        "phase": "pilot",
        "years": (2023, None),
        "partners": ["Erndtebrück"],
        "contact": "berleburg-1",
        "challenge": (
            "Trockene Sommer und Kahlflächen nach dem Borkenkäferbefall haben die Waldbrandgefahr "
            "erhöht. Die Wälder sind groß, Feuerwachtürme gibt es nicht mehr."
        ),
        "goal": (
            "Entstehende Brände in besonders gefährdeten Waldstücken innerhalb weniger Minuten "
            "melden, auch nachts."
        ),
        "implementation": (
            "Auf 300 Hektar wurden 60 solarbetriebene Gassensoren aufgehängt. Weil dort kein "
            "Mobilfunk ist, leiten Mesh-Gateways die Meldungen bis zum nächsten LoRaWAN-Gateway. "
            "Der Kreis hat die Alarmierung in die Leitstelle eingebunden."
        ),
        "results": (
            "In der ersten Saison zwei echte Meldungen (ein Grillfeuer, ein kleiner Flächenbrand), "
            "beide früher als durch Anrufe. Fehlalarme durch Holzöfen in Waldnähe mussten durch "
            "angepasste Schwellen reduziert werden."
        ),
        "success_factors": (
            "Forstbetrieb, Feuerwehr und Kreis saßen von Anfang an an einem Tisch. Die Funkplanung "
            "im Gelände wurde mit Förstern gemacht, die jeden Hang kennen."
        ),
        "transferability": (
            "Für waldreiche Gemeinden interessant; die Kosten pro Hektar sind noch hoch. Sinnvoll "
            "als gemeinsames Projekt mehrerer Kommunen mit dem Kreis."
        ),
        "effort_time": "Pilot über 2 Waldbrandsaisons",
        "effort_staff": "Forst, Feuerwehr, IT: ca. 80 Personentage",
        "effort_cost": "ca. 110.000 € für Sensoren und Gateways",
        "funding": "Waldbrandvorsorge-Förderung des Landes",
        "budget": "140.000 €",
        "operator_model": "Stadt betreibt die Sensoren, Kreis die Alarmierung",
        "licence": "proprietäre Hardware, Datenformat offen dokumentiert",
    },
    # ------------------------------------------------------------------ Menden
    {
        "id": "demo-cs-009",
        "town": "Menden (Sauerland)",
        "title": "Intelligente Straßenbeleuchtung mit LED und bedarfsgerechter Dimmung",
        "summary": (
            "Menden stellt seine Straßenbeleuchtung schrittweise auf LED-Leuchten mit Funksteuerung um. "
            "In Wohnstraßen dimmen die Leuchten nachts und werden heller, wenn jemand kommt."
        ),
        "topics": ["Energie und Klima"],
        "tags": ["Straßenbeleuchtung", "Energieeffizienz", "Sensorik"],
        "phase": "rollout",
        "years": (2021, None),
        "contact": "menden-1",
        "challenge": (
            "Die Beleuchtung war einer der größten Stromverbraucher der Stadt. Viele Leuchten stammten "
            "aus den 1980er-Jahren, Ersatzteile waren kaum noch zu bekommen, Defekte wurden erst durch "
            "Beschwerden bekannt."
        ),
        "goal": (
            "Den Stromverbrauch der Straßenbeleuchtung mindestens halbieren, Ausfälle automatisch "
            "erkennen und dabei das Sicherheitsgefühl der Menschen erhalten."
        ),
        "implementation": (
            "In einem ersten Bauabschnitt wurden 1.400 Lichtpunkte ersetzt. Jede neue Leuchte hat "
            "einen Funkknoten, der Dimmprofile empfängt und Störungen meldet. In ausgewählten "
            "Wohnstraßen erkennen Bewegungsmelder Fußgänger und Radfahrende.\n\n"
            "- Dimmung auf 30 Prozent zwischen 23 und 5 Uhr\n"
            "- Volle Helligkeit an Schulwegen und Querungen\n"
            "- Warmweißes Licht zum Schutz von Insekten"
        ),
        "results": (
            "Im ersten Abschnitt sank der Verbrauch um 68 Prozent. Ausfälle werden jetzt im Schnitt "
            "nach einem Tag behoben statt nach zwei Wochen. Beschwerden über zu dunkle Straßen gab es "
            "nur in den ersten Wochen."
        ),
        "success_factors": (
            "Eine offene Schnittstelle für die Leuchtensteuerung, damit später andere Hersteller "
            "angeschlossen werden können. Gute Information der Anwohnerinnen und Anwohner vor dem "
            "Umbau."
        ),
        "transferability": (
            "Für jede Kommune relevant, die Beleuchtung selbst besitzt. Wo ein Energieversorger die "
            "Leuchten betreibt, muss der Vertrag die Steuerung ausdrücklich zulassen."
        ),
        "effort_time": "3 Bauabschnitte über 4 Jahre",
        "effort_staff": "1 Projektingenieurin, Elektrofirma nach Ausschreibung",
        "effort_cost": "ca. 650 € je Lichtpunkt inklusive Montage",
        "funding": "Kommunalrichtlinie der Nationalen Klimaschutzinitiative",
        "budget": "2,1 Mio. € für alle Bauabschnitte",
        "operator_model": "Stadt als Eigentümerin, Wartung durch die Stadtwerke",
        "licence": "Steuerungsprotokoll TALQ (offener Standard)",
    },
    {
        "id": "demo-cs-010",
        "town": "Menden (Sauerland)",
        "title": "Digitaler Zwilling der Innenstadt für Planung und Klimaanalyse",
        "summary": (
            "Menden baut ein 3D-Modell der Innenstadt auf, in dem sich Bauvorhaben, Schattenwurf und "
            "Starkregenabfluss vorab simulieren lassen. Das Konzept liegt vor, die Datengrundlage "
            "entsteht."
        ),
        "topics": ["Stadtentwicklung und Wohnen", "Daten und Infrastruktur"],
        "tags": ["Digitaler Zwilling", "Geodaten", "Klimaanpassung"],
        "phase": "concept",
        "years": (2023, None),
        "related": ["demo-cs-009"],
        "contact": "menden-1",
        "challenge": (
            "Für die Entwicklung eines innerstädtischen Quartiers waren viele Fragen offen: Wie hoch "
            "darf gebaut werden, wo fließt Regenwasser ab, wie heiß werden Plätze im Sommer? "
            "Gutachten dazu waren teuer und nicht wiederverwendbar."
        ),
        "goal": (
            "Ein wiederverwendbares digitales Abbild der Innenstadt, das Planerinnen, Politik und "
            "Öffentlichkeit gleichermaßen verstehen."
        ),
        "implementation": (
            "Grundlage sind Laserscan-Daten und 3D-Gebäudemodelle des Landes, ergänzt um Kanalnetz, "
            "Baumkataster und Messwerte der Beleuchtungsknoten. Eine Machbarkeitsstudie hat die "
            "Anforderungen der Fachbereiche gesammelt und eine offene Software-Architektur empfohlen."
        ),
        "results": (
            "Das Konzept ist vom Rat beschlossen. Ein erster Prototyp zeigt Schattenwurf und "
            "Überflutungsflächen für das Quartier."
        ),
        "success_factors": (
            "Offene Landesdaten als Ausgangspunkt statt teurer eigener Befliegung. Ein klar "
            "umrissener erster Anwendungsfall."
        ),
        "transferability": (
            "Kleinere Städte sollten sich zusammentun oder auf Angebote des Kreises warten; der "
            "Pflegeaufwand für die Daten ist nicht zu unterschätzen."
        ),
        "effort_time": "Konzept 8 Monate, Aufbau geplant für 2 Jahre",
        "effort_staff": "GIS-Team (2 Personen), externe Beratung",
        "effort_cost": "Machbarkeitsstudie 45.000 €",
        "funding": "Modellprojekte Smart Cities (Bund)",
        "budget": "380.000 € geplant",
        "operator_model": "geplant: Betrieb im kommunalen Rechenzentrum",
        "licence": "geplant: Open Source (EUPL-1.2)",
    },
    {
        "id": "demo-cs-011",
        "town": "Menden (Sauerland)",
        "title": "Online-Terminvergabe und digitale Anträge im Bürgerbüro",
        "summary": (
            "Termine im Bürgerbüro werden online gebucht, häufige Anliegen wie Meldebescheinigungen "
            "und Anwohnerparkausweise lassen sich ganz ohne Besuch erledigen. Die Wartezeiten sind "
            "deutlich gesunken."
        ),
        "topics": ["Verwaltung und Bürgerservice"],
        "tags": ["Digitale Verwaltung", "Onlinezugangsgesetz"],
        "phase": "operation",
        "years": (2020, None),
        "contact": "menden-2",
        "challenge": (
            "Lange Schlangen vor dem Bürgerbüro, besonders vor den Sommerferien. Viele Besuche "
            "betrafen einfache Anliegen, die eigentlich keinen persönlichen Kontakt brauchen."
        ),
        "goal": (
            "Wartezeiten unter 10 Minuten, einfache Leistungen online nach dem Onlinezugangsgesetz, "
            "mehr Zeit für Beratung bei schwierigen Anliegen."
        ),
        "implementation": (
            "Ein Terminbuchungssystem mit Erinnerung per SMS und E-Mail wurde eingeführt. Über das "
            "Serviceportal des Landes bietet Menden inzwischen 14 Leistungen vollständig online an, "
            "darunter Meldebescheinigung, Führungszeugnis und Bewohnerparkausweis.\n\n"
            "Für Menschen ohne Internet gibt es weiterhin eine offene Sprechstunde am Donnerstag."
        ),
        "results": (
            "Die durchschnittliche Wartezeit sank von 45 auf 7 Minuten. Rund 30 Prozent der Anliegen "
            "werden inzwischen online erledigt. Die Quote nicht wahrgenommener Termine liegt dank "
            "Erinnerung bei unter 5 Prozent."
        ),
        "success_factors": (
            "Das Team im Bürgerbüro hat die Abläufe selbst mitgestaltet. Die Anbindung an das "
            "Landesportal ersparte eigene Entwicklung."
        ),
        "transferability": (
            "Sehr gut übertragbar. Die meisten OZG-Leistungen gibt es als Einer-für-Alle-Lösung, "
            "die jede Kommune anschließen kann."
        ),
        "effort_time": "3 Monate bis zum Start der Terminvergabe",
        "effort_staff": "Bürgerbüro-Team, 0,2 Stelle IT",
        "effort_cost": "Terminsystem ca. 4.000 € pro Jahr",
        "funding": "Eigenmittel",
        "budget": "12.000 €",
        "operator_model": "Software als Dienst, Portal des Landes",
        "licence": "proprietär (Terminsystem), Landesportal kostenfrei",
    },
    {
        "id": "demo-cs-012",
        "town": "Menden (Sauerland)",
        "title": "Schul-WLAN für alle 17 Schulen",
        "summary": (
            "Alle städtischen Schulen haben flächendeckendes, zentral verwaltetes WLAN bekommen. "
            "Jede Klasse kann gleichzeitig mit Tablets arbeiten."
        ),
        "topics": ["Bildung", "Daten und Infrastruktur"],
        "tags": ["Schul-WLAN", "Digitale Bildung", "Breitband"],
        "phase": "completed",
        "years": (2020, 2022),
        "contact": "menden-2",
        "challenge": (
            "In den meisten Schulen gab es nur in Verwaltungsräumen und einzelnen Computerräumen "
            "Netz. Mit den Tablets aus dem DigitalPakt war das Netz schnell überlastet."
        ),
        "goal": (
            "In jedem Unterrichtsraum stabiles WLAN für mindestens 32 Geräte gleichzeitig, zentral "
            "administriert und mit Jugendschutzfilter."
        ),
        "implementation": (
            "Nach einer Ausleuchtungsmessung wurden rund 600 Access Points installiert und alle "
            "Schulen per Glasfaser angebunden. Ein zentrales Management beim Schulträger ersetzt "
            "die Einzellösungen der Schulen.\n\n"
            "Die Verkabelung erfolgte überwiegend in den Ferien, um den Unterricht nicht zu stören."
        ),
        "results": (
            "Alle Schulen sind seit Sommer 2022 vollständig versorgt. Die Zahl der Störungsmeldungen "
            "ist trotz viel mehr Geräten gesunken."
        ),
        "success_factors": (
            "Ein Medienentwicklungsplan, der mit den Schulen abgestimmt war. Der Schulträger hat die "
            "Wartung gleich mit ausgeschrieben."
        ),
        "transferability": (
            "Die Ausschreibung kann als Muster dienen. Kleinere Schulträger sollten den Betrieb an "
            "einen kommunalen IT-Dienstleister geben."
        ),
        "effort_time": "2,5 Jahre",
        "effort_staff": "Schulverwaltung, 1 IT-Projektleitung",
        "effort_cost": "ca. 1,4 Mio. € (Verkabelung, Access Points, Management)",
        "funding": "DigitalPakt Schule",
        "budget": "1,6 Mio. €",
        "operator_model": "Schulträger betreibt zentral, Wartungsvertrag mit einem Systemhaus",
        "licence": "nicht zutreffend",
    },
    # ------------------------------------------------------------------ Olpe
    {
        "id": "demo-cs-013",
        "town": "Olpe",
        "title": "Parkraumsensoren und Parkleitsystem für die Innenstadt",
        "summary": (
            "Bodensensoren erfassen die Belegung von 420 Stellplätzen in der Innenstadt. Autofahrende "
            "sehen freie Parkplätze auf Anzeigetafeln und in einer Web-App."
        ),
        "topics": ["Mobilität", "Daten und Infrastruktur"],
        "tags": ["Parkraummanagement", "Sensorik", "LoRaWAN", "Offene Daten"],
        "phase": "operation",
        "years": (2021, None),
        "contact": "olpe-1",
        "challenge": (
            "An Markttagen und im Sommer, wenn Gäste vom Biggesee in die Stadt kommen, kreisen "
            "Autos auf Parkplatzsuche durch die Altstadt. Das verstopft Straßen und ärgert den Handel."
        ),
        "goal": (
            "Parksuchverkehr deutlich reduzieren und verlässliche Belegungsdaten für die "
            "Verkehrsplanung gewinnen."
        ),
        "implementation": (
            "Auf öffentlichen Parkplätzen und an Straßenrändern wurden Magnetfeldsensoren in den "
            "Asphalt eingelassen. Sie funken über LoRaWAN. Vier dynamische Tafeln an den "
            "Einfallstraßen zeigen die freien Plätze je Parkbereich.\n\n"
            "Die Belegungsdaten stehen als offene Daten zur Verfügung, ein Navigationsanbieter hat "
            "sie bereits eingebunden."
        ),
        "results": (
            "Befragungen zeigen, dass rund 40 Prozent der Besucherinnen und Besucher die Anzeigen "
            "nutzen. Die Auslastung verteilt sich gleichmäßiger, ein Parkhaus am Rand ist deutlich "
            "besser belegt."
        ),
        "success_factors": (
            "Die Kombination aus Tafeln an der Straße und offenen Daten für Apps. Die enge "
            "Zusammenarbeit mit dem Bauhof bei Straßenarbeiten."
        ),
        "transferability": (
            "Für Mittelzentren mit Ausflugsverkehr gut geeignet. Bei Sensoren im Boden muss der "
            "Winterdienst bedacht werden."
        ),
        "effort_time": "10 Monate bis zum Betrieb",
        "effort_staff": "Ordnungsamt, Tiefbau, Wirtschaftsförderung; ca. 90 Personentage",
        "effort_cost": "ca. 250 € je Sensor, 18.000 € je Anzeigetafel",
        "funding": "Förderprogramm Digitale Modellregionen NRW",
        "budget": "190.000 €",
        "operator_model": "Stadt betreibt, Sensordaten über die Plattform des Kreises",
        "licence": "Daten unter dl-de/zero-2-0",
    },
    {
        "id": "demo-cs-014",
        "town": "Olpe",
        "title": "Digitales Leerstandskataster für die Innenstadt",
        "summary": (
            "Olpe erfasst leerstehende Ladenlokale in einem Kataster mit Fotos, Flächen und "
            "Kontakten. Gründerinnen und Händler finden passende Flächen online, die Stadt vermittelt."
        ),
        "topics": ["Stadtentwicklung und Wohnen", "Wirtschaft und Arbeit"],
        "tags": ["Leerstandsmanagement", "Geodaten"],
        "phase": "rollout",
        "years": (2022, None),
        "contact": "olpe-1",
        "challenge": (
            "Nach der Pandemie standen in der Fußgängerzone elf Ladenlokale leer. Wer eine Fläche "
            "suchte, wusste oft nicht, wem sie gehört und was sie kostet."
        ),
        "goal": (
            "Einen vollständigen Überblick über Leerstände und bald frei werdende Flächen, und eine "
            "schnelle Vermittlung zwischen Eigentümern und Interessierten."
        ),
        "implementation": (
            "Das Citymanagement erfasste alle Erdgeschossflächen in einem Geoinformationssystem. "
            "Eigentümerinnen und Eigentümer stimmten der Veröffentlichung zu. Ein öffentliches "
            "Flächenportal zeigt verfügbare Läden mit Grundriss.\n\n"
            "Wer eröffnet, bekommt im ersten Jahr einen Mietzuschuss aus dem Landesprogramm."
        ),
        "results": (
            "Sieben der elf Leerstände sind wieder vermietet, darunter ein Unverpackt-Laden und ein "
            "Reparaturcafé. Die Zahl der Anfragen hat sich verdreifacht."
        ),
        "success_factors": (
            "Persönliche Gespräche mit den Eigentümern, nicht nur Briefe. Ein Mietzuschuss als "
            "Anreiz für Neugründungen."
        ),
        "transferability": (
            "In jeder Innenstadt mit Leerstand einsetzbar; das Kataster kann auch in einer "
            "einfachen Tabelle beginnen."
        ),
        "effort_time": "6 Monate Aufbau, laufende Pflege",
        "effort_staff": "Citymanagerin (halbe Stelle für das Thema)",
        "effort_cost": "Portal ca. 5.000 € pro Jahr",
        "funding": "Sofortprogramm zur Stärkung der Innenstädte NRW",
        "budget": "120.000 € einschließlich Mietzuschüssen",
        "operator_model": "Stadtmarketing-Gesellschaft",
        "licence": "Portal proprietär, Kataster-Struktur unter CC BY 4.0",
    },
    {
        "id": "demo-cs-015",
        "town": "Olpe",
        "title": "Tourismus-App am Biggesee mit Auslastungsanzeige",
        "summary": (
            "Eine Gäste-App zeigt Wanderwege, Badestellen und Parkplätze rund um den Biggesee und "
            "warnt, wenn Parkplätze voll sind. Olpe und Attendorn entwickeln sie gemeinsam."
        ),
        "topics": ["Kultur und Tourismus", "Mobilität"],
        "tags": ["Tourismus-App", "Besucherlenkung", "Interkommunale Zusammenarbeit"],
        "phase": "pilot",
        "years": (2023, None),
        "partners": ["Attendorn"],
        "related": ["demo-cs-013"],
        "contact": "olpe-1",
        "challenge": (
            "An sonnigen Wochenenden sind die Parkplätze am See früh belegt, Gäste parken in "
            "Wiesen und Zufahrten. Gleichzeitig sind andere schöne Orte kaum besucht."
        ),
        "goal": (
            "Gäste schon vor der Anreise informieren und auf weniger besuchte Ziele lenken."
        ),
        "implementation": (
            "Die App nutzt die Parkdaten aus Olpe, Zählstellen an Wanderparkplätzen und die "
            "Tourendaten des Tourismusverbands. Eine Ampel zeigt für jedes Ziel, wie voll es ist. "
            "Die App ist eine Web-App, damit niemand etwas installieren muss."
        ),
        "results": (
            "Im ersten Sommer rund 22.000 Aufrufe. Ob sich die Besucherströme messbar verlagern, "
            "wird im zweiten Jahr ausgewertet."
        ),
        "success_factors": (
            "Zwei Städte und der Tourismusverband teilen Kosten und Daten. Keine Installation "
            "nötig, funktioniert im Browser."
        ),
        "transferability": (
            "Für Ausflugsregionen mit Spitzentagen interessant. Die Datenquellen müssen vorher "
            "vorhanden sein; die App selbst ist der kleinere Teil."
        ),
        "effort_time": "Pilot über 2 Sommer",
        "effort_staff": "je 0,2 Stelle in Olpe und Attendorn, Agentur für die Entwicklung",
        "effort_cost": "Entwicklung ca. 70.000 €",
        "funding": "REGIONALE 2025 Südwestfalen",
        "budget": "95.000 €",
        "operator_model": "Tourismusverband betreibt, Städte liefern Daten",
        "licence": "Quellcode unter MIT-Lizenz",
        "source_url": "https://git.example.org/biggesee/gaeste-app",
    },
    {
        "id": "demo-cs-016",
        "town": "Olpe",
        "title": "Smart Meter in kommunalen Gebäuden: Energieverbrauch im Viertelstundentakt",
        "summary": (
            "In 35 städtischen Gebäuden lesen digitale Zähler Strom, Wärme und Wasser automatisch aus. "
            "Das Energiemanagement erkennt Verschwendung sofort statt einmal im Jahr."
        ),
        "topics": ["Energie und Klima"],
        "tags": ["Smart Meter", "Energieeffizienz", "LoRaWAN"],
        "phase": "operation",
        "years": (2021, None),
        "contact": "olpe-2",
        "challenge": (
            "Verbräuche wurden einmal im Monat per Hand abgelesen, teils gar nicht. Heizungen liefen "
            "in den Ferien weiter, defekte Spülkästen fielen erst bei der Jahresabrechnung auf."
        ),
        "goal": (
            "Den Energieverbrauch der Liegenschaften um 15 Prozent senken und Fehler innerhalb "
            "eines Tages erkennen."
        ),
        "implementation": (
            "Vorhandene Zähler wurden mit Funkauslesern nachgerüstet, wo nötig wurden intelligente "
            "Messsysteme eingebaut. Eine Energiemanagement-Software zeigt Lastgänge und schlägt Alarm "
            "bei ungewöhnlichen Werten. Hausmeisterinnen und Hausmeister erhalten monatlich einen "
            "einfachen Bericht."
        ),
        "results": (
            "Im zweiten Jahr 18 Prozent weniger Wärme und 11 Prozent weniger Strom. Ein Wasserrohrbruch "
            "in einer Turnhalle wurde nachts erkannt, bevor größerer Schaden entstand."
        ),
        "success_factors": (
            "Die Hausmeister wurden einbezogen und sehen selbst, was ihre Einstellungen bewirken. "
            "Eine Klimaschutzmanagerin kümmert sich dauerhaft."
        ),
        "transferability": (
            "Für jede Kommune mit eigenen Gebäuden sinnvoll. Viele Zähler lassen sich günstig "
            "nachrüsten, ohne sie zu tauschen."
        ),
        "effort_time": "12 Monate Ausstattung",
        "effort_staff": "Klimaschutzmanagement, Gebäudewirtschaft",
        "effort_cost": "ca. 900 € je Gebäude",
        "funding": "Kommunalrichtlinie (Energiemanagement)",
        "budget": "55.000 €",
        "operator_model": "Stadt betreibt die Software selbst",
        "licence": "proprietäre Software",
    },
    # ------------------------------------------------------------------ Soest
    {
        "id": "demo-cs-017",
        "town": "Soest",
        "title": "Offene Daten: das Open-Data-Portal der Stadt Soest",
        "summary": (
            "Soest veröffentlicht über 120 Datensätze maschinenlesbar unter freier Lizenz, von "
            "Haushaltsdaten bis zu Messwerten der Umweltsensoren. Entwicklerinnen, Presse und Politik "
            "nutzen sie."
        ),
        "topics": ["Daten und Infrastruktur", "Verwaltung und Bürgerservice"],
        "tags": ["Offene Daten", "Urbane Datenplattform", "Datenschutz"],
        "phase": "operation",
        "years": (2020, None),
        "contact": "soest-1",
        "challenge": (
            "Anfragen nach Daten kamen per E-Mail und wurden jedes Mal neu zusammengestellt. Vieles "
            "lag nur als PDF vor, das sich nicht weiterverarbeiten lässt."
        ),
        "goal": (
            "Daten einmal sauber veröffentlichen statt immer wieder auf Anfrage, und damit "
            "Transparenz und neue Anwendungen ermöglichen."
        ),
        "implementation": (
            "Ein Open-Data-Portal auf Basis einer verbreiteten Open-Source-Software wurde eingerichtet "
            "und an das Landesportal angebunden. Jede Abteilung benannte Datenpatinnen und -paten. "
            "Eine Dienstanweisung regelt, was veröffentlicht wird und wer prüft.\n\n"
            "- Standardlizenz: Datenlizenz Deutschland Zero\n"
            "- Formate: CSV, GeoJSON, JSON\n"
            "- Aktualisierung wo möglich automatisch aus den Fachverfahren"
        ),
        "results": (
            "123 Datensätze, monatlich rund 3.500 Abrufe. Ein Schülerteam hat daraus eine Karte der "
            "Trinkwasserbrunnen gebaut, die Lokalzeitung nutzt Haushaltsdaten für Grafiken."
        ),
        "success_factors": (
            "Eine Dienstanweisung, die Offenheit zur Regel macht. Der Start mit Daten, die "
            "ohnehin schon vorlagen."
        ),
        "transferability": (
            "Kleine Kommunen können ohne eigenes Portal direkt im Landesportal veröffentlichen. "
            "Wichtig sind Zuständigkeiten, nicht Technik."
        ),
        "effort_time": "6 Monate Aufbau",
        "effort_staff": "0,5 Stelle Koordination, Datenpaten in den Fachbereichen",
        "effort_cost": "Hosting ca. 2.500 € pro Jahr",
        "funding": "Eigenmittel",
        "budget": "20.000 €",
        "operator_model": "Betrieb durch den kommunalen IT-Dienstleister",
        "licence": "Software CKAN (AGPL-3.0), Daten dl-de/zero-2-0",
        "source_url": "https://git.example.org/soest/open-data",
    },
    {
        "id": "demo-cs-018",
        "town": "Soest",
        "title": "Digitale Stadtführung durch die Altstadt mit Audio und Augmented Reality",
        "summary": (
            "Zwölf Stationen in der Soester Altstadt erzählen per Smartphone Geschichten aus der "
            "Hansezeit. An drei Orten zeigt Augmented Reality, wie die Stadt früher aussah."
        ),
        "topics": ["Kultur und Tourismus"],
        "tags": ["Tourismus-App"],
        "phase": "completed",
        "years": (2021, 2022),
        "contact": "soest-2",
        "challenge": (
            "Führungen gab es nur am Wochenende und nur auf Deutsch. Gäste, die spontan kamen, "
            "liefen an vielen Sehenswürdigkeiten vorbei, ohne sie zu erkennen."
        ),
        "goal": (
            "Eine Stadtführung, die jederzeit und in mehreren Sprachen verfügbar ist und auch "
            "Einheimische neugierig macht."
        ),
        "implementation": (
            "Stadtarchiv, Museum und eine Medienagentur erarbeiteten Texte und Sprechaufnahmen. "
            "QR-Codes an den Stationen öffnen die Inhalte im Browser. Drei Rekonstruktionen wurden "
            "als 3D-Modelle erstellt."
        ),
        "results": (
            "Rund 15.000 Nutzungen im ersten Jahr, ein Drittel davon in englischer oder "
            "niederländischer Sprache. Schulen nutzen die Tour im Geschichtsunterricht."
        ),
        "success_factors": (
            "Starke Geschichten aus dem Archiv statt reiner Technik. Kein App-Download nötig."
        ),
        "transferability": (
            "Jede Stadt mit Geschichte kann das umsetzen. Die AR-Modelle sind der teuerste Teil "
            "und können auch weggelassen werden."
        ),
        "effort_time": "14 Monate",
        "effort_staff": "Stadtarchiv, Tourismus, Agentur",
        "effort_cost": "ca. 48.000 €",
        "funding": "Förderung Heimat-Zeugnis (Land NRW)",
        "budget": "55.000 €",
        "operator_model": "Tourismus-Abteilung pflegt die Inhalte",
        "licence": "Texte unter CC BY-SA 4.0",
    },
    {
        "id": "demo-cs-019",
        "town": "Soest",
        "title": "Hitzeinseln messen: Temperatursensoren auf Plätzen und Schulhöfen",
        "summary": (
            "Vierzig Temperatur- und Feuchtesensoren zeigen, wo sich die Stadt im Sommer am stärksten "
            "aufheizt. Die Messwerte fließen in die Planung von Bäumen, Schatten und Trinkbrunnen."
        ),
        "topics": ["Energie und Klima", "Stadtentwicklung und Wohnen"],
        "tags": ["Klimaanpassung", "Umweltsensorik", "Offene Daten"],
        "phase": "pilot",
        "years": (2023, None),
        "related": ["demo-cs-017"],
        "contact": "soest-2",
        "challenge": (
            "In Hitzesommern klagten Schulen und Seniorenheime über unerträgliche Temperaturen. "
            "Wo genau es am heißesten wird, wusste niemand."
        ),
        "goal": (
            "Hitzeinseln mit echten Messungen belegen und Maßnahmen der Klimaanpassung dort "
            "umsetzen, wo sie am meisten bringen."
        ),
        "implementation": (
            "Die Sensoren hängen an Laternen in drei Metern Höhe, geschützt vor direkter Sonne. "
            "Eine Schule betreut zwei Stationen im Rahmen einer Projekt-AG. Die Werte erscheinen "
            "im Open-Data-Portal und auf einer Hitzekarte."
        ),
        "results": (
            "Der Marktplatz war an heißen Tagen bis zu 6 Grad wärmer als der Stadtpark. Für zwei "
            "Schulhöfe wurden Entsiegelung und Baumpflanzungen beschlossen."
        ),
        "success_factors": (
            "Anschauliche Karten für die Politik. Die Beteiligung einer Schule bringt Aufmerksamkeit "
            "und Pflege."
        ),
        "transferability": (
            "Mit wenigen Sensoren schon aussagekräftig. Wer kein Funknetz hat, kann Sensoren mit "
            "Datenlogger nutzen und die Werte monatlich auslesen."
        ),
        "effort_time": "Pilot über 2 Sommer",
        "effort_staff": "Klimaanpassungsmanagement, Schule",
        "effort_cost": "ca. 150 € je Sensor",
        "funding": "Förderung Klimaanpassungsmanagement (Bund)",
        "budget": "15.000 €",
        "operator_model": "Stadt betreibt, Schule betreut zwei Stationen",
        "licence": "Daten unter dl-de/by-2-0",
    },
    {
        "id": "demo-cs-020",
        "town": "Soest",
        "title": "Digitaler Bauantrag und E-Akte in der Bauaufsicht",
        "summary": (
            "Bauanträge kommen in Soest digital über das Landesportal und werden vollständig "
            "elektronisch bearbeitet. Beteiligte Stellen sehen die Unterlagen gleichzeitig."
        ),
        "topics": ["Verwaltung und Bürgerservice"],
        "tags": ["Onlinezugangsgesetz", "E-Akte", "Digitale Verwaltung"],
        "phase": "rollout",
        "years": (2022, None),
        "contact": "soest-1",
        "challenge": (
            "Ein Bauantrag bestand aus mehreren Ordnern in vielfacher Ausfertigung, die per Hauspost "
            "zwischen Ämtern und Trägern öffentlicher Belange wanderten. Bearbeitungszeiten von "
            "mehreren Monaten waren normal."
        ),
        "goal": (
            "Bauanträge ohne Papier: digitaler Eingang nach OZG, elektronische Akte, parallele "
            "Beteiligung der Fachstellen."
        ),
        "implementation": (
            "Die Bauaufsicht hat das Landesverfahren für den digitalen Bauantrag angebunden und die "
            "Fachsoftware mit dem Dokumentenmanagement verbunden. Großformatige Pläne werden an "
            "Doppelmonitoren geprüft. Architekturbüros wurden in Informationsabenden geschult."
        ),
        "results": (
            "Rund 70 Prozent der Anträge kommen inzwischen digital. Die Beteiligung anderer Stellen "
            "dauert im Mittel 3 statt 6 Wochen."
        ),
        "success_factors": (
            "Gute Bildschirme und Schulungen für die Sachbearbeitung. Frühzeitige Einbindung der "
            "Architektenschaft."
        ),
        "transferability": (
            "Alle Bauaufsichtsbehörden in NRW können dasselbe Landesverfahren nutzen. Der größere "
            "Aufwand liegt in der Umstellung der internen Abläufe."
        ),
        "effort_time": "18 Monate",
        "effort_staff": "Bauaufsicht (12 Beschäftigte), IT, Organisationsberatung",
        "effort_cost": "Hardware ca. 30.000 €, Anpassung der Fachsoftware ca. 40.000 €",
        "funding": "OZG-Umsetzungsmittel des Landes",
        "budget": "90.000 €",
        "operator_model": "Landesverfahren, Fachsoftware beim IT-Dienstleister",
        "licence": "nicht zutreffend",
    },
    # ------------------------------------------------------------------ Iserlohn
    {
        "id": "demo-cs-021",
        "town": "Iserlohn",
        "title": "Urbane Datenplattform als gemeinsame Basis aller Smart-City-Projekte",
        "summary": (
            "Iserlohn betreibt eine quelloffene urbane Datenplattform, in der Sensordaten, "
            "Verkehrsdaten und Verwaltungsdaten zusammenlaufen. Dashboards machen sie für "
            "Fachbereiche und Öffentlichkeit sichtbar."
        ),
        "topics": ["Daten und Infrastruktur"],
        "tags": ["Urbane Datenplattform", "Offene Daten", "Internet der Dinge", "Interkommunale Zusammenarbeit"],
        "phase": "rollout",
        "years": (2022, None),
        "partners": ["Hemer", "Menden (Sauerland)"],
        "related": ["demo-cs-001", "demo-cs-017"],
        "contact": "iserlohn-1",
        "challenge": (
            "Jedes Digitalprojekt brachte eine eigene Cloud des Herstellers mit. Die Daten lagen "
            "verstreut, Auswertungen über Projekte hinweg waren kaum möglich."
        ),
        "goal": (
            "Eine herstellerunabhängige Plattform in kommunaler Hand, an die jedes neue Projekt "
            "angeschlossen wird."
        ),
        "implementation": (
            "Die Plattform basiert auf offenen Standards und Open-Source-Komponenten und läuft im "
            "Rechenzentrum des kommunalen IT-Dienstleisters. Neue Beschaffungen müssen eine offene "
            "Schnittstelle zur Plattform nachweisen.\n\n"
            "Hemer und Menden nutzen eigene Mandanten auf derselben Installation."
        ),
        "results": (
            "14 Datenquellen sind angebunden, darunter Pegel, Parkhäuser, Luftqualität und "
            "Fahrgastzahlen. Drei Städte teilen sich Betrieb und Weiterentwicklung."
        ),
        "success_factors": (
            "Die Regel, dass jede Ausschreibung eine offene Schnittstelle fordert. Ein gemeinsames "
            "Betriebsmodell mit Nachbarstädten."
        ),
        "transferability": (
            "Kleinere Kommunen sollten nicht selbst betreiben, sondern sich als Mandant anschließen. "
            "Die Installationsanleitung ist veröffentlicht."
        ),
        "effort_time": "2 Jahre Aufbau",
        "effort_staff": "2 Stellen (Plattformbetrieb, Datenmanagement)",
        "effort_cost": "Betrieb ca. 60.000 € pro Jahr, geteilt",
        "funding": "Modellprojekte Smart Cities (Bund)",
        "budget": "650.000 €",
        "operator_model": "kommunaler IT-Dienstleister betreibt, Städte als Mandanten",
        "licence": "EUPL-1.2",
        "source_url": "https://git.example.org/iserlohn/datenplattform",
    },
    {
        "id": "demo-cs-022",
        "town": "Iserlohn",
        "title": "On-Demand-Shuttle ergänzt den Busverkehr in Randlagen",
        "summary": (
            "In drei Stadtteilen fahren Kleinbusse ohne Fahrplan: Fahrgäste bestellen per App oder "
            "Telefon, ein Algorithmus bündelt Fahrten. Das Angebot schließt Lücken im ÖPNV am Abend "
            "und am Wochenende."
        ),
        "topics": ["Mobilität"],
        "tags": ["On-Demand-Verkehr", "Nahverkehr"],
        "phase": "pilot",
        "years": (2022, None),
        "partners": ["Hemer"],
        "contact": "iserlohn-2",
        "challenge": (
            "Abends und sonntags fuhren in die Randlagen nur alle zwei Stunden Busse, oft fast leer. "
            "Wer kein Auto hat, war abgehängt."
        ),
        "goal": (
            "Eine Bedienung im Stundentakt oder besser, ohne mehr leere Busse fahren zu lassen."
        ),
        "implementation": (
            "Das Verkehrsunternehmen setzt sechs Kleinbusse ein, teils elektrisch. Fahrten werden in "
            "einer App, am Telefon oder an der Haltestelle per QR-Code gebucht. Es gilt der normale "
            "Nahverkehrstarif mit kleinem Zuschlag. Die Genehmigung erfolgte als "
            "Linienbedarfsverkehr nach dem Personenbeförderungsgesetz."
        ),
        "results": (
            "Rund 6.500 Fahrgäste im Monat, mittlere Wartezeit 11 Minuten. Gut ein Viertel der "
            "Buchungen kommt telefonisch, vor allem von Älteren."
        ),
        "success_factors": (
            "Integration in den bestehenden Tarif. Eine Telefonbuchung für alle, die keine App "
            "nutzen."
        ),
        "transferability": (
            "Für Stadtteile und Dörfer mit schwacher Nachfrage geeignet. Ohne Zuschuss des "
            "Aufgabenträgers trägt sich das Angebot nicht."
        ),
        "effort_time": "Pilot über 3 Jahre",
        "effort_staff": "Verkehrsunternehmen, 0,3 Stelle Mobilitätsmanagement",
        "effort_cost": "ca. 850.000 € pro Jahr Betriebskosten",
        "funding": "Bundesförderung Modellvorhaben zur Stärkung des ÖPNV",
        "budget": "2,6 Mio. € für die Pilotphase",
        "operator_model": "kommunales Verkehrsunternehmen im Auftrag des Kreises",
        "licence": "proprietäre Buchungssoftware",
    },
    {
        "id": "demo-cs-023",
        "town": "Iserlohn",
        "title": "Ehrenamtsplattform bringt Vereine und Freiwillige zusammen",
        "summary": (
            "Auf einer städtischen Plattform veröffentlichen Vereine und Initiativen Einsätze, vom "
            "Vorlesen bis zur Bachpatenschaft. Freiwillige finden passende Aufgaben nach Zeit und "
            "Interesse."
        ),
        "topics": ["Beteiligung und Engagement"],
        "tags": ["Ehrenamt", "Bürgerbeteiligung"],
        "phase": "operation",
        "years": (2021, None),
        "contact": "iserlohn-1",
        "challenge": (
            "Vereine finden kaum noch Nachwuchs für Vorstandsarbeit, gleichzeitig würden viele "
            "Menschen gern helfen, aber nicht dauerhaft."
        ),
        "goal": (
            "Kurze, klar umrissene Einsätze sichtbar machen und Vereinen die Suche nach Helferinnen "
            "und Helfern erleichtern."
        ),
        "implementation": (
            "Die Freiwilligenagentur betreibt die Plattform, die Stadt finanziert sie. Vereine legen "
            "Einsätze selbst an; Freiwillige melden sich ohne Konto mit E-Mail-Adresse. Eine "
            "Ehrenamtskarte mit Vergünstigungen ist angebunden."
        ),
        "results": (
            "110 Organisationen und rund 900 Vermittlungen im Jahr. Besonders gefragt sind "
            "Einsätze von wenigen Stunden, etwa bei Festen oder Aufräumaktionen."
        ),
        "success_factors": (
            "Die Freiwilligenagentur als vertrauter Partner der Vereine. Sehr einfache Anmeldung."
        ),
        "transferability": (
            "Übertragbar auf jede Kommune; kleine Gemeinden können sich an eine Plattform des "
            "Kreises anschließen."
        ),
        "effort_time": "5 Monate bis zum Start",
        "effort_staff": "0,5 Stelle bei der Freiwilligenagentur",
        "effort_cost": "ca. 6.000 € pro Jahr",
        "funding": "Engagementförderung des Landes",
        "budget": "24.000 €",
        "operator_model": "Freiwilligenagentur im Auftrag der Stadt",
        "licence": "Open Source (GPL-3.0)",
    },
    {
        "id": "demo-cs-024",
        "town": "Iserlohn",
        "title": "KI-Chatbot für häufige Fragen an die Stadtverwaltung",
        "summary": (
            "Iserlohn prüft einen Chatbot, der rund um die Uhr Fragen zu Öffnungszeiten, "
            "Müllabfuhr und Anträgen beantwortet. Antworten stützen sich nur auf geprüfte Texte der "
            "Verwaltung."
        ),
        "topics": ["Verwaltung und Bürgerservice"],
        "tags": ["Künstliche Intelligenz", "Digitale Verwaltung", "Datenschutz"],
        "phase": "idea",
        "years": (2024, None),
        "related": ["demo-cs-011"],
        "contact": "iserlohn-1",
        "challenge": (
            "Das Bürgertelefon beantwortet jeden Tag hunderte gleichartige Fragen. In Stoßzeiten "
            "kommt niemand durch, obwohl die Antworten längst auf der Website stehen."
        ),
        "goal": (
            "Standardfragen automatisch beantworten, damit das Team am Telefon mehr Zeit für "
            "komplizierte Anliegen hat."
        ),
        "implementation": (
            "Geplant ist ein Sprachmodell, das ausschließlich auf freigegebene Inhalte der "
            "Website und des Leistungsverzeichnisses zugreift und die Quelle jeder Antwort nennt. "
            "Vor einem Pilotbetrieb sollen Datenschutz, Barrierefreiheit und Haftungsfragen geklärt "
            "werden."
        ),
        "results": (
            "Bisher liegt eine Ideenskizze vor. Eine Auswertung der Anrufe zeigt, dass rund 40 "
            "Prozent der Fragen sich mit vorhandenen Texten beantworten ließen."
        ),
        "success_factors": (
            "Noch offen. Entscheidend wird sein, dass der Bot zugibt, wenn er etwas nicht weiß."
        ),
        "transferability": (
            "Viele Städte haben dieselben Fragen. Eine gemeinsame Lösung mehrerer Kommunen wäre "
            "sinnvoller als viele Einzelprojekte."
        ),
        "effort_time": "Ideenphase",
        "effort_staff": "Projektgruppe aus Bürgerservice, IT und Datenschutz",
        "effort_cost": "noch nicht beziffert",
        "funding": "offen",
        "budget": "offen",
        "operator_model": "offen, bevorzugt Betrieb beim kommunalen IT-Dienstleister",
        "licence": "offen",
    },
]
