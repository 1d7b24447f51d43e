nav-proposals = Vorschläge
proposals-title = Vorschläge
proposals-new = Bedarf melden
proposals-commitments = Verpflichtungen meiner Organisation
proposals-field-status = Status
proposals-field-software = Software
proposals-sort = Sortieren nach
proposals-sort-newest = Neueste
proposals-sort-wanted = Meistgewünschte
proposals-sort-funded = Am nächsten an der Finanzierung
proposals-sort-priority = Priorität im Netzwerk
proposals-filter-mine = Wartet auf meine Entscheidung
proposals-priority-note = Priorität im Netzwerk, berechnet durch eine Prioritätsabstimmung
proposals-priority-how = mit der Methode { $method }
proposals-priority-none = Noch hat keine Prioritätsabstimmung die Vorschläge geordnet.
proposals-none = Kein Vorschlag entspricht der Auswahl.
proposals-status-draft = Entwurf
proposals-status-discussion = In Diskussion
proposals-status-quoted = Angebot liegt vor
proposals-status-funding = Mitfinanzierung offen
proposals-status-funded = Finanziert
proposals-status-in_progress = In Arbeit
proposals-status-delivered = Geliefert
proposals-status-lapsed = Verfallen
proposals-status-rejected = Abgelehnt
proposals-status-withdrawn = Zurückgezogen
proposals-rank-tied = Priorität Nr. { $rank }, gleichauf
proposals-rank = Priorität Nr. { $rank }
proposals-waiting-for-me = Wartet auf Ihre Entscheidung
proposals-interested-count = { $count ->
    [one] Eine Organisation braucht das
   *[other] { $count } Organisationen brauchen das
}
proposals-participants-count = { $count ->
    [one] eine teilnehmende Organisation
   *[other] { $count } teilnehmende Organisationen
}
proposals-field-title = Titel
proposals-field-description = Beschreibung
proposals-markdown-hint = Markdown: **fett**, *kursiv*, Listen, Links.
proposals-software-hint = Die betroffene Software, z. B. „Odoo 16 / cooperator“. Jede Organisation, die sie nutzt, wird benachrichtigt.
proposals-field-links = Links
proposals-links-hint = Repositorys, Issues oder Pull-Requests, einer pro Zeile.
proposals-field-requested-by = Im Namen von
proposals-post = Bedarf veröffentlichen
proposals-no-organisation = Sie gehören keiner Organisation dieses Netzwerks an.
proposals-open-total = Anteile an offenen Mitfinanzierungen
proposals-requested-total = Zahlungsaufforderungen
proposals-credited-total = Nachzahlungsgutschriften
proposals-pledges = Zusagen und Beiträge
proposals-share = Anteil
proposals-cap = Obergrenze
proposals-payment-requests = Zahlungsaufforderungen
proposals-purpose-co-funding = Mitfinanzierung
proposals-purpose-catch-up = Nachzahlungsanteil
proposals-purpose-fee = Mitgliedsbeitrag
proposals-purpose-other = Zahlung
proposals-due = fällig am
proposals-credits = Nachzahlungsgutschriften
proposals-credit-from = gezahlt von { $adopter }
proposals-requested-by = Benötigt von { $organisation }
proposals-need = Der Bedarf
proposals-we-need-it-too = { $organisation } braucht das auch
proposals-campaign = Mitfinanzierung
proposals-campaign-open = offen
proposals-campaign-funded = finanziert
proposals-campaign-lapsed = verfallen
proposals-campaign-withdrawn = zurückgezogen
proposals-deadline = Frist: { $date }
proposals-min-participants = { $count ->
    [one] mindestens eine teilnehmende Organisation
   *[other] mindestens { $count } teilnehmende Organisationen
}
proposals-shortfall = Noch nicht gedeckt: { $amount }
proposals-no-participants = Noch hat niemand zugesagt.
proposals-shares = Anteile
proposals-organisation = Organisation
proposals-fixed = fester Beitrag
proposals-capped = an der Obergrenze
proposals-your-share-is = Anteil von { $organisation }:
proposals-withdraw = Unsere Zusage zurückziehen
proposals-join-as = Für { $organisation } teilnehmen
proposals-would-be = Ihr Anteil wäre
proposals-cap-optional = Höchstbetrag, den wir zahlen (optional)
proposals-cap-hint = Würde der Anteil ihn übersteigen, wird der Rest auf die anderen verteilt.
proposals-join = An der Mitfinanzierung teilnehmen
proposals-close-now = Mitfinanzierung jetzt schließen
proposals-quotes = Angebote
proposals-vat = MwSt. { $rate } %
proposals-hours = { $count ->
    [one] eine Stunde
   *[other] { $count } Stunden
}
proposals-valid-until = gültig bis { $date }
proposals-selected = ausgewählt
proposals-next-step = Nächster Schritt
proposals-move-to = Wechseln zu
proposals-reason = Begründung
proposals-comments = Kommentare und Einwände
proposals-objection = Einwand
proposals-your-comment = Ihr Kommentar
proposals-on-behalf-of = Im Namen von
proposals-this-is-an-objection = Dies ist ein Einwand
proposals-send-comment = Senden
proposals-timeline = Verlauf
proposals-by-poll = entschieden durch Abstimmung Nr. { $poll }
proposals-event-transition = { $from } → { $to }
proposals-event-posted = Veröffentlicht
proposals-event-interest = Eine Organisation braucht das auch
proposals-event-comment = Kommentar
proposals-event-objection = Einwand
proposals-event-quote = Angebot von { $detail }
proposals-event-quote_selected = Angebot ausgewählt
proposals-event-pledge = { $detail } hat zugesagt
proposals-event-pledge_withdrawn = { $detail } hat die Zusage zurückgezogen
proposals-event-pledge_released = { $detail } hat das Netzwerk verlassen: die Zusage ist aufgehoben
proposals-event-adopted = { $detail } hat es übernommen (Nachzahlungsanteil)
proposals-event-priority = Priorität im Netzwerk Nr. { $detail }
proposals-dashboard-title = Vorschläge, die auf Ihre Entscheidung warten
proposals-mail-posted-subject = Neuer Vorschlag für Ihre Software: { $title }
proposals-mail-posted-body = Ein Mitglied hat „{ $title }“ veröffentlicht. Der Vorschlag betrifft { $software }, eine Software, die Ihre Organisation nutzt.
proposals-mail-posted-ask = Lesen Sie ihn und sagen Sie, ob Sie ihn auch brauchen; kommentieren Sie ihn oder erheben Sie einen Einwand, bevor die Arbeit beginnt.
proposals-mail-open = Vorschlag öffnen
proposals-mail-opened-subject = Mitfinanzierung eröffnet: { $title }
proposals-mail-opened-body = Die Mitfinanzierung von „{ $title }“ ist eröffnet: { $amount } sind zu teilen, bis zum { $deadline }.
proposals-mail-opened-share = Auf der Seite sehen Sie den Anteil Ihrer Organisation, bevor Sie zusagen.
proposals-mail-funded-subject = Finanziert: { $title }
proposals-mail-funded-body = „{ $title }“ ist finanziert: { $amount }, geteilt von { $count ->
    [one] einer Organisation
   *[other] { $count } Organisationen
}. Die Arbeit kann beginnen.
proposals-mail-request-subject = Zahlungsaufforderung: { $title }
proposals-mail-request-body = Der Anteil Ihrer Organisation an „{ $title }“ beträgt { $amount }, zu zahlen bis zum { $due }.
proposals-mail-request-catch-up = Der Nachzahlungsanteil Ihrer Organisation an „{ $title }“ beträgt { $amount }, zu zahlen bis zum { $due }. Er wird den Organisationen gutgeschrieben, die die Arbeit finanziert haben.
proposals-mail-request-reference = Zahlungsaufforderung { $number }, bei der Überweisung anzugebende Referenz: { $reference }
proposals-mail-commitments = Verpflichtungen Ihrer Organisation ansehen
proposals-mail-lapsed-subject = Verfallen: { $title }
proposals-mail-lapsed-body = Die Mitfinanzierung von „{ $title }“ ist verfallen; { $covered } von { $amount } waren gedeckt. Alle Zusagen sind aufgehoben: Niemand schuldet etwas.
proposals-mail-credit-subject = Nachzahlungsgutschrift: { $title }
proposals-mail-credit-body = { $adopter } hat „{ $title }“ übernommen und zahlt den Nachzahlungsanteil: Ihrer Organisation werden { $amount } gutgeschrieben.
proposals-mail-digest-subject = Ihre Anteile an Mitfinanzierungen haben sich heute geändert
proposals-mail-digest-intro = Bei Mitfinanzierungen, an denen Ihre Organisation teilnimmt, sind andere Organisationen hinzugekommen oder ausgestiegen:
proposals-mail-digest-line = { $organisation }, „{ $title }“: { $before } → { $after }
error-proposals-positive-amount = Geben Sie einen Betrag über null ein.
error-proposals-negative-cap = Eine Obergrenze kann nicht negativ sein.
error-proposals-fixed-exceeds-total = Die festen Beiträge übersteigen den zu teilenden Betrag.
error-proposals-duplicate-fixed = Eine Organisation hat zwei feste Beiträge.
error-proposals-zero-weights = Die Summe der Gewichte ist null.
error-proposals-not-in-key = Diese Organisation hat kein Gewicht im Verteilschlüssel.
error-proposals-missing-size = Für diese Organisation ist keine Größe angegeben; der Schlüssel verteilt nach Größe.
error-proposals-fixed-participant = Diese Organisation leistet bereits einen festen Beitrag.
error-proposals-out-of-range = Dieser Wert liegt außerhalb des zulässigen Bereichs.
error-proposals-invalid-tiers = Die Stufen sind ungültig.
error-proposals-not-member = Diese Organisation ist kein Mitglied des Netzwerks.
error-proposals-milestones-sum = Die Meilensteine müssen zusammen den Betrag ergeben.
error-proposals-not-provider = Diese Organisation ist kein Dienstleister.
error-proposals-amount-or-quote = Geben Sie entweder einen Betrag oder ein Angebot an.
error-proposals-amount-or-percent = Geben Sie entweder einen Betrag oder einen Prozentsatz an.
error-proposals-deadline-past = Die Frist muss in der Zukunft liegen.
error-proposals-duplicate = Ein Vorschlag ist doppelt aufgeführt.
error-proposals-wrong-status = In dieser Phase nicht möglich
error-proposals-wrong-status-detail = Der Status des Vorschlags erlaubt diesen Schritt nicht.
error-proposals-campaign-exists = Eine Mitfinanzierung ist bereits offen
error-proposals-campaign-exists-detail = Für diesen Vorschlag gibt es bereits eine Mitfinanzierung.
error-proposals-no-campaign = Keine Mitfinanzierung
error-proposals-no-campaign-detail = Für diesen Vorschlag gibt es keine Mitfinanzierung.
error-proposals-campaign-closed = Die Mitfinanzierung ist geschlossen
error-proposals-campaign-closed-detail = Zusagen können nur gegeben oder zurückgezogen werden, solange die Mitfinanzierung offen ist.
error-proposals-already-pledged = Bereits zugesagt
error-proposals-already-pledged-detail = Diese Organisation hat für diese Mitfinanzierung bereits zugesagt.
error-proposals-not-delivered = Noch nicht geliefert
error-proposals-not-delivered-detail = Nachzahlungsanteile gibt es erst, wenn die finanzierte Arbeit geliefert ist.
error-proposals-window-closed = Die Nachzahlungsfrist ist abgelaufen
error-proposals-window-closed-detail = Die Nachzahlungsfrist dieser Mitfinanzierung ist zu Ende.
error-proposals-already-funder = Bereits mitfinanziert
error-proposals-already-funder-detail = Diese Organisation hat ihren Anteil an dieser Arbeit bereits bezahlt.
proposals-select-quote = Dieses Angebot auswählen
proposals-open-funding = Mitfinanzierung eröffnen
proposals-share-quote = Betrag eines Angebots teilen
proposals-or-amount = Oder ein Betrag
proposals-key = Verteilschlüssel
proposals-key-equal = Gleiche Anteile
proposals-key-size = Nach Größe der Organisation
proposals-deadline-field = Frist
proposals-min-participants-field = Mindestzahl teilnehmender Organisationen
proposals-fixed-by = Fester Beitrag von
proposals-fixed-amount = Fester Betrag
proposals-deliver = Als geliefert markieren
proposals-release-link = Link zum veröffentlichten Modul
proposals-adopt-explain = Wer eine gelieferte Arbeit übernimmt, zahlt einen Nachzahlungsanteil: das, was Ihre Organisation von Anfang an gezahlt hätte. Er wird den Organisationen erstattet, die früher finanziert haben.
proposals-adopt = Für { $organisation } übernehmen
proposals-count = { $count ->
    [one] Ein Vorschlag
   *[other] { $count } Vorschläge
}
proposals-event-effect_failed = Die Entscheidung der Abstimmung konnte nicht umgesetzt werden: { $detail }
proposals-decisions-title = Nicht umgesetzte Entscheidungen von Abstimmungen
proposals-decision-not-carried-out = Abstimmung { $poll }: { $reason }
proposals-campaign-closing = Frist abgelaufen, wird abgeschlossen
error-proposals-no-quote = Ein Vorschlag hat ein Angebot, sobald ein Anbieter eines schickt: Fügen Sie zuerst eines hinzu.
proposals-adopt-cost = Nachzahlungsanteil Ihrer Organisation: { $amount }. Eine Zahlungsaufforderung wird erstellt und ihrer Vertretung per E-Mail geschickt.
proposals-adopt-credited = { $count ->
    [0] Kein früherer Geldgeber erhält eine Gutschrift.
    [one] Der frühere Geldgeber erhält seinen Teil gutgeschrieben und wird per E-Mail benachrichtigt.
   *[other] Die { $count } früheren Geldgeber erhalten ihren Teil gutgeschrieben und werden per E-Mail benachrichtigt.
}
proposals-adopt-confirm = Übernehmen und { $amount } schulden
proposals-close-funds = { $count ->
    [0] Jetzt abschließen finanziert die Arbeit ohne Beteiligte.
    [one] Jetzt abschließen finanziert die Arbeit: Die beteiligte Organisation erhält ihre Zahlungsaufforderung, und ihre Leute werden per E-Mail benachrichtigt. Das ist endgültig.
   *[other] Jetzt abschließen finanziert die Arbeit: Jede der { $count } beteiligten Organisationen erhält ihre Zahlungsaufforderung, und ihre Leute werden per E-Mail benachrichtigt. Das ist endgültig.
}
proposals-close-lapses = { $count ->
    [0] Jetzt abschließen lässt die Kofinanzierung scheitern (sie ist nicht voll gedeckt oder hat zu wenige Beteiligte); die anfragende Organisation wird per E-Mail benachrichtigt. Das ist endgültig.
    [one] Jetzt abschließen lässt die Kofinanzierung scheitern (sie ist nicht voll gedeckt oder hat zu wenige Beteiligte): Die Zusage wird freigegeben, und die Zusagende sowie die anfragende Organisation werden per E-Mail benachrichtigt. Das ist endgültig.
   *[other] Jetzt abschließen lässt die Kofinanzierung scheitern (sie ist nicht voll gedeckt oder hat zu wenige Beteiligte): Die { $count } Zusagen werden freigegeben, und die Zusagenden sowie die anfragende Organisation werden per E-Mail benachrichtigt. Das ist endgültig.
}
proposals-close-confirm = Kofinanzierung jetzt abschließen
proposals-mail-withdrawn-subject = Zurückgezogen: { $title }
proposals-mail-withdrawn-body = „{ $title }“ wurde während der laufenden Kofinanzierung zurückgezogen ({ $covered } von { $amount } zugesagt). Alle Zusagen sind aufgehoben: Niemand schuldet etwas.
proposals-released-withdrawn = Alle Zusagen wurden aufgehoben, als der Vorschlag zurückgezogen wurde: Niemand schuldet etwas.
proposals-released-lapsed = Alle Zusagen wurden aufgehoben, als die Kofinanzierung verfiel: Niemand schuldet etwas.
proposals-withdraw-releases = { $count ->
    [0] Zurückziehen beendet die laufende Kofinanzierung; die anfragende Organisation wird per E-Mail benachrichtigt.
    [one] Zurückziehen gibt die Zusage der laufenden Kofinanzierung frei; die Zusagende und die anfragende Organisation werden per E-Mail benachrichtigt.
   *[other] Zurückziehen gibt die { $count } Zusagen der laufenden Kofinanzierung frei; die Zusagenden und die anfragende Organisation werden per E-Mail benachrichtigt.
}
