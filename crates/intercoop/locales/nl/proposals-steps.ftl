# Voorstellen: de stappen van de API die een pagina hebben (een offerte geven, een
# medefinanciering openen met al haar voorwaarden).
error-amount-units = Vul een bedrag in zoals 1200 of 1 200,50.
error-percent-units = Vul een percentage in zoals 21 of 5,5.
error-picked-date = Kies een datum.
error-proposals-fixed-organisation = Kies de organisatie die deze vaste bijdrage levert.
proposals-day-in-zone = De hele dag, volgens de tijd van het netwerk ({ $zone }).
proposals-quote-title = Offerte geven
proposals-quote-provider = Leverancier
proposals-quote-amount = Bedrag zonder btw
proposals-quote-amount-hint = In eenheden, bijvoorbeeld { $example }.
proposals-quote-vat = Btw-tarief, in procent (optioneel)
proposals-quote-vat-hint = Bijvoorbeeld 21 of 5,5; leeg als er geen is.
proposals-quote-hours = Werkuren (optioneel)
proposals-quote-valid-until = Geldig tot (optioneel)
proposals-quote-milestones = Mijlpalen (optioneel)
proposals-quote-milestones-hint = De stappen van het werk, elk met haar bedrag: samen vormen ze het bedrag zonder btw.
proposals-quote-milestone-title = Mijlpaal { $number }
proposals-quote-milestone-amount = Bedrag van mijlpaal { $number }
proposals-quote-note = Opmerking (optioneel)
proposals-quote-moves = Een offerte brengt het voorstel van „in bespreking” naar „geoffreerd”.
proposals-quote-send = De offerte versturen
proposals-open-funding-explain = Kies het bedrag, de verdeelsleutel, vaste bijdragen en de deadline; u ziet wat het openen doet voordat u bevestigt.
proposals-key-weights = Volgens gewichten, per organisatie gekozen
proposals-key-tiers = Volgens grootteklassen
proposals-campaign-amount = Te verdelen bedrag
proposals-campaign-weights = Gewichten (voor de sleutel volgens gewichten)
proposals-campaign-weights-hint = Een geheel getal per organisatie, 0 of meer: een organisatie met gewicht 2 betaalt twee keer zoveel als een met gewicht 1. Een organisatie zonder gewicht kan niet deelnemen.
proposals-campaign-size = { $count ->
    [one] grootte 1
   *[other] grootte { $count }
}
proposals-campaign-no-size = zonder grootte
proposals-campaign-tiers = Klassen (voor de sleutel volgens grootteklassen)
proposals-campaign-tiers-hint = Elke organisatie betaalt naar verhouding van de factor van haar klasse, volgens haar grootte.
proposals-campaign-tier-small = Factor van kleine organisaties
proposals-campaign-tier-medium-from = Middelgroot vanaf de grootte
proposals-campaign-tier-medium = Factor van middelgrote organisaties
proposals-campaign-tier-large-from = Groot vanaf de grootte
proposals-campaign-tier-large = Factor van grote organisaties
proposals-campaign-fixed = Vaste bijdragen (optioneel)
proposals-campaign-fixed-hint = Een organisatie dekt een bedrag, of een percentage van het totaal, voordat de rest wordt verdeeld. Vul op elke regel het een of het ander in.
proposals-campaign-fixed-org = Organisatie { $number }
proposals-campaign-fixed-amount = Bedrag van bijdrage { $number }
proposals-campaign-fixed-percent = Of percentage van bijdrage { $number }
proposals-campaign-catch-up-years = Inhaalperiode, in jaren
proposals-campaign-catch-up-hint = Hoelang na de levering een organisatie die het werk overneemt een aandeel betaalt, dat aan de financiers wordt terugbetaald.
proposals-campaign-check = Controleren voor het openen
proposals-campaign-review = Wat het openen doet
proposals-campaign-total = Bedrag
proposals-campaign-fixed-by = Vaste bijdrage van { $organisation }
proposals-campaign-to-share = Verdeeld onder wie deelneemt
proposals-campaign-told = { $count ->
    [0] Geen vertegenwoordiger krijgt een e-mail: geen lidorganisatie heeft er een.
    [one] Eén vertegenwoordiger krijgt meteen een e-mail.
   *[other] { $count } vertegenwoordigers krijgen meteen een e-mail.
}
proposals-campaign-confirm = De medefinanciering openen
proposals-campaign-change = De voorwaarden wijzigen
proposals-on-behalf = Voor een organisatie (beheerders)
proposals-on-behalf-record-hint = De toezegging registreren die een organisatie op een vergadering of telefonisch deed: ze neemt deel met haar aandeel, alsof haar vertegenwoordiger het deed.
proposals-on-behalf-record = Haar toezegging registreren
proposals-on-behalf-withdraw = De toezegging van een organisatie intrekken
proposals-on-behalf-withdraw-hint = Haar toezegging vervalt en de aandelen van de anderen worden opnieuw berekend.
proposals-on-behalf-share = { $organisation }, aandeel
proposals-on-behalf-search = Een organisatie op naam zoeken
proposals-on-behalf-find = Zoeken
proposals-on-behalf-more = De eerste { $shown } van { $total } staan hier, op naam: typ een deel van een naam om een andere te vinden.
proposals-on-behalf-none = Geen organisatie die nog niet meedoet, heeft dit in haar naam.
proposals-campaign-by-poll = Eerst stemmen
proposals-campaign-cost = Kostprijs van het werk
proposals-campaign-from-reserve = Eerst betaald met het geld opzijgezet voor { $reserve }
proposals-campaign-shared = Verdeeld onder wie deelneemt
proposals-campaign-reserve = Eerst opzijgezet geld gebruiken (optioneel)
proposals-campaign-reserve-hint = Wat de reserve beschikbaar heeft, betaalt eerst het werk. Alleen de rest wordt verdeeld. Het geld wordt genomen als de campagne gefinancierd is, en blijft in de reserve als ze mislukt.
