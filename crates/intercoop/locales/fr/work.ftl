# Partage du travail : opportunités, intérêts, équipes et charge des membres (work).
nav-work = Travail
work-title = Opportunités
work-intro = Du travail qu'un membre apporte au réseau (un appel d'offres, la demande d'un client), partagé par une équipe de membres qui ont le temps et les compétences.
work-new = Publier une opportunité
work-none = Pas encore d'opportunité.
work-busyness = Quelle sera notre charge
work-status-teamed = Équipe formée
work-days-count = { $count ->
    [0] aucun jour
    [one] un jour
   *[other] { $count } jours
}
work-interests-count = { $count ->
    [0] aucun membre intéressé pour l'instant
    [one] un membre intéressé
   *[other] { $count } membres intéressés
}
work-no-organisation = Seul le représentant d'une organisation membre (ou un administrateur) fait ceci pour elle.
work-field-organisation = Organisation
work-field-title = Titre
work-field-scope = Périmètre
work-field-scope-hint = Ce que demande le client, en Markdown : livrables, contraintes, qui contacter.
work-field-budget = Budget
work-field-days = Jours de travail
work-field-starts = Premier jour
work-field-ends = Dernier jour
work-field-skills = Compétences
work-field-skills-hint = Séparées par des virgules, par exemple Rust, design, accessibilité.
work-field-finder = Apportée par
work-field-finder-none = Personne (pas de commission d'apport)
work-field-fee = Commission d'apport (%)
work-field-fee-hint = Un pourcentage du budget versé d'abord au membre qui a apporté le travail, par exemple 5 ou 2,5 (50 au plus). Arrondi au centime inférieur ; ce qui tombe revient à l'équipe.
work-post = Publier l'opportunité
work-dates = Dates
work-interests = Intérêt et disponibilité
work-interests-none = Aucun membre n'a encore déclaré son intérêt.
work-declare = Déclarer son intérêt et sa disponibilité
work-declare-lead = Dites combien de jours votre organisation peut donner sur une période, et à quel tarif journalier. Vous pourrez le changer ensuite.
work-declare-save = Enregistrer
work-declare-consequence = L'équipe est formée : une autre disponibilité propose à l'équipe une nouvelle répartition, qui n'entre en vigueur que lorsque chaque membre l'accepte.
work-field-capacity = Jours disponibles
work-field-capacity-hint = Des jours entiers que vous pouvez donner sur la période (au plus son nombre de jours du calendrier).
work-field-from = Disponible à partir du
work-field-to = Disponible jusqu'au
work-field-rate = Tarif journalier
work-col-member = Membre
work-col-capacity = Disponibilité
work-col-rate = Tarif journalier
work-col-weight = Poids
work-col-days = Jours
work-col-amount = Montant
work-col-now = Maintenant
work-col-proposed = Proposé
work-col-month = Mois
work-col-booked = Jours engagés
work-col-load = Charge
work-total = Total
work-fee-line = Commission d'apport
work-team = Équipe
work-team-none = Pas encore d'équipe.
work-form-team = Former l'équipe
work-basis-capacity = Répartition selon les jours déclarés par chaque membre.
work-basis-shares = Répartition selon des parts convenues par l'équipe.
work-field-basis = Répartition
work-field-members = Membres
work-field-share = Part de { $organisation }
work-field-share-hint = Avec des parts : des nombres entiers, par exemple 50, 30 et 20, ou 2, 1 et 1.
work-show-split = Voir la répartition
work-preview = La répartition avant de confirmer
work-confirm-consequence = Former l'équipe est définitif : chaque membre apprend ses jours et son montant. Tout changement ultérieur demande l'accord de toute l'équipe.
work-confirm-team = Former l'équipe avec cette répartition
work-change-choices = Changer les choix
work-proposal = Une nouvelle répartition attend l'accord de l'équipe
work-proposal-lead = La disponibilité d'un membre a changé. La répartition en vigueur reste tant que chaque membre de l'équipe n'a pas accepté celle-ci ; un refus garde la répartition en vigueur.
work-answers = Réponses
work-answer-accepted = accepté
work-answer-declined = refusé
work-consent-for = Répondre pour { $organisation } :
work-accept = Accepter la nouvelle répartition
work-decline = Garder la répartition en vigueur
work-busyness-lead = Mois par mois, les jours de travail acceptés par votre organisation (sa part de chaque équipe) face aux jours qu'elle a déclarés disponibles.
work-busyness-none = Aucun travail accepté ni aucune disponibilité déclarée à partir de ce mois.
work-show = Afficher
work-over = Plus que déclaré
error-work-days-range = Entre 1 et 10 000 jours.
error-work-fee-range = Un pourcentage entre 0 et 50, avec deux décimales au plus.
error-work-no-members = Choisissez au moins un membre.
error-work-duplicate-member = Un membre est choisi deux fois.
error-work-missing-share = Donnez une part à chaque membre choisi : un nombre entier supérieur à zéro.
error-work-no-capacity = Un membre choisi n'a déclaré aucune disponibilité.
error-work-period-order = Le dernier jour vient avant le premier.
error-work-capacity-positive = Donnez un nombre de jours supérieur à zéro.
error-work-capacity-over-period = Plus de jours que la période n'en compte.
error-work-rate-negative = Un tarif journalier ne peut pas être négatif.
error-work-skills = 20 compétences au plus, de 60 caractères au plus chacune.
error-work-not-interested = Seuls les membres qui ont déclaré leur intérêt peuvent faire partie de l'équipe.
error-work-not-in-team = Cette organisation ne fait pas partie de l'équipe.
error-work-team-formed = L'équipe de cette opportunité est déjà formée.
error-work-no-proposal = Aucune nouvelle répartition n'attend de réponse.
error-work-already-answered = Cette organisation a déjà répondu.
work-mail-open = Ouvrir l'opportunité
work-mail-posted-subject = Nouvelle opportunité : { $title }
work-mail-posted-body = Un membre a publié « { $title } » : { $budget } pour { $days } jours de travail, du { $starts } au { $ends }. Si votre organisation a le temps et les compétences, déclarez son intérêt et sa disponibilité.
work-mail-formed-subject = Équipe formée : { $title }
work-mail-formed-body = L'équipe de « { $title } » est formée ({ $budget }, { $days } jours). La part de { $organisation } : { $share_days } jours et { $share }.
work-mail-proposed-subject = Nouvelle répartition à accepter : { $title }
work-mail-proposed-body = Une disponibilité a changé dans l'équipe de « { $title } ». La part de { $organisation } passerait de { $before_days } jours et { $before } à { $share_days } jours et { $share }. La répartition en vigueur reste tant que chaque membre n'a pas accepté.
notifications-kind-opportunity_posted = Une nouvelle opportunité de travail dans le réseau
notifications-kind-team_formed = Une équipe dont votre organisation fait partie est formée
notifications-kind-split_proposed = Une nouvelle répartition du travail d'une équipe attend votre accord
work-status-filled = Close : pourvue
work-status-lost = Close : perdue
work-status-withdrawn = Retirée
work-end = Clore ou retirer cette opportunité
work-end-how = Comment elle se termine
work-end-filled = Close : le travail est gagné et pourvu
work-end-lost = Close : le travail est parti ailleurs
work-end-withdrawn = Retirée : nous la reprenons
work-end-told = Les membres qui ont déclaré leur intérêt sont prévenus par e-mail : { $members }.
work-end-told-none = Aucun membre n'a déclaré d'intérêt : personne n'est prévenu.
work-end-final = Elle ne prend plus d'intérêt ensuite. C'est définitif.
work-end-confirm = Terminer l'opportunité
error-work-outcome = Choisissez comment elle se termine : pourvue, perdue ou retirée.
error-work-opportunity-ended = Cette opportunité est terminée : elle ne prend plus d'intérêt.
notifications-kind-opportunity_ended = Une opportunité de travail qui intéressait votre organisation est terminée
work-mail-ended-subject = Opportunité terminée : { $title }
work-mail-ended-body = { $outcome ->
    [filled] « { $title } » est close : le travail est gagné et pourvu.
    [lost] « { $title } » est close : le travail est parti ailleurs.
   *[withdrawn] « { $title } » a été retirée par le membre qui l'avait publiée.
} Elle ne prend plus d'intérêt.
