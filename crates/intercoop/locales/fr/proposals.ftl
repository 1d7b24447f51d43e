nav-proposals = Propositions
proposals-title = Propositions
proposals-new = Proposer un besoin
proposals-commitments = Les engagements de mon organisation
proposals-field-status = Statut
proposals-field-software = Logiciel
proposals-sort = Trier par
proposals-sort-newest = Plus récentes
proposals-sort-wanted = Plus demandées
proposals-sort-funded = Plus proches du financement
proposals-sort-priority = Priorité du réseau
proposals-filter-mine = En attente de ma décision
proposals-priority-note = Priorité du réseau calculée par un scrutin de priorité
proposals-priority-how = avec la méthode { $method }
proposals-priority-none = Aucun scrutin de priorité n'a encore ordonné les propositions.
proposals-none = Aucune proposition ne correspond.
proposals-status-draft = Brouillon
proposals-status-discussion = En discussion
proposals-status-quoted = Devis reçu
proposals-status-funding = Cofinancement ouvert
proposals-status-funded = Financée
proposals-status-in_progress = En cours
proposals-status-delivered = Livrée
proposals-status-lapsed = Caduque
proposals-status-rejected = Rejetée
proposals-status-withdrawn = Retirée
proposals-rank-tied = Priorité n° { $rank }, ex æquo
proposals-rank = Priorité n° { $rank }
proposals-waiting-for-me = En attente de votre décision
proposals-interested-count = { $count ->
    [0] Aucune organisation n'en a besoin pour l'instant
    [one] Une organisation en a besoin
   *[other] { $count } organisations en ont besoin
}
proposals-participants-count = { $count ->
    [0] aucun participant
    [one] un participant
   *[other] { $count } participants
}
proposals-field-title = Titre
proposals-field-description = Description
proposals-markdown-hint = Markdown : **gras**, *italique*, listes, liens.
proposals-software-hint = Le logiciel concerné, par ex. « Odoo 16 / cooperator ». Chaque organisation qui l'utilise est prévenue.
proposals-field-links = Liens
proposals-links-hint = Dépôts, tickets ou pull requests, un par ligne.
proposals-field-requested-by = Au nom de
proposals-post = Publier le besoin
proposals-no-organisation = Vous n'appartenez à aucune organisation de ce réseau.
proposals-open-total = Parts dans les cofinancements ouverts
proposals-requested-total = Demandes de paiement
proposals-credited-total = Crédits de rattrapage
proposals-pledges = Engagements et contributions
proposals-share = Part
proposals-cap = Plafond
proposals-payment-requests = Demandes de paiement
proposals-purpose-co-funding = cofinancement
proposals-purpose-catch-up = part de rattrapage
proposals-purpose-fee = cotisation
proposals-purpose-other = paiement
proposals-due = échéance
proposals-credits = Crédits de rattrapage
proposals-credit-from = payé par { $adopter }
proposals-requested-by = Demandé par { $organisation }
proposals-need = Le besoin
proposals-we-need-it-too = { $organisation } en a besoin aussi
proposals-campaign = Cofinancement
proposals-campaign-open = ouvert
proposals-campaign-funded = financé
proposals-campaign-lapsed = caduc
proposals-campaign-withdrawn = retiré
proposals-deadline = Échéance : { $date }
proposals-min-participants = { $count ->
    [0] sans minimum de participants
    [one] au moins un participant
   *[other] au moins { $count } participants
}
proposals-shortfall = Pas encore couvert : { $amount }
proposals-no-participants = Personne n'a encore rejoint.
proposals-shares = Parts
proposals-organisation = Organisation
proposals-fixed = contribution fixe
proposals-capped = à son plafond
proposals-your-share-is = Part de { $organisation } :
proposals-withdraw = Retirer notre engagement
proposals-join-as = Rejoindre pour { $organisation }
proposals-would-be = Votre part serait de
proposals-cap-optional = Le maximum que nous paierons (facultatif)
proposals-cap-hint = Si la part le dépasse, le reste est réparti sur les autres.
proposals-join = Rejoindre le cofinancement
proposals-close-now = Clôturer le cofinancement maintenant
proposals-quotes = Devis
proposals-vat = TVA { $rate } %
proposals-hours = { $count ->
    [0] aucune heure
    [one] une heure
   *[other] { $count } heures
}
proposals-valid-until = valable jusqu'au { $date }
proposals-selected = retenu
proposals-next-step = Étape suivante
proposals-move-to = Passer à
proposals-reason = Motif
proposals-comments = Commentaires et objections
proposals-objection = objection
proposals-your-comment = Votre commentaire
proposals-on-behalf-of = Au nom de
proposals-this-is-an-objection = C'est une objection
proposals-send-comment = Envoyer
proposals-timeline = Historique
proposals-by-poll = décidé par le scrutin n° { $poll }
proposals-event-transition = { $from } → { $to }
proposals-event-posted = Publiée
proposals-event-interest = Une organisation en a besoin aussi
proposals-event-comment = Commentaire
proposals-event-objection = Objection
proposals-event-quote = Devis de { $detail }
proposals-event-quote_selected = Devis retenu
proposals-event-pledge = { $detail } a rejoint
proposals-event-pledge_withdrawn = { $detail } s'est retiré
proposals-event-pledge_released = { $detail } a quitté le réseau : son engagement est levé
proposals-event-adopted = { $detail } l'adopte (part de rattrapage)
proposals-event-priority = Priorité du réseau n° { $detail }
proposals-dashboard-title = Propositions en attente de votre décision
proposals-mail-posted-subject = Nouvelle proposition pour votre logiciel : { $title }
proposals-mail-posted-body = Un membre a publié « { $title } », qui concerne { $software }, un logiciel qu'utilise votre organisation.
proposals-mail-posted-ask = Lisez-la, dites si vous en avez besoin aussi, commentez ou objectez avant que le travail commence.
proposals-mail-open = Ouvrir la proposition
proposals-mail-opened-subject = Cofinancement ouvert : { $title }
proposals-mail-opened-body = Le cofinancement de « { $title } » est ouvert : { $amount } à partager, jusqu'au { $deadline }.
proposals-mail-opened-share = La page montre la part de votre organisation avant que vous rejoigniez.
proposals-mail-funded-subject = Financée : { $title }
proposals-mail-funded-body = « { $title } » est financée : { $amount } partagés entre { $count } organisations. Le travail peut commencer.
proposals-mail-request-subject = Demande de paiement : { $title }
proposals-mail-request-body = La part de votre organisation pour « { $title } » est de { $amount }, à payer avant le { $due }.
proposals-mail-request-catch-up = La part de rattrapage de votre organisation pour « { $title } » est de { $amount }, à payer avant le { $due }. Elle est reversée aux organisations qui ont financé le travail.
proposals-mail-request-reference = Demande de paiement { $number }, communication à indiquer avec votre virement : { $reference }
proposals-mail-commitments = Voir les engagements de votre organisation
proposals-mail-lapsed-subject = Caduque : { $title }
proposals-mail-lapsed-body = Le cofinancement de « { $title } » est caduc avec { $covered } couverts sur { $amount }. Tous les engagements sont libérés : personne ne doit rien.
proposals-mail-credit-subject = Crédit de rattrapage : { $title }
proposals-mail-credit-body = { $adopter } adopte « { $title } » et paie sa part de rattrapage : votre organisation est créditée de { $amount }.
proposals-mail-digest-subject = Vos parts de cofinancement ont changé aujourd'hui
proposals-mail-digest-intro = D'autres organisations ont rejoint ou quitté des cofinancements auxquels votre organisation participe :
proposals-mail-digest-line = { $organisation }, « { $title } » : { $before } → { $after }
error-proposals-positive-amount = Indiquez un montant supérieur à zéro.
error-proposals-negative-cap = Un plafond ne peut pas être négatif.
error-proposals-fixed-exceeds-total = Les contributions fixes dépassent le montant à partager.
error-proposals-duplicate-fixed = Une organisation a deux contributions fixes.
error-proposals-zero-weights = La somme des poids est nulle.
error-proposals-not-in-key = Cette organisation n'a pas de poids dans la clé de répartition.
error-proposals-missing-size = Cette organisation n'a pas de taille ; la clé répartit selon la taille.
error-proposals-fixed-participant = Cette organisation fait déjà une contribution fixe.
error-proposals-out-of-range = Cette valeur est hors limites.
error-proposals-invalid-tiers = Les paliers ne sont pas valides.
error-proposals-not-member = Cette organisation n'est pas membre du réseau.
error-proposals-milestones-sum = La somme des jalons doit égaler le montant.
error-proposals-not-provider = Cette organisation n'est pas un prestataire.
error-proposals-amount-or-quote = Indiquez soit un montant, soit un devis.
error-proposals-amount-or-percent = Indiquez soit un montant, soit un pourcentage.
error-proposals-deadline-past = L'échéance doit être dans le futur.
error-proposals-duplicate = Une proposition apparaît deux fois.
error-proposals-wrong-status = Impossible à cette étape
error-proposals-wrong-status-detail = Le statut de la proposition ne permet pas cette étape.
error-proposals-campaign-exists = Un cofinancement est déjà ouvert
error-proposals-campaign-exists-detail = Cette proposition a déjà une campagne de cofinancement.
error-proposals-no-campaign = Pas de cofinancement
error-proposals-no-campaign-detail = Cette proposition n'a pas de campagne de cofinancement.
error-proposals-campaign-closed = Le cofinancement est clos
error-proposals-campaign-closed-detail = On ne peut s'engager ou se retirer que pendant que la campagne est ouverte.
error-proposals-already-pledged = Déjà engagé
error-proposals-already-pledged-detail = Cette organisation s'est déjà engagée dans cette campagne.
error-proposals-not-delivered = Pas encore livrée
error-proposals-not-delivered-detail = Les parts de rattrapage commencent une fois le travail financé livré.
error-proposals-window-closed = La période de rattrapage est terminée
error-proposals-window-closed-detail = La période de rattrapage de cette campagne est terminée.
error-proposals-already-funder = Déjà financeur
error-proposals-already-funder-detail = Cette organisation a déjà payé sa part de ce travail.
proposals-select-quote = Retenir ce devis
proposals-open-funding = Ouvrir le cofinancement
proposals-share-quote = Partager le montant d'un devis
proposals-or-amount = Ou un montant
proposals-key = Clé de répartition
proposals-key-equal = Parts égales
proposals-key-size = Selon la taille des organisations
proposals-deadline-field = Échéance
proposals-min-participants-field = Nombre minimum de participants
proposals-fixed-by = Contribution fixe de
proposals-fixed-amount = Montant fixe
proposals-deliver = Marquer comme livrée
proposals-release-link = Lien vers le module publié
proposals-adopt-explain = Adopter un travail livré coûte une part de rattrapage : ce que votre organisation aurait payé depuis le début, reversé aux financeurs précédents.
proposals-adopt = L'adopter pour { $organisation }
proposals-count = { $count ->
    [0] Aucune proposition
    [one] Une proposition
   *[other] { $count } propositions
}
proposals-event-effect_failed = La décision du sondage n'a pas pu être appliquée : { $detail }
proposals-decisions-title = Décisions de sondages non appliquées
proposals-decision-not-carried-out = Sondage { $poll } : { $reason }
proposals-campaign-closing = échéance passée, clôture en cours
error-proposals-no-quote = Une proposition a un devis dès qu'un prestataire en envoie un : ajoutez-en un d'abord.
proposals-adopt-cost = Part de rattrapage de votre organisation : { $amount }. Une demande de paiement est établie et envoyée par courriel à sa ou son représentant·e.
proposals-adopt-credited = { $count ->
    [0] Aucun financeur précédent n'est crédité.
    [one] Le financeur précédent est crédité de sa part et prévenu par courriel.
   *[other] Les { $count } financeurs précédents sont crédités de leur part et prévenus par courriel.
}
proposals-adopt-confirm = L'adopter et devoir { $amount }
proposals-close-funds = { $count ->
    [0] Clôturer maintenant finance le travail sans aucun participant.
    [one] Clôturer maintenant finance le travail : l'organisation participante reçoit sa demande de paiement et ses membres sont prévenus par courriel. C'est irréversible.
   *[other] Clôturer maintenant finance le travail : chacune des { $count } organisations participantes reçoit sa demande de paiement et leurs membres sont prévenus par courriel. C'est irréversible.
}
proposals-close-lapses = { $count ->
    [0] Clôturer maintenant fait échouer le cofinancement (il n'est pas entièrement couvert ou compte trop peu de participants) ; l'organisation demandeuse est prévenue par courriel. C'est irréversible.
    [one] Clôturer maintenant fait échouer le cofinancement (il n'est pas entièrement couvert ou compte trop peu de participants) : l'engagement est libéré, et l'organisation engagée et l'organisation demandeuse sont prévenues par courriel. C'est irréversible.
   *[other] Clôturer maintenant fait échouer le cofinancement (il n'est pas entièrement couvert ou compte trop peu de participants) : les { $count } engagements sont libérés, et les organisations engagées et l'organisation demandeuse sont prévenues par courriel. C'est irréversible.
}
proposals-close-confirm = Clôturer le cofinancement maintenant
proposals-mail-withdrawn-subject = Retiré : { $title }
proposals-mail-withdrawn-body = « { $title } » a été retiré pendant son cofinancement ({ $covered } engagés sur { $amount }). Tous les engagements sont libérés : personne ne doit rien.
proposals-released-withdrawn = Tous les engagements ont été libérés au retrait de la proposition : personne ne doit rien.
proposals-released-lapsed = Tous les engagements ont été libérés quand le cofinancement est devenu caduc : personne ne doit rien.
proposals-withdraw-releases = { $count ->
    [0] Retirer met fin au cofinancement ouvert ; l'organisation demandeuse est prévenue par courriel.
    [one] Retirer libère l'engagement du cofinancement ouvert ; l'organisation engagée et l'organisation demandeuse sont prévenues par courriel.
   *[other] Retirer libère les { $count } engagements du cofinancement ouvert ; les organisations engagées et l'organisation demandeuse sont prévenues par courriel.
}
