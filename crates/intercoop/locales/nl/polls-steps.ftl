# Stemmingen: de stappen van de API die een pagina hebben (aanmaken, een stem
# overdragen, ontvangstbewijzen) en wat een kiezer geregistreerd ziet.
error-whole-number = Vul een geheel getal in.
error-poll-local-datetime = Kies een datum en een tijd.
polls-voted-of = { $count } hebben gestemd, van { $total }
polls-receipt-secret = Er wordt een stembiljet voor uw organisatie geteld. De stemming is geheim: de inhoud is niet aan u gekoppeld en wordt niet getoond.
polls-receipt-counted = Wat er geteld is:
polls-receipt-check = Een ontvangstbewijs controleren
polls-recorded-for = Geregistreerd voor { $name }
polls-recorded-at = Stembiljet geregistreerd op { $at }
polls-recorded-by-facilitator = geregistreerd door een begeleider
polls-recorded-weight = { $count ->
    [one] gewicht 1
   *[other] gewicht { $count }
}
polls-recorded-secret-title = Uw stembiljet wordt geteld
polls-recorded-secret = Er wordt een stembiljet geteld. De stemming is geheim: de inhoud wordt niet getoond.
polls-recorded-objection = Ik maak bezwaar. Reden: { $reason }
polls-recorded-none-approved = Geen optie goedgekeurd (blanco stembiljet)
polls-recorded-approved = Goedgekeurd: { $option }
polls-recorded-points = { $option }: { $count ->
    [one] 1 punt
   *[other] { $count } punten
}
polls-recorded-no-points = Geen punten gegeven (blanco stembiljet)
polls-recorded-no-ranking = Geen optie gerangschikt (blanco stembiljet)
polls-recorded-rank = { $rank }. { $option }
polls-recorded-grade = { $option }: { $grade }
polls-hand-vote-link = De stem van { $name } aan iemand anders overdragen
polls-open-consequence = { $count ->
    [0] Openen legt vast wie mag stemmen (nu mag geen enkele lidorganisatie stemmen) en mailt de kiezers. Dit kan niet ongedaan worden gemaakt.
    [one] Openen legt vast wie mag stemmen (één lidorganisatie) en mailt haar vertegenwoordiger. Dit kan niet ongedaan worden gemaakt.
   *[other] Openen legt vast wie mag stemmen ({ $count } lidorganisaties) en mailt hun vertegenwoordigers. Dit kan niet ongedaan worden gemaakt.
}
polls-open-closes = De stemming sluit daarna op { $at }.
polls-open-confirm = De stemming nu openen
polls-mandates-link = Delegaties en volmachten
polls-mandate-title = Een stem overdragen
polls-mandate-not-open = Een stem kan alleen worden overgedragen zolang de stemming open is.
polls-mandate-organisation = Organisatie
polls-mandate-choose = Tonen
polls-mandate-for = De stem van { $name }
polls-mandate-replace-hint = Opnieuw overdragen vervangt dit, tot de stemming sluit.
polls-mandate-none = Haar vertegenwoordiger stemt: de stem is aan niemand overgedragen.
polls-mandate-current-delegate = Gedelegeerd aan { $name }
polls-mandate-current-proxy = Volmacht in handen van { $name }
polls-mandate-delegate-title = Delegeren aan een persoon van de organisatie
polls-mandate-delegate-consequence = De gekozen persoon stemt in deze stemming voor { $name }, in plaats van haar vertegenwoordiger.
polls-mandate-person = Persoon
polls-mandate-delegate = De stem delegeren
polls-mandate-proxy-title = Volmacht geven aan een andere organisatie
polls-mandate-proxy-consequence = De vertegenwoordiger van de gekozen organisatie stemt in deze stemming voor { $name }, in plaats van haar eigen vertegenwoordiger.
polls-mandate-max-proxies = { $count ->
    [0] In deze stemming mag geen enkele organisatie een volmacht houden.
    [one] Elke organisatie mag in deze stemming één volmacht houden.
   *[other] Elke organisatie mag in deze stemming { $count } volmachten houden.
}
polls-mandate-holder = Organisatie die de volmacht houdt
polls-mandate-proxy = Volmacht geven
polls-receipt-title = Een ontvangstbewijs controleren
polls-receipt-code = Ontvangstbewijs
polls-receipt-code-hint = De code die na het stemmen werd getoond, zoals r-…
polls-receipt-verify = Controleren
polls-receipt-is-counted = Het stembiljet van dit ontvangstbewijs wordt geteld
polls-receipt-not-counted = Geen getelde stembiljet draagt dit ontvangstbewijs
polls-receipt-not-counted-detail = Ofwel is de code verkeerd overgenomen, ofwel is het stembiljet vervangen door een later (waarvan het ontvangstbewijs telt).
polls-new-title = Nieuwe stemming
polls-new-intro = De stemming wordt als concept aangemaakt: u opent ze op haar pagina wanneer ze klaar is.
polls-field-title = Vraag
polls-field-description = Toelichting (optioneel)
polls-field-method = Stemmethode
polls-field-options = Opties
polls-field-options-hint = Eén per regel. Niet nodig voor een beslissing (ja, nee, onthouding) en voor consent.
polls-field-electorate = Wie stemt
polls-field-decision-rules = Regels van de methode
polls-field-quorum = Quorum, in procent (beslissing)
polls-field-quorum-hint = Het deel van de kiezers dat moet stemmen opdat de uitslag geldt; 0 voor geen.
polls-field-threshold = Vereiste meerderheid (beslissing)
polls-threshold-simple = Gewone meerderheid
polls-threshold-two-thirds = Twee derde
polls-threshold-custom = Een andere breuk
polls-field-threshold-fraction = Breuk, voor een andere meerderheid
polls-field-threshold-fraction-hint = Bijvoorbeeld 3/5.
polls-field-points = Punten die elke kiezer verdeelt (punten)
polls-field-grade-count = Aantal beoordelingen (meerderheidsoordeel)
polls-field-ballot = Stembiljet
polls-field-secret = Geheime stemming: niemand kan zien wie wat stemde
polls-field-hide-results = De uitslag verbergen tot de stemming sluit
polls-field-weighted = De stem van elke organisatie wegen naar haar grootte
polls-field-max-proxies = Volmachten die één organisatie mag houden
polls-field-times = Opening en sluiting
polls-field-times-hint = Tijden van het netwerk ({ $zone }). Laat de opening leeg om de stemming met de hand te openen; laat de sluiting leeg om ze met de hand te sluiten.
polls-field-opens-at = Opent op
polls-field-closes-at = Sluit op
polls-field-decides = Het voorstel waarover ze beslist (optioneel)
polls-field-proposal = Voorstel
polls-field-effect = Als de stemming wordt aangenomen
polls-effect-none = Er gebeurt niets vanzelf
polls-effect-discuss = Het voorstel wordt ter discussie gesteld
polls-effect-reject = Het voorstel wordt verworpen
polls-create-draft = Het concept aanmaken
polls-field-kinds = Welke lidorganisaties stemmen
polls-field-kinds-hint = De actieve leden van de aangevinkte soorten. Standaard alleen de gebruikerscoöperaties: dienstverleners kiezen niet het werk waarvoor ze betaald worden.
polls-effect-open-funding = De cofinanciering gaat open onder de voorwaarden hieronder
polls-funding-terms = De voorwaarden van de cofinanciering, gekozen op de cofinancieringspagina van het voorstel:
polls-open-funding-title = De cofinanciering van „{ $title }” openen?
polls-field-priority-legend = Prioriteiten
polls-field-priority = Een prioriteitsstemming: de uitslag ordent de voorstellen die hieronder zijn aangevinkt
polls-field-priority-hint = Met rangschikking (schulze) of met punten. De opties zijn de voorstellen; de lijst hierboven telt dan niet.
polls-field-priority-proposals = De voorstellen om te ordenen
error-poll-funding-terms = Kies de voorwaarden op de cofinancieringspagina van het voorstel, en dan „Eerst stemmen”.
