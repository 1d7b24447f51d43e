# Geld: de pagina's van de penningmeester
money-title = Geld
money-requests = Betalingsverzoeken
money-request = Betalingsverzoek
money-request-new = Nieuw betalingsverzoek
money-request-create = Deze betaling vragen
money-import = Een rekeninguittreksel inlezen
money-unmatched = Te koppelen betalingen
money-fees = Lidgelden
money-settings = Betalingsinstellingen
money-journal-csv = Het journaal (CSV)
money-no-settings = De bankrekening van het netwerk is nog niet ingevuld: tot dan hebben verzoeken geen QR-code.
money-no-qr = Geen QR-code voor dit verzoek.
money-runway = Financiële reikwijdte
money-runway-months = { $count ->
    [one] Het geld volstaat nog { $count } maand bij de huidige kosten en inkomsten.
   *[other] Het geld volstaat nog { $count } maanden bij de huidige kosten en inkomsten.
}
money-runway-sustainable = De lidgelden dekken de kosten na de subsidie: het geld raakt niet op.
money-cash = Op de bank
money-monthly-costs = Kosten per maand
money-monthly-fees = Lidgelden per maand
money-grant = Subsidie per maand
money-grant-ends-on = Laatste dag van de subsidie
money-what-if = Een maandelijks lidgeld van { $fee } per lid zou de kosten alleen dekken
money-members-count = { $count ->
    [one] { $count } betalend lid
   *[other] { $count } betalende leden
}
money-trial-balance = Proef- en saldibalans
money-debits = Debet
money-credits = Credit
money-overdue = { $count ->
    [one] { $count } verzoek na zijn vervaldag
   *[other] { $count } verzoeken na hun vervaldag
}
money-by-member = Dit jaar per lid
money-organisation = Organisatie
money-asked = Gevraagd
money-paid = Betaald
money-outstanding = Openstaand
money-credited = Gecrediteerd
money-credit-left = Haar tegoed
money-owes = Nog verschuldigd
money-legal-name = Juridische naam
money-address = Adres
money-iban = Bankrekening (IBAN)
money-bic = BIC (optioneel)
money-reference-scheme = Betalingsreferentie
money-scheme-be = Belgische gestructureerde mededeling (+++123/4567/89012+++)
money-scheme-rf = Internationale schuldeisersreferentie (RF, ISO 11649)
money-budget = Begroting (voor de reikwijdte)
money-import-again = Dit uittreksel werd al ingelezen: er is niets veranderd.
money-import-entries = { $count ->
    [one] { $count } verrichting
   *[other] { $count } verrichtingen
}
money-import-matched = { $count ->
    [one] { $count } gekoppeld
   *[other] { $count } gekoppeld
}
money-import-unmatched = { $count ->
    [one] { $count } met de hand te koppelen
   *[other] { $count } met de hand te koppelen
}
money-import-skipped = { $count ->
    [one] { $count } overgeslagen (uitgaand, of al ingelezen)
   *[other] { $count } overgeslagen (uitgaand, of al ingelezen)
}
money-import-refused = Het uittreksel werd niet ingelezen: er is niets veranderd.
money-statement-file = Bestand van het uittreksel
money-statement-hint = ISO 20022 camt.053 (XML) zoals uw bank het uitvoert, of CSV met een kopregel: date, amount, name, iban, communication.
money-import-button = Inlezen
money-unmatched-hint = Ontvangen geld waarvoor geen verzoek gevonden werd. Geef het nummer van het verzoek dat het betaalt.
money-payer = Betaler
money-remittance = Mededeling
money-assign-number = Nummer van het verzoek
money-assign = Koppelen
money-period = Gefactureerd
money-period-monthly = maandelijks
money-period-quarterly = per kwartaal
money-period-yearly = jaarlijks
money-tier = vanaf grootte { $size }:
money-per-month = per maand
money-sponsorship = Peterschap voor nieuwe leden
money-years = { $count ->
    [one] { $count } jaar
   *[other] { $count } jaar
}
money-bill = Factureren
money-bill-consequence = { $count ->
    [one] { $count } lidorganisatie krijgt een betalingsverzoek en een e-mail, in totaal
   *[other] { $count } lidorganisaties krijgen een betalingsverzoek en een e-mail, in totaal
}
money-bill-confirm = Deze verzoeken versturen
money-fees-new = Een nieuw jaar lidgelden
money-year = Jaar
money-tiers-hint = Eén schijf per regel, „grootte: maandbedrag”, de eerste vanaf 0 (bv. „0: 25” en dan „1000: 35”).
money-sponsorship-percent = Deel van het lidgeld van een nieuw lid dat het netwerk betaalt (%)
money-sponsorship-years = Hoeveel jaar na de toetreding
money-statement = Rekeningoverzicht
money-statement-csv = Dit overzicht (CSV)
money-date = Datum
money-what = Wat
money-amount = Bedrag
money-balance = Saldo
money-entry-share-requested = Aandeel gevraagd
money-entry-fee-requested = Lidgeld gevraagd
money-entry-other-requested = Betaling gevraagd
money-entry-cancelled = Verzoek geannuleerd
money-entry-sponsorship-cancelled = Peterschap geannuleerd
money-entry-payment-received = Betaling ontvangen
money-entry-unidentified = Te koppelen betaling
money-entry-identified = Betaling gekoppeld
money-entry-credit-applied = Tegoed gebruikt
money-entry-catch-up-credited = Inhaaltegoed
money-entry-provider-paid = Dienstverlener betaald
money-entry-grant-received = Subsidie ontvangen
money-entry-operating-cost = Werkingskosten
money-status = Stand
money-status-open = open
money-status-paid = betaald
money-status-cancelled = geannuleerd
money-filter = Tonen
money-requests-count = { $count ->
    [one] { $count } verzoek
   *[other] { $count } verzoeken
}
money-number = Nummer
money-due = Te betalen tegen
money-due-hint = Leeg gelaten: binnen 30 dagen.
money-purpose = Waarvoor
money-to = Aan
money-for = Voor
money-purpose-co-funding = aandeel in de cofinanciering
money-purpose-catch-up = inhaalaandeel
money-purpose-fee = lidgeld
money-purpose-other = betaling
money-sponsored = Betaald door het netwerk (peterschap)
money-reference = Mededeling bij uw overschrijving
money-qr-alt = QR-code voor uw bankapp: de overschrijving met bedrag en mededeling ingevuld
money-qr-caption = Scan hem met uw bankapp: de overschrijving is ingevuld.
money-payments = Ontvangen betalingen
money-record-payment = Een betaling boeken
money-booked-on = Geboekt op (leeg: vandaag)
money-record-hint = Nog verschuldigd: { $outstanding }. Wat meer is, blijft als tegoed van de organisatie.
money-cancel = Dit verzoek annuleren
money-cancel-consequence = De organisatie zal { $amount } niet meer verschuldigd zijn; een betaling voor dit verzoek wordt geweigerd. Dit kan niet ongedaan worden.
money-cancel-confirm = Het verzoek annuleren
# E-mails
money-mail-fee-subject = Lidgeld { $label }
money-mail-fee-body = Het lidgeld van uw organisatie voor { $label } bedraagt { $amount }, te betalen tegen { $due }.
money-mail-fee-sponsored = Het netwerk betaalt daarvan { $sponsored } voor u (peterschap voor nieuwe leden).
money-mail-reference = Betalingsverzoek { $number }, mededeling bij uw overschrijving: { $reference }
money-mail-open-request = Het verzoek en zijn QR-code bekijken
money-mail-reminder-subject = Herinnering: betalingsverzoek { $number }
money-mail-reminder-body = Betalingsverzoek { $number } vervaldag was { $due } en er staat nog { $outstanding } open.
money-mail-reminder-escalated = Dit is de tweede herinnering: ook de beheerders van het netwerk worden verwittigd.
notifications-kind-fee_request = De lidgelden van uw organisatie
notifications-kind-payment_reminder = Herinneringen aan onbetaalde verzoeken
# Fouten
error-bank-form = Dit is geen rekeningnummer (IBAN) of BIC.
error-bank-length = Dit rekeningnummer heeft niet de lengte van zijn land.
error-bank-check = De controlecijfers kloppen niet: er is wellicht een cijfer verkeerd getypt.
error-reference-scheme = Kies de Belgische gestructureerde mededeling of de RF-referentie.
error-amount-not-negative = Het bedrag kan niet negatief zijn.
error-amount-positive = Het bedrag moet groter zijn dan nul.
error-amount-out-of-range = Het bedrag is te groot.
error-amount-decimals = Hoogstens twee decimalen (centen): het bedrag wordt niet afgerond.
error-amount-invalid = Schrijf een bedrag, bv. 25 of 25,50.
error-request-unknown = Er is geen zulk betalingsverzoek in dit netwerk.
error-request-cancelled = Dit verzoek werd geannuleerd: er is niets meer op verschuldigd.
error-request-paid = Dit verzoek is al betaald.
error-request-not-open = Dit verzoek is niet meer open.
error-request-partly-paid = Dit verzoek is gedeeltelijk betaald: het kan niet geannuleerd worden.
error-payment-matched = Deze betaling is al gekoppeld.
error-too-many-requests = Het netwerk heeft het grootste aantal betalingsverzoeken van een jaar bereikt.
error-payment-settings-missing = De bankrekening van het netwerk is nog niet ingevuld.
error-qr-currency = De EPC-QR-code geldt enkel voor betalingen in euro.
error-qr-amount = Niets te betalen, of een bedrag dat de QR-code niet kan dragen.
error-qr-payload = De QR-code kon niet gemaakt worden uit de instellingen van het netwerk.
error-fee-year = Geef een jaar tussen 2000 en 2200.
error-fee-period = Kies maandelijks, per kwartaal of jaarlijks.
error-fee-tiers = Elk niveau heeft zijn schijven nodig: „grootte: maandbedrag” per regel, de eerste vanaf grootte 0, stijgende groottes.
error-fee-level = Een niveau is waarnemer of actief.
error-fee-sponsorship = Het peterschap is hoogstens 100 %, voor 1 tot 10 jaar.
error-fee-schedule-exists = Dit jaar heeft al zijn lidgelden.
error-organisation-unknown = Er is geen zulke organisatie in dit netwerk.
error-date-past = Deze dag is voorbij.
error-statement-encoding = Het bestand is geen tekst in UTF-8.
error-statement-not-camt053 = Dit is geen rekeninguittreksel volgens ISO 20022 camt.053.
error-statement-xml = De XML is beschadigd bij verrichting { $at }: { $detail }
error-statement-entry = Verrichting { $at } mist { $detail }.
error-statement-decimals = Regel { $at }: het bedrag { $detail } heeft meer dan twee decimalen.
error-statement-amount = Regel { $at }: { $detail } is geen bedrag.
error-statement-date = Regel { $at }: { $detail } is geen datum.
error-statement-csv = Regel { $at } van de CSV kan niet gelezen worden: { $detail }
error-statement-csv-columns = De CSV heeft een kopregel nodig met minstens „date” en „amount” (gevonden: { $detail }).
error-statement-other-account = Dit uittreksel is van rekening { $detail }, niet van die van het netwerk.
error-statement-currency = Regel { $at } is in { $detail }, niet in de munt van het netwerk.
money-record-entry = Een subsidie, een kost of een betaalde dienstverlener boeken
money-entry-campaign = Campagne (enkel betaalde dienstverlener)
money-entry-campaign-hint = Het nummer van de gefinancierde campagne waarvoor de dienstverlener betaald wordt, uit het geld dat ervoor bewaard wordt.
money-entry-memo = Waarover het ging
money-entry-consequence = Dit wordt in het journaal geschreven en verandert het banksaldo (en dus de reikwijdte). Het kan niet ongedaan worden: een fout wordt met een andere boeking rechtgezet.
money-entry-confirm = Boeken
error-provider-exceeds-held = Meer dan de { $held } cent die voor deze campagne bewaard worden.
error-campaign-unknown = Er is geen zulke campagne in dit netwerk.
error-entry-kind = Kies een ontvangen subsidie, een werkingskost of een betaalde dienstverlener.
money-pdf = Dit verzoek als pdf

## Gedeelde terugkerende kosten (reserves)
money-reserves = Gedeelde terugkerende kosten
money-reserves-lead = Geld dat de leden elke maand opzijzetten voor een kost die zal komen, zoals de volgende Odoo-migratie of de hosting. Een cofinanciering kan het eerst gebruiken.
money-reserves-none = Er is nog niets opzijgezet.
money-reserve-monthly = Elke maand opzijgezet, door alle leden samen
money-reserve-held = Aanwezig
money-reserve-earmarked = Beloofd aan open campagnes
money-reserve-available = Beschikbaar voor een nieuwe campagne
money-reserve-new = Geld opzijzetten voor een kost
money-reserve-name = Waarvoor het dient
money-reserve-name-hint = Bijvoorbeeld: migratie naar Odoo 19.
money-reserve-consequence = Vanaf deze maand krijgt elke lidorganisatie elke maand een betaalverzoek voor haar deel, per e-mail.
money-reserve-confirm = Vanaf deze maand opzijzetten
money-reserve-weights-hint = Een geheel getal per lid, 0 of meer: een lid met gewicht 2 zet twee keer zoveel opzij als een lid met gewicht 1. Een lid zonder gewicht zet niets opzij.
money-reserve-closed = afgesloten
money-reserve-change-or-close = Wijzigen of afsluiten
money-reserve-see = Bekijken
money-reserve-change = Het bedrag of de sleutel wijzigen
money-reserve-change-consequence = De provisies die al gevraagd zijn, behouden hun bedrag. Vanaf de volgende gevraagde maand krijgt elk lid zijn deel van het nieuwe bedrag, volgens de nieuwe sleutel.
money-reserve-change-confirm = Wijzigen vanaf volgende maand
money-reserve-close = Deze reserve afsluiten
money-reserve-close-stops = Vanaf volgende maand wordt geen provisie meer gevraagd. De provisies die al gevraagd zijn, blijven verschuldigd.
money-reserve-close-held = De { $amount } die ze bevat, blijft erin: de leden hebben dit geld voor dit doel opzijgezet.
money-reserve-close-available = { $amount } daarvan blijft beschikbaar voor een campagne die uit deze reserve put.
money-reserve-close-earmarked = { $amount } daarvan is beloofd aan open campagnes: ze krijgen het wanneer ze gefinancierd zijn.
money-reserve-close-confirm = Deze reserve afsluiten
money-reserve-closed-lead = Deze reserve is afgesloten: er wordt geen provisie meer gevraagd. { $amount } blijft beschikbaar voor een campagne die eruit put.
money-set-aside = Opzijgezet voor gedeelde kosten
money-set-aside-line = gevraagd { $asked }
money-entry-provision-requested = Opzijgezet voor een gedeelde kost
money-entry-reserve-drawn = Uit een reserve genomen
money-purpose-provision = geld opzijgezet voor een gedeelde kost
money-mail-provision-subject = Opzijgezet: { $label }
money-mail-provision-body = Het deel van uw organisatie voor { $label } bedraagt { $amount }, te betalen tegen { $due }.
money-mail-provision-why = Het netwerk zet dit geld opzij voor een kost die zeker komt. Wordt het werk gefinancierd, dan betaalt dit geld er eerst een deel van.
notifications-kind-provision_request = Geld dat uw organisatie opzijzet voor gedeelde kosten
error-reserve-unknown = Kies een reserve van het netwerk.
error-reserve-covers-all = Deze reserve bevat al het hele bedrag, er blijft niets te delen. Kies geen of een andere reserve.
error-reserve-would-overdraw = Deze provisie kan niet geannuleerd worden: haar reserve heeft dit geld al aan een campagne gegeven, of aan een open campagne beloofd. Trek die campagne eerst in, of behoud deze provisie.
error-reserve-closed = Deze reserve is afgesloten: ze kan niet meer gewijzigd of opnieuw afgesloten worden.
money-paid-from-credit = Betaald met het tegoed
money-credit-used = tegoed gebruikt: { $amount }
money-held = Geld per voorstel
money-held-lead = Voor elk gecofinancierd voorstel: wat de toezeggingen dekken, wat een reserve betaalt, wat aan de leden gevraagd, betaald en nog verschuldigd is, wat de aanbieder kreeg, en wat het netwerk er nog voor aanhoudt.
money-held-proposal = Voorstel
money-held-pledged = Toegezegd
money-held-reserve = Uit een reserve
money-held-requested = Gevraagd
money-held-owed = Nog verschuldigd
money-held-provider = Betaald aan de aanbieder
money-held-now = Nu aangehouden
money-mail-credit-used = Het tegoed van uw organisatie betaalt er al { $credit } van.
money-mail-pool-why = Elke lidorganisatie stort elke periode in dit fonds, zoals het netwerk heeft afgesproken. Het fonds financiert de projecten die de leden samen kiezen.
