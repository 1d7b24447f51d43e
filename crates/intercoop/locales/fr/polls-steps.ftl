# Scrutins : les étapes de l'API qui ont une page (créer, confier sa voix, reçus) et ce
# qu'un votant voit enregistré.
error-whole-number = Indiquez un nombre entier.
error-poll-local-datetime = Choisissez une date et une heure.
polls-voted-of = { $count ->
    [0] Aucun vote, sur { $total }
    [one] { $count } a voté, sur { $total }
   *[other] { $count } ont voté, sur { $total }
}
polls-receipt-secret = Un bulletin pour votre organisation est compté. Le scrutin est secret : son contenu n'est pas lié à vous et n'est pas affiché.
polls-receipt-counted = Ce qui a été compté :
polls-receipt-check = Vérifier un reçu
polls-recorded-for = Enregistré pour { $name }
polls-recorded-at = Bulletin enregistré le { $at }
polls-recorded-by-facilitator = enregistré par un·e animateur·rice
polls-recorded-weight = { $count ->
    [0] poids 0
    [one] poids 1
   *[other] poids { $count }
}
polls-recorded-secret-title = Votre bulletin est compté
polls-recorded-secret = Un bulletin est compté. Le scrutin est secret : son contenu n'est pas affiché.
polls-recorded-objection = J'objecte. Raison : { $reason }
polls-recorded-none-approved = Aucune option approuvée (bulletin blanc)
polls-recorded-approved = Approuvé : { $option }
polls-recorded-points = { $option } : { $count ->
    [0] 0 point
    [one] 1 point
   *[other] { $count } points
}
polls-recorded-no-points = Aucun point donné (bulletin blanc)
polls-recorded-no-ranking = Aucune option classée (bulletin blanc)
polls-recorded-rank = { $rank }. { $option }
polls-recorded-grade = { $option } : { $grade }
polls-hand-vote-link = Confier la voix de { $name } à quelqu'un d'autre
polls-open-consequence = { $count ->
    [0] L'ouverture fige qui peut voter (aucune organisation membre ne peut voter maintenant) et prévient les votants par courriel. C'est irréversible.
    [one] L'ouverture fige qui peut voter (une organisation membre) et prévient sa ou son représentant·e par courriel. C'est irréversible.
   *[other] L'ouverture fige qui peut voter ({ $count } organisations membres) et prévient leurs représentant·es par courriel. C'est irréversible.
}
polls-open-closes = Le vote se clôt ensuite le { $at }.
polls-open-confirm = Ouvrir le scrutin maintenant
polls-mandates-link = Délégations et procurations
polls-mandate-title = Confier une voix
polls-mandate-not-open = Une voix ne peut être confiée que pendant que le scrutin est ouvert.
polls-mandate-organisation = Organisation
polls-mandate-choose = Afficher
polls-mandate-for = La voix de { $name }
polls-mandate-replace-hint = La confier à nouveau remplace ceci, jusqu'à la clôture du scrutin.
polls-mandate-none = Sa ou son représentant·e vote : la voix n'a été confiée à personne.
polls-mandate-current-delegate = Déléguée à { $name }
polls-mandate-current-proxy = Procuration tenue par { $name }
polls-mandate-delegate-title = Déléguer à une personne de l'organisation
polls-mandate-delegate-consequence = La personne choisie vote pour { $name } dans ce scrutin, à la place de sa ou son représentant·e.
polls-mandate-person = Personne
polls-mandate-delegate = Déléguer la voix
polls-mandate-proxy-title = Donner procuration à une autre organisation
polls-mandate-proxy-consequence = La ou le représentant·e de l'organisation choisie vote pour { $name } dans ce scrutin, à la place de sa ou son propre représentant·e.
polls-mandate-max-proxies = { $count ->
    [0] Dans ce scrutin, aucune organisation ne peut tenir de procuration.
    [one] Chaque organisation peut tenir une procuration dans ce scrutin.
   *[other] Chaque organisation peut tenir { $count } procurations dans ce scrutin.
}
polls-mandate-holder = Organisation qui tient la procuration
polls-mandate-proxy = Donner procuration
polls-receipt-title = Vérifier un reçu
polls-receipt-code = Reçu
polls-receipt-code-hint = Le code affiché après le vote, comme r-…
polls-receipt-verify = Vérifier
polls-receipt-is-counted = Le bulletin de ce reçu est compté
polls-receipt-not-counted = Aucun bulletin compté ne porte ce reçu
polls-receipt-not-counted-detail = Soit le code est mal recopié, soit le bulletin a été remplacé par un plus récent (dont le reçu est celui qui compte).
polls-new-title = Nouveau scrutin
polls-new-intro = Le scrutin est créé en brouillon : vous l'ouvrez depuis sa page quand il est prêt.
polls-field-title = Question
polls-field-description = Explication (facultative)
polls-field-method = Méthode de vote
polls-field-options = Options
polls-field-options-hint = Une par ligne. Inutile pour une décision (oui, non, abstention) et pour le consentement.
polls-field-electorate = Qui vote
polls-field-decision-rules = Règles de la méthode
polls-field-quorum = Quorum, en pour cent (décision)
polls-field-quorum-hint = La part du corps électoral qui doit voter pour que le résultat compte ; 0 pour aucun.
polls-field-threshold = Majorité requise (décision)
polls-threshold-simple = Majorité simple
polls-threshold-two-thirds = Deux tiers
polls-threshold-custom = Une autre fraction
polls-field-threshold-fraction = Fraction, pour une autre majorité
polls-field-threshold-fraction-hint = Par exemple 3/5.
polls-field-points = Points que chaque votant répartit (points)
polls-field-grade-count = Nombre de mentions (jugement majoritaire)
polls-field-ballot = Bulletin
polls-field-secret = Vote secret : personne ne peut voir qui a voté quoi
polls-field-hide-results = Cacher les résultats jusqu'à la clôture
polls-field-weighted = Pondérer la voix de chaque organisation par sa taille
polls-field-max-proxies = Procurations qu'une organisation peut tenir
polls-field-times = Ouverture et clôture
polls-field-times-hint = Heures du réseau ({ $zone }). Laissez l'ouverture vide pour ouvrir le scrutin à la main ; laissez la clôture vide pour le clore à la main.
polls-field-opens-at = S'ouvre le
polls-field-closes-at = Se clôt le
polls-field-decides = La proposition qu'il tranche (facultatif)
polls-field-proposal = Proposition
polls-field-effect = Si le scrutin est adopté
polls-effect-none = Rien ne se passe de soi-même
polls-effect-discuss = La proposition est mise en discussion
polls-effect-reject = La proposition est rejetée
polls-create-draft = Créer le brouillon
polls-field-kinds = Quelles organisations membres votent
polls-field-kinds-hint = Les membres actifs des sortes cochées. Par défaut, les coopératives utilisatrices seules : les prestataires ne choisissent pas le travail pour lequel ils seront payés.
polls-effect-open-funding = Le cofinancement s'ouvre aux conditions ci-dessous
polls-funding-terms = Les conditions du cofinancement, choisies sur la page de cofinancement de la proposition :
polls-open-funding-title = Ouvrir le cofinancement de « { $title } » ?
polls-field-priority-legend = Priorités
polls-field-priority = Un scrutin de priorités : son résultat ordonne les propositions cochées ci-dessous
polls-field-priority-hint = Par classement (schulze) ou par points. Les options sont les propositions ; la liste ci-dessus est alors ignorée.
polls-field-priority-proposals = Les propositions à ordonner
error-poll-funding-terms = Choisissez les conditions du cofinancement sur la page de cofinancement de la proposition, puis « Décider d'abord par un scrutin ».
