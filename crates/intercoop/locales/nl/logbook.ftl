# Het logboek en de nieuwsbrief (ticket 17, punten 5 en 6).
logbook-title = Logboek
logbook-intro = Wat het netwerk deed en leerde, in artikels van de begeleider en de kerncirkel.
logbook-feed = Atom-feed
logbook-new = Een artikel schrijven
logbook-edit = Het artikel wijzigen
logbook-none = Nog geen artikel.
logbook-visibility-public = Openbaar
logbook-visibility-members = Alleen leden
logbook-public-page = Openbare pagina
logbook-field-title = Titel
logbook-field-body = Tekst
logbook-field-body-hint = Markdown: **vet**, *cursief*, [link](https://…), ![beschrijving van de afbeelding](https://…/foto.jpg), lijsten met -.
logbook-field-visibility = Wie het leest
logbook-save = Opslaan
logbook-sent = Dit artikel ging naar de abonnees van de nieuwsbrief.
logbook-sent-issue = Het nummer bekijken
logbook-send = Als nummer van de nieuwsbrief versturen
logbook-send-consequence = { $count ->
    [0] Nog niemand heeft een abonnement bevestigd: het nummer wordt gearchiveerd, en niemand ontvangt het.
    [one] Eén bevestigd adres ontvangt het nu, in de taal van het netwerk. Dit kan niet ongedaan worden.
   *[other] { $count } bevestigde adressen ontvangen het nu, in de taal van het netwerk. Dit kan niet ongedaan worden.
}
logbook-send-confirm = Nu versturen
logbook-send-members-only = Een artikel alleen voor leden kan niet in de nieuwsbrief: niet al zijn abonnees zijn lid.
error-logbook-too-long = De tekst is te lang: hoogstens 100 000 tekens.
error-logbook-visibility = Kies wie het leest: openbaar of alleen leden.
error-logbook-members-only = Een artikel alleen voor leden kan niet naar de abonnees van de nieuwsbrief.
error-logbook-already-sent = Dit artikel ging al als nummer van de nieuwsbrief weg.
newsletter-title = Nieuwsbrief
newsletter-intro = De nummers gaan naar elk adres dat zijn abonnement bevestigde, in zijn taal als het nummer een vertaling heeft.
newsletter-confirmed = { $count ->
    [0] Geen bevestigde abonnee
    [one] Eén bevestigde abonnee
   *[other] { $count } bevestigde abonnees
}
newsletter-pending = { $count ->
    [0] niemand wacht op bevestiging
    [one] één wacht op bevestiging
   *[other] { $count } wachten op bevestiging
}
newsletter-subscribers = Abonnees
newsletter-no-subscribers = Nog niemand heeft zich geabonneerd.
newsletter-new = Een nummer schrijven
newsletter-public-page = Openbare pagina en archief
newsletter-issues = Nummers
newsletter-none = Nog geen nummer verstuurd.
newsletter-sent-on = Verstuurd op { $date }
newsletter-status-draft = Ontwerp
newsletter-status-pending = Wacht op bevestiging
newsletter-status-confirmed = Bevestigd
newsletter-status-left = Uitgeschreven
newsletter-bounced = e-mails daarheen mislukken: er wordt niets meer verstuurd
newsletter-col-email = Adres
newsletter-col-status = Stand
newsletter-col-since = Sinds
newsletter-field-subject = Onderwerp
newsletter-field-body = Tekst
newsletter-field-language = Taal
newsletter-preview = Voorbeeld
newsletter-archived = In het openbare archief
newsletter-translate = Een vertaling toevoegen of wijzigen
newsletter-translate-all = Elke taal heeft een tekst. Er opnieuw een kiezen vervangt haar tekst.
newsletter-translate-save = De vertaling opslaan
newsletter-send = Naar de abonnees versturen
newsletter-send-consequence = { $count ->
    [0] Nog niemand heeft een abonnement bevestigd: het nummer wordt gearchiveerd, en niemand ontvangt het.
    [one] Eén bevestigd adres ontvangt het nu, in zijn taal. Dit kan niet ongedaan worden.
   *[other] { $count } bevestigde adressen ontvangen het nu, elk in zijn taal. Dit kan niet ongedaan worden.
}
newsletter-send-confirm = Nu versturen
newsletter-subscribe = Abonneren
newsletter-field-email = Uw e-mailadres
newsletter-field-email-hint = We sturen één e-mail met een bevestigingslink. Niets anders wordt verstuurd voor u die volgt.
newsletter-asked = Dank u. Kijk in uw mailbox: volg de link van onze e-mail om uw abonnement te bevestigen.
newsletter-archive = Vorige nummers
newsletter-confirm-title = Uw abonnement bevestigen
newsletter-confirm-ask = De nieuwsbrief van { $network } ontvangen op { $address }?
newsletter-confirm-button = Ja, abonneren
newsletter-confirm-done = Klaar: { $address } ontvangt de nieuwsbrief van { $network }. Elk nummer heeft een link om u uit te schrijven.
newsletter-confirm-already = { $address } ontvangt de nieuwsbrief van { $network } al.
newsletter-unsubscribe-title = Uitschrijven
newsletter-unsubscribe-ask = De nieuwsbrief van { $network } naar { $address } stoppen?
newsletter-unsubscribe-button = Uitschrijven
newsletter-unsubscribe-done = Klaar: { $address } ontvangt niets meer van de nieuwsbrief van { $network }.
newsletter-unsubscribe-already = { $address } ontvangt de nieuwsbrief van { $network } niet meer.
newsletter-mail-confirm-subject = Bevestig uw abonnement op de nieuwsbrief van { $network }
newsletter-mail-confirm-body = Iemand, waarschijnlijk u, vroeg om de nieuwsbrief van { $network } op dit adres te ontvangen.
newsletter-mail-confirm-action = Mijn abonnement bevestigen
newsletter-mail-confirm-not-you = Was u het niet, doe dan niets: zonder bevestiging ontvangt u niets.
newsletter-mail-footer-why = U ontvangt deze nieuwsbrief omdat u zich erop abonneerde.
newsletter-mail-footer-archive = Online lezen
newsletter-mail-footer-unsubscribe = Uitschrijven
mail-greeting-address = Hallo,
notifications-kind-newsletter_confirmation = De bevestiging van een abonnement op de nieuwsbrief
notifications-kind-newsletter_issue = De nieuwsbrief
error-newsletter-too-long = De tekst is te lang: hoogstens 100 000 tekens.
error-newsletter-language = Kies een andere taal dan die van het nummer.
error-newsletter-sent = Dit nummer is al verstuurd: het blijft zoals het verstuurd werd.
newsletter-rate-limited = Er zijn te veel inschrijvingen gevraagd voor dit adres of vanaf je verbinding. Wacht een uur en probeer het dan opnieuw.
logbook-image-title = Een afbeelding toevoegen
logbook-image-intro = De afbeelding komt aan het einde van de tekst, waar je ze kunt verplaatsen. Bewaar eerst je wijzigingen aan de tekst: een afbeelding toevoegen laadt deze pagina opnieuw.
logbook-field-image = Afbeelding
logbook-field-image-hint = PNG, JPEG, GIF of WebP, hoogstens { $size } MB. Wie het artikel leest, ziet ze.
logbook-field-image-alt = Wat de afbeelding toont
logbook-field-image-alt-hint = Voor mensen die ze niet zien. Bijvoorbeeld: de vergadering in de zaal Zeta.
logbook-image-add = Afbeelding toevoegen
error-logbook-image-required = Kies een afbeelding.
error-logbook-image-too-large = De afbeelding is groter dan 5 MB. Maak ze kleiner en kies ze opnieuw.
error-logbook-image-type = Dit bestand is geen PNG-, JPEG-, GIF- of WebP-afbeelding. Kies een andere.
logbook-private-feed-title = Je privéfeed van het logboek
logbook-private-feed-intro = Een feedadres voor je feedlezer, ook met de artikels voor leden. Het is alleen van jou: wie het heeft, leest die artikels.
logbook-private-feed-copy = Kopieer dit adres in je feedlezer. Het wordt maar één keer getoond.
logbook-private-feed-replace = Je hebt al een adres. Een nieuw adres stopt het oude.
logbook-private-feed-new = Een nieuw adres maken
logbook-private-feed-stop-consequence = Daarna antwoordt het adres meteen niet meer.
logbook-private-feed-stop = De feed stoppen
logbook-private-feed-stopped = De feed is gestopt: het adres werkt niet meer.
logbook-private-feed-public = De openbare feed, zonder de artikels voor leden:
