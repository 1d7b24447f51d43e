# Aanvragen om lid te worden, de beoordeling, de onthaalchecklist (issue 18).
join-title = Lid worden
join-heading = Lid worden van { $network }
join-intro = Stel uw organisatie voor. De kerngroep leest elke aanvraag en antwoordt per e-mail.
join-honeypot = Laat dit veld leeg
join-organisation = Uw organisatie
join-field-city = Plaats
join-field-software-hint = De software die uw organisatie gebruikt, één per regel (bijvoorbeeld Odoo, een shiftplanning).
join-contact = Contactpersoon
join-field-email-hint = We sturen een link naar dit adres. De kerngroep ziet uw aanvraag pas als u die link hebt geopend.
join-level-observer = Waarnemer: u ziet alles en stemt niet
join-level-active = Actief lid: u stemt ook
join-field-motivation = Waarom wilt u lid worden?
join-field-charter = Ik heb het charter van het netwerk gelezen en ga ermee akkoord
join-charter-read = Het charter lezen
join-what-next = Daarna sturen we een bevestigingslink naar het e-mailadres van de contactpersoon.
join-send = Aanvraag versturen
join-sent-title = Kijk in uw e-mail
join-sent-body = Als het adres klopt, is er een bevestigingslink onderweg. Open die om uw aanvraag naar de kerngroep te sturen.
join-sent-spam = Na een paar minuten niets ontvangen? Kijk in uw spammap.
join-confirm-title = Uw aanvraag bevestigen
join-confirm-body = Bevestig de aanvraag van { $organisation }: daarna leest de kerngroep ze.
join-confirm-button = Bevestigen
join-confirmed-title = Bedankt
join-confirmed-body = Uw aanvraag is bij de kerngroep. U krijgt het antwoord per e-mail.
join-applications = Aanvragen om lid te worden
join-applications-intro = Bevestigde aanvragen. De kerngroep en de beheerders lezen ze, geven commentaar en aanvaarden of weigeren ze.
join-filter = Aanvragen tonen
join-status-pending = Wachtend
join-status-accepted = Aanvaard
join-status-declined = Geweigerd
join-status-all = Alle
join-status-unconfirmed = Niet bevestigd
join-none = Geen aanvragen hier.
join-charter = Charter
join-charter-consented = Akkoord met het charter
join-note = Notitie bij de beslissing
join-see-organisation = De pagina van de organisatie
join-deciding-poll = De beslissende stemming
join-accept = Aanvaarden
join-decline = Weigeren
join-comments = Commentaar van de beoordeling
join-no-comments = Nog geen commentaar.
join-comment = Uw commentaar
join-comment-send = Commentaar toevoegen
join-accept-heading = { $organisation } aanvaarden?
join-decline-heading = { $organisation } weigeren?
join-consequences = Dit kan niet ongedaan worden gemaakt:
join-accept-member = de organisatie is vanaf vandaag lid van het netwerk;
join-accept-invite = { $email } wordt uitgenodigd als haar vertegenwoordiger;
join-accept-booklet = de onthaalbrochure wordt met het antwoord meegestuurd;
join-accept-fee = haar eerste lidgeld wordt gevraagd: { $amount }
join-accept-fee-months = { $count ->
    [0] geen maand
    [one] één maand
   *[other] { $count } maanden
}
join-accept-fee-sponsored = waarvan het netwerk { $amount } betaalt
join-accept-no-fee = er wordt geen lidgeld gevraagd: het netwerk heeft geen tarief voor dit jaar;
join-decline-closed = de aanvraag wordt afgesloten;
join-told = { $email } krijgt een e-mail, in de eigen taal.
join-field-sponsorship = Sponsoring van het eerste lidgeld (procent)
join-field-sponsorship-hint = Het deel van het eerste lidgeld dat het netwerk betaalt, van 0 tot 100. Leeg: de sponsoring van het tarief.
join-field-poll = Stemming die besliste (nummer)
join-field-poll-hint = Optioneel: de stemming van het netwerk waarvan dit het resultaat is. De aanvraag linkt ernaar.
join-field-note = Notitie voor de aanvrager
join-mail-confirm-subject = Bevestig uw aanvraag bij { $network }
join-mail-confirm-body = U vroeg dat { $organisation } lid wordt van { $network }. Open deze link om uw e-mailadres te bevestigen: daarna leest de kerngroep uw aanvraag.
join-mail-confirm-action = Mijn aanvraag bevestigen
join-mail-confirm-expiry = Deze link werkt { $days } dagen. Hebt u niets aangevraagd, negeer dan deze e-mail: er wordt niets bewaard.
join-mail-received-subject = Nieuwe aanvraag: { $organisation }
join-mail-received-body = { $organisation } vraagt om lid te worden van { $network }. De contactpersoon heeft het e-mailadres bevestigd.
join-mail-received-action = De aanvraag lezen
join-mail-accepted-subject = Welkom bij { $network }
join-mail-accepted-body = Goed nieuws: { $network } aanvaardt { $organisation } als lid.
join-mail-accepted-next = Met een tweede e-mail opent u uw account als vertegenwoordiger. De onthaalbrochure legt uit hoe het netwerk werkt.
join-mail-accepted-action = De onthaalbrochure lezen
join-mail-declined-subject = Uw aanvraag bij { $network }
join-mail-declined-body = { $network } heeft de aanvraag van { $organisation } niet aanvaard.
notifications-kind-application_received = Een nieuwe aanvraag om lid te worden (kerngroep)
error-charter-consent = Ga akkoord met het charter om de aanvraag te doen.
error-form-too-fast = Het formulier werd te snel verstuurd. Controleer wat u invulde en verstuur het opnieuw.
error-form-expired = Dit formulier is te oud. Controleer wat u invulde en verstuur het opnieuw.
error-sponsorship-range = Geef een getal van 0 tot 100.
error-application-decided = Over deze aanvraag is al beslist.
onboarding-title = Onthaal
onboarding-intro = De eerste stappen van een nieuwe lidorganisatie. Elke stap wordt afgevinkt zodra hij gebeurt.
onboarding-none = Geen van uw organisaties wordt onthaald.
onboarding-progress = { $count ->
    [0] Nog geen stap van vijf gedaan.
    [one] Eén stap van vijf gedaan.
   *[other] { $count } stappen van vijf gedaan.
}
onboarding-done = gedaan
onboarding-todo = te doen
onboarding-booklet_read = De onthaalbrochure is gelezen
onboarding-booklet_read-how = De vertegenwoordiger opent de onthaalbrochure (Documentatie).
onboarding-representative_confirmed = De vertegenwoordiger heeft zich aangemeld
onboarding-representative_confirmed-how = De link in de uitnodigingsmail openen.
onboarding-software_declared = De gebruikte software is opgegeven
onboarding-software_declared-how = De software toevoegen op de pagina van de organisatie.
onboarding-first_fee_paid = Het eerste lidgeld is betaald
onboarding-first_fee_paid-how = Het betalingsverzoek van het eerste lidgeld betalen.
onboarding-first_assembly_attended = Een eerste algemene vergadering bijgewoond
onboarding-first_assembly_attended-how = Iemand van de organisatie wordt op een vergadering als aanwezig genoteerd.
public-join = Lid worden
public-docs = Documentatie
public-about = Over het netwerk
public-members = Leden
public-no-members = Nog geen lid wil hier vermeld worden.
public-map-label = Kaart van de plaatsen van de leden
public-map-caption = Elke stip is een plaats met leden; de ledenlijst noemt ze allemaal.
public-map-place = { $city }: { $count ->
    [1] één lid
   *[other] { $count } leden
}
public-members-all = { $count ->
    [1] Het lid
   *[other] Alle { $count } leden
}
public-members-count = { $count ->
    [1] Eén lidorganisatie wordt hier vermeld.
   *[other] { $count } lidorganisaties worden hier vermeld.
}
public-cofunding = Nu in cofinanciering
public-no-cofunding = Er wordt nu niets gecofinancierd.
public-covered = { $percent } % gedekt
public-funded = Gefinancierd werk
public-no-funded = Nog geen gefinancierd werk.
public-events = Komende evenementen
public-no-events = Geen evenement gepland.
public-logbook = Uit het logboek
public-logbook-all = Alle artikels van het logboek
public-private = De pagina's van dit netwerk zijn voor zijn leden. Meld u aan om ze te zien.
public-settings = Publieke pagina
public-settings-intro = Wat bezoekers van het netwerk zien zonder aan te melden:
public-settings-saved = Bewaard.
public-field-about = Over het netwerk ({ $language })
public-field-charter = Charter
public-field-charter-none = Geen charter
public-field-charter-hint = Een publieke pagina van de documentatie waarmee aanvragers akkoord gaan.
public-field-private = Privénetwerk
public-field-private-hint = Bezoekers zien dan alleen een aanmeldpagina: geen publieke pagina, documentatie of aanvraagformulier.
public-listing = Publieke vermelding
public-listing-intro = Of de organisatie op de publieke pagina van het netwerk staat, en waar ze op de kaart ligt.
public-field-listed = De organisatie op de publieke pagina vermelden
public-field-latitude = Breedtegraad
public-field-longitude = Lengtegraad
public-field-place-hint = In graden, bijvoorbeeld 50.8503 en 4.3517 voor Brussel. Laat beide leeg om niet op de kaart te staan.
error-invalid-degrees = Geef graden, bijvoorbeeld 50.8503 (hoogstens zes decimalen).
nav-applications = Aanvragen
join-poll-heading = Beslissen met een stemming
join-poll-explain = De lidorganisaties stemmen over „Deze organisatie aannemen?”, met het quorum en de drempel van het netwerk. Als de stemming sluit, beslist de uitslag: aangenomen als ze erdoor komt, anders afgewezen, en de contactpersoon krijgt bericht. Tot dan kan niemand met de hand aannemen of afwijzen.
join-poll-closes-on = Laatste dag van de stemming (leeg: met de hand sluiten)
join-poll-open = Stemming openen
join-poll-decides = Deze stemming beslist over de aanvraag: de uitslag geldt zodra ze sluit.
error-application-poll-open = Een stemming beslist over deze aanvraag: de uitslag geldt zodra ze sluit.
error-application-poll-day = Geef een dag op, bijvoorbeeld 2026-12-20.
join-poll-outcome-passed = Stemming aangenomen: aanvraag aanvaard
join-poll-outcome-rejected = Stemming verworpen: aanvraag afgewezen
join-poll-outcome-no_quorum = Quorum niet gehaald: aanvraag afgewezen
join-poll-closes-at = De stemming sluit op { $at }.
join-poll-closed-at = De stemming sloot op { $at }.
join-poll-closes-by-hand = De stemming sluit wanneer de kerngroep ze sluit.
