# Beitrittsantrag, Prüfung, Einstiegs-Checkliste (Issue 18).
join-title = Beitritt beantragen
join-heading = Beitritt zu { $network } beantragen
join-intro = Stellen Sie Ihre Organisation vor. Der Kernkreis liest jeden Antrag und antwortet per E-Mail.
join-honeypot = Dieses Feld leer lassen
join-organisation = Ihre Organisation
join-field-city = Ort
join-field-software-hint = Die Software, die Ihre Organisation nutzt, eine pro Zeile (zum Beispiel Odoo, eine Schichtplanung).
join-contact = Kontaktperson
join-field-email-hint = Wir senden einen Link an diese Adresse. Der Kernkreis sieht Ihren Antrag erst, wenn Sie ihn geöffnet haben.
join-level-observer = Beobachter: Sie sehen alles und stimmen nicht ab
join-level-active = Aktives Mitglied: Sie stimmen auch ab
join-field-motivation = Warum möchten Sie beitreten?
join-field-charter = Ich habe die Charta des Netzwerks gelesen und stimme ihr zu
join-charter-read = Die Charta lesen
join-what-next = Danach senden wir einen Bestätigungslink an die E-Mail-Adresse der Kontaktperson.
join-send = Antrag senden
join-sent-title = Sehen Sie in Ihre E-Mails
join-sent-body = Wenn die Adresse stimmt, ist ein Bestätigungslink unterwegs. Öffnen Sie ihn, um Ihren Antrag an den Kernkreis zu senden.
join-sent-spam = Nach ein paar Minuten nichts erhalten? Sehen Sie im Spam-Ordner nach.
join-confirm-title = Antrag bestätigen
join-confirm-body = Bestätigen Sie den Antrag von { $organisation }: Danach liest ihn der Kernkreis.
join-confirm-button = Bestätigen
join-confirmed-title = Danke
join-confirmed-body = Ihr Antrag ist beim Kernkreis. Seine Antwort erhalten Sie per E-Mail.
join-applications = Beitrittsanträge
join-applications-intro = Bestätigte Anträge. Der Kernkreis und die Administratoren lesen und kommentieren sie und nehmen sie an oder lehnen sie ab.
join-filter = Anträge zeigen
join-status-pending = Offen
join-status-accepted = Angenommen
join-status-declined = Abgelehnt
join-status-all = Alle
join-status-unconfirmed = Nicht bestätigt
join-none = Hier gibt es keine Anträge.
join-charter = Charta
join-charter-consented = Der Charta zugestimmt
join-note = Mit der Entscheidung gesendete Notiz
join-see-organisation = Die Seite der Organisation
join-deciding-poll = Die entscheidende Abstimmung
join-accept = Annehmen
join-decline = Ablehnen
join-comments = Kommentare der Prüfung
join-no-comments = Noch keine Kommentare.
join-comment = Ihr Kommentar
join-comment-send = Kommentar hinzufügen
join-accept-heading = { $organisation } annehmen?
join-decline-heading = { $organisation } ablehnen?
join-consequences = Das lässt sich nicht rückgängig machen:
join-accept-member = Die Organisation ist ab heute Mitglied des Netzwerks;
join-accept-invite = { $email } wird als ihre Vertretung eingeladen;
join-accept-booklet = Das Willkommensheft wird mit der Antwort gesendet;
join-accept-fee = Ihr erster Mitgliedsbeitrag wird angefordert: { $amount }
join-accept-fee-months = { $count ->
    [0] kein Monat
    [one] ein Monat
   *[other] { $count } Monate
}
join-accept-fee-sponsored = davon zahlt das Netzwerk { $amount }
join-accept-no-fee = Kein Beitrag wird angefordert: Das Netzwerk hat für dieses Jahr keine Beitragsordnung;
join-decline-closed = Der Antrag wird geschlossen;
join-told = { $email } wird per E-Mail in der eigenen Sprache benachrichtigt.
join-field-sponsorship = Förderung des ersten Beitrags (Prozent)
join-field-sponsorship-hint = Der Teil des ersten Beitrags, den das Netzwerk zahlt, von 0 bis 100. Leer: die Förderung der Beitragsordnung.
join-field-poll = Entscheidende Abstimmung (Nummer)
join-field-poll-hint = Optional: die Abstimmung des Netzwerks, deren Ergebnis dies ist. Der Antrag verlinkt sie.
join-field-note = Notiz an die Antragstellenden
join-mail-confirm-subject = Bestätigen Sie Ihren Antrag bei { $network }
join-mail-confirm-body = Sie haben beantragt, dass { $organisation } { $network } beitritt. Öffnen Sie diesen Link, um Ihre E-Mail-Adresse zu bestätigen: Danach liest der Kernkreis Ihren Antrag.
join-mail-confirm-action = Meinen Antrag bestätigen
join-mail-confirm-expiry = Dieser Link gilt { $days } Tage. Wenn Sie nichts beantragt haben, ignorieren Sie diese E-Mail: Nichts wird aufbewahrt.
join-mail-received-subject = Neuer Antrag: { $organisation }
join-mail-received-body = { $organisation } beantragt den Beitritt zu { $network }. Die Kontaktperson hat ihre E-Mail-Adresse bestätigt.
join-mail-received-action = Den Antrag lesen
join-mail-accepted-subject = Willkommen bei { $network }
join-mail-accepted-body = Gute Nachricht: { $network } nimmt { $organisation } als Mitglied auf.
join-mail-accepted-next = Mit einer zweiten E-Mail eröffnen Sie Ihr Konto als Vertretung. Das Willkommensheft erklärt, wie das Netzwerk arbeitet.
join-mail-accepted-action = Das Willkommensheft lesen
join-mail-declined-subject = Ihr Antrag bei { $network }
join-mail-declined-body = { $network } hat den Antrag von { $organisation } nicht angenommen.
notifications-kind-application_received = Ein neuer Beitrittsantrag (Kernkreis)
error-charter-consent = Stimmen Sie der Charta zu, um den Antrag zu stellen.
error-form-too-fast = Das Formular wurde zu schnell gesendet. Prüfen Sie Ihre Angaben und senden Sie es erneut.
error-form-expired = Dieses Formular ist zu alt. Prüfen Sie Ihre Angaben und senden Sie es erneut.
error-sponsorship-range = Geben Sie eine Zahl von 0 bis 100 an.
error-application-decided = Über diesen Antrag ist bereits entschieden.
onboarding-title = Einstieg
onboarding-intro = Die ersten Schritte einer neuen Mitgliedsorganisation. Jeder wird abgehakt, sobald er geschieht.
onboarding-none = Keine Ihrer Organisationen ist im Einstieg.
onboarding-progress = { $count ->
    [0] Noch kein Schritt von fünf erledigt.
    [one] Ein Schritt von fünf erledigt.
   *[other] { $count } Schritte von fünf erledigt.
}
onboarding-done = erledigt
onboarding-todo = offen
onboarding-booklet_read = Das Willkommensheft ist gelesen
onboarding-booklet_read-how = Die Vertretung öffnet das Willkommensheft (Dokumentation).
onboarding-representative_confirmed = Die Vertretung hat sich angemeldet
onboarding-representative_confirmed-how = Den Link der Einladungs-E-Mail öffnen.
onboarding-software_declared = Die genutzte Software ist angegeben
onboarding-software_declared-how = Die Software auf der Seite der Organisation eintragen.
onboarding-first_fee_paid = Der erste Beitrag ist bezahlt
onboarding-first_fee_paid-how = Die Zahlungsaufforderung des ersten Beitrags bezahlen.
onboarding-first_assembly_attended = Eine erste Versammlung besucht
onboarding-first_assembly_attended-how = Jemand der Organisation wird bei einer Versammlung als anwesend eingetragen.
public-join = Beitritt beantragen
public-docs = Dokumentation
public-about = Über das Netzwerk
public-members = Mitglieder
public-no-members = Noch kein Mitglied möchte hier erscheinen.
public-map-label = Karte der Orte der Mitglieder
public-map-caption = Jeder Punkt ist ein Ort mit Mitgliedern; die Mitgliederliste nennt sie alle.
public-map-place = { $city }: { $count ->
    [1] ein Mitglied
   *[other] { $count } Mitglieder
}
public-members-all = { $count ->
    [1] Das Mitglied
   *[other] Alle { $count } Mitglieder
}
public-members-count = { $count ->
    [1] Eine Mitgliedsorganisation erscheint hier.
   *[other] { $count } Mitgliedsorganisationen erscheinen hier.
}
public-cofunding = Jetzt in Kofinanzierung
public-no-cofunding = Derzeit wird nichts kofinanziert.
public-covered = { $percent } % gedeckt
public-funded = Finanzierte Arbeiten
public-no-funded = Noch keine finanzierte Arbeit.
public-events = Kommende Veranstaltungen
public-no-events = Keine Veranstaltung geplant.
public-logbook = Aus dem Logbuch
public-logbook-all = Alle Artikel des Logbuchs
public-private = Die Seiten dieses Netzwerks sind für seine Mitglieder. Melden Sie sich an, um sie zu sehen.
public-settings = Öffentliche Seite
public-settings-intro = Was Besucher ohne Anmeldung vom Netzwerk sehen:
public-settings-saved = Gespeichert.
public-field-about = Über das Netzwerk ({ $language })
public-field-charter = Charta
public-field-charter-none = Keine Charta
public-field-charter-hint = Eine öffentliche Seite der Dokumentation, der Antragstellende zustimmen.
public-field-private = Privates Netzwerk
public-field-private-hint = Besucher sehen dann nur eine Anmeldeseite: keine öffentliche Seite, keine Dokumentation, kein Antragsformular.
public-listing = Öffentlicher Eintrag
public-listing-intro = Ob die Organisation auf der öffentlichen Seite des Netzwerks erscheint, und wo sie auf der Karte liegt.
public-field-listed = Die Organisation auf der öffentlichen Seite nennen
public-field-latitude = Breitengrad
public-field-longitude = Längengrad
public-field-place-hint = In Grad, zum Beispiel 50.8503 und 4.3517 für Brüssel. Beide leer lassen, um nicht auf der Karte zu erscheinen.
error-invalid-degrees = Geben Sie Grad an, zum Beispiel 50.8503 (höchstens sechs Nachkommastellen).
nav-applications = Bewerbungen
join-poll-heading = Durch eine Abstimmung entscheiden
join-poll-explain = Die Mitgliedsorganisationen stimmen über „Diese Organisation aufnehmen?“ ab, mit dem Quorum und der Schwelle des Netzwerks. Wenn die Abstimmung schließt, entscheidet ihr Ergebnis: angenommen, wenn sie durchgeht, sonst abgelehnt, und die Kontaktperson wird benachrichtigt. Bis dahin kann niemand von Hand annehmen oder ablehnen.
join-poll-closes-on = Letzter Tag der Abstimmung (leer: von Hand schließen)
join-poll-open = Abstimmung eröffnen
join-poll-decides = Diese Abstimmung entscheidet über den Antrag: ihr Ergebnis gilt, sobald sie schließt.
error-application-poll-open = Eine Abstimmung entscheidet über diesen Antrag: ihr Ergebnis gilt, sobald sie schließt.
error-application-poll-day = Geben Sie einen Tag an, zum Beispiel 2026-12-20.
join-poll-outcome-passed = Abstimmung angenommen: Antrag angenommen
join-poll-outcome-rejected = Abstimmung abgelehnt: Antrag abgelehnt
join-poll-outcome-no_quorum = Quorum nicht erreicht: Antrag abgelehnt
join-poll-closes-at = Die Abstimmung endet am { $at }.
join-poll-closed-at = Die Abstimmung endete am { $at }.
join-poll-closes-by-hand = Die Abstimmung endet, wenn der Kernkreis sie beendet.
