"""Starter texts of the legal pages, written once by setup_site (wiki/site_setup.py).

Curators replace the bracketed parts with the operator's details before going live; a later
setup_site never overwrites what they wrote.
"""

from home.feedback import FEEDBACK_RETENTION_DAYS

IMPRINT = """
<h2>Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG)</h2>
<p>[Name der betreibenden Stelle, z. B. Agentur oder Kreisverwaltung]<br/>[Straße und Hausnummer]<br/>[Postleitzahl und Ort]</p>
<p>Vertreten durch: [Name der vertretungsberechtigten Person, Funktion]</p>
<h2>Kontakt</h2>
<p>Telefon: [Telefonnummer]<br/>E-Mail: [E-Mail-Adresse]</p>
<h2>Verantwortlich für den Inhalt</h2>
<p>Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag (MStV): [Name, Anschrift wie oben].</p>
<p>Die Beiträge der Kommunen (Fallstudien, Erfahrungen, Vorlagen) verantworten die jeweils genannten Städte und Gemeinden; die Redaktion der betreibenden Stelle prüft sie vor der Veröffentlichung.</p>
<h2>Lizenz der Inhalte</h2>
<p>Soweit nicht anders angegeben, stehen die Inhalte unter der Lizenz CC BY 4.0. Einzelne Dokumente können abweichende Lizenzen haben; sie sind auf der jeweiligen Seite angegeben.</p>
<h2>Haftung für Links</h2>
<p>Für die Inhalte verlinkter Seiten anderer Anbieter sind ausschließlich deren Betreiber verantwortlich. Bei Bekanntwerden von Rechtsverletzungen entfernen wir solche Links umgehend.</p>
"""

PRIVACY = f"""
<h2>Verantwortliche Stelle</h2>
<p>[Name und Anschrift der betreibenden Stelle wie im Impressum]<br/>Datenschutzbeauftragte oder Datenschutzbeauftragter: [Name, E-Mail-Adresse]</p>
<h2>Besuch der Website</h2>
<p>Beim Lesen und Durchsuchen des Transferwikis setzen wir <strong>keine Cookies</strong>, binden keine Dienste anderer Anbieter ein (keine Schriften, Skripte, Karten oder Statistikdienste von fremden Servern) und erstellen keine Nutzungsprofile.</p>
<p>Der Webserver verarbeitet technisch notwendig die IP-Adresse Ihres Geräts, um die Seite auszuliefern. Server-Protokolle mit IP-Adressen werden [Dauer, z. B. sieben Tage] aufbewahrt und nur zur Abwehr von Angriffen und zur Fehlersuche genutzt (Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit § 3 DSG NRW).</p>
<p>Suchanfragen werden ohne Bezug zu Ihrer Person gezählt (Suchbegriff, gewählte Filter, Zahl der Treffer), damit die Redaktion fehlende Inhalte erkennt. IP-Adressen oder Cookies werden dafür nicht verwendet.</p>
<h2>Anmeldung für Redaktionen</h2>
<p>Wer sich zur Bearbeitung anmeldet (<code>/admin/</code>), erhält ein Sitzungs-Cookie (<code>sessionid</code>) und ein Cookie zum Schutz vor gefälschten Formularen (<code>csrftoken</code>). Beide sind technisch notwendig und werden nur für die Anmeldung und Formulare verwendet. Gespeichert werden Benutzername, Name, E-Mail-Adresse und die Bearbeitungen.</p>
<h2>Rückmeldungen zur Barrierefreiheit</h2>
<p>Wenn Sie das Formular in der Erklärung zur Barrierefreiheit nutzen, speichern wir nur, was Sie eintragen: Ihre Beschreibung, auf Wunsch die betroffene Seite, Ihren Namen und Ihre E-Mail-Adresse (beides freiwillig). Beim Absenden setzt die Seite ein Cookie zum Schutz vor gefälschten Formularen (<code>csrftoken</code>). An eine angegebene E-Mail-Adresse schicken wir eine Eingangsbestätigung. Rückmeldungen werden nach der Bearbeitung, spätestens nach {FEEDBACK_RETENTION_DAYS} Tagen, automatisch gelöscht.</p>
<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie auf Widerspruch (Art. 15 bis 21 DSGVO). Sie können sich bei der Aufsichtsbehörde beschweren: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, Kavalleriestraße 2–4, 40213 Düsseldorf.</p>
"""

ACCESSIBILITY_INTRO = """
<p>Die betreibende Stelle des Transferwikis ist bemüht, die Website im Einklang mit dem Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW), die die Richtlinie (EU) 2016/2102 umsetzen, barrierefrei zugänglich zu machen.</p>
<p>Diese Erklärung gilt für die Website des Transferwikis Südwestfalen. Grundlage ist eine Selbstbewertung mit automatischen Prüfungen (axe-core, WCAG 2.1 Stufe A und AA) in Browsern mit Desktop- und Smartphone-Breite sowie Tests mit der Tastatur.</p>
"""

ACCESSIBILITY_NON_ACCESSIBLE = """
<ul>
<li><strong>Dokumente der Kommunen:</strong> PDF-, Word- und Tabellendokumente in den Vorlagen stammen von den Städten und Gemeinden. Nicht alle sind barrierefrei (zum Beispiel fehlende Überschriftenstruktur oder Alternativtexte). Auf Wunsch stellen wir Ihnen den Inhalt in einer zugänglichen Form bereit.</li>
<li><strong>Verwaltungsbereich:</strong> Der Redaktionsbereich (<code>/admin/</code>) beruht auf dem Content-Management-System Wagtail und wurde nicht vollständig geprüft.</li>
</ul>
"""

ACCESSIBILITY_CONTACT = """
<p>Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Dann nutzen Sie bitte das Formular unten auf dieser Seite oder wenden Sie sich an:</p>
<p>[Name der Ansprechstelle]<br/>[Anschrift]<br/>E-Mail: [E-Mail-Adresse]<br/>Telefon: [Telefonnummer]</p>
<p>Wir beantworten Ihre Rückmeldung innerhalb eines Monats.</p>
"""

ACCESSIBILITY_ENFORCEMENT = """
<p>Wenn Sie auf Ihre Rückmeldung innerhalb eines Monats keine zufriedenstellende Antwort erhalten haben, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden. Sie ist bei der Landesbeauftragten für Menschen mit Behinderung sowie für Patientinnen und Patienten in Nordrhein-Westfalen eingerichtet. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.</p>
<p>Ombudsstelle für barrierefreie Informationstechnik NRW<br/>Fürstenwall 25, 40219 Düsseldorf<br/>E-Mail: ombudsstelle-barrierefreie-it@mags.nrw.de</p>
"""

EASY_LANGUAGE = """
<h2>Was ist das Transferwiki?</h2>
<p>Das Transferwiki ist eine Internet-Seite.</p>
<p>Hier stehen Berichte von Städten und Gemeinden aus Südwestfalen.</p>
<p>Die Berichte sind über <strong>digitale Projekte</strong>.</p>
<p>Ein digitales Projekt ist zum Beispiel:</p>
<ul>
<li>Straßen-Lampen, die nur leuchten, wenn jemand kommt.</li>
<li>Ein Formular, das Sie im Internet ausfüllen.</li>
<li>Sensoren, die messen, wie voll ein Müll-Eimer ist.</li>
</ul>
<h2>Für wen ist das Transferwiki?</h2>
<p>Das Transferwiki ist für Menschen, die in einer Stadt-Verwaltung arbeiten.</p>
<p>Sie können hier lesen:</p>
<ul>
<li>Was hat eine andere Stadt gemacht?</li>
<li>Was hat gut geklappt?</li>
<li>Was war schwer?</li>
</ul>
<p>So kann jede Stadt von den anderen lernen.</p>
<h2>Wie finde ich etwas?</h2>
<p>Oben auf jeder Seite steht das Wort <strong>Suche</strong>.</p>
<p>Klicken Sie darauf.</p>
<p>Schreiben Sie ein Wort in das Feld.</p>
<p>Zum Beispiel: Schule.</p>
<p>Dann sehen Sie alle Berichte zu diesem Wort.</p>
<h2>Sie haben ein Problem mit der Seite?</h2>
<p>Vielleicht können Sie etwas nicht lesen.</p>
<p>Oder etwas funktioniert nicht.</p>
<p>Dann schreiben Sie uns.</p>
<p>Unten auf der Seite steht <strong>Barrierefreiheit</strong>.</p>
<p>Dort gibt es ein Formular.</p>
<p>Sie müssen Ihren Namen nicht sagen.</p>
"""
