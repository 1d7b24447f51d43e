# Opmaak
nav-skip = Naar de inhoud
nav-label = Hoofdmenu
nav-dashboard = Overzicht
nav-organisations = Organisaties
nav-people = Personen
nav-money = Geld
nav-profile = Mijn profiel
nav-login = Aanmelden
nav-logout = Afmelden
lang-switch-label = Taal
network-switch-label = Netwerk
network-switch-button = Wisselen
footer-text = intercoop — samen beslissen over en betalen voor onze gedeelde software
save = Opslaan
edit = Bewerken
none = Geen
since = sinds
until = tot
previous = Vorige
next = Volgende
pagination = Pagina's
form-has-errors = Sommige velden vragen uw aandacht; zie de melding onder elk veld.
filter-search = Zoeken
filter-all = Alle
filter-apply = Filteren

# Velden
field-email = E-mailadres
field-password = Wachtwoord
field-new-password = Nieuw wachtwoord
field-confirm-password = Herhaal het wachtwoord
field-name = Naam
field-language = Taal
field-kind = Soort
field-country = Land
field-country-hint = Twee letters, bv. BE
col-country = Land
field-address = Adres
field-company-number = Ondernemingsnummer
field-size = Grootte
field-size-hint = Bv. aantal huishoudens dat lid is; de verdeelsleutels en gewogen stemmingen van dit netwerk tellen ze
field-bank-account = Bankrekening (IBAN)
field-website = Website
field-software = Gebruikte software
field-status = Lidmaatschap
field-level = Niveau
field-joined-on = Lid sinds
field-left-on = Uitgetreden op
field-organisation = Organisatie
field-title = Functie in de organisatie
software-hint = Eén per regel of gescheiden door komma's, bv. “Odoo 12, cooperator, shift”. De organisatie krijgt bericht van elke geplande wijziging aan deze software.
level-hint = Waarnemers zien alles maar stemmen niet; actieve leden stemmen ook.
password-hint = Minstens 10 tekens.

# Waarden
kind-user = Gebruikerscoöperatie
kind-provider = Dienstverlener
kind-partner = Partner
kind-facilitator = Netwerkcoördinatie
status-candidate = Kandidaat-lid
status-member = Lid
status-former = Voormalig lid
level-observer = Waarnemer
level-active = Actief lid
role-administrator = Beheerder
role-core_circle = Kerngroep
role-representative = Vertegenwoordiger
role-member = Lid
role-provider_staff = Medewerker van een dienstverlener

# Startpagina
home-title = Welkom
home-pitch = De coöperaties van dit netwerk beslissen samen welke gedeelde software er gebouwd wordt, en verdelen de kosten eerlijk.
home-empty-title = Deze intercoop is nieuw
home-empty-body = Er heeft nog niemand een account. Maak op de server de eerste beheerder aan met de opdracht hieronder; die toont een aanmeldlink die één keer werkt.
home-login-title = Zo meldt u zich aan
home-login-body = Vul uw e-mailadres in: u krijgt een aanmeldlink, 30 minuten geldig. U hebt geen wachtwoord nodig (in uw profiel kunt u er een instellen).
home-demo-title = Demo-accounts
home-demo-body = Dit is een demo. Meld u aan met een van deze adressen en het wachtwoord “{ $password }”, of vraag een aanmeldlink aan (de e-mails worden in de gegevensmap geschreven).
home-demo-role = Rol

# Overzicht
dashboard-hello = Hallo { $name }
dashboard-intro = Dit wacht op u.
dashboard-admin-title = Na te kijken
dashboard-candidates = { $count ->
    [0] Geen kandidaat-leden
    [one] Eén kandidaat-lid wacht op een beslissing
   *[other] { $count } kandidaat-leden wachten op een beslissing
}
dashboard-without-representative = { $count ->
    [0] Elke lidorganisatie heeft een vertegenwoordiger
    [one] Eén lidorganisatie heeft geen vertegenwoordiger
   *[other] { $count } lidorganisaties hebben geen vertegenwoordiger
}
dashboard-never-logged-in = { $count ->
    [0] Alle uitgenodigde personen hebben zich aangemeld
    [one] Eén uitgenodigde persoon heeft zich nog nooit aangemeld
   *[other] { $count } uitgenodigde personen hebben zich nog nooit aangemeld
}
dashboard-failed-emails = { $count ->
    [0] Alle e-mails zijn afgeleverd
    [one] Eén e-mail kon niet verstuurd worden
   *[other] { $count } e-mails konden niet verstuurd worden
}
dashboard-my-organisations = Mijn organisaties
dashboard-no-organisation = U hoort nog bij geen enkele organisatie van dit netwerk.

# Aanmelden
login-title = Aanmelden
login-explain = Vul uw e-mailadres in en we sturen u een link om u aan te melden. U hoeft geen wachtwoord te onthouden.
login-send-link = Stuur mij een aanmeldlink
login-with-password = Liever aanmelden met een wachtwoord
login-password-button = Aanmelden met mijn wachtwoord
login-forgot = Wachtwoord vergeten?
login-sent-title = Kijk in uw mailbox
login-sent-body = Als { $email } een account heeft, is er een aanmeldlink onderweg. Hij is 30 minuten geldig en werkt één keer.
forgot-title = Kies een nieuw wachtwoord
forgot-explain = Vul uw e-mailadres in en we sturen u een link om een nieuw wachtwoord te kiezen.
forgot-button = Stuur mij de link
forgot-sent = Als { $email } een account heeft, is er een link onderweg om een nieuw wachtwoord te kiezen.
reset-title = Kies een nieuw wachtwoord
reset-button = Mijn nieuwe wachtwoord opslaan
profile-title = Mijn profiel
profile-saved = Uw profiel is opgeslagen.
profile-language-auto = Automatisch (volgens mijn browser)
profile-password-legend = Wachtwoord (optioneel)
profile-password-hint = U kunt zich altijd aanmelden met een link die u per e-mail krijgt. Vul dit alleen in om een wachtwoord in te stellen of te wijzigen.

# Organisaties
organisations-new = Organisatie toevoegen
organisations-edit = Organisatie bewerken
organisations-details = Gegevens
organisations-no-people = Niemand van deze organisatie heeft al een account.
organisations-change-representative = Vertegenwoordiger
organisations-mandates = Vertegenwoordigers door de jaren heen
organisations-shared-notice = { $count ->
    [one] Deze organisatie hoort ook bij een ander netwerk. Haar grootte, status, niveau, vertegenwoordiger en mensen gelden hier alleen voor dit netwerk. Naam, soort, adres, ondernemingsnummer, bankrekening, website en software zijn gedeeld: een wijziging wordt ook in het logboek van het andere netwerk opgenomen.
   *[other] Deze organisatie hoort ook bij { $count } andere netwerken. Haar grootte, status, niveau, vertegenwoordiger en mensen gelden hier alleen voor dit netwerk. Naam, soort, adres, ondernemingsnummer, bankrekening, website en software zijn gedeeld: een wijziging wordt ook in de logboeken van de andere netwerken opgenomen.
}
organisations-count = { $count ->
    [one] Eén organisatie
   *[other] { $count } organisaties
}

# Personen
people-invite = Iemand uitnodigen
people-invite-button = Uitnodiging versturen
people-invite-explain = De persoon krijgt een e-mail met een aanmeldlink, 14 dagen geldig.
people-invite-sent = De uitnodiging aan { $email } is onderweg.
people-make-representative = Vertegenwoordiger van deze organisatie (vervangt de huidige)
people-roles = Rollen
people-count = { $count ->
    [one] Eén persoon
   *[other] { $count } personen
}

# Fouten
error-status = Status
error-request-id = Referentie van het verzoek
error-home-link = Terug naar de startpagina
error-not-found = Pagina niet gevonden
error-not-found-detail = Deze pagina bestaat niet, of ze hoort niet bij uw netwerk.
error-unauthenticated = Meld u aan
error-unauthenticated-detail = U moet aangemeld zijn om dit te zien.
error-forbidden = Niet toegestaan
error-forbidden-detail = Uw rol laat deze actie niet toe. Vraag het aan een beheerder van uw netwerk als u denkt dat dit wel zou moeten.
error-csrf = Dit formulier is verlopen
error-csrf-detail = Voor uw veiligheid is het formulier geweigerd, omdat het niet vanaf deze site verstuurd werd of te oud is. Ga terug, laad de pagina opnieuw en probeer het nog eens.
error-gone = Deze link is verlopen
error-gone-detail = Aanmeld- en uitnodigingslinks werken één keer en voor beperkte tijd. Vraag een nieuwe aan op de aanmeldpagina.
error-invalid = Sommige gegevens zijn niet geldig
error-invalid-detail = Verbeter de vermelde velden en verstuur het formulier opnieuw.
error-rate-limited = Te veel pogingen
error-rate-limited-detail = Wacht enkele minuten voor u het opnieuw probeert.
error-bad-request = Het verzoek werd niet begrepen
error-bad-request-detail = De verstuurde gegevens hebben niet de verwachte vorm.
error-internal = Er ging bij ons iets mis
error-internal-detail = Dit ligt niet aan u. Probeer het zo meteen opnieuw; blijft het probleem, geef dan de referentie van het verzoek door aan uw beheerder.
error-duplicate = Dit bestaat al
error-duplicate-detail = Er is al iets met dezelfde identiteit opgeslagen.
error-changed-meanwhile = Iemand heeft dit intussen gewijzigd
error-changed-meanwhile-detail = Het is gewijzigd terwijl u ermee bezig was. Laad de pagina opnieuw om de huidige stand te zien en probeer het opnieuw als het nog nodig is.
error-idempotency-in-progress = Hetzelfde verzoek wordt nog verwerkt
error-idempotency-in-progress-detail = Een verzoek met deze Idempotency-Key loopt nog; probeer het zo meteen opnieuw.
error-idempotency-mismatch = Deze Idempotency-Key werd voor een ander verzoek gebruikt
error-idempotency-mismatch-detail = Gebruik een nieuwe Idempotency-Key voor een ander verzoek.
error-required = Dit veld is verplicht.
error-too-long = Dit is te lang.
error-invalid-email = Dit is geen geldig e-mailadres.
error-control-characters = Dit bevat tekens die niet zijn toegestaan.
error-invisible-characters = Dit bevat onzichtbare tekens of tekens die de schrijfrichting veranderen (zoals een spatie zonder breedte of een rechts-naar-linksteken): verwijder ze.
error-invalid-slug = Alleen kleine letters, cijfers en koppeltekens.
error-invalid-choice = Kies een van de aangeboden opties.
error-invalid-country = Gebruik de landcode van twee letters, bv. BE, FR, CH, DE.
error-invalid-size = Vul een geheel getal in, nul of meer.
error-invalid-url = Vul een volledig adres in dat begint met https://
error-invalid-number = Vul een geheel getal binnen het toegestane bereik in.
error-invalid-value = Deze waarde heeft het verkeerde type.
error-status-change = Deze wijziging van het lidmaatschap is niet toegestaan (een lid kan niet opnieuw kandidaat-lid worden).
error-not-in-organisation = Deze persoon hoort niet bij de organisatie.
error-password-too-short = Het wachtwoord moet minstens 10 tekens lang zijn.
error-password-mismatch = De twee wachtwoorden zijn niet gelijk.
error-wrong-credentials = E-mailadres of wachtwoord onjuist.

# E-mails
mail-greeting = Beste { $name },
mail-signature = Het team van { $network }, via intercoop
mail-login-subject = Uw aanmeldlink voor { $network }
mail-login-body = Iemand (hopelijk u) wil zich aanmelden. Gebruik de knop hieronder.
mail-login-action = Aanmelden
mail-login-expiry = Deze link werkt één keer en verloopt over { $minutes } minuten.
mail-login-not-you = Hebt u niets aangevraagd? Dan kunt u deze e-mail negeren.
mail-invite-subject = U bent uitgenodigd voor { $network }
mail-invite-body = { $inviter } nodigt u uit voor { $network } op intercoop.
mail-invite-what = Daar beslissen de lidcoöperaties samen welke software er ontwikkeld wordt, en verdelen ze de kosten.
mail-invite-action = Aanvaarden en aanmelden
mail-invite-expiry = Deze link werkt één keer en blijft { $days } dagen geldig. Daarna kunt u zich altijd aanmelden met uw e-mailadres.
mail-reset-subject = Kies een nieuw wachtwoord
mail-reset-body = Iemand (hopelijk u) wil een nieuw wachtwoord kiezen. Gebruik de knop hieronder.
mail-reset-action = Kies een nieuw wachtwoord
demo-role-admin = beheerder (netwerkcoördinatie)
demo-role-core = kerngroep en vertegenwoordiger van La Ruche Coop
demo-role-representative = vertegenwoordiger van La Cagette du Nord
demo-role-member = lid van La Ruche Coop
demo-role-provider = medewerker van een dienstverlener (Code Coop), in beide netwerken

# Account security: current password, password changed, API tokens.
field-current-password = Huidig wachtwoord
profile-current-password-hint = Nodig om het wachtwoord te wijzigen dat u al hebt.
profile-tokens-link = Mijn API-tokens
error-wrong-password = Dit is niet uw huidige wachtwoord.
mail-password-changed-subject = Uw wachtwoord is gewijzigd
mail-password-changed-body = Het wachtwoord van uw account is zojuist gewijzigd.
mail-password-changed-sessions = Voor uw veiligheid zijn al uw andere sessies afgemeld.
mail-password-changed-action = Dat was ik niet: kies een nieuw wachtwoord
mail-password-changed-not-you = Was u het zelf, dan hoeft u niets te doen. Zo niet, kies dan meteen een nieuw wachtwoord via de link hierboven en verwittig de begeleiders van uw netwerk.
tokens-title = Mijn API-tokens
tokens-intro = { $count ->
    [one] Met een token kan een programma de API in uw naam gebruiken, in dit netwerk. Het werkt { $count } dag na het aanmaken en verloopt dan; trek de tokens in die u niet meer gebruikt.
   *[other] Met een token kan een programma de API in uw naam gebruiken, in dit netwerk. Het werkt { $count } dagen na het aanmaken en verloopt dan; trek de tokens in die u niet meer gebruikt.
}
tokens-empty = U hebt geen API-tokens in dit netwerk.
tokens-name = Naam
tokens-created = Aangemaakt
tokens-last-used = Laatst gebruikt
tokens-expires = Verloopt
tokens-never = nooit
tokens-revoke = Intrekken
tokens-revoked = ingetrokken
tokens-expired = verlopen
tokens-create-legend = Nieuw token
tokens-create = Token aanmaken
tokens-created-once = Kopieer dit token nu: het wordt maar één keer getoond. Het verloopt op { $date }.
tokens-revoked-notice = Het token is ingetrokken: het opent de API niet meer.

## Audit log
audit-title = Logboek van wijzigingen
audit-intro = Elke wijziging in dit netwerk, de nieuwste eerst: wie, wanneer en wat. Een wijziging die een ander netwerk aanbracht aan een organisatie die u deelt, staat hier ook.
audit-system = intercoop (automatisch)
audit-changed = Gewijzigd:
audit-entity-organisation = organisatie { $id }
audit-entity-proposal = voorstel { $id }
audit-entity-poll = stemming { $id }
audit-entity-person = persoon { $id }
audit-action-campaign-close = Cofinancieringscampagne afgesloten
audit-action-campaign-open = Cofinancieringscampagne geopend
audit-action-catch-up-create = Inhaalaandeel voor een late instapper
audit-action-notifications-unsubscribe = E-mails uitgezet via een link
audit-action-organisation-create = Organisatie toegevoegd
audit-action-organisation-representative = Vertegenwoordiger aangesteld
audit-action-organisation-update = Organisatie gewijzigd
audit-action-organisation-update-shared = Gedeelde organisatie gewijzigd door een ander netwerk
audit-action-person-create = Persoon toegevoegd
audit-action-person-password-reset = Wachtwoord opnieuw ingesteld
audit-action-person-profile = Profiel gewijzigd
audit-action-pledge-create = Toezegging gedaan
audit-action-pledge-withdraw = Toezegging ingetrokken
audit-action-pledge-release = Toezegging vervallen (de organisatie is vertrokken)
audit-action-poll-ballot = Stem uitgebracht
audit-action-poll-ballot-recorded = Stem geregistreerd op een vergadering
audit-action-poll-close = Stemming gesloten
audit-action-poll-create = Stemming aangemaakt
audit-action-poll-delegate = Stem gedelegeerd aan een collega
audit-action-poll-open = Stemming geopend
audit-action-poll-proxy = Volmacht gegeven aan een andere organisatie
audit-action-proposal-create = Voorstel gedaan
audit-action-proposal-priority = Prioriteit bepaald
audit-action-proposal-transition = Voorstel verder gezet
audit-action-quote-create = Offerte ingediend
audit-action-quote-select = Offerte gekozen
audit-count = { $count ->
    [0] Nog niets geregistreerd
    [one] Eén wijziging geregistreerd
   *[other] { $count } wijzigingen geregistreerd
}
## Quotation marks around a person's words, as the language writes them
quote-open = { "‘" }
quote-close = { "’" }
link-title = Inloggen
link-explain = Deze link logt u in als { $name }. Hij werkt één keer.
link-button = Inloggen
