"""Demo lessons learned (Erfahrungen). Each lives in the town of its case study.

Keys: id ("demo-ll-NNN"), case_study (external id), title, summary, topics, tags,
what_was_tried, what_happened, recommendation.
"""

LESSONS = [
    {
        "id": "demo-ll-001",
        "case_study": "demo-cs-001",
        "title": "Gateway-Standorte: Dachverträge früh klären",
        "summary": (
            "Die Technik eines LoRaWAN-Netzes war schnell montiert, die Verträge für Dachflächen "
            "dauerten Monate. Wer früh mit Eigentümern spricht, spart viel Zeit."
        ),
        "topics": ["Daten und Infrastruktur"],
        "tags": ["LoRaWAN", "Interkommunale Zusammenarbeit"],
        "what_was_tried": (
            "Wir wollten die Gateways auf den höchsten Gebäuden der Stadt montieren, darunter zwei "
            "private Wohnhochhäuser und ein Kirchturm."
        ),
        "what_happened": (
            "Die Eigentümergemeinschaften brauchten für die Zustimmung eine Versammlung, die Kirche "
            "eine Genehmigung der Bistumsverwaltung. Drei Standorte verzögerten sich um ein halbes "
            "Jahr, einer kam gar nicht zustande."
        ),
        "recommendation": (
            "Zuerst eigene Gebäude nutzen: Feuerwachen, Schulen, Hochbehälter, Bauhöfe. Für fremde "
            "Dächer einen kurzen Mustervertrag bereithalten und die Anfrage stellen, bevor die "
            "Technik bestellt ist."
        ),
    },
    {
        "id": "demo-ll-002",
        "case_study": "demo-cs-002",
        "title": "Warnschwellen für Pegel gemeinsam mit der Feuerwehr festlegen",
        "summary": (
            "Theoretisch berechnete Warnschwellen lösten zu oft aus. Erst Ortstermine mit der "
            "Feuerwehr führten zu Schwellen, denen die Einsatzkräfte vertrauen."
        ),
        "topics": ["Energie und Klima"],
        "tags": ["Pegelmessung", "Hochwasserschutz"],
        "what_was_tried": (
            "Die erste Version setzte die Warnschwellen aus Vermessungsdaten der Bachprofile fest."
        ),
        "what_happened": (
            "Nach Regenfällen kamen Warnungen, obwohl noch reichlich Platz im Bachbett war. Nach "
            "dem dritten Fehlalarm schaute niemand mehr hin."
        ),
        "recommendation": (
            "Schwellen vor Ort mit den Leuten festlegen, die im Ernstfall ausrücken, und nach dem "
            "ersten Winter überprüfen. Lieber zwei Warnstufen als eine."
        ),
    },
    {
        "id": "demo-ll-003",
        "case_study": "demo-cs-003",
        "title": "Online-Beteiligung braucht ein Angebot auf Papier",
        "summary": (
            "Ohne Stand auf dem Wochenmarkt hätten ältere Menschen bei der digitalen Beteiligung "
            "kaum mitgemacht. Die Papierbögen brachten ein Fünftel aller Beiträge."
        ),
        "topics": ["Beteiligung und Engagement"],
        "tags": ["Bürgerbeteiligung"],
        "what_was_tried": (
            "Ursprünglich war nur die Online-Plattform geplant, weil sie sich leicht auswerten lässt."
        ),
        "what_happened": (
            "In der ersten Woche kamen fast nur Beiträge von Menschen unter 60. Erst der Stand auf "
            "dem Markt und die Bögen in der Bücherei änderten das."
        ),
        "recommendation": (
            "Offline-Wege von Anfang an einplanen und ihre Beiträge in dieselbe Plattform übertragen, "
            "damit alle Meinungen gleich zählen."
        ),
    },
    {
        "id": "demo-ll-004",
        "case_study": "demo-cs-005",
        "title": "Eine Dorf-App lebt von Kümmerern vor Ort",
        "summary": (
            "In Dörfern mit engagierter Redaktion ist die App lebendig, anderswo verwaist sie. "
            "Technik allein bringt keine Nutzerinnen und Nutzer."
        ),
        "topics": ["Beteiligung und Engagement"],
        "tags": ["Dorf-App", "Ehrenamt"],
        "what_was_tried": (
            "Die Plattform wurde für alle 23 Dörfer gleichzeitig freigeschaltet, die Stadt schrieb "
            "die ersten Beiträge selbst."
        ),
        "what_happened": (
            "In neun Dörfern fanden sich schnell Redakteure, dort wuchs die Nutzerzahl. In den "
            "übrigen blieb es bei amtlichen Meldungen, die kaum jemand las."
        ),
        "recommendation": (
            "Mit den Dörfern starten, in denen es Kümmerer gibt, und die anderen über gute Beispiele "
            "gewinnen. Redakteure regelmäßig einladen und wertschätzen."
        ),
    },
    {
        "id": "demo-ll-005",
        "case_study": "demo-cs-006",
        "title": "Telemedizin: Datenschutz-Folgenabschätzung vor der Beschaffung",
        "summary": (
            "Die erste ausgewählte Videosoftware speicherte Daten außerhalb der EU. Die "
            "Folgenabschätzung hätte das vor der Bestellung zeigen können."
        ),
        "topics": ["Gesundheit und Pflege"],
        "tags": ["Telemedizin", "Datenschutz"],
        "what_was_tried": (
            "Die Praxis wählte eine verbreitete Videosprechstunden-Lösung, die Datenschutzprüfung "
            "sollte parallel laufen."
        ),
        "what_happened": (
            "Die Prüfung ergab, dass Verbindungsdaten in einem Drittland verarbeitet wurden. Der "
            "Anbieter musste gewechselt werden, der Start verschob sich um drei Monate."
        ),
        "recommendation": (
            "Die Folgenabschätzung vor der Auswahl machen und nur zertifizierte Anbieter für die "
            "Videosprechstunde in Betracht ziehen."
        ),
    },
    {
        "id": "demo-ll-006",
        "case_study": "demo-cs-009",
        "title": "Nachtabsenkung der Beleuchtung erst nach Information der Anwohner",
        "summary": (
            "Die ersten gedimmten Straßen lösten Beschwerden aus, weil niemand Bescheid wusste. Mit "
            "Infobriefen vorab blieb es in den nächsten Abschnitten ruhig."
        ),
        "topics": ["Energie und Klima"],
        "tags": ["Straßenbeleuchtung", "Energieeffizienz"],
        "what_was_tried": (
            "Die Dimmung wurde im ersten Bauabschnitt direkt nach dem Leuchtentausch aktiviert."
        ),
        "what_happened": (
            "Anwohnerinnen meldeten defekte Laternen, andere fühlten sich unsicher. Die Lokalzeitung "
            "berichtete von dunklen Straßen."
        ),
        "recommendation": (
            "Vor jedem Abschnitt einen Infobrief verteilen, Schulwege und Haltestellen ausnehmen und "
            "eine Telefonnummer für Rückfragen nennen."
        ),
    },
    {
        "id": "demo-ll-007",
        "case_study": "demo-cs-011",
        "title": "Terminerinnerungen senken die Zahl verpasster Termine",
        "summary": (
            "Ohne Erinnerung verfiel jeder fünfte gebuchte Termin im Bürgerbüro. Eine SMS am Vortag "
            "brachte die Quote unter fünf Prozent."
        ),
        "topics": ["Verwaltung und Bürgerservice"],
        "tags": ["Digitale Verwaltung"],
        "what_was_tried": (
            "Termine konnten online gebucht werden, eine Absage war nur telefonisch möglich."
        ),
        "what_happened": (
            "Viele buchten vorsorglich und kamen dann nicht. Die Wartezeit auf einen Termin stieg, "
            "obwohl Plätze leer blieben."
        ),
        "recommendation": (
            "Erinnerung am Vortag mit einem Absagelink verschicken und frei gewordene Termine sofort "
            "wieder freigeben."
        ),
    },
    {
        "id": "demo-ll-008",
        "case_study": "demo-cs-012",
        "title": "Schul-WLAN: Der Betrieb kostet mehr als der Aufbau",
        "summary": (
            "Die Förderung deckte Kabel und Access Points. Lizenzen, Wartung und Austausch nach "
            "fünf Jahren muss der Schulträger selbst tragen."
        ),
        "topics": ["Bildung"],
        "tags": ["Schul-WLAN", "Digitale Bildung"],
        "what_was_tried": (
            "Die Planung konzentrierte sich auf die Förderfähigkeit der Investition."
        ),
        "what_happened": (
            "Im zweiten Jahr fielen Lizenzkosten für das zentrale Management an, die nicht im "
            "Haushalt standen. Ein Nachtragshaushalt war nötig."
        ),
        "recommendation": (
            "Die Folgekosten für mindestens fünf Jahre in die Ratsvorlage schreiben und einen "
            "Ersatzzyklus für die Geräte einplanen."
        ),
    },
    {
        "id": "demo-ll-009",
        "case_study": "demo-cs-013",
        "title": "Parksensoren im Asphalt und der Winterdienst",
        "summary": (
            "Räumschilde beschädigten einige Bodensensoren. Seitdem werden sie tiefer eingelassen und "
            "die Räumfahrzeuge kennen ihre Lage."
        ),
        "topics": ["Mobilität"],
        "tags": ["Parkraummanagement", "Sensorik"],
        "what_was_tried": (
            "Die Sensoren wurden nach Herstellerangabe bündig mit der Fahrbahn eingebaut."
        ),
        "what_happened": (
            "Im ersten Winter fielen zwölf Sensoren aus, mehrere durch Räumschilde, andere durch "
            "eindringendes Salzwasser."
        ),
        "recommendation": (
            "Sensoren einige Millimeter tiefer setzen und versiegeln, Standorte an den Bauhof geben "
            "und Ersatzsensoren vorrätig halten."
        ),
    },
    {
        "id": "demo-ll-010",
        "case_study": "demo-cs-014",
        "title": "Leerstände füllt man im Gespräch, nicht in der Datenbank",
        "summary": (
            "Das digitale Kataster schafft Überblick, aber vermietet wurde erst nach persönlichen "
            "Gesprächen mit Eigentümern."
        ),
        "topics": ["Stadtentwicklung und Wohnen"],
        "tags": ["Leerstandsmanagement"],
        "what_was_tried": (
            "Eigentümer wurden schriftlich gebeten, ihre Flächen im Portal einzutragen."
        ),
        "what_happened": (
            "Nur zwei von elf antworteten. Viele wohnten weit weg oder hatten unrealistische "
            "Mietvorstellungen."
        ),
        "recommendation": (
            "Eigentümer persönlich besuchen oder anrufen, Vergleichsmieten mitbringen und "
            "Zwischennutzungen anbieten."
        ),
    },
    {
        "id": "demo-ll-011",
        "case_study": "demo-cs-017",
        "title": "Offene Daten: Lizenz und Aktualisierung gleich mitregeln",
        "summary": (
            "Veraltete Datensätze schaden dem Vertrauen mehr als fehlende. Jede Veröffentlichung "
            "braucht eine Lizenz und einen Aktualisierungsrhythmus."
        ),
        "topics": ["Daten und Infrastruktur"],
        "tags": ["Offene Daten"],
        "what_was_tried": (
            "Zum Start wurden möglichst viele Datensätze auf einmal veröffentlicht."
        ),
        "what_happened": (
            "Nach einem Jahr war ein Drittel veraltet. Nutzer fragten nach, welche Lizenz gilt."
        ),
        "recommendation": (
            "Pro Datensatz eine verantwortliche Person, ein Aktualisierungsintervall und eine "
            "Standardlizenz festlegen. Lieber weniger Daten, die aktuell sind."
        ),
    },
    {
        "id": "demo-ll-012",
        "case_study": "demo-cs-022",
        "title": "On-Demand-Verkehr: Genehmigung und Tarif zuerst klären",
        "summary": (
            "Die Technik war schneller bereit als die Genehmigung nach dem Personenbeförderungsgesetz. "
            "Der Start verzögerte sich um vier Monate."
        ),
        "topics": ["Mobilität"],
        "tags": ["On-Demand-Verkehr", "Nahverkehr"],
        "what_was_tried": (
            "Fahrzeuge und Buchungssoftware wurden beschafft, während der Genehmigungsantrag noch lief."
        ),
        "what_happened": (
            "Die Bezirksregierung verlangte Nachweise zum Verhältnis zum bestehenden Linienverkehr. "
            "Die Fahrzeuge standen monatelang ungenutzt."
        ),
        "recommendation": (
            "Früh mit Aufgabenträger und Genehmigungsbehörde sprechen und den Tarif in den "
            "Verbundtarif integrieren, bevor Fahrzeuge bestellt werden."
        ),
    },
    {
        "id": "demo-ll-013",
        "case_study": "demo-cs-023",
        "title": "Kurze Einsätze gewinnen neue Freiwillige",
        "summary": (
            "Anfragen nach dauerhafter Mitarbeit fanden kaum Interesse, Einsätze von wenigen Stunden "
            "dagegen schnell Freiwillige."
        ),
        "topics": ["Beteiligung und Engagement"],
        "tags": ["Ehrenamt"],
        "what_was_tried": (
            "Vereine stellten zunächst vor allem Vorstandsposten und regelmäßige Dienste ein."
        ),
        "what_happened": (
            "Diese Angebote wurden kaum angefragt. Einmalige Einsätze waren oft binnen eines Tages "
            "vergeben."
        ),
        "recommendation": (
            "Aufgaben in kleine, klar beschriebene Einsätze zerlegen. Aus einmaligen Helfern werden "
            "später oft regelmäßige."
        ),
    },
    {
        "id": "demo-ll-014",
        "case_study": "demo-cs-027",
        "title": "Beim Bürgerbus bleibt das Telefon die wichtigste Buchungsart",
        "summary": (
            "Die Online-Buchung nutzen vor allem Angehörige. Die Fahrgäste selbst rufen an."
        ),
        "topics": ["Mobilität"],
        "tags": ["Nahverkehr", "Ehrenamt"],
        "what_was_tried": (
            "Anfangs sollte nur online gebucht werden, das Telefon war als Übergangslösung gedacht."
        ),
        "what_happened": (
            "Über 80 Prozent der Fahrten wurden telefonisch gebucht. Ohne Telefon wären die "
            "meisten Fahrgäste weggeblieben."
        ),
        "recommendation": (
            "Telefonbuchung dauerhaft einplanen und personell absichern, etwa über das Bürgerbüro."
        ),
    },
    {
        "id": "demo-ll-015",
        "case_study": "demo-cs-030",
        "title": "Pop-up-Läden: kurze Verträge, klare Ausstiegsregeln",
        "summary": (
            "Einfache Mietverträge mit kurzer Laufzeit machten Gründungen möglich. Klare Regeln für "
            "das Ende der Probezeit verhinderten Streit."
        ),
        "topics": ["Wirtschaft und Arbeit"],
        "tags": ["Leerstandsmanagement"],
        "what_was_tried": (
            "Die ersten Verträge waren an übliche Gewerbemietverträge angelehnt."
        ),
        "what_happened": (
            "Gründerinnen schreckten vor Kautionen und langen Laufzeiten zurück. Ein Eigentümer "
            "wollte nach der Probezeit deutlich mehr Miete."
        ),
        "recommendation": (
            "Einen zweiseitigen Mustervertrag nutzen und die Anschlussmiete schon beim Start "
            "vereinbaren."
        ),
    },
    {
        "id": "demo-ll-016",
        "case_study": "demo-cs-033",
        "title": "Coworking auf dem Land: Nachfrage nicht überschätzen",
        "summary": (
            "Die Umfrage versprach volle Plätze, die tatsächliche Nutzung lag bei einem Drittel. "
            "Arbeitgeberkontingente retteten den Pilot."
        ),
        "topics": ["Wirtschaft und Arbeit"],
        "tags": ["Co-Working"],
        "what_was_tried": (
            "Eine Online-Umfrage sollte die Nachfrage im Ortsteil ermitteln."
        ),
        "what_happened": (
            "Viele gaben Interesse an, buchten aber nicht. Regelmäßige Nutzer kamen fast nur über "
            "die Partnerunternehmen."
        ),
        "recommendation": (
            "Vor dem Start Zusagen von Arbeitgebern einholen und klein anfangen, etwa mit einem Raum "
            "im Bürgerhaus."
        ),
    },
]
