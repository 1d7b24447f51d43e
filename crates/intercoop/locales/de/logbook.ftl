# Das Logbuch und der Newsletter (Ticket 17, Punkte 5 und 6).
logbook-title = Logbuch
logbook-intro = Was das Netzwerk getan und gelernt hat, in Artikeln der Moderatorin und des Kernkreises.
logbook-feed = Atom-Feed
logbook-new = Einen Artikel schreiben
logbook-edit = Den Artikel ändern
logbook-none = Noch kein Artikel.
logbook-visibility-public = Öffentlich
logbook-visibility-members = Nur Mitglieder
logbook-public-page = Öffentliche Seite
logbook-field-title = Titel
logbook-field-body = Text
logbook-field-body-hint = Markdown: **fett**, *kursiv*, [Link](https://…), ![Bildbeschreibung](https://…/bild.jpg), Listen mit -.
logbook-field-visibility = Wer ihn liest
logbook-save = Speichern
logbook-sent = Dieser Artikel ging an die Abonnenten des Newsletters.
logbook-sent-issue = Die Ausgabe ansehen
logbook-send = Als Newsletter-Ausgabe senden
logbook-send-consequence = { $count ->
    [0] Noch niemand hat ein Abonnement bestätigt: Die Ausgabe wird archiviert, und niemand erhält sie.
    [one] Eine bestätigte Adresse erhält sie jetzt, in der Sprache des Netzwerks. Das lässt sich nicht rückgängig machen.
   *[other] { $count } bestätigte Adressen erhalten sie jetzt, in der Sprache des Netzwerks. Das lässt sich nicht rückgängig machen.
}
logbook-send-confirm = Jetzt senden
logbook-send-members-only = Ein Artikel nur für Mitglieder kann nicht in den Newsletter: Seine Abonnenten sind nicht alle Mitglieder.
error-logbook-too-long = Der Text ist zu lang: höchstens 100 000 Zeichen.
error-logbook-visibility = Wählen Sie, wer ihn liest: öffentlich oder nur Mitglieder.
error-logbook-members-only = Ein Artikel nur für Mitglieder kann nicht an die Abonnenten des Newsletters gehen.
error-logbook-already-sent = Dieser Artikel ging schon als Newsletter-Ausgabe hinaus.
newsletter-title = Newsletter
newsletter-intro = Die Ausgaben gehen an jede Adresse, die ihr Abonnement bestätigt hat, in ihrer Sprache, wenn die Ausgabe eine Übersetzung hat.
newsletter-confirmed = { $count ->
    [0] Kein bestätigter Abonnent
    [one] Ein bestätigter Abonnent
   *[other] { $count } bestätigte Abonnenten
}
newsletter-pending = { $count ->
    [0] keiner wartet auf Bestätigung
    [one] einer wartet auf Bestätigung
   *[other] { $count } warten auf Bestätigung
}
newsletter-subscribers = Abonnenten
newsletter-no-subscribers = Noch niemand hat abonniert.
newsletter-new = Eine Ausgabe schreiben
newsletter-public-page = Öffentliche Seite und Archiv
newsletter-issues = Ausgaben
newsletter-none = Noch keine Ausgabe gesendet.
newsletter-sent-on = Gesendet am { $date }
newsletter-status-draft = Entwurf
newsletter-status-pending = Wartet auf Bestätigung
newsletter-status-confirmed = Bestätigt
newsletter-status-left = Abgemeldet
newsletter-bounced = E-Mails dorthin scheitern: Es wird nichts mehr gesendet
newsletter-col-email = Adresse
newsletter-col-status = Stand
newsletter-col-since = Seit
newsletter-field-subject = Betreff
newsletter-field-body = Text
newsletter-field-language = Sprache
newsletter-preview = Vorschau
newsletter-archived = Im öffentlichen Archiv
newsletter-translate = Eine Übersetzung hinzufügen oder ändern
newsletter-translate-all = Jede Sprache hat einen Text. Wer eine erneut wählt, ersetzt ihren Text.
newsletter-translate-save = Die Übersetzung speichern
newsletter-send = An die Abonnenten senden
newsletter-send-consequence = { $count ->
    [0] Noch niemand hat ein Abonnement bestätigt: Die Ausgabe wird archiviert, und niemand erhält sie.
    [one] Eine bestätigte Adresse erhält sie jetzt, in ihrer Sprache. Das lässt sich nicht rückgängig machen.
   *[other] { $count } bestätigte Adressen erhalten sie jetzt, jede in ihrer Sprache. Das lässt sich nicht rückgängig machen.
}
newsletter-send-confirm = Jetzt senden
newsletter-subscribe = Abonnieren
newsletter-field-email = Ihre E-Mail-Adresse
newsletter-field-email-hint = Wir senden eine E-Mail mit einem Bestätigungslink. Bevor Sie ihm folgen, wird nichts anderes gesendet.
newsletter-asked = Danke. Sehen Sie in Ihrem Postfach nach: Folgen Sie dem Link unserer E-Mail, um Ihr Abonnement zu bestätigen.
newsletter-archive = Frühere Ausgaben
newsletter-confirm-title = Ihr Abonnement bestätigen
newsletter-confirm-ask = Den Newsletter von { $network } an { $address } erhalten?
newsletter-confirm-button = Ja, abonnieren
newsletter-confirm-done = Erledigt: { $address } erhält den Newsletter von { $network }. Jede Ausgabe hat einen Link zum Abmelden.
newsletter-confirm-already = { $address } erhält den Newsletter von { $network } schon.
newsletter-unsubscribe-title = Abmelden
newsletter-unsubscribe-ask = Den Newsletter von { $network } an { $address } beenden?
newsletter-unsubscribe-button = Abmelden
newsletter-unsubscribe-done = Erledigt: { $address } erhält nichts mehr vom Newsletter von { $network }.
newsletter-unsubscribe-already = { $address } erhält den Newsletter von { $network } nicht mehr.
newsletter-mail-confirm-subject = Bestätigen Sie Ihr Abonnement des Newsletters von { $network }
newsletter-mail-confirm-body = Jemand, wahrscheinlich Sie, möchte den Newsletter von { $network } an diese Adresse erhalten.
newsletter-mail-confirm-action = Mein Abonnement bestätigen
newsletter-mail-confirm-not-you = Wenn Sie es nicht waren, tun Sie nichts: Ohne Bestätigung erhalten Sie nichts.
newsletter-mail-footer-why = Sie erhalten diesen Newsletter, weil Sie ihn abonniert haben.
newsletter-mail-footer-archive = Online lesen
newsletter-mail-footer-unsubscribe = Abmelden
mail-greeting-address = Hallo,
notifications-kind-newsletter_confirmation = Die Bestätigung eines Newsletter-Abonnements
notifications-kind-newsletter_issue = Der Newsletter
error-newsletter-too-long = Der Text ist zu lang: höchstens 100 000 Zeichen.
error-newsletter-language = Wählen Sie eine andere Sprache als die der Ausgabe.
error-newsletter-sent = Diese Ausgabe ist schon gesendet: Sie bleibt, wie sie gesendet wurde.
newsletter-rate-limited = Für diese Adresse oder von Ihrer Verbindung aus wurden zu viele Anmeldungen angefragt. Warten Sie eine Stunde und versuchen Sie es dann erneut.
logbook-image-title = Ein Bild hinzufügen
logbook-image-intro = Das Bild kommt ans Ende des Textes, wo Sie es verschieben können. Speichern Sie zuerst Ihre Änderungen am Text: Ein Bild hinzuzufügen lädt diese Seite neu.
logbook-field-image = Bild
logbook-field-image-hint = PNG, JPEG, GIF oder WebP, höchstens { $size } MB. Wer den Artikel liest, sieht es.
logbook-field-image-alt = Was das Bild zeigt
logbook-field-image-alt-hint = Für Menschen, die es nicht sehen. Zum Beispiel: die Versammlung im Saal Zeta.
logbook-image-add = Bild hinzufügen
error-logbook-image-required = Wählen Sie ein Bild.
error-logbook-image-too-large = Das Bild ist größer als 5 MB. Verkleinern Sie es und wählen Sie es erneut.
error-logbook-image-type = Diese Datei ist kein PNG-, JPEG-, GIF- oder WebP-Bild. Wählen Sie ein anderes.
logbook-private-feed-title = Ihr privater Feed des Logbuchs
logbook-private-feed-intro = Eine Feed-Adresse für Ihren Feedreader, auch mit den Artikeln für Mitglieder. Sie gehört nur Ihnen: Wer sie hat, liest diese Artikel.
logbook-private-feed-copy = Kopieren Sie diese Adresse in Ihren Feedreader. Sie wird nur einmal gezeigt.
logbook-private-feed-replace = Sie haben schon eine Adresse. Eine neue beendet die alte.
logbook-private-feed-new = Neue Adresse erstellen
logbook-private-feed-stop-consequence = Danach antwortet die Adresse sofort nicht mehr.
logbook-private-feed-stop = Feed beenden
logbook-private-feed-stopped = Der Feed ist beendet: Seine Adresse funktioniert nicht mehr.
logbook-private-feed-public = Der öffentliche Feed, ohne die Artikel für Mitglieder:
