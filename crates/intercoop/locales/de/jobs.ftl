jobs-failed-title = Aufgaben, die nicht erledigt werden konnten
jobs-failed-intro = Aufgaben, die intercoop zu einem festen Zeitpunkt erledigt (eine Mitfinanzierung bei Fristende schließen, eine Abstimmung schließen, Zusammenfassungen senden) und die bei jedem Versuch fehlgeschlagen sind. Beheben Sie die Ursache und versuchen Sie es dann erneut, oder verwerfen Sie die Aufgabe.
jobs-none-failed = Alle Aufgaben wurden erledigt.
jobs-attempts = { $count ->
    [one] Einmal versucht
   *[other] { $count }-mal versucht
}
jobs-error = Fehler:
jobs-retry = Erneut versuchen
jobs-discard = Verwerfen
jobs-kind-jobs-maintenance = Stündliche Bereinigung (abgelaufene Sitzungen und Links)
jobs-kind-idempotency-purge = Stündliche Bereinigung der Idempotency-Keys, die älter als ein Tag sind
jobs-kind-proposals-announce = Einen veröffentlichten Vorschlag ankündigen
jobs-kind-proposals-close_campaign = Eine Mitfinanzierung bei Fristende schließen
jobs-kind-funding-announce_campaign = Eine eröffnete Mitfinanzierung ankündigen
jobs-kind-funding-share_digest = Tägliche Zusammenfassung der Anteilsänderungen
jobs-kind-polls-close = Eine Abstimmung zum festgelegten Ende schließen
jobs-kind-polls-remind = Die Stimmberechtigten an eine Abstimmung erinnern
error-jobs-not-failed = Diese Aufgabe ist nicht (mehr) fehlgeschlagen und kann daher weder erneut versucht noch verworfen werden.
dashboard-failed-jobs = { $count ->
    [0] Alle Aufgaben wurden erledigt
    [one] 1 Aufgabe konnte nicht erledigt werden
   *[other] { $count } Aufgaben konnten nicht erledigt werden
}
jobs-kind-events-dispatch = Ein Ereignis an die Funktionen weitergeben, die darauf reagieren
jobs-kind-proposals-on_poll_closed = Die Entscheidung einer geschlossenen Abstimmung auf ihren Vorschlag anwenden
jobs-kind-polls-open = Eine Abstimmung zu ihrem Beginn eröffnen
jobs-kind-polls-forget = Spuren einer geschlossenen geheimen Abstimmung aus den Datenbankdateien löschen
jobs-about-proposal = Zum Vorschlag { $id }
jobs-about-poll = Zur Abstimmung { $id }
jobs-discard-consequence = Diese Arbeit wird nie erledigt: Eine Mitfinanzierung oder Abstimmung, die sie abschließen sollte, bleibt offen, bis jemand sie von Hand abschließt, und niemand erfährt, was sie mitteilen sollte.
jobs-discard-confirm = Endgültig verwerfen
jobs-kind-funding-on_membership_ended = Offene Zusagen einer ausgetretenen Organisation aufheben
