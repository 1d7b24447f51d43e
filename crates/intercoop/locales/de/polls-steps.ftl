# Abstimmungen: die Schritte der API, die eine Seite haben (anlegen, Stimme übertragen,
# Quittungen), und was eine Wählerin aufgezeichnet sieht.
error-whole-number = Geben Sie eine ganze Zahl ein.
error-poll-local-datetime = Wählen Sie ein Datum und eine Uhrzeit.
polls-voted-of = { $count } haben abgestimmt, von { $total }
polls-receipt-secret = Ein Stimmzettel für Ihre Organisation wird gezählt. Die Abstimmung ist geheim: sein Inhalt ist nicht mit Ihnen verknüpft und wird nicht angezeigt.
polls-receipt-counted = Was gezählt wurde:
polls-receipt-check = Eine Quittung prüfen
polls-recorded-for = Erfasst für { $name }
polls-recorded-at = Stimmzettel erfasst am { $at }
polls-recorded-by-facilitator = von der Moderation erfasst
polls-recorded-weight = { $count ->
    [one] Gewicht 1
   *[other] Gewicht { $count }
}
polls-recorded-secret-title = Ihr Stimmzettel wird gezählt
polls-recorded-secret = Ein Stimmzettel wird gezählt. Die Abstimmung ist geheim: sein Inhalt wird nicht angezeigt.
polls-recorded-objection = Ich erhebe Einwand. Grund: { $reason }
polls-recorded-none-approved = Keine Option befürwortet (leerer Stimmzettel)
polls-recorded-approved = Befürwortet: { $option }
polls-recorded-points = { $option }: { $count ->
    [one] 1 Punkt
   *[other] { $count } Punkte
}
polls-recorded-no-points = Keine Punkte vergeben (leerer Stimmzettel)
polls-recorded-no-ranking = Keine Option gereiht (leerer Stimmzettel)
polls-recorded-rank = { $rank }. { $option }
polls-recorded-grade = { $option }: { $grade }
polls-hand-vote-link = Die Stimme von { $name } jemand anderem übertragen
polls-open-consequence = { $count ->
    [0] Das Öffnen legt fest, wer abstimmen darf (derzeit keine Mitgliedsorganisation), und benachrichtigt die Wählenden per E-Mail. Das lässt sich nicht rückgängig machen.
    [one] Das Öffnen legt fest, wer abstimmen darf (eine Mitgliedsorganisation), und benachrichtigt ihre Vertretung per E-Mail. Das lässt sich nicht rückgängig machen.
   *[other] Das Öffnen legt fest, wer abstimmen darf ({ $count } Mitgliedsorganisationen), und benachrichtigt ihre Vertretungen per E-Mail. Das lässt sich nicht rückgängig machen.
}
polls-open-closes = Die Abstimmung endet dann am { $at }.
polls-open-confirm = Abstimmung jetzt öffnen
polls-mandates-link = Delegationen und Vollmachten
polls-mandate-title = Eine Stimme übertragen
polls-mandate-not-open = Eine Stimme kann nur übertragen werden, solange die Abstimmung offen ist.
polls-mandate-organisation = Organisation
polls-mandate-choose = Anzeigen
polls-mandate-for = Die Stimme von { $name }
polls-mandate-replace-hint = Eine erneute Übertragung ersetzt dies, bis die Abstimmung endet.
polls-mandate-none = Ihre Vertretung stimmt ab: die Stimme wurde niemandem übertragen.
polls-mandate-current-delegate = Delegiert an { $name }
polls-mandate-current-proxy = Vollmacht bei { $name }
polls-mandate-delegate-title = An eine Person der Organisation delegieren
polls-mandate-delegate-consequence = Die gewählte Person stimmt in dieser Abstimmung für { $name } ab, anstelle ihrer Vertretung.
polls-mandate-person = Person
polls-mandate-delegate = Stimme delegieren
polls-mandate-proxy-title = Einer anderen Organisation Vollmacht geben
polls-mandate-proxy-consequence = Die Vertretung der gewählten Organisation stimmt in dieser Abstimmung für { $name } ab, anstelle ihrer eigenen Vertretung.
polls-mandate-max-proxies = { $count ->
    [0] In dieser Abstimmung darf keine Organisation eine Vollmacht halten.
    [one] Jede Organisation darf in dieser Abstimmung eine Vollmacht halten.
   *[other] Jede Organisation darf in dieser Abstimmung { $count } Vollmachten halten.
}
polls-mandate-holder = Organisation, die die Vollmacht hält
polls-mandate-proxy = Vollmacht geben
polls-receipt-title = Eine Quittung prüfen
polls-receipt-code = Quittung
polls-receipt-code-hint = Der nach der Stimmabgabe angezeigte Code, etwa r-…
polls-receipt-verify = Prüfen
polls-receipt-is-counted = Der Stimmzettel dieser Quittung wird gezählt
polls-receipt-not-counted = Kein gezählter Stimmzettel trägt diese Quittung
polls-receipt-not-counted-detail = Entweder ist der Code falsch abgeschrieben, oder der Stimmzettel wurde durch einen späteren ersetzt (dessen Quittung zählt).
polls-new-title = Neue Abstimmung
polls-new-intro = Die Abstimmung wird als Entwurf angelegt: Sie öffnen sie auf ihrer Seite, wenn sie bereit ist.
polls-field-title = Frage
polls-field-description = Erläuterung (optional)
polls-field-method = Abstimmungsverfahren
polls-field-options = Optionen
polls-field-options-hint = Eine pro Zeile. Nicht nötig für eine Entscheidung (ja, nein, Enthaltung) und für Konsent.
polls-field-electorate = Wer abstimmt
polls-field-decision-rules = Regeln des Verfahrens
polls-field-quorum = Quorum in Prozent (Entscheidung)
polls-field-quorum-hint = Der Anteil der Stimmberechtigten, der abstimmen muss, damit das Ergebnis gilt; 0 für keines.
polls-field-threshold = Erforderliche Mehrheit (Entscheidung)
polls-threshold-simple = Einfache Mehrheit
polls-threshold-two-thirds = Zwei Drittel
polls-threshold-custom = Ein anderer Bruch
polls-field-threshold-fraction = Bruch, für eine andere Mehrheit
polls-field-threshold-fraction-hint = Zum Beispiel 3/5.
polls-field-points = Punkte, die jede Wählerin verteilt (Punkte)
polls-field-grade-count = Anzahl der Bewertungsstufen (Mehrheitsurteil)
polls-field-ballot = Stimmzettel
polls-field-secret = Geheime Abstimmung: niemand kann sehen, wer was gewählt hat
polls-field-hide-results = Ergebnisse bis zum Ende verbergen
polls-field-weighted = Die Stimme jeder Organisation nach ihrer Größe gewichten
polls-field-max-proxies = Vollmachten, die eine Organisation halten darf
polls-field-times = Beginn und Ende
polls-field-times-hint = Uhrzeiten des Netzwerks ({ $zone }). Lassen Sie den Beginn leer, um die Abstimmung von Hand zu öffnen; lassen Sie das Ende leer, um sie von Hand zu schließen.
polls-field-opens-at = Beginnt am
polls-field-closes-at = Endet am
polls-field-decides = Der Vorschlag, über den sie entscheidet (optional)
polls-field-proposal = Vorschlag
polls-field-effect = Wenn die Abstimmung angenommen wird
polls-effect-none = Es geschieht nichts von selbst
polls-effect-discuss = Der Vorschlag wird zur Diskussion gestellt
polls-effect-reject = Der Vorschlag wird abgelehnt
polls-create-draft = Entwurf anlegen
polls-field-kinds = Welche Mitgliedsorganisationen abstimmen
polls-field-kinds-hint = Die aktiven Mitglieder der angekreuzten Arten. Standardmäßig nur die Nutzergenossenschaften: Dienstleister wählen nicht die Arbeit, für die sie bezahlt werden.
polls-effect-open-funding = Die Kofinanzierung wird zu den folgenden Bedingungen eröffnet
polls-funding-terms = Die Bedingungen der Kofinanzierung, gewählt auf der Kofinanzierungsseite des Vorschlags:
polls-open-funding-title = Kofinanzierung von „{ $title }“ eröffnen?
polls-field-priority-legend = Prioritäten
polls-field-priority = Eine Prioritätsabstimmung: ihr Ergebnis ordnet die unten angekreuzten Vorschläge
polls-field-priority-hint = Nach Rangfolge (schulze) oder nach Punkten. Die Optionen sind die Vorschläge; die Liste oben wird dann nicht berücksichtigt.
polls-field-priority-proposals = Die zu ordnenden Vorschläge
error-poll-funding-terms = Wählen Sie die Bedingungen auf der Kofinanzierungsseite des Vorschlags, dann „Zuerst abstimmen“.
