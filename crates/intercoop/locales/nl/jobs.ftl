jobs-failed-title = Taken die niet uitgevoerd konden worden
jobs-failed-intro = Werk dat intercoop op een vast tijdstip doet (een medefinanciering op de uiterste datum afsluiten, een stemming afsluiten, overzichten versturen) en dat bij elke poging mislukte. Verhelp de oorzaak en probeer het dan opnieuw, of schrap de taak.
jobs-none-failed = Alle taken zijn uitgevoerd.
jobs-attempts = { $count ->
    [one] Eén keer geprobeerd
   *[other] { $count } keer geprobeerd
}
jobs-error = Fout:
jobs-retry = Opnieuw proberen
jobs-discard = Schrappen
jobs-kind-jobs-maintenance = Opruiming per uur (verlopen sessies en links)
jobs-kind-idempotency-purge = Opruiming per uur van de Idempotency-Keys ouder dan een dag
jobs-kind-proposals-announce = Een gepubliceerd voorstel aankondigen
jobs-kind-proposals-close_campaign = Een medefinanciering op de uiterste datum afsluiten
jobs-kind-funding-announce_campaign = Een geopende medefinanciering aankondigen
jobs-kind-funding-share_digest = Dagelijks overzicht van gewijzigde aandelen
jobs-kind-polls-close = Een stemming op het sluitingstijdstip afsluiten
jobs-kind-polls-remind = De stemgerechtigden aan een stemming herinneren
error-jobs-not-failed = Deze taak is niet (meer) mislukt: ze kan niet opnieuw geprobeerd of geschrapt worden.
dashboard-failed-jobs = { $count ->
    [0] Alle taken zijn uitgevoerd
    [one] 1 taak kon niet uitgevoerd worden
   *[other] { $count } taken konden niet uitgevoerd worden
}
jobs-kind-events-dispatch = Een gebeurtenis doorgeven aan de functies die erop reageren
jobs-kind-proposals-on_poll_closed = Het besluit van een gesloten stemming op haar voorstel toepassen
jobs-kind-polls-open = Een stemming openen op haar openingstijdstip
jobs-kind-polls-forget = Sporen van een gesloten geheime stemming uit de databasebestanden wissen
jobs-about-proposal = Over voorstel { $id }
jobs-about-poll = Over stemming { $id }
jobs-discard-consequence = Dit werk wordt nooit gedaan: een medefinanciering of stemming die het moest afsluiten, blijft open tot iemand ze met de hand afsluit, en niemand hoort wat het moest melden.
jobs-discard-confirm = Definitief schrappen
jobs-kind-funding-on_membership_ended = Open toezeggingen van een vertrokken organisatie laten vervallen
