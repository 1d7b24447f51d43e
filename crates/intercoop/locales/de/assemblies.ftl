assemblies-title = Sitzungen
assemblies-intro = Monatliche Versammlungen, Sitzungen des Kernkreises, Generalversammlungen und Veranstaltungen des Netzwerks.
assemblies-new-title = Sitzung planen
assemblies-new-submit = Planen
assemblies-coming = Kommende Sitzungen
assemblies-past = Vergangene Sitzungen
assemblies-none = Keine Sitzungen.
assemblies-cancelled = Abgesagt
assemblies-kind-assembly = Monatliche Versammlung
assemblies-kind-core = Sitzung des Kernkreises
assemblies-kind-general_assembly = Generalversammlung
assemblies-kind-event = Veranstaltung
assemblies-field-kind = Art der Sitzung
assemblies-field-title = Titel
assemblies-field-description = Beschreibung
assemblies-field-starts-at = Beginn
assemblies-field-duration = Dauer (Minuten)
assemblies-field-recurrence = Wiederholung (RRULE-Regel, optional)
assemblies-field-recurrence-hint = Zum Beispiel FREQ=MONTHLY;BYDAY=1TU: der erste Dienstag jedes Monats, zur gleichen Uhrzeit.
assemblies-field-place = Ort
assemblies-field-video = Link zur Videokonferenz
assemblies-field-reminders = Erinnerungen (Tage vorher, durch Kommas getrennt)
assemblies-field-agenda-hint = Ein Punkt pro Zeile; „proposal 12“ oder „poll 7“ verknüpft einen Vorschlag oder eine Abstimmung.
assemblies-agenda = Tagesordnung
assemblies-agenda-proposal = Vorschlag
assemblies-agenda-poll = Abstimmung
assemblies-video = Per Video teilnehmen
assemblies-download-ics = Zu meinem Kalender hinzufügen (.ics)
assemblies-do-you-come = Kommen Sie?
assemblies-answer-yes = Ich komme
assemblies-answer-maybe = Vielleicht
assemblies-answer-no = Ich komme nicht
assemblies-answer-save = Meine Antwort speichern
assemblies-answer-saved = Ihre Antwort ist gespeichert.
assemblies-answer-closed = Diese Sitzung hat begonnen oder ist abgesagt: Antworten sind geschlossen.
assemblies-not-answered = noch nicht geantwortet
assemblies-next-title = Nächste Sitzung
assemblies-attendance = Anwesenheit
assemblies-present = Anwesend
assemblies-quorum = Anwesende oder vertretene Organisationen / Quorum (Mitglieder)
assemblies-quorum-met = Quorum erreicht
assemblies-take-attendance = Anwesenheit erfassen
assemblies-attendance-save = Anwesenheit speichern
assemblies-attendance-saved = Anwesenheit gespeichert.
assemblies-cancel = Sitzung absagen
assemblies-cancel-confirm = Ja, absagen
assemblies-calendar-title = Mein Kalender
assemblies-calendar-intro = Eine private Adresse, der Ihr Kalender folgt: alle Sitzungen, zu denen Sie eingeladen sind, stets aktuell.
assemblies-calendar-new = Meine Kalenderadresse erstellen
assemblies-calendar-replace = Sie haben bereits eine Adresse: eine neue beendet die alte.
assemblies-calendar-copy = Kopieren Sie diese Adresse in Ihren Kalender (sie wird nur einmal angezeigt):
assemblies-mail-invitation-subject = Einladung: { $title }, { $starts }
assemblies-mail-invitation-body = Sie sind zu „{ $title }“ eingeladen, { $starts }. { $place }
assemblies-mail-updated-subject = Geändert: { $title }, { $starts }
assemblies-mail-updated-body = Die Sitzung „{ $title }“ hat sich geändert: { $starts }. { $place }
assemblies-mail-cancelled-subject = Abgesagt: { $title }
assemblies-mail-cancelled-body = Die Sitzung „{ $title }“ vom { $starts } ist abgesagt.
assemblies-mail-reminder-subject = Erinnerung: { $title }, { $starts }
assemblies-mail-reminder-body = Erinnerung: „{ $title }“, { $starts }. { $place }
assemblies-mail-see = Sitzung ansehen
assemblies-mail-answer = Mit einem Klick antworten (kommen Sie?):
error-meeting-kind = Wählen Sie die Art der Sitzung.
error-meeting-time-zone = Unbekannte Zeitzone.
error-meeting-starts-at = Geben Sie Datum und Uhrzeit des Beginns an.
error-meeting-ends-before-start = Die Sitzung muss nach ihrem Beginn enden (Dauer über 0 Minuten).
error-meeting-too-long = Eine Sitzung dauert höchstens eine Woche.
error-meeting-reminder-after = Eine Erinnerung muss vor der Sitzung kommen (eine positive Zahl von Tagen).
error-meeting-reminder-too-early = Eine Erinnerung kommt höchstens 60 Tage vorher.
error-meeting-too-many-reminders = Höchstens fünf Erinnerungen.
error-meeting-video-url = Der Link muss eine Webadresse sein (https://…).
error-meeting-recurrence-never = Diese Regel tritt nie ein (zum Beispiel ein 30. Februar).
error-meeting-recurrence-invalid = Unlesbare Wiederholungsregel (zum Beispiel FREQ=MONTHLY;BYDAY=1TU).
error-meeting-agenda-empty = Ein Tagesordnungspunkt ist leer.
error-meeting-agenda-too-long = Höchstens fünfzig Punkte.
error-meeting-agenda-unknown = Dieser Vorschlag oder diese Abstimmung existiert im Netzwerk nicht.
error-meeting-in-the-past = Der neue Beginn ist bereits vorbei.
error-meeting-answer = Antworten Sie yes, no oder maybe.
error-meeting-unknown-person = Eine dieser Personen gehört nicht zum Netzwerk.
error-meeting-not-ahead = Diese Sitzung hat begonnen oder ist abgesagt.
error-meeting-not-now = Die Anwesenheit wird ab dem Vortag der Sitzung erfasst, sofern sie nicht abgesagt ist.
nav-meetings = Sitzungen
assemblies-count = { $count ->
    [0] Keine Sitzungen
    [one] Eine Sitzung
   *[other] { $count } Sitzungen
}
assemblies-cancel-consequence = { $count ->
    [0] Noch niemand ist eingeladen: nichts wird gesendet. Das kann nicht rückgängig gemacht werden.
    [one] Die eingeladene Person erhält die Absage, und ihr Kalender entfernt sie. Das kann nicht rückgängig gemacht werden.
   *[other] Die { $count } eingeladenen Personen erhalten die Absage, und ihre Kalender entfernen sie. Das kann nicht rückgängig gemacht werden.
}
assemblies-minutes-title = Protokoll
assemblies-minutes-status-none = Noch kein Protokoll.
assemblies-minutes-status-draft = Protokoll in Arbeit (noch nicht veröffentlicht).
assemblies-minutes-status-published = Veröffentlicht
assemblies-minutes-write = Protokoll schreiben
assemblies-minutes-text = Protokoll (Markdown)
assemblies-minutes-hint = Markdown: # für einen Titel, - für eine Liste, **fett**, [Text](https://…) für einen Link.
assemblies-minutes-save = Entwurf speichern
assemblies-minutes-saved = Entwurf gespeichert.
assemblies-minutes-publish = Genehmigen und veröffentlichen
assemblies-minutes-publish-confirm = Ja, genehmigen und veröffentlichen
assemblies-minutes-publish-consequence = { $count ->
    [0] Niemand wird benachrichtigt: Das Netzwerk hat noch niemanden. Ein veröffentlichtes Protokoll und seine Beschlüsse ändern sich nicht mehr.
    [one] Die Person des Netzwerks erhält es per E-Mail. Ein veröffentlichtes Protokoll und seine Beschlüsse ändern sich nicht mehr.
   *[other] Die { $count } Personen des Netzwerks erhalten es per E-Mail. Ein veröffentlichtes Protokoll und seine Beschlüsse ändern sich nicht mehr.
}
assemblies-decisions = Beschlüsse
assemblies-decisions-none = Keine Beschlüsse.
assemblies-decision-text = Beschluss
assemblies-decision-made-by = gefasst durch
assemblies-decision-made-by-field = Gefasst durch (optional)
assemblies-decision-made-by-none = Nichts auf der Tagesordnung
assemblies-decision-add = Beschluss hinzufügen
assemblies-decision-remove = Entfernen
assemblies-decisions-title = Beschlüsse des Netzwerks
assemblies-decisions-intro = Alle Beschlüsse aus veröffentlichten Protokollen, die neuesten zuerst.
assemblies-decisions-search = Suchen
assemblies-decisions-count = { $count ->
    [0] Keine Beschlüsse
    [one] Ein Beschluss
   *[other] { $count } Beschlüsse
}
assemblies-mail-minutes-subject = Protokoll: { $title }
assemblies-mail-minutes-body = Das Protokoll von „{ $title }“ ({ $starts }) ist genehmigt und veröffentlicht.
assemblies-mail-minutes-see = Protokoll lesen
error-minutes-published = Dieses Protokoll ist veröffentlicht: Es ändert sich nicht mehr.
error-minutes-too-long = Ein Protokoll hat höchstens 100 000 Zeichen.
error-minutes-empty = Schreiben Sie das Protokoll, bevor Sie es veröffentlichen.
error-minutes-before-meeting = Ein Protokoll wird veröffentlicht, sobald die Sitzung begonnen hat.
error-meeting-cancelled = Diese Sitzung ist abgesagt.
error-decision-text-empty = Schreiben Sie den Beschluss.
error-decision-text-too-long = Ein Beschluss hat höchstens 2 000 Zeichen, ohne Steuerzeichen.
error-decision-poll-unknown = Diese Abstimmung gibt es im Netzwerk nicht.
error-decision-transition-unknown = Diese Änderung eines Vorschlags gibt es im Netzwerk nicht.
error-decision-too-many = Höchstens zweihundert Beschlüsse pro Sitzung.
core-title = Kernkreis
core-intro = Die Organisationen im Kernkreis, auf welchem Sitz und seit wann.
core-rules = Regeln: { $facilitator_min }–{ $facilitator_max } Sitze für die moderierende Genossenschaft, { $elected_min }–{ $elected_max } gewählt unter den Nutzergenossenschaften; ein gewähltes Mandat dauert höchstens { $max_days } Tage.
core-sitting = Heute im Kreis
core-history = Wer wann saß
core-none = Niemand.
core-seat-facilitator = Sitz der moderierenden Genossenschaft
core-seat-elected = Gewählter Sitz
core-elected-by = durch eine Abstimmung gewählt
core-field-organisation = Organisation
core-field-seat = Sitz
core-field-starts-on = Erster Tag
core-field-ends-on = Letzter Tag
core-add = Ein Mandat erfassen
core-add-submit = Das Mandat erfassen
core-mail-ending-subject = Ein Mandat im Kernkreis endet am { $ends }
core-mail-ending-body = Das Mandat von { $organisation } im Kernkreis endet am { $ends }. Zeit, die Wahl oder die Verlängerung vorzubereiten.
core-mail-ending-see = Kernkreis ansehen
nav-core = Kernkreis
error-core-seat = Wählen Sie den Sitz: den der moderierenden Genossenschaft oder einen gewählten.
error-core-day = Geben Sie den Tag als JJJJ-MM-TT an.
error-core-organisation = Wählen Sie eine Mitgliedsorganisation des Netzwerks.
error-core-elected-user = Ein gewählter Sitz geht an eine Nutzergenossenschaft.
error-core-facilitator-kind = Dieser Sitz geht an die moderierende Genossenschaft.
error-core-rules = Die Sitzregeln des Netzwerks widersprechen sich (ein Minimum über seinem Maximum).
error-core-ends-before-start = Ein Mandat endet nach dem Tag, an dem es beginnt.
error-core-too-long = Regel verletzt: Ein gewähltes Mandat dauert höchstens die Grenze des Netzwerks (standardmäßig 2 Jahre).
error-core-too-many = Regel verletzt: mehr Sitze dieser Art, als das Netzwerk zu dieser Zeit erlaubt.
error-core-too-few = Regel verletzt: weniger Sitze dieser Art, als das Netzwerk verlangt.
error-core-two-seats = Regel verletzt: Eine Organisation hat jeweils nur einen Sitz.
core-elections = Wahlen
core-elections-none = Noch keine Wahl.
core-election-seats = { $count ->
    [0] Kein gewählter Sitz
    [one] Ein gewählter Sitz
   *[other] { $count } gewählte Sitze
}
core-election-status-candidacy = Aufruf zur Kandidatur: Nutzergenossenschaften können kandidieren.
core-election-status-voting = Die Abstimmung ist offen.
core-election-status-done = Gewählt: Die neuen Mandate sind erfasst.
core-election-status-failed = Nicht erfasst
core-election-poll = Die Abstimmung
core-candidates = Kandidierende
core-stand-for = Kandidieren für
core-stand = Kandidieren
core-start-vote = Die Abstimmung starten
core-start-vote-consequence = Der Aufruf zur Kandidatur schließt, und eine Zustimmungswahl der Nutzergenossenschaften öffnet, eine Option je Kandidatur. Bei ihrem Ende erhalten die Kandidierenden mit den meisten Zustimmungen die Sitze, wenn die Sitzregeln es erlauben.
core-call = Eine Wahl ausrufen
core-call-seats = Zu besetzende gewählte Sitze
core-call-submit = Zur Kandidatur aufrufen
core-mail-call-subject = Wahl zum Kernkreis: Kandidaturen gesucht
core-mail-call-body = Eine Wahl zum Kernkreis ist ausgerufen: { $seats } gewählte(r) Sitz(e), vom { $starts } bis { $ends }. Eine Nutzergenossenschaft kandidiert auf der Seite des Kernkreises.
error-core-election-seats = Zu besetzende Sitze: von 1 bis zum Maximum der gewählten Sitze des Netzwerks.
error-core-election-closed = Der Aufruf zur Kandidatur dieser Wahl ist geschlossen.
error-core-candidate-twice = Diese Organisation kandidiert bereits.
error-core-election-few-candidates = Weniger Kandidierende als Sitze (oder als zwei): Warten Sie vor der Abstimmung auf weitere.
assemblies-needing-minutes-title = Sitzungen ohne veröffentlichtes Protokoll
core-ending-title = Bald endende Mandate im Kernkreis
governance-title = Governance-Regeln
governance-intro = Die Regeln des Netzwerks für Versammlungen, Entscheidungsabstimmungen und den Kernkreis. Jede Änderung wird aufgezeichnet und unten aufgelistet.
governance-summary = Quorum der Versammlung { $assembly } %; eine Entscheidungsabstimmung braucht { $poll } % Beteiligung und gilt mit { $threshold }; Kernkreis: { $facilitator_min }–{ $facilitator_max } Sitze für die moderierende Genossenschaft, { $elected_min }–{ $elected_max } gewählte, ein gewähltes Mandat höchstens { $max_days } Tage.
governance-quorums = Quoren und Schwelle
governance-assembly-quorum = Quorum der Versammlung: Anteil der anwesenden oder vertretenen Mitgliedsorganisationen (%)
governance-poll-quorum = Quorum einer Entscheidungsabstimmung ohne eigenes: Anteil der Wählerschaft, der abstimmen muss (%)
governance-poll-threshold = Schwelle einer Entscheidungsabstimmung ohne eigene
governance-threshold-simple_majority = einfacher Mehrheit
governance-threshold-two_thirds = Zweidrittelmehrheit
governance-threshold-custom = ein anderer Bruch
governance-threshold-fraction = Der Bruch, falls anders (etwa 3/5)
governance-seats = Sitze im Kernkreis
governance-facilitator-min = Sitze der moderierenden Genossenschaft, mindestens
governance-facilitator-max = Sitze der moderierenden Genossenschaft, höchstens
governance-elected-min = Gewählte Sitze, mindestens
governance-elected-max = Gewählte Sitze, höchstens
governance-mandate-days = Längstes gewähltes Mandat (Tage)
governance-save-consequence = Neue Abstimmungen, Mandate und Versammlungen folgen den neuen Regeln; bereits angelegte Abstimmungen und eingetragene Mandate behalten ihre.
governance-save = Regeln speichern
governance-changes = Letzte Änderungen
governance-no-changes = Noch keine Änderung: Das Netzwerk folgt den Standardregeln.
governance-before = Vorher:
governance-after = Nachher:
governance-link = Governance-Regeln
error-governance-min-above-max = Das Minimum liegt über dem Maximum.
error-governance-mandate-days = Geben Sie eine Dauer zwischen 30 und 3660 Tagen ein.
audit-action-governance-update = Governance-Regeln geändert
core-election-poll-title = Wahl in den Kernkreis, Mandate vom { $from } bis { $until }
core-election-poll-seats = { $seats ->
    [one] Ein Sitz ist zu besetzen.
   *[other] { $seats } Sitze sind zu besetzen.
}
assemblies-edit-title = Sitzung ändern
assemblies-edit-link = Sitzung ändern
assemblies-edit-who = Wer die Änderung erhält
assemblies-edit-not-invited = Die Einladungen sind noch nicht verschickt: jetzt wird niemand benachrichtigt, und die Einladungen enthalten die neuen Angaben.
assemblies-edit-submit = Änderungen speichern
assemblies-edit-consequence = { $count ->
    [0] Noch niemand ist eingeladen: nichts wird gesendet.
    [one] Ändern sich Datum, Uhrzeit, Dauer, Titel, Ort, Link oder Beschreibung, erhält die eingeladene Person die Änderung, und ihr Kalender passt die Sitzung an. Eine Änderung nur der Erinnerungen benachrichtigt niemanden.
   *[other] Ändern sich Datum, Uhrzeit, Dauer, Titel, Ort, Link oder Beschreibung, erhalten die { $count } eingeladenen Personen die Änderung, und ihre Kalender passen die Sitzung an. Eine Änderung nur der Erinnerungen benachrichtigt niemanden.
}
assemblies-edit-submit-tell = { $count ->
    [0] Änderungen speichern
    [one] Speichern und die eingeladene Person benachrichtigen
   *[other] Speichern und die { $count } eingeladenen Personen benachrichtigen
}
assemblies-quorum-present = { $count ->
    [0] keine anwesend
    [one] eine anwesend
   *[other] { $count } anwesend
}
assemblies-quorum-represented = { $count ->
    [0] keine durch Vollmacht vertreten
    [one] eine durch Vollmacht vertreten
   *[other] { $count } durch Vollmacht vertreten
}
assemblies-proxies = Vollmachten
assemblies-proxy-held-by = Vollmacht bei { $holder }
assemblies-proxy-link = Unsere Vollmacht erteilen
assemblies-proxy-title = Vollmacht für die Sitzung
assemblies-proxy-intro = Eine Organisation, die nicht kommen kann, erteilt einer anderen Mitgliedsorganisation ihre Vollmacht: deren Vertretung spricht für beide, und beide zählen zum Quorum, wenn sie anwesend ist. Eine Organisation hält höchstens eine Vollmacht, und eine Organisation, die ihre Vollmacht erteilt hat, kann keine halten.
assemblies-proxy-giver = Organisation
assemblies-proxy-show = Anzeigen
assemblies-proxy-none = Für diese Sitzung wurde keine Vollmacht erteilt.
assemblies-proxy-holder = Vollmacht erteilen an
assemblies-proxy-holder-hint = Eine Mitgliedsorganisation des Netzwerks. Sie ersetzt eine früher erteilte Vollmacht.
assemblies-proxy-give = Vollmacht erteilen
assemblies-proxy-withdraw = Vollmacht zurückziehen
assemblies-proxy-withdraw-consequence = Zurückgezogen zählt die Organisation nur zum Quorum, wenn ihre eigene Vertretung anwesend ist.
assemblies-proxy-closed = Diese Sitzung nimmt jetzt keine Vollmachten an (sie ist vorbei, abgesagt oder hat kein Quorum).
error-meeting-proxy-kind = Nur Versammlungen und Generalversammlungen nehmen Vollmachten an.
error-meeting-proxy-closed = Diese Sitzung ist vorbei oder abgesagt: Vollmachten ändern sich nicht mehr.
error-meeting-proxy-member = Nur eine Mitgliedsorganisation des Netzwerks erteilt oder hält eine Vollmacht.
error-meeting-proxy-self = Eine Organisation kann sich nicht selbst ihre Vollmacht erteilen.
error-meeting-proxy-holder-gave = Diese Organisation hat ihre eigene Vollmacht erteilt: sie kann keine halten.
error-meeting-proxy-limit = Diese Organisation hält für diese Sitzung bereits eine Vollmacht.
error-meeting-proxy-chain = Diese Organisation hält die Vollmacht einer anderen: sie kann ihre eigene nicht erteilen.
assemblies-field-capacity = Plätze (Veranstaltungen, optional)
assemblies-field-capacity-hint = Leer: keine Begrenzung. Darüber hinaus kommen Personen auf eine Warteliste und erhalten einen Platz, sobald einer frei wird.
assemblies-registration = Anmeldung
assemblies-no-limit = Keine Begrenzung der Plätze.
assemblies-places-left = { $count ->
    [0] Kein Platz mehr frei
    [one] Ein Platz frei
   *[other] { $count } Plätze frei
}
assemblies-capacity = { $count ->
    [0] kein Platz
    [one] ein Platz insgesamt
   *[other] { $count } Plätze insgesamt
}
assemblies-waiting-count = { $count ->
    [0] niemand wartet
    [one] eine Person wartet
   *[other] { $count } Personen warten
}
assemblies-you-are-registered = Sie sind angemeldet.
assemblies-your-position = { $count ->
    [0] Sie sind nicht auf der Warteliste.
    [one] Sie sind die erste Person auf der Warteliste.
   *[other] Sie sind Nummer { $count } auf der Warteliste.
}
assemblies-register = Anmelden
assemblies-join-waiting = Auf die Warteliste
assemblies-withdraw = Meine Anmeldung zurückziehen
assemblies-withdraw-consequence = Sie geben Ihren Platz auf; eine neue Anmeldung setzt Sie ans Ende.
assemblies-withdraw-gives-place = Ihr Platz geht sofort an die erste wartende Person, die per E-Mail benachrichtigt wird; eine neue Anmeldung setzt Sie ans Ende.
assemblies-mail-place-subject = Ein Platz für Sie: { $title }
assemblies-mail-place-body = Bei „{ $title }“, { $starts }, ist ein Platz frei geworden: er gehört Ihnen, Sie sind angemeldet. Wenn Sie nicht kommen können, ziehen Sie Ihre Anmeldung auf der Seite der Veranstaltung zurück, damit die nächste Person ihn erhält.
error-meeting-capacity = Plätze: eine ganze Zahl von 1 bis 100 000.
error-meeting-capacity-kind = Nur eine Veranstaltung hat eine Anzahl Plätze.
error-meeting-capacity-below = Es sind bereits mehr Personen angemeldet: es kann nicht weniger Plätze geben.
error-meeting-registration-kind = Nur Veranstaltungen nehmen Anmeldungen an.
assemblies-documents = Dokumente
assemblies-documents-none = Noch keine Dokumente.
assemblies-documents-manage = Dokumente anhängen oder entfernen
assemblies-document-add-file = Eine Datei anhängen
assemblies-document-file = Datei
assemblies-document-file-hint = Ein PDF, eine Tabelle, ein Bild: höchstens { $size } MB. Jede Person des Netzwerks kann sie herunterladen.
assemblies-document-title = Titel
assemblies-document-title-hint = Freiwillig: Bleibt er leer, wird der Dateiname verwendet.
assemblies-document-attach = Datei anhängen
assemblies-document-add-page = Eine Seite der Dokumentation verlinken
assemblies-document-page = Seite
assemblies-document-page-hint = Die Seite bleibt aktuell. Nur wer sie lesen darf, sieht sie in der Liste.
assemblies-document-link = Seite verlinken
assemblies-document-kind-page = Seite der Dokumentation
assemblies-document-remove = Entfernen
assemblies-document-remove-file-consequence = Die Datei wird gelöscht. Wer die Sitzung öffnet, findet sie nicht mehr. Niemand erhält eine E-Mail.
assemblies-document-remove-page-consequence = Der Link wird aus der Sitzung entfernt. Die Seite selbst bleibt in der Dokumentation. Niemand erhält eine E-Mail.
assemblies-document-remove-confirm = Dokument entfernen
assemblies-document-keep = Behalten
error-meeting-document-required = Wählen Sie eine Datei oder eine Seite zum Verlinken.
error-meeting-document-one = Hängen Sie eine Datei an oder verlinken Sie eine Seite, nicht beides zugleich.
error-meeting-document-empty = Die Datei ist leer. Wählen Sie sie erneut.
error-meeting-document-too-large = Die Datei ist größer als 10 MB. Verkleinern Sie sie oder verlinken Sie sie auf einer Seite der Dokumentation.
error-meeting-document-too-many = Diese Sitzung hat schon 50 Dokumente. Entfernen Sie zuerst eines.
error-meeting-document-page-unknown = Wählen Sie eine Seite der Dokumentation dieses Netzwerks.
error-meeting-document-title-long = Der Titel hat höchstens 200 Zeichen.
