# Geld: die Seiten der Kasse
money-title = Geld
money-requests = Zahlungsaufforderungen
money-request = Zahlungsaufforderung
money-request-new = Neue Zahlungsaufforderung
money-request-create = Diese Zahlung anfordern
money-import = Kontoauszug einlesen
money-unmatched = Zuzuordnende Zahlungen
money-fees = Mitgliedsbeiträge
money-settings = Zahlungseinstellungen
money-journal-csv = Das Journal (CSV)
money-no-settings = Das Bankkonto des Netzwerks ist noch nicht eingetragen: bis dahin haben Aufforderungen keinen QR-Code.
money-no-qr = Kein QR-Code für diese Aufforderung.
money-runway = Reichweite
money-runway-months = { $count ->
    [one] Das Geld reicht bei den jetzigen Kosten und Einnahmen noch { $count } Monat.
   *[other] Das Geld reicht bei den jetzigen Kosten und Einnahmen noch { $count } Monate.
}
money-runway-sustainable = Die Beiträge decken die Kosten nach dem Zuschuss: das Geld geht nicht aus.
money-cash = Auf der Bank
money-monthly-costs = Kosten pro Monat
money-monthly-fees = Beiträge pro Monat
money-grant = Zuschuss pro Monat
money-grant-ends-on = Letzter Tag des Zuschusses
money-what-if = Ein Monatsbeitrag von { $fee } pro Mitglied würde die Kosten allein decken
money-members-count = { $count ->
    [one] { $count } zahlendes Mitglied
   *[other] { $count } zahlende Mitglieder
}
money-trial-balance = Summen- und Saldenliste
money-debits = Soll
money-credits = Haben
money-overdue = { $count ->
    [one] { $count } Aufforderung nach ihrer Fälligkeit
   *[other] { $count } Aufforderungen nach ihrer Fälligkeit
}
money-by-member = Dieses Jahr nach Mitglied
money-organisation = Organisation
money-asked = Angefordert
money-paid = Bezahlt
money-outstanding = Offen
money-credited = Gutgeschrieben
money-credit-left = Ihr Guthaben
money-owes = Sie schuldet
money-legal-name = Rechtlicher Name
money-address = Adresse
money-iban = Bankkonto (IBAN)
money-bic = BIC (freiwillig)
money-reference-scheme = Zahlungsreferenz
money-scheme-be = Belgische strukturierte Mitteilung (+++123/4567/89012+++)
money-scheme-rf = Internationale Gläubigerreferenz (RF, ISO 11649)
money-budget = Budget (für die Reichweite)
money-import-again = Dieser Auszug wurde schon eingelesen: nichts hat sich geändert.
money-import-entries = { $count ->
    [one] { $count } Buchung
   *[other] { $count } Buchungen
}
money-import-matched = { $count ->
    [one] { $count } zugeordnet
   *[other] { $count } zugeordnet
}
money-import-unmatched = { $count ->
    [one] { $count } von Hand zuzuordnen
   *[other] { $count } von Hand zuzuordnen
}
money-import-skipped = { $count ->
    [one] { $count } übersprungen (Ausgang, oder schon eingelesen)
   *[other] { $count } übersprungen (Ausgänge, oder schon eingelesen)
}
money-import-refused = Der Auszug wurde nicht eingelesen: nichts hat sich geändert.
money-statement-file = Datei des Auszugs
money-statement-hint = ISO 20022 camt.053 (XML), wie Ihre Bank ihn ausgibt, oder CSV mit Kopfzeile: date, amount, name, iban, communication.
money-import-button = Einlesen
money-unmatched-hint = Eingegangenes Geld, zu dem keine Aufforderung gefunden wurde. Geben Sie die Nummer der Aufforderung an, die es bezahlt.
money-payer = Zahler
money-remittance = Verwendungszweck
money-assign-number = Nummer der Aufforderung
money-assign = Zuordnen
money-period = Abgerechnet
money-period-monthly = monatlich
money-period-quarterly = vierteljährlich
money-period-yearly = jährlich
money-tier = ab Größe { $size }:
money-per-month = pro Monat
money-sponsorship = Patenschaft für neue Mitglieder
money-years = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
}
money-bill = Abrechnen
money-bill-consequence = { $count ->
    [one] { $count } Mitgliedsorganisation erhält eine Zahlungsaufforderung und eine E-Mail, insgesamt
   *[other] { $count } Mitgliedsorganisationen erhalten eine Zahlungsaufforderung und eine E-Mail, insgesamt
}
money-bill-confirm = Diese Aufforderungen senden
money-fees-new = Ein neues Beitragsjahr
money-year = Jahr
money-tiers-hint = Eine Stufe pro Zeile, „Größe: Monatsbetrag“, die erste ab 0 (z. B. „0: 25“, dann „1000: 35“).
money-sponsorship-percent = Anteil am Beitrag eines neuen Mitglieds, den das Netzwerk zahlt (%)
money-sponsorship-years = Wie viele Jahre nach dem Beitritt
money-statement = Kontoauszug
money-statement-csv = Dieser Kontoauszug (CSV)
money-date = Datum
money-what = Was
money-amount = Betrag
money-balance = Saldo
money-entry-share-requested = Anteil angefordert
money-entry-fee-requested = Beitrag angefordert
money-entry-other-requested = Zahlung angefordert
money-entry-cancelled = Aufforderung storniert
money-entry-sponsorship-cancelled = Patenschaft storniert
money-entry-payment-received = Zahlung erhalten
money-entry-unidentified = Zuzuordnende Zahlung
money-entry-identified = Zahlung zugeordnet
money-entry-credit-applied = Guthaben verwendet
money-entry-catch-up-credited = Nachzahlungs-Gutschrift
money-entry-provider-paid = Dienstleister bezahlt
money-entry-grant-received = Zuschuss erhalten
money-entry-operating-cost = Betriebskosten
money-status = Stand
money-status-open = offen
money-status-paid = bezahlt
money-status-cancelled = storniert
money-filter = Anzeigen
money-requests-count = { $count ->
    [one] { $count } Aufforderung
   *[other] { $count } Aufforderungen
}
money-number = Nummer
money-due = Zu zahlen bis
money-due-hint = Leer gelassen: in 30 Tagen.
money-purpose = Wofür
money-to = An
money-for = Für
money-purpose-co-funding = Anteil an der Kofinanzierung
money-purpose-catch-up = Nachzahlungsanteil
money-purpose-fee = Mitgliedsbeitrag
money-purpose-other = Zahlung
money-sponsored = Vom Netzwerk bezahlt (Patenschaft)
money-reference = Bei der Überweisung anzugebende Referenz
money-qr-alt = QR-Code für Ihre Banking-App: die Überweisung mit Betrag und Referenz ausgefüllt
money-qr-caption = Scannen Sie ihn mit Ihrer Banking-App: die Überweisung ist ausgefüllt.
money-payments = Erhaltene Zahlungen
money-record-payment = Zahlung erfassen
money-booked-on = Gebucht am (leer: heute)
money-record-hint = Noch offen: { $outstanding }. Was darüber hinausgeht, bleibt als Guthaben der Organisation.
money-cancel = Diese Aufforderung stornieren
money-cancel-consequence = Die Organisation schuldet dann { $amount } nicht mehr; eine Zahlung für diese Aufforderung wird abgelehnt. Das lässt sich nicht rückgängig machen.
money-cancel-confirm = Aufforderung stornieren
# E-Mails
money-mail-fee-subject = Mitgliedsbeitrag { $label }
money-mail-fee-body = Der Mitgliedsbeitrag Ihrer Organisation für { $label } beträgt { $amount }, zu zahlen bis { $due }.
money-mail-fee-sponsored = Das Netzwerk zahlt davon { $sponsored } für Sie (Patenschaft für neue Mitglieder).
money-mail-reference = Zahlungsaufforderung { $number }, bei der Überweisung anzugebende Referenz: { $reference }
money-mail-open-request = Die Aufforderung und ihren QR-Code ansehen
money-mail-reminder-subject = Erinnerung: Zahlungsaufforderung { $number }
money-mail-reminder-body = Die Zahlungsaufforderung { $number } war am { $due } fällig, und { $outstanding } sind noch offen.
money-mail-reminder-escalated = Dies ist die zweite Erinnerung: auch die Administratoren des Netzwerks werden benachrichtigt.
notifications-kind-fee_request = Die Mitgliedsbeiträge Ihrer Organisation
notifications-kind-payment_reminder = Erinnerungen an unbezahlte Aufforderungen
# Fehler
error-bank-form = Das ist keine Kontonummer (IBAN) und kein BIC.
error-bank-length = Diese Kontonummer hat nicht die Länge ihres Landes.
error-bank-check = Die Prüfziffern stimmen nicht: wahrscheinlich ist eine Ziffer vertippt.
error-reference-scheme = Wählen Sie die belgische strukturierte Mitteilung oder die RF-Referenz.
error-amount-not-negative = Der Betrag darf nicht negativ sein.
error-amount-positive = Der Betrag muss größer als null sein.
error-amount-out-of-range = Der Betrag ist zu groß.
error-amount-decimals = Höchstens zwei Nachkommastellen (Cent): der Betrag wird nicht gerundet.
error-amount-invalid = Geben Sie einen Betrag ein, z. B. 25 oder 25,50.
error-request-unknown = In diesem Netzwerk gibt es keine solche Zahlungsaufforderung.
error-request-cancelled = Diese Aufforderung wurde storniert: darauf ist nichts mehr geschuldet.
error-request-paid = Diese Aufforderung ist schon bezahlt.
error-request-not-open = Diese Aufforderung ist nicht mehr offen.
error-request-partly-paid = Diese Aufforderung ist teilweise bezahlt: sie kann nicht storniert werden.
error-payment-matched = Diese Zahlung ist schon zugeordnet.
error-too-many-requests = Das Netzwerk hat die höchste Zahl von Zahlungsaufforderungen eines Jahres erreicht.
error-payment-settings-missing = Das Bankkonto des Netzwerks ist noch nicht eingetragen.
error-qr-currency = Der EPC-QR-Code gilt nur für Zahlungen in Euro.
error-qr-amount = Nichts zu zahlen, oder ein Betrag, den der QR-Code nicht tragen kann.
error-qr-payload = Der QR-Code konnte aus den Einstellungen des Netzwerks nicht erstellt werden.
error-fee-year = Geben Sie ein Jahr zwischen 2000 und 2200 an.
error-fee-period = Wählen Sie monatlich, vierteljährlich oder jährlich.
error-fee-tiers = Jede Stufe braucht ihre Staffel: „Größe: Monatsbetrag“ pro Zeile, die erste ab Größe 0, Größen steigend.
error-fee-level = Eine Stufe ist Beobachter oder aktiv.
error-fee-sponsorship = Die Patenschaft beträgt höchstens 100 %, für 1 bis 10 Jahre.
error-fee-schedule-exists = Dieses Jahr hat schon seine Beiträge.
error-organisation-unknown = In diesem Netzwerk gibt es keine solche Organisation.
error-date-past = Dieser Tag ist vorbei.
error-statement-encoding = Die Datei ist kein Text in UTF-8.
error-statement-not-camt053 = Das ist kein Kontoauszug nach ISO 20022 camt.053.
error-statement-xml = Das XML ist nahe Buchung { $at } beschädigt: { $detail }
error-statement-entry = Der Buchung { $at } fehlt { $detail }.
error-statement-decimals = Zeile { $at }: der Betrag { $detail } hat mehr als zwei Nachkommastellen.
error-statement-amount = Zeile { $at }: { $detail } ist kein Betrag.
error-statement-date = Zeile { $at }: { $detail } ist kein Datum.
error-statement-csv = Zeile { $at } der CSV-Datei kann nicht gelesen werden: { $detail }
error-statement-csv-columns = Die CSV-Datei braucht eine Kopfzeile mit mindestens „date“ und „amount“ (gefunden: { $detail }).
error-statement-other-account = Dieser Auszug gehört zum Konto { $detail }, nicht zu dem des Netzwerks.
error-statement-currency = Zeile { $at } ist in { $detail }, nicht in der Währung des Netzwerks.
money-record-entry = Einen Zuschuss, Kosten oder eine Dienstleisterzahlung erfassen
money-entry-campaign = Kampagne (nur Dienstleister bezahlt)
money-entry-campaign-hint = Die Nummer der finanzierten Kampagne, für die der Dienstleister aus dem dafür gehaltenen Geld bezahlt wird.
money-entry-memo = Worum es ging
money-entry-consequence = Dies wird ins Journal geschrieben und ändert den Bankstand (und damit die Reichweite). Es lässt sich nicht rückgängig machen: ein Fehler wird durch eine weitere Buchung berichtigt.
money-entry-confirm = Erfassen
error-provider-exceeds-held = Mehr als die { $held } Cent, die für diese Kampagne gehalten werden.
error-campaign-unknown = In diesem Netzwerk gibt es keine solche Kampagne.
error-entry-kind = Wählen Sie einen erhaltenen Zuschuss, Betriebskosten oder einen bezahlten Dienstleister.
money-pdf = Diese Aufforderung als PDF

## Gemeinsame wiederkehrende Kosten (Rücklagen)
money-reserves = Gemeinsame wiederkehrende Kosten
money-reserves-lead = Geld, das die Mitglieder jeden Monat für kommende Kosten zurücklegen, etwa die nächste Odoo-Migration oder das Hosting. Eine Kofinanzierung kann es zuerst verwenden.
money-reserves-none = Noch ist nichts zurückgelegt.
money-reserve-monthly = Jeden Monat zurückgelegt, von allen Mitgliedern zusammen
money-reserve-held = Vorhanden
money-reserve-earmarked = Offenen Kampagnen zugesagt
money-reserve-available = Verfügbar für eine neue Kampagne
money-reserve-new = Geld für Kosten zurücklegen
money-reserve-name = Wofür es ist
money-reserve-name-hint = Zum Beispiel: Migration auf Odoo 19.
money-reserve-consequence = Ab diesem Monat erhält jede Mitgliedsorganisation jeden Monat eine Zahlungsaufforderung für ihren Anteil, per E-Mail.
money-reserve-confirm = Ab diesem Monat zurücklegen
money-reserve-weights-hint = Eine ganze Zahl pro Mitglied, 0 oder mehr: ein Mitglied mit Gewicht 2 legt doppelt so viel zurück wie eines mit Gewicht 1. Ein Mitglied ohne Gewicht legt nichts zurück.
money-reserve-closed = geschlossen
money-reserve-change-or-close = Ändern oder schließen
money-reserve-see = Ansehen
money-reserve-change = Betrag oder Schlüssel ändern
money-reserve-change-consequence = Die bereits angeforderten Beiträge behalten ihren Betrag. Ab dem nächsten angeforderten Monat wird jedes Mitglied um seinen Anteil am neuen Betrag gebeten, nach dem neuen Schlüssel.
money-reserve-change-confirm = Ab dem nächsten Monat ändern
money-reserve-close = Diese Rücklage schließen
money-reserve-close-stops = Ab dem nächsten Monat wird kein Beitrag mehr angefordert. Die bereits angeforderten Beiträge bleiben geschuldet.
money-reserve-close-held = Die { $amount }, die sie enthält, bleiben darin: die Mitglieder haben dieses Geld für diesen Zweck zurückgelegt.
money-reserve-close-available = { $amount } davon bleiben für eine Kampagne verfügbar, die auf diese Rücklage zurückgreift.
money-reserve-close-earmarked = { $amount } davon sind offenen Kampagnen zugesagt: sie erhalten das Geld, wenn sie finanziert sind.
money-reserve-close-confirm = Diese Rücklage schließen
money-reserve-closed-lead = Diese Rücklage ist geschlossen: es wird kein Beitrag mehr angefordert. { $amount } bleiben für eine Kampagne verfügbar, die auf sie zurückgreift.
money-set-aside = Für gemeinsame Kosten zurückgelegt
money-set-aside-line = angefordert { $asked }
money-entry-provision-requested = Für gemeinsame Kosten zurückgelegt
money-entry-reserve-drawn = Aus einer Rücklage genommen
money-purpose-provision = Rücklage für gemeinsame Kosten
money-mail-provision-subject = Rücklage: { $label }
money-mail-provision-body = Der Anteil Ihrer Organisation für { $label } beträgt { $amount }, zu zahlen bis { $due }.
money-mail-provision-why = Das Netzwerk legt dieses Geld für Kosten zurück, die sicher kommen. Wird die Arbeit finanziert, bezahlt dieses Geld zuerst einen Teil davon.
notifications-kind-provision_request = Geld, das Ihre Organisation für gemeinsame Kosten zurücklegt
error-reserve-unknown = Wählen Sie eine Rücklage des Netzwerks.
error-reserve-covers-all = Diese Rücklage enthält bereits den ganzen Betrag, es bleibt nichts zu teilen. Wählen Sie keine oder eine andere Rücklage.
error-reserve-would-overdraw = Diese Aufforderung kann nicht storniert werden: ihre Rücklage hat dieses Geld bereits einer Kampagne gegeben oder einer offenen Kampagne zugesagt. Ziehen Sie diese Kampagne zuerst zurück, oder behalten Sie diese Aufforderung.
error-reserve-closed = Diese Rücklage ist geschlossen: sie kann nicht mehr geändert oder erneut geschlossen werden.
money-paid-from-credit = Aus dem Guthaben bezahlt
money-credit-used = Guthaben verwendet: { $amount }
money-held = Geld pro Vorschlag
money-held-lead = Für jeden kofinanzierten Vorschlag: was die Zusagen decken, was eine Rücklage bezahlt, was von den Mitgliedern angefordert, bezahlt und noch geschuldet ist, was der Anbieter erhielt und was das Netzwerk noch dafür hält.
money-held-proposal = Vorschlag
money-held-pledged = Zugesagt
money-held-reserve = Aus einer Rücklage
money-held-requested = Angefordert
money-held-owed = Noch geschuldet
money-held-provider = An den Anbieter bezahlt
money-held-now = Jetzt gehalten
money-mail-credit-used = Das Guthaben Ihrer Organisation bezahlt davon bereits { $credit }.
money-mail-pool-why = Jede Mitgliedsorganisation zahlt in jeder Periode in diesen Fonds ein, wie das Netzwerk es beschlossen hat. Der Fonds finanziert die Projekte, die seine Mitglieder gemeinsam wählen.
