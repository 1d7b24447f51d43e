assemblies-title = Vergaderingen
assemblies-intro = Maandelijkse vergaderingen, vergaderingen van de kerngroep, algemene vergaderingen en evenementen van het netwerk.
assemblies-new-title = Vergadering plannen
assemblies-new-submit = Plannen
assemblies-coming = Komende vergaderingen
assemblies-past = Voorbije vergaderingen
assemblies-none = Geen vergaderingen.
assemblies-cancelled = Geannuleerd
assemblies-kind-assembly = Maandelijkse vergadering
assemblies-kind-core = Vergadering van de kerngroep
assemblies-kind-general_assembly = Algemene vergadering
assemblies-kind-event = Evenement
assemblies-field-kind = Soort vergadering
assemblies-field-title = Titel
assemblies-field-description = Beschrijving
assemblies-field-starts-at = Begin
assemblies-field-duration = Duur (minuten)
assemblies-field-recurrence = Herhaling (RRULE-regel, optioneel)
assemblies-field-recurrence-hint = Bijvoorbeeld FREQ=MONTHLY;BYDAY=1TU: de eerste dinsdag van elke maand, op hetzelfde uur.
assemblies-field-place = Plaats
assemblies-field-video = Link naar de videovergadering
assemblies-field-reminders = Herinneringen (dagen vooraf, gescheiden door komma's)
assemblies-field-agenda-hint = Eén punt per regel; „proposal 12” of „poll 7” koppelt een voorstel of een stemming.
assemblies-agenda = Agenda
assemblies-agenda-proposal = voorstel
assemblies-agenda-poll = stemming
assemblies-video = Deelnemen via video
assemblies-download-ics = Toevoegen aan mijn agenda (.ics)
assemblies-do-you-come = Komt u?
assemblies-answer-yes = Ik kom
assemblies-answer-maybe = Misschien
assemblies-answer-no = Ik kom niet
assemblies-answer-save = Mijn antwoord opslaan
assemblies-answer-saved = Uw antwoord is opgeslagen.
assemblies-answer-closed = Deze vergadering is begonnen of geannuleerd: antwoorden zijn gesloten.
assemblies-not-answered = nog niet geantwoord
assemblies-next-title = Volgende vergadering
assemblies-attendance = Aanwezigheid
assemblies-present = Aanwezig
assemblies-quorum = Aanwezige of vertegenwoordigde organisaties / quorum (leden)
assemblies-quorum-met = quorum bereikt
assemblies-take-attendance = Aanwezigheid opnemen
assemblies-attendance-save = Aanwezigheid opslaan
assemblies-attendance-saved = Aanwezigheid opgeslagen.
assemblies-cancel = Vergadering annuleren
assemblies-cancel-confirm = Ja, annuleren
assemblies-calendar-title = Mijn agenda
assemblies-calendar-intro = Een privéadres dat uw agenda volgt: alle vergaderingen waarvoor u uitgenodigd bent, altijd bijgewerkt.
assemblies-calendar-new = Mijn agenda-adres maken
assemblies-calendar-replace = U hebt al een adres: een nieuw adres stopt het oude.
assemblies-calendar-copy = Kopieer dit adres in uw agenda (het wordt maar één keer getoond):
assemblies-mail-invitation-subject = Uitnodiging: { $title }, { $starts }
assemblies-mail-invitation-body = U bent uitgenodigd voor „{ $title }”, { $starts }. { $place }
assemblies-mail-updated-subject = Gewijzigd: { $title }, { $starts }
assemblies-mail-updated-body = De vergadering „{ $title }” is gewijzigd: { $starts }. { $place }
assemblies-mail-cancelled-subject = Geannuleerd: { $title }
assemblies-mail-cancelled-body = De vergadering „{ $title }” van { $starts } is geannuleerd.
assemblies-mail-reminder-subject = Herinnering: { $title }, { $starts }
assemblies-mail-reminder-body = Herinnering: „{ $title }”, { $starts }. { $place }
assemblies-mail-see = Vergadering bekijken
assemblies-mail-answer = Antwoord met één tik (komt u?):
error-meeting-kind = Kies de soort vergadering.
error-meeting-time-zone = Onbekende tijdzone.
error-meeting-starts-at = Geef de datum en het uur van het begin.
error-meeting-ends-before-start = De vergadering moet eindigen na het begin (duur van meer dan 0 minuten).
error-meeting-too-long = Een vergadering duurt hoogstens een week.
error-meeting-reminder-after = Een herinnering moet vóór de vergadering komen (een positief aantal dagen).
error-meeting-reminder-too-early = Een herinnering komt hoogstens 60 dagen vooraf.
error-meeting-too-many-reminders = Hoogstens vijf herinneringen.
error-meeting-video-url = De link moet een webadres zijn (https://…).
error-meeting-recurrence-never = Deze regel valt nooit (bijvoorbeeld een 30 februari).
error-meeting-recurrence-invalid = Onleesbare herhalingsregel (bijvoorbeeld FREQ=MONTHLY;BYDAY=1TU).
error-meeting-agenda-empty = Een agendapunt is leeg.
error-meeting-agenda-too-long = Hoogstens vijftig punten.
error-meeting-agenda-unknown = Dat voorstel of die stemming bestaat niet in het netwerk.
error-meeting-in-the-past = Het nieuwe begin is al voorbij.
error-meeting-answer = Antwoord yes, no of maybe.
error-meeting-unknown-person = Een van deze personen hoort niet bij het netwerk.
error-meeting-not-ahead = Deze vergadering is begonnen of geannuleerd.
error-meeting-not-now = Aanwezigheid wordt opgenomen vanaf de dag vóór de vergadering, tenzij ze geannuleerd is.
nav-meetings = Vergaderingen
assemblies-count = { $count ->
    [0] Geen vergaderingen
    [one] Eén vergadering
   *[other] { $count } vergaderingen
}
assemblies-cancel-consequence = { $count ->
    [0] Nog niemand is uitgenodigd: er wordt niets verstuurd. Dit kan niet ongedaan worden.
    [one] De uitgenodigde persoon krijgt de annulering, en de agenda verwijdert ze. Dit kan niet ongedaan worden.
   *[other] De { $count } uitgenodigde personen krijgen de annulering, en hun agenda's verwijderen ze. Dit kan niet ongedaan worden.
}
assemblies-minutes-title = Verslag
assemblies-minutes-status-none = Nog geen verslag.
assemblies-minutes-status-draft = Verslag in de maak (nog niet gepubliceerd).
assemblies-minutes-status-published = Gepubliceerd
assemblies-minutes-write = Het verslag schrijven
assemblies-minutes-text = Verslag (Markdown)
assemblies-minutes-hint = Markdown: # voor een titel, - voor een lijst, **vet**, [tekst](https://…) voor een link.
assemblies-minutes-save = Het ontwerp bewaren
assemblies-minutes-saved = Ontwerp bewaard.
assemblies-minutes-publish = Goedkeuren en publiceren
assemblies-minutes-publish-confirm = Ja, goedkeuren en publiceren
assemblies-minutes-publish-consequence = { $count ->
    [0] Niemand wordt verwittigd: het netwerk heeft nog niemand. Een gepubliceerd verslag en zijn besluiten veranderen niet meer.
    [one] De persoon van het netwerk krijgt het per e-mail. Een gepubliceerd verslag en zijn besluiten veranderen niet meer.
   *[other] De { $count } personen van het netwerk krijgen het per e-mail. Een gepubliceerd verslag en zijn besluiten veranderen niet meer.
}
assemblies-decisions = Besluiten
assemblies-decisions-none = Geen besluiten.
assemblies-decision-text = Besluit
assemblies-decision-made-by = genomen door
assemblies-decision-made-by-field = Genomen door (optioneel)
assemblies-decision-made-by-none = Niets op de agenda
assemblies-decision-add = Het besluit toevoegen
assemblies-decision-remove = Verwijderen
assemblies-decisions-title = Besluiten van het netwerk
assemblies-decisions-intro = Alle besluiten uit gepubliceerde verslagen, de nieuwste eerst.
assemblies-decisions-search = Zoeken
assemblies-decisions-count = { $count ->
    [0] Geen besluiten
    [one] Eén besluit
   *[other] { $count } besluiten
}
assemblies-mail-minutes-subject = Verslag: { $title }
assemblies-mail-minutes-body = Het verslag van ‘{ $title }’ ({ $starts }) is goedgekeurd en gepubliceerd.
assemblies-mail-minutes-see = Het verslag lezen
error-minutes-published = Dit verslag is gepubliceerd: het verandert niet meer.
error-minutes-too-long = Een verslag telt hoogstens 100 000 tekens.
error-minutes-empty = Schrijf het verslag voordat u het publiceert.
error-minutes-before-meeting = Een verslag wordt gepubliceerd zodra de vergadering begonnen is.
error-meeting-cancelled = Deze vergadering is geannuleerd.
error-decision-text-empty = Schrijf het besluit.
error-decision-text-too-long = Een besluit telt hoogstens 2 000 tekens, zonder controletekens.
error-decision-poll-unknown = Die stemming bestaat niet in het netwerk.
error-decision-transition-unknown = Die wijziging van een voorstel bestaat niet in het netwerk.
error-decision-too-many = Hoogstens tweehonderd besluiten per vergadering.
core-title = Kerngroep
core-intro = De organisaties in de kerngroep, op welke zetel en sinds wanneer.
core-rules = Regels: { $facilitator_min }–{ $facilitator_max } zetels voor de faciliterende coöperatie, { $elected_min }–{ $elected_max } verkozen onder de gebruikerscoöperaties; een verkozen mandaat duurt hoogstens { $max_days } dagen.
core-sitting = Vandaag in de kerngroep
core-history = Wie wanneer zetelde
core-none = Niemand.
core-seat-facilitator = Zetel van de faciliterende coöperatie
core-seat-elected = Verkozen zetel
core-elected-by = verkozen door een stemming
core-field-organisation = Organisatie
core-field-seat = Zetel
core-field-starts-on = Eerste dag
core-field-ends-on = Laatste dag
core-add = Een mandaat registreren
core-add-submit = Het mandaat registreren
core-mail-ending-subject = Een mandaat in de kerngroep eindigt op { $ends }
core-mail-ending-body = Het mandaat van { $organisation } in de kerngroep eindigt op { $ends }. Tijd om de verkiezing of de verlenging voor te bereiden.
core-mail-ending-see = De kerngroep bekijken
nav-core = Kerngroep
error-core-seat = Kies de zetel: die van de faciliterende coöperatie, of een verkozen zetel.
error-core-day = Geef de dag als JJJJ-MM-DD.
error-core-organisation = Kies een lidorganisatie van het netwerk.
error-core-elected-user = Een verkozen zetel gaat naar een gebruikerscoöperatie.
error-core-facilitator-kind = Deze zetel gaat naar de faciliterende coöperatie.
error-core-rules = De zetelregels van het netwerk spreken elkaar tegen (een minimum boven zijn maximum).
error-core-ends-before-start = Een mandaat eindigt na de dag waarop het begint.
error-core-too-long = Regel overtreden: een verkozen mandaat duurt hoogstens de grens van het netwerk (standaard 2 jaar).
error-core-too-many = Regel overtreden: meer zetels van deze soort dan het netwerk op dat moment toelaat.
error-core-too-few = Regel overtreden: minder zetels van deze soort dan het netwerk vraagt.
error-core-two-seats = Regel overtreden: een organisatie heeft één zetel tegelijk.
core-elections = Verkiezingen
core-elections-none = Nog geen verkiezing.
core-election-seats = { $count ->
    [0] Geen verkozen zetel
    [one] Eén verkozen zetel
   *[other] { $count } verkozen zetels
}
core-election-status-candidacy = Oproep tot kandidaten: gebruikerscoöperaties kunnen zich kandidaat stellen.
core-election-status-voting = De stemming is open.
core-election-status-done = Verkozen: de nieuwe mandaten zijn geregistreerd.
core-election-status-failed = Niet geregistreerd
core-election-poll = De stemming
core-candidates = Kandidaten
core-stand-for = Kandidaat stellen voor
core-stand = Kandidaat stellen
core-start-vote = De stemming starten
core-start-vote-consequence = De oproep tot kandidaten sluit en een goedkeuringsstemming van de gebruikerscoöperaties opent, één optie per kandidaat. Bij de sluiting krijgen de kandidaten met de meeste goedkeuringen de zetels, als de zetelregels het toelaten.
core-call = Een verkiezing uitschrijven
core-call-seats = Te bezetten verkozen zetels
core-call-submit = Oproepen tot kandidaten
core-mail-call-subject = Verkiezing voor de kerngroep: kandidaten gezocht
core-mail-call-body = Een verkiezing voor de kerngroep is uitgeschreven: { $seats } verkozen zetel(s), van { $starts } tot { $ends }. Een gebruikerscoöperatie stelt zich kandidaat op de pagina van de kerngroep.
error-core-election-seats = Te bezetten zetels: van 1 tot het maximum aan verkozen zetels van het netwerk.
error-core-election-closed = De oproep tot kandidaten van deze verkiezing is gesloten.
error-core-candidate-twice = Deze organisatie is al kandidaat.
error-core-election-few-candidates = Minder kandidaten dan zetels (of dan twee): wacht op meer vóór de stemming.
assemblies-needing-minutes-title = Vergaderingen zonder gepubliceerd verslag
core-ending-title = Mandaten in de kerngroep die binnenkort eindigen
governance-title = Bestuursregels
governance-intro = De regels van het netwerk voor vergaderingen, beslissingsstemmingen en de kerngroep. Elke wijziging wordt vastgelegd en hieronder getoond.
governance-summary = Quorum van de vergadering { $assembly } %; een beslissingsstemming vraagt { $poll } % deelname en wordt aangenomen bij { $threshold }; kerngroep: { $facilitator_min }–{ $facilitator_max } zetels voor de faciliterende coöperatie, { $elected_min }–{ $elected_max } verkozen, een verkozen mandaat hoogstens { $max_days } dagen.
governance-quorums = Quorums en drempel
governance-assembly-quorum = Quorum van de vergadering: aandeel aanwezige of vertegenwoordigde lidorganisaties (%)
governance-poll-quorum = Quorum van een beslissingsstemming zonder eigen quorum: aandeel van het kiezerskorps dat moet stemmen (%)
governance-poll-threshold = Drempel van een beslissingsstemming zonder eigen drempel
governance-threshold-simple_majority = gewone meerderheid
governance-threshold-two_thirds = tweederdemeerderheid
governance-threshold-custom = een andere breuk
governance-threshold-fraction = De breuk, als het een andere is (bijvoorbeeld 3/5)
governance-seats = Zetels in de kerngroep
governance-facilitator-min = Zetels van de faciliterende coöperatie, minstens
governance-facilitator-max = Zetels van de faciliterende coöperatie, hoogstens
governance-elected-min = Verkozen zetels, minstens
governance-elected-max = Verkozen zetels, hoogstens
governance-mandate-days = Langste verkozen mandaat (dagen)
governance-save-consequence = Nieuwe stemmingen, mandaten en vergaderingen volgen de nieuwe regels; bestaande stemmingen en vastgelegde mandaten houden de hunne.
governance-save = Regels opslaan
governance-changes = Recente wijzigingen
governance-no-changes = Nog geen wijziging: het netwerk volgt de standaardregels.
governance-before = Voor:
governance-after = Na:
governance-link = Bestuursregels
error-governance-min-above-max = Het minimum ligt boven het maximum.
error-governance-mandate-days = Geef een duur tussen 30 en 3660 dagen.
audit-action-governance-update = Bestuursregels gewijzigd
core-election-poll-title = Verkiezing van de kerngroep, mandaten van { $from } tot { $until }
core-election-poll-seats = { $seats ->
    [one] Eén zetel te begeven.
   *[other] { $seats } zetels te begeven.
}
assemblies-edit-title = De vergadering wijzigen
assemblies-edit-link = De vergadering wijzigen
assemblies-edit-who = Wie de wijziging krijgt
assemblies-edit-not-invited = De uitnodigingen zijn nog niet verstuurd: nu wordt niemand verwittigd, en de uitnodigingen bevatten de nieuwe gegevens.
assemblies-edit-submit = De wijzigingen bewaren
assemblies-edit-consequence = { $count ->
    [0] Nog niemand is uitgenodigd: er wordt niets verstuurd.
    [one] Als de datum, het uur, de duur, de titel, de plaats, de link of de beschrijving verandert, krijgt de uitgenodigde persoon de wijziging, en de agenda past de vergadering aan. Alleen de herinneringen wijzigen verwittigt niemand.
   *[other] Als de datum, het uur, de duur, de titel, de plaats, de link of de beschrijving verandert, krijgen de { $count } uitgenodigde personen de wijziging, en hun agenda's passen de vergadering aan. Alleen de herinneringen wijzigen verwittigt niemand.
}
assemblies-edit-submit-tell = { $count ->
    [0] De wijzigingen bewaren
    [one] Bewaren en de uitgenodigde persoon verwittigen
   *[other] Bewaren en de { $count } uitgenodigde personen verwittigen
}
assemblies-quorum-present = { $count ->
    [0] geen aanwezig
    [one] één aanwezig
   *[other] { $count } aanwezig
}
assemblies-quorum-represented = { $count ->
    [0] geen vertegenwoordigd bij volmacht
    [one] één vertegenwoordigd bij volmacht
   *[other] { $count } vertegenwoordigd bij volmacht
}
assemblies-proxies = Volmachten
assemblies-proxy-held-by = volmacht bij { $holder }
assemblies-proxy-link = Onze volmacht geven
assemblies-proxy-title = Volmacht voor de vergadering
assemblies-proxy-intro = Een organisatie die niet kan komen, geeft haar volmacht aan een andere lidorganisatie: wie die vertegenwoordigt, spreekt voor beide, en beide tellen mee voor het quorum als die aanwezig is. Een organisatie houdt hoogstens één volmacht, en een organisatie die haar volmacht gaf, kan er geen houden.
assemblies-proxy-giver = Organisatie
assemblies-proxy-show = Tonen
assemblies-proxy-none = Geen volmacht gegeven voor deze vergadering.
assemblies-proxy-holder = De volmacht geven aan
assemblies-proxy-holder-hint = Een lidorganisatie van het netwerk. Ze vervangt een eerder gegeven volmacht.
assemblies-proxy-give = De volmacht geven
assemblies-proxy-withdraw = De volmacht intrekken
assemblies-proxy-withdraw-consequence = Na het intrekken telt de organisatie alleen mee voor het quorum als haar eigen vertegenwoordiger aanwezig is.
assemblies-proxy-closed = Deze vergadering neemt nu geen volmachten (ze is voorbij, geannuleerd of heeft geen quorum).
error-meeting-proxy-kind = Alleen algemene vergaderingen en maandelijkse vergaderingen nemen volmachten.
error-meeting-proxy-closed = Deze vergadering is voorbij of geannuleerd: volmachten veranderen niet meer.
error-meeting-proxy-member = Alleen een lidorganisatie van het netwerk geeft of houdt een volmacht.
error-meeting-proxy-self = Een organisatie kan haar volmacht niet aan zichzelf geven.
error-meeting-proxy-holder-gave = Deze organisatie gaf haar eigen volmacht: ze kan er geen houden.
error-meeting-proxy-limit = Deze organisatie houdt al een volmacht voor deze vergadering.
error-meeting-proxy-chain = Deze organisatie houdt de volmacht van een andere: ze kan haar eigen niet geven.
assemblies-field-capacity = Plaatsen (evenementen, optioneel)
assemblies-field-capacity-hint = Leeg: geen limiet. Daarboven komen mensen op een wachtlijst, en krijgen ze een plaats zodra er een vrijkomt.
assemblies-registration = Inschrijving
assemblies-no-limit = Geen limiet op plaatsen.
assemblies-places-left = { $count ->
    [0] Geen plaats meer vrij
    [one] Eén plaats vrij
   *[other] { $count } plaatsen vrij
}
assemblies-capacity = { $count ->
    [0] geen plaats
    [one] één plaats in totaal
   *[other] { $count } plaatsen in totaal
}
assemblies-waiting-count = { $count ->
    [0] niemand wacht
    [one] één persoon wacht
   *[other] { $count } personen wachten
}
assemblies-you-are-registered = U bent ingeschreven.
assemblies-your-position = { $count ->
    [0] U staat niet op de wachtlijst.
    [one] U staat eerst op de wachtlijst.
   *[other] U bent nummer { $count } op de wachtlijst.
}
assemblies-register = Inschrijven
assemblies-join-waiting = Op de wachtlijst
assemblies-withdraw = Mijn inschrijving intrekken
assemblies-withdraw-consequence = U geeft uw plaats op; opnieuw inschrijven zet u achteraan.
assemblies-withdraw-gives-place = Uw plaats gaat meteen naar de eerste wachtende, die per e-mail verwittigd wordt; opnieuw inschrijven zet u achteraan.
assemblies-mail-place-subject = Een plaats voor u: { $title }
assemblies-mail-place-body = Er is een plaats vrijgekomen voor “{ $title }”, { $starts }: ze is van u, u bent ingeschreven. Als u niet kunt komen, trek u dan terug op de pagina van het evenement zodat de volgende ze krijgt.
error-meeting-capacity = Plaatsen: een geheel getal van 1 tot 100 000.
error-meeting-capacity-kind = Alleen een evenement heeft een aantal plaatsen.
error-meeting-capacity-below = Er zijn al meer mensen ingeschreven: er kunnen niet minder plaatsen zijn.
error-meeting-registration-kind = Alleen evenementen nemen inschrijvingen.
assemblies-documents = Documenten
assemblies-documents-none = Nog geen documenten.
assemblies-documents-manage = Documenten toevoegen of verwijderen
assemblies-document-add-file = Een bestand toevoegen
assemblies-document-file = Bestand
assemblies-document-file-hint = Een pdf, een rekenblad, een afbeelding: hoogstens { $size } MB. Iedereen in het netwerk kan het downloaden.
assemblies-document-title = Titel
assemblies-document-title-hint = Optioneel: blijft hij leeg, dan wordt de bestandsnaam gebruikt.
assemblies-document-attach = Bestand toevoegen
assemblies-document-add-page = Een pagina van de documentatie koppelen
assemblies-document-page = Pagina
assemblies-document-page-hint = De pagina blijft actueel. Alleen wie ze mag lezen, ziet ze in de lijst.
assemblies-document-link = Pagina koppelen
assemblies-document-kind-page = pagina van de documentatie
assemblies-document-remove = Verwijderen
assemblies-document-remove-file-consequence = Het bestand wordt verwijderd. Wie de vergadering opent, vindt het niet meer. Niemand krijgt een e-mail.
assemblies-document-remove-page-consequence = De koppeling verdwijnt uit de vergadering. De pagina zelf blijft in de documentatie. Niemand krijgt een e-mail.
assemblies-document-remove-confirm = Document verwijderen
assemblies-document-keep = Behouden
error-meeting-document-required = Kies een bestand, of een pagina om te koppelen.
error-meeting-document-one = Voeg een bestand toe of koppel een pagina, niet beide tegelijk.
error-meeting-document-empty = Het bestand is leeg. Kies het opnieuw.
error-meeting-document-too-large = Het bestand is groter dan 10 MB. Maak het kleiner, of koppel het vanuit een pagina van de documentatie.
error-meeting-document-too-many = Deze vergadering heeft al 50 documenten. Verwijder er eerst een.
error-meeting-document-page-unknown = Kies een pagina van de documentatie van dit netwerk.
error-meeting-document-title-long = De titel heeft hoogstens 200 tekens.
