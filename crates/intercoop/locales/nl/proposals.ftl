nav-proposals = Voorstellen
proposals-title = Voorstellen
proposals-new = Een behoefte melden
proposals-commitments = Verbintenissen van mijn organisatie
proposals-field-status = Status
proposals-field-software = Software
proposals-sort = Sorteren op
proposals-sort-newest = Nieuwste
proposals-sort-wanted = Meest gevraagd
proposals-sort-funded = Dichtst bij financiering
proposals-sort-priority = Prioriteit van het netwerk
proposals-filter-mine = Wacht op mijn beslissing
proposals-priority-note = Prioriteit van het netwerk, berekend met een prioriteitsstemming
proposals-priority-how = volgens de methode { $method }
proposals-priority-none = Nog geen enkele prioriteitsstemming heeft de voorstellen gerangschikt.
proposals-none = Geen enkel voorstel komt overeen.
proposals-status-draft = Concept
proposals-status-discussion = In bespreking
proposals-status-quoted = Offerte ontvangen
proposals-status-funding = Medefinanciering open
proposals-status-funded = Gefinancierd
proposals-status-in_progress = In uitvoering
proposals-status-delivered = Opgeleverd
proposals-status-lapsed = Vervallen
proposals-status-rejected = Afgewezen
proposals-status-withdrawn = Ingetrokken
proposals-rank-tied = Prioriteit nr. { $rank }, gelijk
proposals-rank = Prioriteit nr. { $rank }
proposals-waiting-for-me = Wacht op uw beslissing
proposals-interested-count = { $count ->
    [one] Eén organisatie heeft dit nodig
   *[other] { $count } organisaties hebben dit nodig
}
proposals-participants-count = { $count ->
    [one] één deelnemer
   *[other] { $count } deelnemers
}
proposals-field-title = Titel
proposals-field-description = Beschrijving
proposals-markdown-hint = Markdown: **vet**, *cursief*, lijsten, links.
proposals-software-hint = De betrokken software, bv. “Odoo 16 / cooperator”. Elke organisatie die ze gebruikt, krijgt bericht.
proposals-field-links = Links
proposals-links-hint = Repositories, issues of pull requests, één per regel.
proposals-field-requested-by = Namens
proposals-post = De behoefte publiceren
proposals-no-organisation = U hoort bij geen enkele organisatie van dit netwerk.
proposals-open-total = Aandelen in lopende medefinancieringen
proposals-requested-total = Betalingsverzoeken
proposals-credited-total = Tegoeden uit inhaalbijdragen
proposals-pledges = Toezeggingen en bijdragen
proposals-share = Aandeel
proposals-cap = Plafond
proposals-payment-requests = Betalingsverzoeken
proposals-purpose-co-funding = medefinanciering
proposals-purpose-catch-up = inhaalbijdrage
proposals-purpose-fee = lidgeld
proposals-purpose-other = betaling
proposals-due = te betalen uiterlijk op
proposals-credits = Tegoeden uit inhaalbijdragen
proposals-credit-from = betaald door { $adopter }
proposals-requested-by = Gevraagd door { $organisation }
proposals-need = De behoefte
proposals-we-need-it-too = { $organisation } heeft dit ook nodig
proposals-campaign = Medefinanciering
proposals-campaign-open = open
proposals-campaign-funded = gefinancierd
proposals-campaign-lapsed = vervallen
proposals-campaign-withdrawn = ingetrokken
proposals-deadline = Uiterste datum: { $date }
proposals-min-participants = { $count ->
    [one] minstens één deelnemer
   *[other] minstens { $count } deelnemers
}
proposals-shortfall = Nog niet gedekt: { $amount }
proposals-no-participants = Nog niemand heeft toegezegd.
proposals-shares = Aandelen
proposals-organisation = Organisatie
proposals-fixed = vaste bijdrage
proposals-capped = aan het plafond
proposals-your-share-is = Aandeel van { $organisation }:
proposals-withdraw = Onze toezegging intrekken
proposals-join-as = Deelnemen namens { $organisation }
proposals-would-be = Uw aandeel zou zijn
proposals-cap-optional = Het maximum dat wij betalen (optioneel)
proposals-cap-hint = Als het aandeel hoger zou uitvallen, wordt de rest over de anderen verdeeld.
proposals-join = Deelnemen aan de medefinanciering
proposals-close-now = De medefinanciering nu afsluiten
proposals-quotes = Offertes
proposals-vat = btw { $rate } %
proposals-hours = { $count ->
    [one] één uur
   *[other] { $count } uur
}
proposals-valid-until = geldig tot { $date }
proposals-selected = gekozen
proposals-next-step = Volgende stap
proposals-move-to = Overgaan naar
proposals-reason = Reden
proposals-comments = Opmerkingen en bezwaren
proposals-objection = bezwaar
proposals-your-comment = Uw opmerking
proposals-on-behalf-of = Namens
proposals-this-is-an-objection = Dit is een bezwaar
proposals-send-comment = Versturen
proposals-timeline = Verloop
proposals-by-poll = beslist door stemming nr. { $poll }
proposals-event-transition = { $from } → { $to }
proposals-event-posted = Gepubliceerd
proposals-event-interest = Een organisatie heeft dit ook nodig
proposals-event-comment = Opmerking
proposals-event-objection = Bezwaar
proposals-event-quote = Offerte van { $detail }
proposals-event-quote_selected = Offerte gekozen
proposals-event-pledge = { $detail } heeft toegezegd
proposals-event-pledge_withdrawn = { $detail } heeft de toezegging ingetrokken
proposals-event-pledge_released = { $detail } heeft het netwerk verlaten: de toezegging vervalt
proposals-event-adopted = { $detail } heeft het in gebruik genomen (inhaalbijdrage)
proposals-event-priority = Prioriteit van het netwerk nr. { $detail }
proposals-dashboard-title = Voorstellen die op uw beslissing wachten
proposals-mail-posted-subject = Nieuw voorstel voor uw software: { $title }
proposals-mail-posted-body = Een lid heeft “{ $title }” gepubliceerd. Het gaat over { $software }, software die uw organisatie gebruikt.
proposals-mail-posted-ask = Lees het voorstel en laat weten of u het ook nodig hebt; geef een opmerking of maak bezwaar voordat het werk begint.
proposals-mail-open = Het voorstel openen
proposals-mail-opened-subject = Medefinanciering geopend: { $title }
proposals-mail-opened-body = De medefinanciering van “{ $title }” is geopend: er is { $amount } te verdelen, tot { $deadline }.
proposals-mail-opened-share = Op de pagina ziet u het aandeel van uw organisatie voordat u toezegt.
proposals-mail-funded-subject = Gefinancierd: { $title }
proposals-mail-funded-body = “{ $title }” is gefinancierd: { $amount }, verdeeld over { $count ->
    [one] één organisatie
   *[other] { $count } organisaties
}. Het werk kan beginnen.
proposals-mail-request-subject = Betalingsverzoek: { $title }
proposals-mail-request-body = Het aandeel van uw organisatie in “{ $title }” bedraagt { $amount }, te betalen uiterlijk op { $due }.
proposals-mail-request-catch-up = De inhaalbijdrage van uw organisatie voor “{ $title }” bedraagt { $amount }, te betalen uiterlijk op { $due }. Ze wordt teruggestort aan de organisaties die het werk gefinancierd hebben.
proposals-mail-request-reference = Betalingsverzoek { $number }, mededeling bij uw overschrijving: { $reference }
proposals-mail-commitments = De verbintenissen van uw organisatie bekijken
proposals-mail-lapsed-subject = Vervallen: { $title }
proposals-mail-lapsed-body = De medefinanciering van “{ $title }” is vervallen; { $covered } van { $amount } was gedekt. Alle toezeggingen zijn vrijgegeven: niemand is iets verschuldigd.
proposals-mail-credit-subject = Tegoed uit inhaalbijdrage: { $title }
proposals-mail-credit-body = { $adopter } neemt “{ $title }” in gebruik en betaalt een inhaalbijdrage: uw organisatie krijgt { $amount } tegoed.
proposals-mail-digest-subject = Uw aandelen in medefinancieringen zijn vandaag gewijzigd
proposals-mail-digest-intro = Bij medefinancieringen waaraan uw organisatie deelneemt, zijn andere organisaties ingestapt of uitgestapt:
proposals-mail-digest-line = { $organisation }, “{ $title }”: { $before } → { $after }
error-proposals-positive-amount = Vul een bedrag groter dan nul in.
error-proposals-negative-cap = Een plafond kan niet negatief zijn.
error-proposals-fixed-exceeds-total = De vaste bijdragen zijn hoger dan het te verdelen bedrag.
error-proposals-duplicate-fixed = Een organisatie heeft twee vaste bijdragen.
error-proposals-zero-weights = De som van de gewichten is nul.
error-proposals-not-in-key = Deze organisatie heeft geen gewicht in de verdeelsleutel.
error-proposals-missing-size = Voor deze organisatie is geen grootte ingevuld; de sleutel verdeelt volgens grootte.
error-proposals-fixed-participant = Deze organisatie levert al een vaste bijdrage.
error-proposals-out-of-range = Deze waarde valt buiten het toegestane bereik.
error-proposals-invalid-tiers = De staffels zijn niet geldig.
error-proposals-not-member = Deze organisatie is geen lid van het netwerk.
error-proposals-milestones-sum = De mijlpalen moeten samen het bedrag vormen.
error-proposals-not-provider = Deze organisatie is geen dienstverlener.
error-proposals-amount-or-quote = Geef ofwel een bedrag, ofwel een offerte op.
error-proposals-amount-or-percent = Geef ofwel een bedrag, ofwel een percentage op.
error-proposals-deadline-past = De uiterste datum moet in de toekomst liggen.
error-proposals-duplicate = Een voorstel staat er twee keer in.
error-proposals-wrong-status = Niet mogelijk in deze fase
error-proposals-wrong-status-detail = De status van het voorstel laat deze stap niet toe.
error-proposals-campaign-exists = Er loopt al een medefinanciering
error-proposals-campaign-exists-detail = Dit voorstel heeft al een medefinanciering.
error-proposals-no-campaign = Geen medefinanciering
error-proposals-no-campaign-detail = Dit voorstel heeft geen medefinanciering.
error-proposals-campaign-closed = De medefinanciering is afgesloten
error-proposals-campaign-closed-detail = Toezeggingen kunnen alleen gedaan of ingetrokken worden zolang de medefinanciering open is.
error-proposals-already-pledged = Al toegezegd
error-proposals-already-pledged-detail = Deze organisatie heeft al een toezegging gedaan voor deze medefinanciering.
error-proposals-not-delivered = Nog niet opgeleverd
error-proposals-not-delivered-detail = Inhaalbijdragen zijn pas mogelijk zodra het gefinancierde werk is opgeleverd.
error-proposals-window-closed = De inhaalperiode is voorbij
error-proposals-window-closed-detail = De inhaalperiode van deze medefinanciering is afgelopen.
error-proposals-already-funder = Al medefinancier
error-proposals-already-funder-detail = Deze organisatie heeft haar aandeel in dit werk al betaald.
proposals-select-quote = Deze offerte kiezen
proposals-open-funding = De medefinanciering openen
proposals-share-quote = Het bedrag van een offerte verdelen
proposals-or-amount = Of een bedrag
proposals-key = Verdeelsleutel
proposals-key-equal = Gelijke aandelen
proposals-key-size = Volgens grootte van de organisatie
proposals-deadline-field = Uiterste datum
proposals-min-participants-field = Minimumaantal deelnemers
proposals-fixed-by = Vaste bijdrage van
proposals-fixed-amount = Vast bedrag
proposals-deliver = Markeren als opgeleverd
proposals-release-link = Link naar de gepubliceerde module
proposals-adopt-explain = Wie opgeleverd werk in gebruik neemt, betaalt een inhaalbijdrage: wat uw organisatie vanaf het begin zou hebben betaald. Die gaat terug naar de organisaties die eerder financierden.
proposals-adopt = In gebruik nemen voor { $organisation }
proposals-count = { $count ->
    [one] Eén voorstel
   *[other] { $count } voorstellen
}
proposals-event-effect_failed = De beslissing van de stemming kon niet worden uitgevoerd: { $detail }
proposals-decisions-title = Niet uitgevoerde beslissingen van stemmingen
proposals-decision-not-carried-out = Stemming { $poll }: { $reason }
proposals-campaign-closing = termijn verstreken, wordt afgesloten
error-proposals-no-quote = Een voorstel heeft een offerte zodra een leverancier er een stuurt: voeg er eerst een toe.
proposals-adopt-cost = Inhaalbijdrage van uw organisatie: { $amount }. Er wordt een betaalverzoek opgesteld en per e-mail naar haar vertegenwoordiger gestuurd.
proposals-adopt-credited = { $count ->
    [0] Geen eerdere financier wordt gecrediteerd.
    [one] De eerdere financier krijgt zijn deel gecrediteerd en wordt per e-mail verwittigd.
   *[other] De { $count } eerdere financiers krijgen hun deel gecrediteerd en worden per e-mail verwittigd.
}
proposals-adopt-confirm = Overnemen en { $amount } verschuldigd zijn
proposals-close-funds = { $count ->
    [0] Nu afsluiten financiert het werk zonder deelnemers.
    [one] Nu afsluiten financiert het werk: de deelnemende organisatie krijgt haar betaalverzoek, en haar mensen worden per e-mail verwittigd. Dit is onomkeerbaar.
   *[other] Nu afsluiten financiert het werk: elk van de { $count } deelnemende organisaties krijgt haar betaalverzoek, en hun mensen worden per e-mail verwittigd. Dit is onomkeerbaar.
}
proposals-close-lapses = { $count ->
    [0] Nu afsluiten laat de cofinanciering vervallen (ze is niet volledig gedekt of heeft te weinig deelnemers); de aanvragende organisatie wordt per e-mail verwittigd. Dit is onomkeerbaar.
    [one] Nu afsluiten laat de cofinanciering vervallen (ze is niet volledig gedekt of heeft te weinig deelnemers): de toezegging wordt vrijgegeven, en de toezegger en de aanvragende organisatie worden per e-mail verwittigd. Dit is onomkeerbaar.
   *[other] Nu afsluiten laat de cofinanciering vervallen (ze is niet volledig gedekt of heeft te weinig deelnemers): de { $count } toezeggingen worden vrijgegeven, en de toezeggers en de aanvragende organisatie worden per e-mail verwittigd. Dit is onomkeerbaar.
}
proposals-close-confirm = De cofinanciering nu afsluiten
proposals-mail-withdrawn-subject = Ingetrokken: { $title }
proposals-mail-withdrawn-body = “{ $title }” werd ingetrokken terwijl de cofinanciering liep ({ $covered } van { $amount } toegezegd). Alle toezeggingen zijn vrijgegeven: niemand is iets verschuldigd.
proposals-released-withdrawn = Alle toezeggingen werden vrijgegeven toen het voorstel werd ingetrokken: niemand is iets verschuldigd.
proposals-released-lapsed = Alle toezeggingen werden vrijgegeven toen de cofinanciering verviel: niemand is iets verschuldigd.
proposals-withdraw-releases = { $count ->
    [0] Intrekken beëindigt de lopende cofinanciering; de aanvragende organisatie wordt per e-mail verwittigd.
    [one] Intrekken geeft de toezegging van de lopende cofinanciering vrij; de toezegger en de aanvragende organisatie worden per e-mail verwittigd.
   *[other] Intrekken geeft de { $count } toezeggingen van de lopende cofinanciering vrij; de toezeggers en de aanvragende organisatie worden per e-mail verwittigd.
}
