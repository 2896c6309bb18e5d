"""Demo case studies of further municipalities of Südwestfalen (fictional, written for this project)."""

CASES = [
    {
        "id": "demo-cs-025",
        "town": "Brilon",
        "title": "Füllstandssensoren in Altglascontainern",
        "summary": (
            "Ein Sensor im Deckel jedes Glascontainers meldet, wie voll er ist. Die Entsorgung fährt "
            "nur noch Standorte an, die wirklich geleert werden müssen."
        ),
        "topics": ["Daten und Infrastruktur", "Energie und Klima"],
        "tags": ["Füllstandsmessung", "LoRaWAN", "Sensorik"],
        "phase": "pilot",
        "years": (2022, None),
        "related": ["demo-cs-001"],
        "contact": "brilon-1",
        "challenge": (
            "Die Container in den 16 Ortschaften wurden nach festem Plan geleert, egal ob halb leer "
            "oder überfüllt. Überquellende Container an Ausflugszielen sorgten für Beschwerden."
        ),
        "goal": (
            "Leerungen nach Bedarf statt nach Kalender, weniger Fahrten und keine überfüllten "
            "Standplätze mehr."
        ),
        "implementation": (
            "An 45 Standorten wurden Ultraschallsensoren unter die Deckel geklebt. Die Messwerte "
            "gehen per LoRaWAN an eine Tourenplanung, die dem Entsorger jeden Morgen eine Liste "
            "schickt. Ein Sensor kostet weniger als ein Dutzend Leerfahrten."
        ),
        "results": (
            "Die Zahl der Leerungen sank um 35 Prozent, Beschwerden über volle Container um zwei "
            "Drittel. Batterien halten voraussichtlich fünf Jahre."
        ),
        "success_factors": (
            "Der Entsorger war vertraglich bereit, flexibel zu fahren. Der Betriebshof hat die "
            "Sensoren selbst montiert."
        ),
        "transferability": (
            "Einfach übertragbar, wenn ein Funknetz vorhanden ist und der Entsorgungsvertrag "
            "bedarfsgerechte Leerungen erlaubt."
        ),
        "effort_time": "6 Monate",
        "effort_staff": "Betriebshof, 20 Personentage",
        "effort_cost": "ca. 180 € je Sensor",
        "funding": "Eigenmittel",
        "budget": "12.000 €",
        "operator_model": "Stadt betreibt Sensoren, Entsorger nutzt die Daten",
        "licence": "nicht zutreffend",
    },
    {
        "id": "demo-cs-026",
        "town": "Winterberg",
        "title": "Parkplatz-Ampel und Besucherlenkung im Wintersport",
        "summary": (
            "An Schneetagen zeigt eine Ampel online und an den Zufahrten, welche Parkplätze an den "
            "Skiliften noch frei sind. Der Stau auf den Zufahrtsstraßen ist deutlich kürzer geworden."
        ),
        "topics": ["Kultur und Tourismus", "Mobilität"],
        "tags": ["Besucherlenkung", "Parkraummanagement", "Tourismus-App"],
        "phase": "operation",
        "years": (2021, None),
        "partners": ["Medebach", "Hallenberg"],
        "related": ["demo-cs-013"],
        "contact": "winterberg-1",
        "challenge": (
            "An Wochenenden mit Neuschnee kamen bis zu 20.000 Tagesgäste. Die Parkplätze waren am "
            "Vormittag voll, die Zufahrten verstopft, Rettungswege blockiert."
        ),
        "goal": (
            "Gäste schon zu Hause informieren, wo noch Platz ist, und sie auf andere Lifte oder "
            "Langlaufloipen verteilen."
        ),
        "implementation": (
            "Kameras mit Zählsoftware an den Einfahrten erfassen die Belegung, ohne Kennzeichen zu "
            "speichern. Eine Web-Ampel, Hinweise im Verkehrsfunk und Wechseltafeln an den "
            "Ortseingängen zeigen die Lage. Die Nachbarorte Medebach und Hallenberg sind mit ihren "
            "Loipenparkplätzen angeschlossen."
        ),
        "results": (
            "Die Ampel wird an Spitzentagen über 30.000-mal aufgerufen. Wartezeiten an den "
            "Zufahrten haben sich etwa halbiert, Falschparken an Rettungswegen ist selten geworden."
        ),
        "success_factors": (
            "Liftbetreiber, Polizei und Städte haben gemeinsame Regeln für die Umleitung vereinbart."
        ),
        "transferability": (
            "Für alle Ausflugsziele mit Spitzentagen, auch im Sommer an Seen oder Wanderparkplätzen."
        ),
        "effort_time": "1 Saison Aufbau",
        "effort_staff": "Tourismusgesellschaft, Ordnungsamt",
        "effort_cost": "ca. 85.000 € für Zählung und Tafeln",
        "funding": "Tourismusförderung des Landes",
        "budget": "110.000 €",
        "operator_model": "Tourismusgesellschaft betreibt",
        "licence": "Belegungsdaten als offene Daten",
    },
    {
        "id": "demo-cs-027",
        "town": "Schmallenberg",
        "title": "Bürgerbus mit digitaler Buchung für die Dörfer",
        "summary": (
            "Ehrenamtliche Fahrerinnen und Fahrer verbinden 20 Dörfer mit der Kernstadt. Seit der "
            "Bürgerbus auf Bestellung fährt, bucht man ihn per Telefon oder online."
        ),
        "topics": ["Mobilität", "Beteiligung und Engagement"],
        "tags": ["Nahverkehr", "On-Demand-Verkehr", "Ehrenamt", "Ländlicher Raum"],
        "phase": "rollout",
        "years": (2022, None),
        "related": ["demo-cs-022"],
        "contact": "schmallenberg-1",
        "challenge": (
            "Viele Dörfer haben nur Schulbusse. Der Bürgerbus fuhr feste Runden, oft mit nur einem "
            "Fahrgast, während anderswo Menschen vergeblich warteten."
        ),
        "goal": (
            "Den Bürgerbus dorthin fahren lassen, wo er gebraucht wird, ohne die ehrenamtlichen "
            "Fahrer zu überfordern."
        ),
        "implementation": (
            "Der Bürgerbusverein nutzt eine einfache Buchungssoftware. Fahrten werden bis zum Vorabend "
            "angemeldet, am Telefon nimmt das Bürgerbüro Buchungen entgegen. Die Fahrer sehen ihre "
            "Route auf einem Tablet."
        ),
        "results": (
            "Die Fahrgastzahl hat sich verdoppelt, die gefahrenen Kilometer sind leicht gesunken. "
            "Der Verein hat sieben neue Fahrer gewonnen."
        ),
        "success_factors": (
            "Die Telefonbuchung über das Bürgerbüro. Geduldige Einweisung der Fahrer in das Tablet."
        ),
        "transferability": (
            "Jeder Bürgerbusverein kann von festen Linien auf Bestellung umstellen; die Genehmigung "
            "ist mit der Aufsichtsbehörde abzustimmen."
        ),
        "effort_time": "4 Monate Umstellung",
        "effort_staff": "Verein (ehrenamtlich), Bürgerbüro",
        "effort_cost": "Software ca. 3.500 € pro Jahr",
        "funding": "Bürgerbus-Förderung des Landes",
        "budget": "10.000 €",
        "operator_model": "Bürgerbusverein mit Konzession des Verkehrsunternehmens",
        "licence": "proprietäre Software",
    },
    {
        "id": "demo-cs-028",
        "town": "Meschede",
        "title": "Glasfaser für Gewerbegebiete",
        "summary": (
            "Meschede hat vier Gewerbegebiete mit Glasfaser bis ins Gebäude erschlossen. Die Stadt "
            "baute die Leerrohre, ein Netzbetreiber betreibt das Netz."
        ),
        "topics": ["Daten und Infrastruktur", "Wirtschaft und Arbeit"],
        "tags": ["Breitband"],
        "phase": "completed",
        "years": (2018, 2022),
        "contact": "meschede-1",
        "challenge": (
            "Mittelständische Betriebe klagten über zu langsame Leitungen und drohten mit "
            "Verlagerung. Für private Anbieter lohnte sich der Ausbau nicht."
        ),
        "goal": (
            "Jedes Unternehmen in den Gewerbegebieten bekommt einen Glasfaseranschluss mit "
            "mindestens einem Gigabit."
        ),
        "implementation": (
            "Im Betreibermodell verlegte die Stadt Leerrohre, wann immer ohnehin Straßen oder "
            "Kanäle saniert wurden. Ein Netzbetreiber pachtet die Rohre und bietet Anschlüsse an. "
            "Die Wirtschaftsförderung sammelte vorab Absichtserklärungen der Betriebe."
        ),
        "results": (
            "212 Betriebe sind angeschlossen, 85 Prozent der möglichen Anschlüsse. Zwei Firmen "
            "haben nach dem Ausbau in Meschede erweitert statt anderswo."
        ),
        "success_factors": (
            "Die Mitverlegung bei anderen Baumaßnahmen senkte die Kosten erheblich. Die "
            "Wirtschaftsförderung kannte die Betriebe persönlich."
        ),
        "transferability": (
            "Das Betreibermodell eignet sich für Städte, die Tiefbau ohnehin planen. Förderanträge "
            "brauchen viel Vorlauf."
        ),
        "effort_time": "4 Jahre",
        "effort_staff": "Tiefbau, Wirtschaftsförderung, externe Planung",
        "effort_cost": "ca. 3,8 Mio. €",
        "funding": "Bundesförderprogramm Breitband, Landesmittel",
        "budget": "4,2 Mio. €",
        "operator_model": "Betreibermodell: Stadt besitzt die passive Infrastruktur, Netzbetreiber pachtet",
        "licence": "nicht zutreffend",
    },
    {
        "id": "demo-cs-029",
        "town": "Lüdenscheid",
        "title": "Digitale Baustellenkoordination für Straßen und Leitungen",
        "summary": (
            "Stadt, Stadtwerke und Netzbetreiber tragen alle geplanten Baustellen in eine gemeinsame "
            "Karte ein. So wird eine Straße nur einmal aufgerissen, und Umleitungen behindern sich "
            "nicht gegenseitig."
        ),
        "topics": ["Mobilität", "Verwaltung und Bürgerservice"],
        "tags": ["Geodaten", "Digitale Verwaltung", "Interkommunale Zusammenarbeit"],
        "phase": "operation",
        "years": (2021, None),
        "contact": "luedenscheid-1",
        "challenge": (
            "Nach der Sperrung der Autobahnbrücke war das Straßennetz überlastet. Jede zusätzliche "
            "Baustelle führte zu langen Staus, und Bauvorhaben verschiedener Träger waren schlecht "
            "abgestimmt."
        ),
        "goal": (
            "Alle Baumaßnahmen im Stadtgebiet sollen zwei Jahre im Voraus in einer Karte stehen und "
            "gemeinsam geplant werden."
        ),
        "implementation": (
            "Eine webbasierte Baustellenkarte auf Grundlage des städtischen Geoinformationssystems, "
            "in die alle Leitungsträger selbst eintragen. Einmal im Monat tagt eine Koordinierungsrunde. "
            "Aktuelle Sperrungen erscheinen auf der Website der Stadt."
        ),
        "results": (
            "In zwei Jahren wurden 23 Maßnahmen zusammengelegt. Die Zahl der gleichzeitigen "
            "Vollsperrungen auf Hauptstraßen ist gesunken."
        ),
        "success_factors": (
            "Eine verbindliche Vereinbarung mit allen Leitungsträgern. Die Karte ist einfach genug, "
            "dass sie auch kleine Netzbetreiber pflegen."
        ),
        "transferability": (
            "In jeder Stadt mit mehreren Leitungsträgern sinnvoll; kleine Gemeinden können die Karte "
            "des Kreises mitnutzen."
        ),
        "effort_time": "5 Monate",
        "effort_staff": "Tiefbau, GIS",
        "effort_cost": "ca. 15.000 €",
        "funding": "Eigenmittel",
        "budget": "15.000 €",
        "operator_model": "Stadt betreibt, Leitungsträger pflegen ihre Daten selbst",
        "licence": "auf Basis einer Open-Source-GIS-Software",
    },
    {
        "id": "demo-cs-030",
        "town": "Altena",
        "title": "Pop-up-Läden gegen Leerstand in der Altstadt",
        "summary": (
            "Altena vermittelte leerstehende Ladenlokale für drei bis zwölf Monate an Gründerinnen, "
            "Kunsthandwerk und Initiativen. Ein Online-Flächenkatalog und kurze Mietverträge senkten "
            "die Hürden."
        ),
        "topics": ["Stadtentwicklung und Wohnen", "Wirtschaft und Arbeit"],
        "tags": ["Leerstandsmanagement"],
        "phase": "completed",
        "years": (2019, 2023),
        "related": ["demo-cs-014"],
        "contact": "altena-1",
        "challenge": (
            "Die Altstadt verlor über Jahre Geschäfte. Leere Schaufenster schreckten Besucherinnen "
            "und Besucher ab, und Eigentümer warteten oft vergeblich auf langfristige Mieter."
        ),
        "goal": (
            "Leerstände mit Leben füllen, neue Ideen ausprobieren lassen und aus Probemietern "
            "dauerhafte Mieter machen."
        ),
        "implementation": (
            "Die Stadt mietete Ladenlokale an und vermietete sie günstig weiter. Ein Online-Katalog "
            "zeigte die Flächen mit Fotos. Das Citymanagement half bei Gewerbeanmeldung, "
            "Einrichtung und Werbung."
        ),
        "results": (
            "In vier Jahren 19 Pop-up-Läden, acht davon sind geblieben. Die Leerstandsquote in der "
            "Altstadt sank von 22 auf 9 Prozent."
        ),
        "success_factors": (
            "Kurze, einfache Verträge und ein fester Ansprechpartner. Geduld mit Eigentümern."
        ),
        "transferability": (
            "Für Kleinstädte mit Leerstand gut geeignet; das Zwischenmietmodell braucht einen "
            "Haushaltsansatz für Mietausfälle."
        ),
        "effort_time": "4 Jahre",
        "effort_staff": "Citymanagement (1 Stelle)",
        "effort_cost": "Anmietung und Zuschüsse ca. 60.000 € pro Jahr",
        "funding": "Städtebauförderung, Landesprogramm Innenstadt",
        "budget": "240.000 €",
        "operator_model": "Stadt als Zwischenmieterin",
        "licence": "Musterverträge unter CC BY 4.0",
    },
    {
        "id": "demo-cs-031",
        "town": "Plettenberg",
        "title": "Tablets und Medienentwicklungsplan für die Grundschulen",
        "summary": (
            "Ein mit den Schulen erarbeiteter Medienentwicklungsplan regelt Geräte, Netz, Support und "
            "Fortbildung. Alle Grundschulkinder ab Klasse 3 arbeiten im Unterricht mit Tablets."
        ),
        "topics": ["Bildung"],
        "tags": ["Digitale Bildung", "Schul-WLAN"],
        "phase": "rollout",
        "years": (2021, None),
        "related": ["demo-cs-012"],
        "contact": "plettenberg-1",
        "challenge": (
            "Jede Schule hatte eigene Geräte unterschiedlichen Alters, Support leisteten engagierte "
            "Lehrkräfte in ihrer Freizeit."
        ),
        "goal": (
            "Eine einheitliche Ausstattung, verlässlicher Support durch den Schulträger und "
            "Fortbildungen für alle Lehrkräfte."
        ),
        "implementation": (
            "In Workshops mit allen Schulleitungen entstand der Medienentwicklungsplan. Die Geräte "
            "werden zentral verwaltet, ein Systembetreuer ist an festen Tagen in den Schulen. "
            "Lehrkräfte bilden sich in kurzen Nachmittagsmodulen fort."
        ),
        "results": (
            "600 Tablets im Einsatz, Supportanfragen werden im Schnitt in zwei Tagen gelöst. Die "
            "Lehrkräfte nutzen die Geräte in fast allen Fächern."
        ),
        "success_factors": (
            "Die Schulen haben den Plan mitgeschrieben. Ein fester Systembetreuer statt wechselnder "
            "Dienstleister."
        ),
        "transferability": (
            "Jeder Schulträger braucht einen Medienentwicklungsplan; unsere Gliederung kann als "
            "Vorlage dienen."
        ),
        "effort_time": "1 Jahr Planung, Rollout über 3 Jahre",
        "effort_staff": "Schulverwaltung, 1 Systembetreuer",
        "effort_cost": "ca. 420.000 €",
        "funding": "DigitalPakt Schule",
        "budget": "480.000 €",
        "operator_model": "Schulträger verwaltet zentral",
        "licence": "Medienentwicklungsplan unter CC BY 4.0",
    },
    {
        "id": "demo-cs-032",
        "town": "Attendorn",
        "title": "Starkregen-Frühwarnung mit Wasserstandsmessung an der Bigge und ihren Zuflüssen",
        "summary": (
            "Attendorn misst Wasserstände an sechs Zuflüssen und verknüpft sie mit dem Regenradar. "
            "Bei Gefahr werden Feuerwehr und Anwohner per Warn-App informiert."
        ),
        "topics": ["Energie und Klima"],
        "tags": ["Hochwasserschutz", "Pegelmessung", "Klimaanpassung"],
        "phase": "operation",
        "years": (2022, None),
        "partners": ["Finnentrop"],
        "related": ["demo-cs-002"],
        "contact": "attendorn-1",
        "challenge": (
            "Die Altstadt liegt am Zusammenfluss mehrerer Bäche. Bei Starkregen bleibt nur wenig "
            "Zeit, Keller und Tiefgaragen zu sichern."
        ),
        "goal": (
            "Mindestens 30 Minuten Vorwarnzeit für die am stärksten gefährdeten Straßen."
        ),
        "implementation": (
            "Nach dem Vorbild aus Arnsberg wurden Radarpegel an Brücken installiert. Die Werte werden "
            "zusammen mit der Niederschlagsvorhersage ausgewertet. Anwohnerinnen und Anwohner können "
            "sich für Warnungen ihrer Straße registrieren."
        ),
        "results": (
            "Bei einem Unwetter im Juni erreichte die Warnung 48 Minuten vor dem Höchststand "
            "rund 600 registrierte Haushalte."
        ),
        "success_factors": (
            "Das übernommene Konzept aus einer Pionierstadt sparte Planungszeit. Die Feuerwehr "
            "wirbt bei Übungen für die Registrierung."
        ),
        "transferability": (
            "Direkt übertragbar. Die Nachbargemeinde Finnentrop nutzt zwei der Messstellen mit."
        ),
        "effort_time": "5 Monate",
        "effort_staff": "Feuerwehr, Tiefbau",
        "effort_cost": "ca. 2.000 € je Radarpegel",
        "funding": "Landesförderung Hochwasserrisikomanagement",
        "budget": "35.000 €",
        "operator_model": "Stadt betreibt, Daten über die Plattform des Kreises",
        "licence": "Daten unter dl-de/by-2-0",
    },
    {
        "id": "demo-cs-033",
        "town": "Lennestadt",
        "title": "Coworking im Dorf: ein Gemeinschaftsbüro für Pendler",
        "summary": (
            "Im ehemaligen Sparkassengebäude eines Ortsteils testet Lennestadt ein kleines Coworking "
            "mit acht Plätzen. Die ersten Nutzer sind Beschäftigte großer Arbeitgeber der Region."
        ),
        "topics": ["Wirtschaft und Arbeit"],
        "tags": ["Co-Working", "Ländlicher Raum"],
        "phase": "pilot",
        "years": (2023, None),
        "related": ["demo-cs-007"],
        "contact": "lennestadt-1",
        "challenge": (
            "Ein Bankgebäude stand leer, der Ortskern drohte zu veröden. Gleichzeitig suchten "
            "Beschäftigte nach Arbeitsplätzen näher am Wohnort."
        ),
        "goal": (
            "Ausprobieren, ob ein Gemeinschaftsbüro in einem Dorf von 3.000 Menschen genug "
            "Nachfrage findet."
        ),
        "implementation": (
            "Die Räume wurden mit einfachen Mitteln hergerichtet, Möbel stammen teils aus "
            "Büroauflösungen. Zwei Arbeitgeber haben Kontingente für ihre Beschäftigten gebucht. "
            "Der Zugang läuft über eine Buchungs-App mit digitalem Schlüssel."
        ),
        "results": (
            "Nach einem halben Jahr liegt die Auslastung bei 35 Prozent. Die Nachfrage ist an "
            "Montagen und Freitagen am höchsten."
        ),
        "success_factors": (
            "Die Kontingente der Arbeitgeber sichern eine Grundauslastung."
        ),
        "transferability": (
            "Kleine Coworking-Angebote in Dörfern brauchen Partner aus der Wirtschaft; allein über "
            "Tagespässe tragen sie sich kaum."
        ),
        "effort_time": "Pilot über 2 Jahre",
        "effort_staff": "Wirtschaftsförderung (0,2 Stelle)",
        "effort_cost": "ca. 20.000 € pro Jahr",
        "funding": "LEADER",
        "budget": "50.000 €",
        "operator_model": "Stadt betreibt, Partnerunternehmen zahlen Kontingente",
        "licence": "nicht zutreffend",
    },
    {
        "id": "demo-cs-034",
        "town": "Siegen",
        "title": "Ladeinfrastruktur für E-Mobilität in Wohnquartieren",
        "summary": (
            "Siegen plant Ladesäulen dort, wo Menschen ohne eigene Garage wohnen. Eine Standortanalyse "
            "mit Geodaten und Bürgerhinweisen bestimmt die Reihenfolge."
        ),
        "topics": ["Mobilität", "Energie und Klima"],
        "tags": ["Elektromobilität", "Geodaten", "Bürgerbeteiligung"],
        "phase": "rollout",
        "years": (2022, None),
        "contact": "siegen-1",
        "challenge": (
            "Ladesäulen standen vor allem an Supermärkten und in der Innenstadt. In dicht bebauten "
            "Wohnvierteln am Hang fehlten Lademöglichkeiten völlig."
        ),
        "goal": (
            "Bis 2026 soll niemand mehr als 300 Meter bis zum nächsten öffentlichen Ladepunkt gehen."
        ),
        "implementation": (
            "Eine Analyse kombiniert Bevölkerungsdichte, Anteil von Häusern ohne Stellplatz und "
            "Netzanschlusskapazität. Auf einer Online-Karte konnten Bürgerinnen und Bürger Standorte "
            "vorschlagen. Die Stadtwerke bauen und betreiben die Ladesäulen."
        ),
        "results": (
            "85 neue Ladepunkte in Wohngebieten, die Auslastung liegt über dem Durchschnitt der "
            "Innenstadt-Säulen."
        ),
        "success_factors": (
            "Daten statt Bauchgefühl bei der Standortwahl. Die Stadtwerke als Partner mit "
            "Netzkenntnis."
        ),
        "transferability": (
            "Die Methode der Standortanalyse funktioniert auch in kleineren Städten; die Daten "
            "liegen meist beim Kreis vor."
        ),
        "effort_time": "3 Jahre",
        "effort_staff": "Klimaschutz, Stadtplanung, Stadtwerke",
        "effort_cost": "ca. 12.000 € je Ladepunkt",
        "funding": "Bundesförderung Ladeinfrastruktur",
        "budget": "1,2 Mio. €",
        "operator_model": "Stadtwerke bauen und betreiben",
        "licence": "Analysemethode unter CC BY 4.0",
    },
    {
        "id": "demo-cs-035",
        "town": "Kreuztal",
        "title": "Pflegeberatung per Video für pflegende Angehörige",
        "summary": (
            "Kreuztal entwickelt eine Videosprechstunde der kommunalen Pflegeberatung. Angehörige "
            "sollen Beratung bekommen, ohne die Pflegebedürftigen allein zu lassen."
        ),
        "topics": ["Gesundheit und Pflege"],
        "tags": ["Digitale Pflege", "Telemedizin", "Datenschutz"],
        "phase": "concept",
        "years": (2024, None),
        "related": ["demo-cs-006"],
        "contact": "kreuztal-1",
        "challenge": (
            "Pflegende Angehörige können das Haus oft kaum verlassen. Die Beratungsstelle ist nur "
            "zu Bürozeiten erreichbar, Hausbesuche sind knapp."
        ),
        "goal": (
            "Beratung auch abends und per Video anbieten, für erste Fragen und Folgegespräche."
        ),
        "implementation": (
            "Das Konzept sieht eine datenschutzkonforme Videolösung, Online-Terminbuchung und "
            "Leihtablets für Familien ohne Gerät vor. Mit den Digital-Lotsen aus Arnsberg wurde "
            "ein Erfahrungsaustausch vereinbart."
        ),
        "results": (
            "Das Konzept ist mit dem Seniorenbeirat abgestimmt und wird dem Sozialausschuss "
            "vorgelegt."
        ),
        "success_factors": (
            "Die Einbindung des Seniorenbeirats von Anfang an."
        ),
        "transferability": (
            "Für alle Pflegeberatungsstellen interessant; die Videotechnik ist das Einfache, die "
            "Erreichbarkeit am Abend das Schwierige."
        ),
        "effort_time": "Konzeptphase 6 Monate",
        "effort_staff": "Seniorenbüro, Datenschutz",
        "effort_cost": "geschätzt 8.000 € pro Jahr",
        "funding": "beantragt: Landesförderung Pflege vor Ort",
        "budget": "geplant 25.000 €",
        "operator_model": "Stadt mit Pflegestützpunkt des Kreises",
        "licence": "offen",
    },
    {
        "id": "demo-cs-036",
        "town": "Hilchenbach",
        "title": "Smarter Dorfladen: rund um die Uhr einkaufen",
        "summary": (
            "Ein genossenschaftlicher Dorfladen ist tagsüber mit Personal, abends und sonntags per "
            "Karte und Selbstbedienungskasse geöffnet. Das Dorf hat wieder eine Nahversorgung."
        ),
        "topics": ["Wirtschaft und Arbeit", "Stadtentwicklung und Wohnen"],
        "tags": ["Ländlicher Raum", "Ehrenamt"],
        "phase": "operation",
        "years": (2022, None),
        "contact": "hilchenbach-1",
        "challenge": (
            "Der letzte Lebensmittelladen im Ort schloss. Ältere ohne Auto waren auf Nachbarn "
            "angewiesen, um einzukaufen."
        ),
        "goal": (
            "Eine wirtschaftlich tragfähige Grundversorgung im Dorf mit langen Öffnungszeiten und "
            "wenig Personal."
        ),
        "implementation": (
            "Eine Genossenschaft mit 180 Mitgliedern betreibt den Laden. Eine Zugangskontrolle per "
            "Bankkarte, Kameras und Selbstbedienungskassen ermöglichen den Betrieb ohne Personal. "
            "Regionale Erzeuger liefern direkt."
        ),
        "results": (
            "Der Laden trägt sich seit dem zweiten Jahr. Ein Drittel des Umsatzes entsteht außerhalb "
            "der bedienten Öffnungszeiten."
        ),
        "success_factors": (
            "Die Genossenschaft schafft Verbundenheit. Ehrenamtliche füllen Regale auf."
        ),
        "transferability": (
            "Für Dörfer ab etwa 1.000 Einwohnern. Die Rechtslage zur Sonntagsöffnung muss vorher "
            "geklärt werden."
        ),
        "effort_time": "1 Jahr bis zur Eröffnung",
        "effort_staff": "Genossenschaft, 2 Teilzeitkräfte",
        "effort_cost": "Investition ca. 140.000 €",
        "funding": "Dorferneuerung (GAK), Genossenschaftsanteile",
        "budget": "160.000 €",
        "operator_model": "Genossenschaft",
        "licence": "nicht zutreffend",
    },
    {
        "id": "demo-cs-037",
        "town": "Bad Laasphe",
        "title": "Digitales Gästeticket für Bus, Bad und Museum",
        "summary": (
            "Übernachtungsgäste sollen mit einem digitalen Ticket kostenlos Bus fahren und "
            "vergünstigt Museen und das Freibad besuchen. Die Idee wird mit dem Nahverkehrsverbund "
            "geprüft."
        ),
        "topics": ["Kultur und Tourismus", "Mobilität"],
        "tags": ["Tourismus-App", "Nahverkehr"],
        "phase": "idea",
        "years": (2024, None),
        "related": ["demo-cs-015"],
        "contact": "laasphe-1",
        "challenge": (
            "Die meisten Gäste reisen mit dem Auto an und nutzen es auch vor Ort. Busse fahren "
            "halb leer, Parkplätze an Ausflugszielen sind knapp."
        ),
        "goal": (
            "Gäste zum Umstieg auf den Bus bewegen und Angebote der Stadt bekannter machen."
        ),
        "implementation": (
            "Gastgeber sollen das Ticket beim Einchecken digital ausstellen. Die Finanzierung "
            "könnte über den Kurbeitrag erfolgen. Erste Gespräche mit dem Verbund und den "
            "Beherbergungsbetrieben laufen."
        ),
        "results": (
            "Eine Umfrage unter Gastgebern zeigt breite Zustimmung."
        ),
        "success_factors": (
            "Noch offen."
        ),
        "transferability": (
            "Für Kurorte und Tourismusgemeinden mit Kurbeitrag interessant."
        ),
        "effort_time": "Ideenphase",
        "effort_staff": "Kur- und Touristikbetrieb",
        "effort_cost": "noch offen",
        "funding": "offen",
        "budget": "offen",
        "operator_model": "offen",
        "licence": "offen",
    },
    {
        "id": "demo-cs-038",
        "town": "Lippstadt",
        "title": "Radzählstellen zeigen, wie viele Menschen aufs Rad steigen",
        "summary": (
            "An acht Stellen zählen Sensoren den Radverkehr rund um die Uhr. Die Zahlen begründen "
            "neue Radwege und werden öffentlich angezeigt."
        ),
        "topics": ["Mobilität"],
        "tags": ["Radverkehr", "Sensorik", "Offene Daten"],
        "phase": "operation",
        "years": (2021, None),
        "contact": "lippstadt-1",
        "challenge": (
            "In politischen Debatten über Radwege fehlten belastbare Zahlen. Einzelne Zählungen an "
            "Stichtagen waren wetterabhängig und wenig aussagekräftig."
        ),
        "goal": (
            "Dauerhafte Zählungen an den wichtigsten Achsen, öffentlich einsehbar."
        ),
        "implementation": (
            "Induktionsschleifen im Radweg und zwei Wärmebildsensoren an Kreuzungen erfassen Räder. "
            "Eine Anzeigesäule am Bahnhof zeigt die Tageszahl. Alle Werte stehen als offene Daten "
            "zur Verfügung."
        ),
        "results": (
            "Der Radverkehr stieg in drei Jahren um 18 Prozent. Auf Basis der Zählung wurde eine "
            "Fahrradstraße eingerichtet."
        ),
        "success_factors": (
            "Die Anzeigesäule macht das Thema sichtbar. Offene Daten laden zu eigenen Auswertungen ein."
        ),
        "transferability": (
            "Für jede Stadt mit Radverkehrskonzept. Ein Sensor pro wichtiger Achse genügt für den "
            "Anfang."
        ),
        "effort_time": "6 Monate",
        "effort_staff": "Radverkehrsbeauftragter, Tiefbau",
        "effort_cost": "ca. 6.000 € je Zählstelle, Säule 20.000 €",
        "funding": "Förderrichtlinie Nahmobilität NRW",
        "budget": "70.000 €",
        "operator_model": "Stadt betreibt",
        "licence": "Daten unter dl-de/zero-2-0",
    },
    {
        "id": "demo-cs-039",
        "town": "Warstein",
        "title": "Energiemanagement mit Funkzählern in Schulen und Sporthallen",
        "summary": (
            "Warstein liest Wärme- und Stromzähler in 20 Gebäuden per Funk aus. Gleichzeitig wurde "
            "die Beleuchtung der Straßen in zwei Ortsteilen auf Nachtabsenkung umgestellt."
        ),
        "topics": ["Energie und Klima"],
        "tags": ["Smart Meter", "Energieeffizienz"],
        "phase": "rollout",
        "years": (2023, None),
        "related": ["demo-cs-016"],
        "contact": "warstein-1",
        "challenge": (
            "Die Energiekosten der Stadt haben sich nach der Energiekrise fast verdoppelt. Ohne "
            "laufende Messwerte war unklar, wo Einsparungen möglich sind."
        ),
        "goal": (
            "Verbräuche in Echtzeit sehen und die größten Verschwender in den ersten zwei Jahren "
            "finden."
        ),
        "implementation": (
            "Die Erfahrungen aus Olpe dienten als Vorlage. Funkzähler wurden in Schulen, Turnhallen "
            "und Kindergärten nachgerüstet. Zusätzlich wurde in zwei Ortsteilen die Beleuchtung der "
            "Straßen nachts abgesenkt, nachdem der Rat dem zugestimmt hatte."
        ),
        "results": (
            "Erste Auswertungen zeigen Heizungen, die am Wochenende durchliefen, und eine Sporthalle "
            "mit dauerhaft laufender Lüftung. Die Einsparung im ersten Jahr liegt bei rund 12 Prozent."
        ),
        "success_factors": (
            "Der Austausch mit der Klimaschutzmanagerin aus Olpe sparte Fehlversuche."
        ),
        "transferability": (
            "Ein gutes Beispiel, wie eine mittlere Stadt ein Pionierprojekt übernimmt."
        ),
        "effort_time": "1 Jahr",
        "effort_staff": "Gebäudemanagement",
        "effort_cost": "ca. 700 € je Gebäude",
        "funding": "Kommunalrichtlinie",
        "budget": "25.000 €",
        "operator_model": "Stadt betreibt",
        "licence": "nicht zutreffend",
    },
    {
        "id": "demo-cs-040",
        "town": "Möhnesee",
        "title": "Badestellen-Monitor: Wasserqualität und Andrang am Möhnesee",
        "summary": (
            "Ein Sensor misst an zwei Badestellen Wassertemperatur und Trübung, Zählkameras schätzen "
            "den Andrang. Gäste sehen online, wo noch Platz ist."
        ),
        "topics": ["Kultur und Tourismus", "Daten und Infrastruktur"],
        "tags": ["Umweltsensorik", "Besucherlenkung"],
        "phase": "pilot",
        "years": (2023, None),
        "partners": ["Soest"],
        "related": ["demo-cs-026"],
        "contact": "moehnesee-1",
        "challenge": (
            "An heißen Tagen sind die Badestellen überfüllt, Zufahrten zugeparkt. Gleichzeitig "
            "fragen Gäste nach Wasserqualität und Temperatur."
        ),
        "goal": (
            "Informationen vor der Anreise und eine gleichmäßigere Verteilung der Badegäste."
        ),
        "implementation": (
            "Eine schwimmende Messboje sendet Werte über Mobilfunk. Kameras zählen Personen, ohne "
            "Bilder zu speichern. Die Daten erscheinen im Open-Data-Portal der Nachbarstadt Soest "
            "und auf der Tourismus-Website."
        ),
        "results": (
            "Erste Saison mit stabiler Technik; die Seite wurde an heißen Tagen stark genutzt."
        ),
        "success_factors": (
            "Die Nutzung der Soester Datenplattform ersparte eine eigene Infrastruktur."
        ),
        "transferability": (
            "Für Gemeinden an Seen und Talsperren; die Abstimmung mit dem Talsperrenbetreiber ist "
            "nötig."
        ),
        "effort_time": "Pilot über 2 Sommer",
        "effort_staff": "Tourismus und Ordnung",
        "effort_cost": "ca. 25.000 €",
        "funding": "REGIONALE 2025 Südwestfalen",
        "budget": "30.000 €",
        "operator_model": "Gemeinde betreibt, Plattform der Stadt Soest",
        "licence": "Daten unter dl-de/by-2-0",
    },
    {
        "id": "demo-cs-041",
        "town": "Wenden",
        "title": "Dorfwerkstätten online und vor Ort: Beteiligung an der Dorfentwicklung",
        "summary": (
            "Für ein neues Dorfentwicklungskonzept sammelt Wenden Ideen aus allen Ortsteilen über "
            "eine Online-Karte und Dorfwerkstätten. Das Konzept wird derzeit erarbeitet."
        ),
        "topics": ["Beteiligung und Engagement", "Stadtentwicklung und Wohnen"],
        "tags": ["Bürgerbeteiligung", "Ländlicher Raum"],
        "phase": "concept",
        "years": (2023, None),
        "related": ["demo-cs-003"],
        "contact": "wenden-1",
        "challenge": (
            "Die Gemeinde besteht aus über 30 Ortschaften. Versammlungen im Rathaus erreichen nur "
            "einen Bruchteil der Menschen."
        ),
        "goal": (
            "Jede Ortschaft soll ihre Wünsche für Treffpunkte, Wege und Versorgung einbringen können."
        ),
        "implementation": (
            "Die Gemeinde nutzt die quelloffene Beteiligungsplattform, die auch Arnsberg verwendet, "
            "über einen gemeinsamen Betrieb des Kreises. Dorfwerkstätten finden in Schützenhallen "
            "statt, die Ergebnisse werden online nachgetragen."
        ),
        "results": (
            "Bisher rund 400 Hinweise aus 26 Ortschaften."
        ),
        "success_factors": (
            "Ortsvorsteherinnen und Ortsvorsteher werben für die Beteiligung."
        ),
        "transferability": (
            "Für Flächengemeinden mit vielen Ortsteilen; der gemeinsame Plattformbetrieb über den "
            "Kreis senkt die Kosten."
        ),
        "effort_time": "Beteiligung 3 Monate, Konzept 1 Jahr",
        "effort_staff": "Gemeindeentwicklung, Planungsbüro",
        "effort_cost": "Plattform über den Kreis ca. 1.000 €",
        "funding": "Dorferneuerung NRW",
        "budget": "40.000 € einschließlich Planungsbüro",
        "operator_model": "Plattform beim Kreis",
        "licence": "Software unter AGPL-3.0",
    },
    {
        "id": "demo-cs-042",
        "town": "Erndtebrück",
        "title": "Digitale Mitfahrbank: Mitnahme im Dorf per App und Knopfdruck",
        "summary": (
            "Erndtebrück möchte die bekannten Mitfahrbänke digital ergänzen: Wer auf der Bank "
            "sitzt, drückt einen Knopf, und Autofahrende sehen die Anfrage in der Dorf-App."
        ),
        "topics": ["Mobilität", "Beteiligung und Engagement"],
        "tags": ["Nahverkehr", "Ländlicher Raum", "Dorf-App"],
        "phase": "idea",
        "years": (2024, None),
        "related": ["demo-cs-005"],
        "contact": "erndtebrueck-1",
        "challenge": (
            "Zwischen den Ortsteilen fährt der Bus nur wenige Male am Tag. Mitfahrbänke gibt es, "
            "aber niemand weiß, ob gerade jemand wartet."
        ),
        "goal": (
            "Spontane Mitfahrten zwischen den Ortsteilen erleichtern, ohne neue Busse."
        ),
        "implementation": (
            "Geplant sind Taster an vier Bänken, die über LoRaWAN eine Meldung in die Dorf-App "
            "schicken, die Erndtebrück mit Bad Berleburg teilt."
        ),
        "results": (
            "Die Idee wurde im Ortsausschuss vorgestellt."
        ),
        "success_factors": (
            "Noch offen."
        ),
        "transferability": (
            "Baut auf vorhandener Dorf-App und Funknetz auf; ohne beides lohnt es sich kaum."
        ),
        "effort_time": "Ideenphase",
        "effort_staff": "Bürgerbüro",
        "effort_cost": "geschätzt 5.000 €",
        "funding": "offen",
        "budget": "offen",
        "operator_model": "offen",
        "licence": "offen",
    },
]
