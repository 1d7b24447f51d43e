# Propositions : les étapes de l'API qui ont une page (chiffrer, ouvrir un cofinancement
# avec toutes ses conditions).
error-amount-units = Indiquez un montant comme 1200 ou 1 200,50.
error-percent-units = Indiquez un pourcentage comme 21 ou 5,5.
error-picked-date = Choisissez une date.
error-proposals-fixed-organisation = Choisissez l'organisation qui verse cette contribution fixe.
proposals-day-in-zone = Toute la journée, à l'heure du réseau ({ $zone }).
proposals-quote-title = Chiffrer
proposals-quote-provider = Prestataire
proposals-quote-amount = Montant hors TVA
proposals-quote-amount-hint = En unités, par exemple { $example }.
proposals-quote-vat = Taux de TVA, en pour cent (facultatif)
proposals-quote-vat-hint = Par exemple 21 ou 5,5 ; vide s'il n'y en a pas.
proposals-quote-hours = Heures de travail (facultatif)
proposals-quote-valid-until = Valable jusqu'au (facultatif)
proposals-quote-milestones = Étapes (facultatif)
proposals-quote-milestones-hint = Les étapes du travail, chacune avec son montant : ensemble, elles font le montant hors TVA.
proposals-quote-milestone-title = Étape { $number }
proposals-quote-milestone-amount = Montant de l'étape { $number }
proposals-quote-note = Remarque (facultatif)
proposals-quote-moves = Chiffrer fait passer la proposition de « en discussion » à « chiffrée ».
proposals-quote-send = Envoyer le devis
proposals-open-funding-explain = Choisissez le montant, la clé de répartition, les contributions fixes et l'échéance ; vous verrez ce que fait l'ouverture avant de confirmer.
proposals-key-weights = Selon des poids choisis pour chaque organisation
proposals-key-tiers = Selon des paliers de taille
proposals-campaign-amount = Montant à répartir
proposals-campaign-weights = Poids (pour la clé selon des poids)
proposals-campaign-weights-hint = Un nombre entier par organisation, 0 ou plus : une organisation de poids 2 paie deux fois plus qu'une de poids 1. Une organisation sans poids ne peut pas participer.
proposals-campaign-size = { $count ->
    [0] taille 0
    [one] taille 1
   *[other] taille { $count }
}
proposals-campaign-no-size = sans taille
proposals-campaign-tiers = Paliers (pour la clé selon des paliers de taille)
proposals-campaign-tiers-hint = Chaque organisation paie en proportion du multiplicateur de son palier, selon sa taille.
proposals-campaign-tier-small = Multiplicateur des petites organisations
proposals-campaign-tier-medium-from = Moyenne à partir de la taille
proposals-campaign-tier-medium = Multiplicateur des organisations moyennes
proposals-campaign-tier-large-from = Grande à partir de la taille
proposals-campaign-tier-large = Multiplicateur des grandes organisations
proposals-campaign-fixed = Contributions fixes (facultatif)
proposals-campaign-fixed-hint = Une organisation couvre un montant, ou un pourcentage du total, avant que le reste soit réparti. Indiquez l'un ou l'autre sur chaque ligne.
proposals-campaign-fixed-org = Organisation { $number }
proposals-campaign-fixed-amount = Montant de la contribution { $number }
proposals-campaign-fixed-percent = Ou pourcentage de la contribution { $number }
proposals-campaign-catch-up-years = Période de rattrapage, en années
proposals-campaign-catch-up-hint = Combien de temps après la livraison une organisation qui adopte le travail paie une part, remboursée aux financeurs.
proposals-campaign-check = Vérifier avant d'ouvrir
proposals-campaign-review = Ce que fera l'ouverture
proposals-campaign-total = Montant
proposals-campaign-fixed-by = Contribution fixe de { $organisation }
proposals-campaign-to-share = Réparti entre celles qui participent
proposals-campaign-told = { $count ->
    [0] Aucun·e représentant·e n'est prévenu·e : aucune organisation membre n'en a.
    [one] Une ou un représentant·e est prévenu·e par courriel tout de suite.
   *[other] { $count } représentant·es sont prévenu·es par courriel tout de suite.
}
proposals-campaign-confirm = Ouvrir le cofinancement
proposals-campaign-change = Modifier les conditions
proposals-on-behalf = Pour une organisation (administration)
proposals-on-behalf-record-hint = Enregistrer l'engagement qu'une organisation a pris en assemblée ou par téléphone : elle participe avec sa part, comme si sa ou son représentant·e l'avait fait.
proposals-on-behalf-record = Enregistrer son engagement
proposals-on-behalf-withdraw = Retirer l'engagement d'une organisation
proposals-on-behalf-withdraw-hint = Son engagement est libéré et les parts des autres sont recalculées.
proposals-on-behalf-share = { $organisation }, part
proposals-on-behalf-search = Trouver une organisation par son nom
proposals-on-behalf-find = Chercher
proposals-on-behalf-more = Les { $shown } premières sur { $total } sont listées, par nom : tapez une partie d'un nom pour en trouver une autre.
proposals-on-behalf-none = Aucune organisation qui n'a pas encore rejoint n'a ceci dans son nom.
proposals-campaign-by-poll = Décider d'abord par un scrutin
proposals-campaign-cost = Coût du travail
proposals-campaign-from-reserve = Payé d'abord par l'argent mis de côté pour { $reserve }
proposals-campaign-shared = Réparti entre celles qui participent
proposals-campaign-reserve = Utiliser d'abord l'argent mis de côté (facultatif)
proposals-campaign-reserve-hint = Ce que la réserve a de disponible paie d'abord le travail. Seul le reste est réparti. L'argent est pris quand la campagne est financée, et reste dans la réserve si elle échoue.
