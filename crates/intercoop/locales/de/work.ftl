# Arbeitsteilung: Gelegenheiten, Interesse, Teams und Auslastung der Mitglieder (work).
nav-work = Arbeit
work-title = Gelegenheiten
work-intro = Arbeit, die ein Mitglied ins Netzwerk bringt (eine Ausschreibung, eine Kundenanfrage), geteilt von einem Team aus Mitgliedern mit Zeit und passenden Fähigkeiten.
work-new = Gelegenheit veröffentlichen
work-none = Noch keine Gelegenheit.
work-busyness = Wie ausgelastet werden wir sein
work-status-teamed = Team gebildet
work-days-count = { $count ->
    [0] kein Tag
    [one] ein Tag
   *[other] { $count } Tage
}
work-interests-count = { $count ->
    [0] noch kein Mitglied interessiert
    [one] ein Mitglied interessiert
   *[other] { $count } Mitglieder interessiert
}
work-no-organisation = Nur die Vertretung einer Mitgliedsorganisation (oder eine Administratorin) tut dies für sie.
work-field-organisation = Organisation
work-field-title = Titel
work-field-scope = Umfang
work-field-scope-hint = Was der Kunde verlangt, in Markdown: Ergebnisse, Bedingungen, Ansprechperson.
work-field-budget = Budget
work-field-days = Arbeitstage
work-field-starts = Erster Tag
work-field-ends = Letzter Tag
work-field-skills = Fähigkeiten
work-field-skills-hint = Durch Kommas getrennt, z. B. Rust, Design, Barrierefreiheit.
work-field-finder = Eingebracht von
work-field-finder-none = Niemand (keine Vermittlungsprovision)
work-field-fee = Vermittlungsprovision (%)
work-field-fee-hint = Ein Prozentsatz des Budgets, der zuerst an das Mitglied geht, das die Arbeit eingebracht hat, z. B. 5 oder 2,5 (höchstens 50). Auf den Cent abgerundet; der Rest geht an das Team.
work-post = Gelegenheit veröffentlichen
work-dates = Daten
work-interests = Interesse und Kapazität
work-interests-none = Noch kein Mitglied hat Interesse angemeldet.
work-declare = Interesse und Kapazität anmelden
work-declare-lead = Sagen Sie, wie viele Tage Ihre Organisation in einem Zeitraum geben kann und zu welchem Tagessatz. Sie können es später ändern.
work-declare-save = Speichern
work-declare-consequence = Das Team ist gebildet: Eine andere Kapazität schlägt dem Team eine neue Aufteilung vor, die erst gilt, wenn jedes Mitglied zustimmt.
work-field-capacity = Verfügbare Tage
work-field-capacity-hint = Ganze Tage, die Sie im Zeitraum geben können (höchstens seine Kalendertage).
work-field-from = Verfügbar ab
work-field-to = Verfügbar bis
work-field-rate = Tagessatz
work-col-member = Mitglied
work-col-capacity = Kapazität
work-col-rate = Tagessatz
work-col-weight = Gewicht
work-col-days = Tage
work-col-amount = Betrag
work-col-now = Jetzt
work-col-proposed = Vorgeschlagen
work-col-month = Monat
work-col-booked = Gebuchte Tage
work-col-load = Auslastung
work-total = Summe
work-fee-line = Vermittlungsprovision
work-team = Team
work-team-none = Noch kein Team.
work-form-team = Team bilden
work-basis-capacity = Aufgeteilt nach den Tagen, die jedes Mitglied angemeldet hat.
work-basis-shares = Aufgeteilt nach Anteilen, die das Team vereinbart hat.
work-field-basis = Aufteilung
work-field-members = Mitglieder
work-field-share = Anteil von { $organisation }
work-field-share-hint = Mit Anteilen: ganze Zahlen, z. B. 50, 30 und 20 oder 2, 1 und 1.
work-show-split = Aufteilung zeigen
work-preview = Die Aufteilung vor der Bestätigung
work-confirm-consequence = Das Team zu bilden ist endgültig: Jedes Mitglied erfährt seine Tage und seinen Betrag. Spätere Änderungen brauchen die Zustimmung des ganzen Teams.
work-confirm-team = Team mit dieser Aufteilung bilden
work-change-choices = Auswahl ändern
work-proposal = Eine neue Aufteilung wartet auf Zustimmung
work-proposal-lead = Die Kapazität eines Mitglieds hat sich geändert. Die geltende Aufteilung bleibt, bis jedes Mitglied des Teams diese annimmt; eine Ablehnung behält die geltende Aufteilung.
work-answers = Antworten
work-answer-accepted = angenommen
work-answer-declined = abgelehnt
work-consent-for = Antwort für { $organisation }:
work-accept = Neue Aufteilung annehmen
work-decline = Geltende Aufteilung behalten
work-busyness-lead = Monat für Monat die Arbeitstage, die Ihre Organisation angenommen hat (ihr Anteil an jedem Team), gegenüber den Tagen, die sie als verfügbar angemeldet hat.
work-busyness-none = Ab diesem Monat weder angenommene Arbeit noch angemeldete Kapazität.
work-show = Zeigen
work-over = Mehr als angemeldet
error-work-days-range = Zwischen 1 und 10 000 Tagen.
error-work-fee-range = Ein Prozentsatz zwischen 0 und 50, mit höchstens zwei Dezimalstellen.
error-work-no-members = Wählen Sie mindestens ein Mitglied.
error-work-duplicate-member = Ein Mitglied ist doppelt gewählt.
error-work-missing-share = Geben Sie jedem gewählten Mitglied einen Anteil: eine ganze Zahl über null.
error-work-no-capacity = Ein gewähltes Mitglied hat keine Kapazität angemeldet.
error-work-period-order = Der letzte Tag liegt vor dem ersten.
error-work-capacity-positive = Geben Sie eine Zahl von Tagen über null an.
error-work-capacity-over-period = Mehr Tage, als der Zeitraum hat.
error-work-rate-negative = Ein Tagessatz kann nicht unter null liegen.
error-work-skills = Höchstens 20 Fähigkeiten mit je höchstens 60 Zeichen.
error-work-not-interested = Nur Mitglieder, die Interesse angemeldet haben, können im Team sein.
error-work-not-in-team = Diese Organisation ist nicht im Team.
error-work-team-formed = Das Team dieser Gelegenheit ist bereits gebildet.
error-work-no-proposal = Keine neue Aufteilung wartet auf eine Antwort.
error-work-already-answered = Diese Organisation hat bereits geantwortet.
work-mail-open = Gelegenheit öffnen
work-mail-posted-subject = Neue Gelegenheit: { $title }
work-mail-posted-body = Ein Mitglied hat „{ $title }“ veröffentlicht: { $budget } für { $days } Arbeitstage, vom { $starts } bis { $ends }. Wenn Ihre Organisation Zeit und passende Fähigkeiten hat, melden Sie Interesse und Kapazität an.
work-mail-formed-subject = Team gebildet: { $title }
work-mail-formed-body = Das Team von „{ $title }“ ist gebildet ({ $budget }, { $days } Tage). Der Anteil von { $organisation }: { $share_days } Tage und { $share }.
work-mail-proposed-subject = Neue Aufteilung zur Zustimmung: { $title }
work-mail-proposed-body = Eine Kapazität im Team von „{ $title }“ hat sich geändert. Der Anteil von { $organisation } ginge von { $before_days } Tagen und { $before } auf { $share_days } Tage und { $share }. Die geltende Aufteilung bleibt, bis jedes Mitglied zustimmt.
notifications-kind-opportunity_posted = Eine neue Arbeitsgelegenheit im Netzwerk
notifications-kind-team_formed = Ein Team, in dem Ihre Organisation ist, ist gebildet
notifications-kind-split_proposed = Eine neue Aufteilung der Arbeit eines Teams wartet auf Ihre Zustimmung
work-status-filled = Geschlossen: vergeben
work-status-lost = Geschlossen: verloren
work-status-withdrawn = Zurückgezogen
work-end = Diese Gelegenheit schließen oder zurückziehen
work-end-how = Wie sie endet
work-end-filled = Geschlossen: der Auftrag ist gewonnen und vergeben
work-end-lost = Geschlossen: der Auftrag ging anderswohin
work-end-withdrawn = Zurückgezogen: wir nehmen sie zurück
work-end-told = Die Mitglieder, die Interesse gemeldet haben, werden per E-Mail informiert: { $members }.
work-end-told-none = Kein Mitglied hat Interesse gemeldet: niemand wird informiert.
work-end-final = Danach nimmt sie kein Interesse mehr an. Das lässt sich nicht rückgängig machen.
work-end-confirm = Gelegenheit beenden
error-work-outcome = Wählen Sie, wie sie endet: vergeben, verloren oder zurückgezogen.
error-work-opportunity-ended = Diese Gelegenheit ist beendet: sie nimmt kein Interesse mehr an.
notifications-kind-opportunity_ended = Eine Arbeitsgelegenheit, an der Ihre Organisation interessiert war, ist beendet
work-mail-ended-subject = Gelegenheit beendet: { $title }
work-mail-ended-body = { $outcome ->
    [filled] „{ $title }“ ist geschlossen: der Auftrag ist gewonnen und vergeben.
    [lost] „{ $title }“ ist geschlossen: der Auftrag ging anderswohin.
   *[withdrawn] „{ $title }“ wurde vom Mitglied, das sie veröffentlicht hat, zurückgezogen.
} Sie nimmt kein Interesse mehr an.
