jobs-failed-title = Tâches qui n'ont pas pu être faites
jobs-failed-intro = Le travail qu'intercoop fait à son heure (clôturer un co-financement à son échéance, clôturer un sondage, envoyer les récapitulatifs) et qui a échoué à chaque essai. Réparez la cause, puis réessayez, ou abandonnez-la.
jobs-none-failed = Toutes les tâches ont été faites.
jobs-attempts = { $count ->
    [0] Pas encore essayée
    [one] Essayée une fois
   *[other] Essayée { $count } fois
}
jobs-error = Erreur :
jobs-retry = Réessayer
jobs-discard = Abandonner
jobs-kind-jobs-maintenance = Nettoyage horaire (sessions et liens expirés)
jobs-kind-idempotency-purge = Nettoyage horaire des Idempotency-Keys de plus d’un jour
jobs-kind-proposals-announce = Annoncer une proposition publiée
jobs-kind-proposals-close_campaign = Clôturer un co-financement à son échéance
jobs-kind-funding-announce_campaign = Annoncer l'ouverture d'un co-financement
jobs-kind-funding-share_digest = Récapitulatif quotidien des quotes-parts
jobs-kind-polls-close = Clôturer un sondage à son heure de fin
jobs-kind-polls-remind = Rappeler un sondage aux votants
error-jobs-not-failed = Cette tâche n'est pas (ou plus) en échec : elle ne peut pas être relancée ni abandonnée.
dashboard-failed-jobs = { $count ->
    [0] Toutes les tâches ont été faites
    [one] 1 tâche n'a pas pu être faite
   *[other] { $count } tâches n'ont pas pu être faites
}
jobs-kind-events-dispatch = Transmettre un événement aux fonctions qui y réagissent
jobs-kind-proposals-on_poll_closed = Appliquer la décision d'un sondage clôturé à sa proposition
jobs-kind-polls-open = Ouvrir un scrutin à son heure d’ouverture
jobs-kind-polls-forget = Effacer des fichiers de la base les traces d'un vote secret clôturé
jobs-about-proposal = À propos de la proposition { $id }
jobs-about-poll = À propos du scrutin { $id }
jobs-discard-consequence = Ce travail ne sera jamais fait : un cofinancement ou un scrutin qu’il devait clôturer reste ouvert jusqu’à ce que quelqu’un le clôture à la main, et personne n’apprend ce qu’il devait annoncer.
jobs-discard-confirm = L’abandonner définitivement
jobs-kind-funding-on_membership_ended = Lever les engagements ouverts d'une organisation partie
