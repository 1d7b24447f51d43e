# Vorschläge: die Schritte der API, die eine Seite haben (ein Angebot abgeben, eine
# Mitfinanzierung mit allen Bedingungen eröffnen).
error-amount-units = Geben Sie einen Betrag wie 1200 oder 1 200,50 ein.
error-percent-units = Geben Sie einen Prozentsatz wie 21 oder 5,5 ein.
error-picked-date = Wählen Sie ein Datum.
error-proposals-fixed-organisation = Wählen Sie die Organisation, die diesen festen Beitrag leistet.
proposals-day-in-zone = Der ganze Tag, nach der Zeit des Netzwerks ({ $zone }).
proposals-quote-title = Angebot abgeben
proposals-quote-provider = Anbieter
proposals-quote-amount = Betrag ohne MwSt.
proposals-quote-amount-hint = In Einheiten, zum Beispiel { $example }.
proposals-quote-vat = MwSt.-Satz in Prozent (optional)
proposals-quote-vat-hint = Zum Beispiel 21 oder 5,5; leer, wenn keine.
proposals-quote-hours = Arbeitsstunden (optional)
proposals-quote-valid-until = Gültig bis (optional)
proposals-quote-milestones = Meilensteine (optional)
proposals-quote-milestones-hint = Die Schritte der Arbeit, jeder mit seinem Betrag: zusammen ergeben sie den Betrag ohne MwSt.
proposals-quote-milestone-title = Meilenstein { $number }
proposals-quote-milestone-amount = Betrag von Meilenstein { $number }
proposals-quote-note = Bemerkung (optional)
proposals-quote-moves = Das Angebot bringt den Vorschlag von „in Diskussion“ zu „mit Angebot“.
proposals-quote-send = Angebot senden
proposals-open-funding-explain = Wählen Sie den Betrag, den Verteilschlüssel, feste Beiträge und die Frist; Sie sehen, was das Eröffnen bewirkt, bevor Sie bestätigen.
proposals-key-weights = Nach Gewichten, für jede Organisation gewählt
proposals-key-tiers = Nach Größenstufen
proposals-campaign-amount = Zu verteilender Betrag
proposals-campaign-weights = Gewichte (für den Schlüssel nach Gewichten)
proposals-campaign-weights-hint = Eine ganze Zahl pro Organisation, 0 oder mehr: eine Organisation mit Gewicht 2 zahlt doppelt so viel wie eine mit Gewicht 1. Eine Organisation ohne Gewicht kann nicht teilnehmen.
proposals-campaign-size = { $count ->
    [one] Größe 1
   *[other] Größe { $count }
}
proposals-campaign-no-size = ohne Größe
proposals-campaign-tiers = Stufen (für den Schlüssel nach Größenstufen)
proposals-campaign-tiers-hint = Jede Organisation zahlt im Verhältnis zum Faktor ihrer Stufe, nach ihrer Größe.
proposals-campaign-tier-small = Faktor kleiner Organisationen
proposals-campaign-tier-medium-from = Mittel ab der Größe
proposals-campaign-tier-medium = Faktor mittlerer Organisationen
proposals-campaign-tier-large-from = Groß ab der Größe
proposals-campaign-tier-large = Faktor großer Organisationen
proposals-campaign-fixed = Feste Beiträge (optional)
proposals-campaign-fixed-hint = Eine Organisation übernimmt einen Betrag oder einen Prozentsatz der Summe, bevor der Rest verteilt wird. Geben Sie in jeder Zeile das eine oder das andere an.
proposals-campaign-fixed-org = Organisation { $number }
proposals-campaign-fixed-amount = Betrag von Beitrag { $number }
proposals-campaign-fixed-percent = Oder Prozentsatz von Beitrag { $number }
proposals-campaign-catch-up-years = Nachzahlungsfrist in Jahren
proposals-campaign-catch-up-hint = Wie lange nach der Lieferung eine Organisation, die die Arbeit übernimmt, einen Anteil zahlt, der den Geldgebern erstattet wird.
proposals-campaign-check = Vor dem Eröffnen prüfen
proposals-campaign-review = Was das Eröffnen bewirkt
proposals-campaign-total = Betrag
proposals-campaign-fixed-by = Fester Beitrag von { $organisation }
proposals-campaign-to-share = Verteilt unter den Teilnehmenden
proposals-campaign-told = { $count ->
    [0] Keine Vertretung erhält eine E-Mail: keine Mitgliedsorganisation hat eine.
    [one] Eine Vertretung erhält sofort eine E-Mail.
   *[other] { $count } Vertretungen erhalten sofort eine E-Mail.
}
proposals-campaign-confirm = Mitfinanzierung eröffnen
proposals-campaign-change = Bedingungen ändern
proposals-on-behalf = Für eine Organisation (Administration)
proposals-on-behalf-record-hint = Die Zusage einer Organisation erfassen, die sie in einer Versammlung oder telefonisch gegeben hat: sie nimmt mit ihrem Anteil teil, als hätte ihre Vertretung es getan.
proposals-on-behalf-record = Ihre Zusage erfassen
proposals-on-behalf-withdraw = Die Zusage einer Organisation zurückziehen
proposals-on-behalf-withdraw-hint = Ihre Zusage wird freigegeben und die Anteile der anderen werden neu berechnet.
proposals-on-behalf-share = { $organisation }, Anteil
proposals-on-behalf-search = Eine Organisation nach ihrem Namen suchen
proposals-on-behalf-find = Suchen
proposals-on-behalf-more = Die ersten { $shown } von { $total } sind aufgeführt, nach Namen: Geben Sie einen Teil eines Namens ein, um eine andere zu finden.
proposals-on-behalf-none = Keine Organisation, die noch nicht teilnimmt, hat dies im Namen.
proposals-campaign-by-poll = Zuerst abstimmen
proposals-campaign-cost = Kosten der Arbeit
proposals-campaign-from-reserve = Zuerst bezahlt aus der Rücklage für { $reserve }
proposals-campaign-shared = Verteilt unter den Teilnehmenden
proposals-campaign-reserve = Zuerst zurückgelegtes Geld verwenden (optional)
proposals-campaign-reserve-hint = Was die Rücklage verfügbar hat, bezahlt die Arbeit zuerst. Nur der Rest wird verteilt. Das Geld wird genommen, wenn die Kampagne finanziert ist, und bleibt in der Rücklage, wenn sie scheitert.
