# Layout
nav-skip = Zum Inhalt springen
nav-label = Hauptmenü
nav-dashboard = Übersicht
nav-organisations = Organisationen
nav-people = Personen
nav-money = Geld
nav-profile = Mein Profil
nav-login = Anmelden
nav-logout = Abmelden
lang-switch-label = Sprache
network-switch-label = Netzwerk
network-switch-button = Wechseln
footer-text = intercoop — gemeinsam über unsere geteilte Software entscheiden und sie finanzieren
save = Speichern
edit = Bearbeiten
none = Keine
since = seit
until = bis
previous = Zurück
next = Weiter
pagination = Seiten
form-has-errors = Einige Felder brauchen noch Ihre Aufmerksamkeit; die Hinweise stehen jeweils unter dem Feld.
filter-search = Suchen
filter-all = Alle
filter-apply = Filtern

# Felder
field-email = E-Mail-Adresse
field-password = Passwort
field-new-password = Neues Passwort
field-confirm-password = Passwort wiederholen
field-name = Name
field-language = Sprache
field-kind = Art
field-country = Land
field-country-hint = Zwei Buchstaben, z. B. DE
col-country = Land
field-address = Adresse
field-company-number = Registernummer
field-size = Größe
field-size-hint = Z. B. Mitgliedshaushalte; die Verteilschlüssel und gewichteten Abstimmungen dieses Netzwerks zählen sie
field-bank-account = Bankkonto (IBAN)
field-website = Website
field-software = Genutzte Software
field-status = Mitgliedschaft
field-level = Stufe
field-joined-on = Mitglied seit
field-left-on = Ausgetreten am
field-organisation = Organisation
field-title = Funktion in der Organisation
software-hint = Eine pro Zeile oder durch Kommas getrennt, z. B. „Odoo 12, cooperator, shift“. Die Organisation erfährt von jeder geplanten Änderung an dieser Software.
level-hint = Beobachtende Mitglieder sehen alles, stimmen aber nicht ab; aktive Mitglieder stimmen auch ab.
password-hint = Mindestens 10 Zeichen.

# Werte
kind-user = Nutzergenossenschaft
kind-provider = Dienstleister
kind-partner = Partner
kind-facilitator = Netzwerkkoordination
status-candidate = Beitritt beantragt
status-member = Mitglied
status-former = Ehemaliges Mitglied
level-observer = Beobachtend
level-active = Aktiv
role-administrator = Administrator·in
role-core_circle = Kernkreis
role-representative = Vertreter·in
role-member = Mitglied
role-provider_staff = Team eines Dienstleisters

# Startseite
home-title = Willkommen
home-pitch = Die Genossenschaften dieses Netzwerks entscheiden gemeinsam, welche gemeinsame Software entwickelt wird, und teilen die Kosten gerecht.
home-empty-title = Dieses intercoop ist neu
home-empty-body = Noch niemand hat ein Konto. Legen Sie auf dem Server mit dem Befehl unten das erste Administrationskonto an; er gibt einen Anmeldelink aus, der einmal gilt.
home-login-title = So melden Sie sich an
home-login-body = Geben Sie Ihre E-Mail-Adresse ein: Sie erhalten einen Anmeldelink, 30 Minuten gültig. Kein Passwort nötig (in Ihrem Profil können Sie eines festlegen).
home-demo-title = Demo-Konten
home-demo-body = Dies ist eine Demo. Melden Sie sich mit einer dieser Adressen und dem Passwort „{ $password }“ an, oder fordern Sie einen Anmeldelink an (die E-Mails werden in den Datenordner geschrieben).
home-demo-role = Rolle

# Übersicht
dashboard-hello = Hallo { $name }
dashboard-intro = Das wartet auf Sie.
dashboard-admin-title = Zu prüfen
dashboard-candidates = { $count ->
    [0] Keine Beitrittsanfrage
    [one] Eine Beitrittsanfrage wartet auf eine Entscheidung
   *[other] { $count } Beitrittsanfragen warten auf eine Entscheidung
}
dashboard-without-representative = { $count ->
    [0] Jede Mitgliedsorganisation hat eine Vertretung
    [one] Eine Mitgliedsorganisation hat keine Vertretung
   *[other] { $count } Mitgliedsorganisationen haben keine Vertretung
}
dashboard-never-logged-in = { $count ->
    [0] Alle eingeladenen Personen haben sich angemeldet
    [one] Eine eingeladene Person hat sich noch nie angemeldet
   *[other] { $count } eingeladene Personen haben sich noch nie angemeldet
}
dashboard-failed-emails = { $count ->
    [0] Alle E-Mails wurden zugestellt
    [one] Eine E-Mail konnte nicht gesendet werden
   *[other] { $count } E-Mails konnten nicht gesendet werden
}
dashboard-my-organisations = Meine Organisationen
dashboard-no-organisation = Sie gehören noch keiner Organisation dieses Netzwerks an.

# Anmeldung
login-title = Anmelden
login-explain = Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Anmeldelink. Sie müssen sich kein Passwort merken.
login-send-link = Anmeldelink senden
login-with-password = Stattdessen mit Passwort anmelden
login-password-button = Mit meinem Passwort anmelden
login-forgot = Passwort vergessen?
login-sent-title = Schauen Sie in Ihr Postfach
login-sent-body = Wenn { $email } ein Konto hat, ist ein Anmeldelink unterwegs. Er gilt 30 Minuten und nur einmal.
forgot-title = Neues Passwort wählen
forgot-explain = Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Link, mit dem Sie ein neues Passwort wählen können.
forgot-button = Link senden
forgot-sent = Wenn { $email } ein Konto hat, ist ein Link zum Wählen eines neuen Passworts unterwegs.
reset-title = Neues Passwort wählen
reset-button = Neues Passwort speichern
profile-title = Mein Profil
profile-saved = Ihr Profil ist gespeichert.
profile-language-auto = Automatisch (nach meinem Browser)
profile-password-legend = Passwort (optional)
profile-password-hint = Sie können sich jederzeit mit einem Link per E-Mail anmelden. Füllen Sie dies nur aus, um ein Passwort festzulegen oder zu ändern.

# Organisationen
organisations-new = Organisation hinzufügen
organisations-edit = Organisation bearbeiten
organisations-details = Angaben
organisations-no-people = Noch niemand aus dieser Organisation hat ein Konto.
organisations-change-representative = Vertreter·in
organisations-mandates = Vertreter·innen im Lauf der Zeit
organisations-shared-notice = { $count ->
    [one] Diese Organisation gehört auch zu einem anderen Netzwerk. Ihre Größe, ihr Status, ihre Stufe, ihre Vertretung und ihre Personen gelten hier nur für dieses Netzwerk. Name, Art, Adresse, Unternehmensnummer, Bankkonto, Website und Software sind gemeinsam: Eine Änderung wird auch im Protokoll des anderen Netzwerks vermerkt.
   *[other] Diese Organisation gehört auch zu { $count } anderen Netzwerken. Ihre Größe, ihr Status, ihre Stufe, ihre Vertretung und ihre Personen gelten hier nur für dieses Netzwerk. Name, Art, Adresse, Unternehmensnummer, Bankkonto, Website und Software sind gemeinsam: Eine Änderung wird auch in den Protokollen der anderen Netzwerke vermerkt.
}
organisations-count = { $count ->
    [one] Eine Organisation
   *[other] { $count } Organisationen
}

# Personen
people-invite = Jemanden einladen
people-invite-button = Einladung senden
people-invite-explain = Die Person erhält eine E-Mail mit einem Anmeldelink, 14 Tage gültig.
people-invite-sent = Die Einladung an { $email } ist unterwegs.
people-make-representative = Vertreter·in dieser Organisation (ersetzt die bisherige Vertretung)
people-roles = Rollen
people-count = { $count ->
    [one] Eine Person
   *[other] { $count } Personen
}

# Fehler
error-status = Status
error-request-id = Anfragereferenz
error-home-link = Zurück zur Startseite
error-not-found = Seite nicht gefunden
error-not-found-detail = Diese Seite gibt es nicht, oder sie gehört nicht zu Ihrem Netzwerk.
error-unauthenticated = Bitte melden Sie sich an
error-unauthenticated-detail = Sie müssen angemeldet sein, um dies zu sehen.
error-forbidden = Nicht erlaubt
error-forbidden-detail = Ihre Rolle erlaubt diese Aktion nicht. Wenden Sie sich an die Administration Ihres Netzwerks, wenn Sie meinen, dass sie erlaubt sein sollte.
error-csrf = Dieses Formular ist abgelaufen
error-csrf-detail = Zu Ihrer Sicherheit wurde das Formular abgelehnt, weil es nicht von dieser Website gesendet wurde oder zu alt ist. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
error-gone = Dieser Link ist abgelaufen
error-gone-detail = Anmelde- und Einladungslinks gelten nur einmal und nur für begrenzte Zeit. Fordern Sie auf der Anmeldeseite einen neuen an.
error-invalid = Einige Angaben sind ungültig
error-invalid-detail = Korrigieren Sie die genannten Felder und senden Sie das Formular erneut.
error-rate-limited = Zu viele Versuche
error-rate-limited-detail = Bitte warten Sie einige Minuten, bevor Sie es erneut versuchen.
error-bad-request = Die Anfrage wurde nicht verstanden
error-bad-request-detail = Die gesendeten Daten haben nicht die erwartete Form.
error-internal = Bei uns ist etwas schiefgelaufen
error-internal-detail = Das liegt nicht an Ihnen. Versuchen Sie es gleich noch einmal; falls der Fehler bleibt, geben Sie die Anfragereferenz an die Administration Ihres Netzwerks weiter.
error-duplicate = Das gibt es schon
error-duplicate-detail = Ein Eintrag mit derselben Identität ist bereits gespeichert.
error-changed-meanwhile = Jemand hat das inzwischen geändert
error-changed-meanwhile-detail = Es hat sich geändert, während Sie daran gearbeitet haben. Laden Sie die Seite neu, um den aktuellen Stand zu sehen, und versuchen Sie es erneut, falls es noch nötig ist.
error-idempotency-in-progress = Dieselbe Anfrage wird noch bearbeitet
error-idempotency-in-progress-detail = Eine Anfrage mit diesem Idempotency-Key läuft noch; versuchen Sie es gleich noch einmal.
error-idempotency-mismatch = Dieser Idempotency-Key wurde für eine andere Anfrage verwendet
error-idempotency-mismatch-detail = Verwenden Sie für eine andere Anfrage einen neuen Idempotency-Key.
error-required = Dieses Feld ist erforderlich.
error-too-long = Das ist zu lang.
error-invalid-email = Das ist keine gültige E-Mail-Adresse.
error-control-characters = Dies enthält unzulässige Zeichen.
error-invisible-characters = Dies enthält unsichtbare Zeichen oder Zeichen, die die Schreibrichtung ändern (etwa ein Leerzeichen ohne Breite oder eine Rechts-nach-links-Marke): Entfernen Sie sie.
error-invalid-slug = Nur Kleinbuchstaben, Ziffern und Bindestriche.
error-invalid-choice = Wählen Sie eine der angebotenen Optionen.
error-invalid-country = Verwenden Sie den zweistelligen Ländercode, z. B. BE, FR, CH, DE.
error-invalid-size = Geben Sie eine ganze Zahl ein, null oder größer.
error-invalid-url = Geben Sie eine vollständige Adresse ein, die mit https:// beginnt
error-invalid-number = Geben Sie eine ganze Zahl im erlaubten Bereich ein.
error-invalid-value = Dieser Wert hat den falschen Typ.
error-status-change = Diese Änderung der Mitgliedschaft ist nicht erlaubt (ein Mitglied kann nicht wieder auf „Beitritt beantragt“ zurückgesetzt werden).
error-not-in-organisation = Diese Person gehört nicht zu der Organisation.
error-password-too-short = Das Passwort muss mindestens 10 Zeichen haben.
error-password-mismatch = Die beiden Passwörter stimmen nicht überein.
error-wrong-credentials = E-Mail-Adresse oder Passwort falsch.

# E-Mails
mail-greeting = Hallo { $name },
mail-signature = Das Team von { $network }, über intercoop
mail-login-subject = Ihr Anmeldelink für { $network }
mail-login-body = Jemand (hoffentlich Sie) möchte sich anmelden. Nutzen Sie die Schaltfläche unten.
mail-login-action = Anmelden
mail-login-expiry = Dieser Link gilt nur einmal und läuft in { $minutes } Minuten ab.
mail-login-not-you = Wenn Sie nichts angefordert haben, können Sie diese E-Mail ignorieren.
mail-invite-subject = Sie sind zu { $network } eingeladen
mail-invite-body = { $inviter } lädt Sie zu { $network } auf intercoop ein.
mail-invite-what = Dort entscheiden die Mitgliedsgenossenschaften gemeinsam, welche Software entwickelt wird, und teilen sich die Kosten.
mail-invite-action = Annehmen und anmelden
mail-invite-expiry = Dieser Link gilt nur einmal und bleibt { $days } Tage gültig. Danach können Sie sich jederzeit mit Ihrer E-Mail-Adresse anmelden.
mail-reset-subject = Neues Passwort wählen
mail-reset-body = Jemand (hoffentlich Sie) möchte ein neues Passwort wählen. Nutzen Sie die Schaltfläche unten.
mail-reset-action = Neues Passwort wählen
demo-role-admin = Administratorin (Netzwerkkoordination)
demo-role-core = Kernkreis und Vertreter von La Ruche Coop
demo-role-representative = Vertreterin von La Cagette du Nord
demo-role-member = Mitglied von La Ruche Coop
demo-role-provider = Team eines Dienstleisters (Code Coop), in beiden Netzwerken

# Account security: current password, password changed, API tokens.
field-current-password = Aktuelles Passwort
profile-current-password-hint = Nötig, um Ihr bestehendes Passwort zu ändern.
profile-tokens-link = Meine API-Tokens
error-wrong-password = Das ist nicht Ihr aktuelles Passwort.
mail-password-changed-subject = Ihr Passwort wurde geändert
mail-password-changed-body = Das Passwort Ihres Kontos wurde soeben geändert.
mail-password-changed-sessions = Zu Ihrer Sicherheit wurden alle Ihre anderen Sitzungen abgemeldet.
mail-password-changed-action = Das war ich nicht: neues Passwort wählen
mail-password-changed-not-you = Wenn Sie es waren, ist nichts zu tun. Wenn nicht, wählen Sie sofort über den Link oben ein neues Passwort und informieren Sie die Moderation Ihres Netzwerks.
tokens-title = Meine API-Tokens
tokens-intro = { $count ->
    [one] Mit einem Token kann ein Programm die API in Ihrem Namen in diesem Netzwerk nutzen. Es gilt { $count } Tag ab seiner Erstellung und läuft dann ab; widerrufen Sie die, die Sie nicht mehr brauchen.
   *[other] Mit einem Token kann ein Programm die API in Ihrem Namen in diesem Netzwerk nutzen. Es gilt { $count } Tage ab seiner Erstellung und läuft dann ab; widerrufen Sie die, die Sie nicht mehr brauchen.
}
tokens-empty = Sie haben in diesem Netzwerk keine API-Tokens.
tokens-name = Name
tokens-created = Erstellt
tokens-last-used = Zuletzt genutzt
tokens-expires = Läuft ab
tokens-never = nie
tokens-revoke = Widerrufen
tokens-revoked = widerrufen
tokens-expired = abgelaufen
tokens-create-legend = Neues Token
tokens-create = Token erstellen
tokens-created-once = Kopieren Sie dieses Token jetzt: Es wird nur einmal angezeigt. Es läuft am { $date } ab.
tokens-revoked-notice = Das Token wurde widerrufen: Es öffnet die API nicht mehr.

## Audit log
audit-title = Änderungsprotokoll
audit-intro = Jede Änderung in diesem Netzwerk, die neueste zuerst: wer, wann und was. Eine Änderung, die ein anderes Netzwerk an einer gemeinsamen Organisation vorgenommen hat, steht hier ebenfalls.
audit-system = intercoop (automatisch)
audit-changed = Geändert:
audit-entity-organisation = Organisation { $id }
audit-entity-proposal = Vorschlag { $id }
audit-entity-poll = Abstimmung { $id }
audit-entity-person = Person { $id }
audit-action-campaign-close = Kofinanzierungskampagne abgeschlossen
audit-action-campaign-open = Kofinanzierungskampagne eröffnet
audit-action-catch-up-create = Nachzahlungsanteil für eine späte Übernahme
audit-action-notifications-unsubscribe = E-Mails per Link abbestellt
audit-action-organisation-create = Organisation hinzugefügt
audit-action-organisation-representative = Vertretung ernannt
audit-action-organisation-update = Organisation geändert
audit-action-organisation-update-shared = Gemeinsame Organisation von einem anderen Netzwerk geändert
audit-action-person-create = Person hinzugefügt
audit-action-person-password-reset = Passwort zurückgesetzt
audit-action-person-profile = Profil geändert
audit-action-pledge-create = Zusage gegeben
audit-action-pledge-withdraw = Zusage zurückgezogen
audit-action-pledge-release = Zusage aufgehoben (die Organisation ist ausgetreten)
audit-action-poll-ballot = Stimme abgegeben
audit-action-poll-ballot-recorded = Stimme in einer Versammlung erfasst
audit-action-poll-close = Abstimmung geschlossen
audit-action-poll-create = Abstimmung erstellt
audit-action-poll-delegate = Stimme an eine Kollegin oder einen Kollegen übertragen
audit-action-poll-open = Abstimmung eröffnet
audit-action-poll-proxy = Vollmacht an eine andere Organisation erteilt
audit-action-proposal-create = Vorschlag eingereicht
audit-action-proposal-priority = Priorität festgelegt
audit-action-proposal-transition = Vorschlag weitergeführt
audit-action-quote-create = Angebot eingereicht
audit-action-quote-select = Angebot ausgewählt
audit-count = { $count ->
    [0] Noch nichts erfasst
    [one] Eine Änderung erfasst
   *[other] { $count } Änderungen erfasst
}
## Quotation marks around a person's words, as the language writes them
quote-open = { "„" }
quote-close = { "“" }
link-title = Anmelden
link-explain = Dieser Link meldet Sie als { $name } an. Er funktioniert einmal.
link-button = Anmelden
