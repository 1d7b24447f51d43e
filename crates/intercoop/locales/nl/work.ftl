# Werk delen: kansen, interesse, teams en hoe druk de leden het krijgen (work).
nav-work = Werk
work-title = Kansen
work-intro = Werk dat een lid naar het netwerk brengt (een aanbesteding, de vraag van een klant), gedeeld door een team van leden met tijd en de juiste vaardigheden.
work-new = Een kans plaatsen
work-none = Nog geen kans.
work-busyness = Hoe druk krijgen we het
work-status-teamed = Team gevormd
work-days-count = { $count ->
    [0] geen dag
    [one] één dag
   *[other] { $count } dagen
}
work-interests-count = { $count ->
    [0] nog geen lid geïnteresseerd
    [one] één lid geïnteresseerd
   *[other] { $count } leden geïnteresseerd
}
work-no-organisation = Alleen de vertegenwoordiger van een lidorganisatie (of een beheerder) doet dit voor haar.
work-field-organisation = Organisatie
work-field-title = Titel
work-field-scope = Omvang
work-field-scope-hint = Wat de klant vraagt, in Markdown: op te leveren werk, voorwaarden, contactpersoon.
work-field-budget = Budget
work-field-days = Werkdagen
work-field-starts = Eerste dag
work-field-ends = Laatste dag
work-field-skills = Vaardigheden
work-field-skills-hint = Gescheiden door komma's, bijvoorbeeld Rust, ontwerp, toegankelijkheid.
work-field-finder = Aangebracht door
work-field-finder-none = Niemand (geen aanbrengvergoeding)
work-field-fee = Aanbrengvergoeding (%)
work-field-fee-hint = Een percentage van het budget dat eerst naar het lid gaat dat het werk aanbracht, bijvoorbeeld 5 of 2,5 (hoogstens 50). Naar beneden afgerond op de cent; wat daarbij wegvalt gaat naar het team.
work-post = De kans plaatsen
work-dates = Data
work-interests = Interesse en capaciteit
work-interests-none = Nog geen lid heeft interesse gemeld.
work-declare = Interesse en capaciteit melden
work-declare-lead = Zeg hoeveel dagen uw organisatie in een periode kan geven, en tegen welk dagtarief. U kunt het later wijzigen.
work-declare-save = Opslaan
work-declare-consequence = Het team is gevormd: een andere capaciteit stelt het team een nieuwe verdeling voor, die pas geldt als elk lid ermee instemt.
work-field-capacity = Beschikbare dagen
work-field-capacity-hint = Hele dagen die u in de periode kunt geven (hoogstens het aantal kalenderdagen).
work-field-from = Beschikbaar vanaf
work-field-to = Beschikbaar tot
work-field-rate = Dagtarief
work-col-member = Lid
work-col-capacity = Capaciteit
work-col-rate = Dagtarief
work-col-weight = Gewicht
work-col-days = Dagen
work-col-amount = Bedrag
work-col-now = Nu
work-col-proposed = Voorgesteld
work-col-month = Maand
work-col-booked = Geboekte dagen
work-col-load = Bezetting
work-total = Totaal
work-fee-line = Aanbrengvergoeding
work-team = Team
work-team-none = Nog geen team.
work-form-team = Het team vormen
work-basis-capacity = Verdeeld naar de dagen die elk lid meldde.
work-basis-shares = Verdeeld naar aandelen die het team afsprak.
work-field-basis = Verdeling
work-field-members = Leden
work-field-share = Aandeel van { $organisation }
work-field-share-hint = Met aandelen: hele getallen, bijvoorbeeld 50, 30 en 20, of 2, 1 en 1.
work-show-split = De verdeling tonen
work-preview = De verdeling voor u bevestigt
work-confirm-consequence = Het team vormen is definitief: elk lid hoort zijn dagen en zijn bedrag. Latere wijzigingen vragen de instemming van het hele team.
work-confirm-team = Het team vormen met deze verdeling
work-change-choices = De keuzes wijzigen
work-proposal = Een nieuwe verdeling wacht op instemming
work-proposal-lead = De capaciteit van een lid is gewijzigd. De geldende verdeling blijft tot elk lid van het team deze aanvaardt; één weigering houdt de geldende verdeling.
work-answers = Antwoorden
work-answer-accepted = aanvaard
work-answer-declined = geweigerd
work-consent-for = Antwoorden voor { $organisation }:
work-accept = De nieuwe verdeling aanvaarden
work-decline = De geldende verdeling houden
work-busyness-lead = Maand per maand de werkdagen die uw organisatie aanvaardde (haar aandeel in elk team) tegenover de dagen die ze als beschikbaar meldde.
work-busyness-none = Geen aanvaard werk en geen gemelde capaciteit vanaf deze maand.
work-show = Tonen
work-over = Meer dan gemeld
error-work-days-range = Tussen 1 en 10 000 dagen.
error-work-fee-range = Een percentage tussen 0 en 50, met hoogstens twee decimalen.
error-work-no-members = Kies minstens één lid.
error-work-duplicate-member = Een lid is twee keer gekozen.
error-work-missing-share = Geef elk gekozen lid een aandeel: een heel getal boven nul.
error-work-no-capacity = Een gekozen lid meldde geen capaciteit.
error-work-period-order = De laatste dag valt voor de eerste.
error-work-capacity-positive = Geef een aantal dagen boven nul.
error-work-capacity-over-period = Meer dagen dan de periode telt.
error-work-rate-negative = Een dagtarief kan niet onder nul liggen.
error-work-skills = Hoogstens 20 vaardigheden van elk hoogstens 60 tekens.
error-work-not-interested = Alleen leden die interesse meldden kunnen in het team.
error-work-not-in-team = Deze organisatie zit niet in het team.
error-work-team-formed = Het team van deze kans is al gevormd.
error-work-no-proposal = Geen nieuwe verdeling wacht op een antwoord.
error-work-already-answered = Deze organisatie heeft al geantwoord.
work-mail-open = De kans openen
work-mail-posted-subject = Nieuwe kans: { $title }
work-mail-posted-body = Een lid plaatste "{ $title }": { $budget } voor { $days } werkdagen, van { $starts } tot { $ends }. Heeft uw organisatie de tijd en de vaardigheden, meld dan haar interesse en capaciteit.
work-mail-formed-subject = Team gevormd: { $title }
work-mail-formed-body = Het team van "{ $title }" is gevormd ({ $budget }, { $days } dagen). Het aandeel van { $organisation }: { $share_days } dagen en { $share }.
work-mail-proposed-subject = Nieuwe verdeling te aanvaarden: { $title }
work-mail-proposed-body = Een capaciteit in het team van "{ $title }" is gewijzigd. Het aandeel van { $organisation } zou gaan van { $before_days } dagen en { $before } naar { $share_days } dagen en { $share }. De geldende verdeling blijft tot elk lid aanvaardt.
notifications-kind-opportunity_posted = Een nieuwe werkkans in het netwerk
notifications-kind-team_formed = Een team waarin uw organisatie zit is gevormd
notifications-kind-split_proposed = Een nieuwe verdeling van het werk van een team wacht op uw instemming
work-status-filled = Gesloten: vervuld
work-status-lost = Gesloten: verloren
work-status-withdrawn = Ingetrokken
work-end = Deze kans sluiten of intrekken
work-end-how = Hoe ze eindigt
work-end-filled = Gesloten: het werk is binnengehaald en vervuld
work-end-lost = Gesloten: het werk ging naar een ander
work-end-withdrawn = Ingetrokken: we nemen ze terug
work-end-told = De leden die interesse meldden, krijgen een e-mail: { $members }.
work-end-told-none = Geen lid meldde interesse: niemand krijgt bericht.
work-end-final = Daarna neemt ze geen interesse meer aan. Dit kan niet ongedaan worden.
work-end-confirm = De kans beëindigen
error-work-outcome = Kies hoe ze eindigt: vervuld, verloren of ingetrokken.
error-work-opportunity-ended = Deze kans is beëindigd: ze neemt geen interesse meer aan.
notifications-kind-opportunity_ended = Een werkkans waarin uw organisatie interesse had, is beëindigd
work-mail-ended-subject = Kans beëindigd: { $title }
work-mail-ended-body = { $outcome ->
    [filled] "{ $title }" is gesloten: het werk is binnengehaald en vervuld.
    [lost] "{ $title }" is gesloten: het werk ging naar een ander.
   *[withdrawn] "{ $title }" werd ingetrokken door het lid dat ze plaatste.
} Ze neemt geen interesse meer aan.
