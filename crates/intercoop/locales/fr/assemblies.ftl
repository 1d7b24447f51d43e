assemblies-title = Réunions
assemblies-intro = Assemblées mensuelles, réunions du noyau, assemblées générales et événements du réseau.
assemblies-new-title = Planifier une réunion
assemblies-new-submit = Planifier
assemblies-coming = Réunions à venir
assemblies-past = Réunions passées
assemblies-none = Aucune réunion.
assemblies-cancelled = Annulée
assemblies-kind-assembly = Assemblée mensuelle
assemblies-kind-core = Réunion du noyau
assemblies-kind-general_assembly = Assemblée générale
assemblies-kind-event = Événement
assemblies-field-kind = Type de réunion
assemblies-field-title = Titre
assemblies-field-description = Description
assemblies-field-starts-at = Début
assemblies-field-duration = Durée (minutes)
assemblies-field-recurrence = Répétition (règle RRULE, facultative)
assemblies-field-recurrence-hint = Par exemple FREQ=MONTHLY;BYDAY=1TU : le premier mardi de chaque mois, à la même heure.
assemblies-field-place = Lieu
assemblies-field-video = Lien de visioconférence
assemblies-field-reminders = Rappels (jours avant, séparés par des virgules)
assemblies-field-agenda-hint = Un point par ligne ; « proposal 12 » ou « poll 7 » lie une proposition ou un vote.
assemblies-agenda = Ordre du jour
assemblies-agenda-proposal = proposition
assemblies-agenda-poll = vote
assemblies-video = Rejoindre en visio
assemblies-download-ics = Ajouter à mon agenda (.ics)
assemblies-do-you-come = Venez-vous ?
assemblies-answer-yes = Je viens
assemblies-answer-maybe = Peut-être
assemblies-answer-no = Je ne viens pas
assemblies-answer-save = Enregistrer ma réponse
assemblies-answer-saved = Votre réponse est enregistrée.
assemblies-answer-closed = Cette réunion a commencé ou est annulée : les réponses sont closes.
assemblies-not-answered = pas encore répondu
assemblies-next-title = Prochaine réunion
assemblies-attendance = Présences
assemblies-present = Présents
assemblies-quorum = Organisations présentes ou représentées / quorum (membres)
assemblies-quorum-met = quorum atteint
assemblies-take-attendance = Prendre les présences
assemblies-attendance-save = Enregistrer les présences
assemblies-attendance-saved = Présences enregistrées.
assemblies-cancel = Annuler la réunion
assemblies-cancel-confirm = Oui, annuler
assemblies-calendar-title = Mon agenda
assemblies-calendar-intro = Une adresse privée que votre agenda suit : toutes les réunions auxquelles vous êtes invité·e, tenues à jour.
assemblies-calendar-new = Créer l'adresse de mon agenda
assemblies-calendar-replace = Vous avez déjà une adresse : en créer une nouvelle arrête l'ancienne.
assemblies-calendar-copy = Copiez cette adresse dans votre agenda (elle n'est montrée qu'une fois) :
assemblies-mail-invitation-subject = Invitation : { $title }, { $starts }
assemblies-mail-invitation-body = Vous êtes invité·e à « { $title } », { $starts }. { $place }
assemblies-mail-updated-subject = Modifiée : { $title }, { $starts }
assemblies-mail-updated-body = La réunion « { $title } » a changé : { $starts }. { $place }
assemblies-mail-cancelled-subject = Annulée : { $title }
assemblies-mail-cancelled-body = La réunion « { $title } » du { $starts } est annulée.
assemblies-mail-reminder-subject = Rappel : { $title }, { $starts }
assemblies-mail-reminder-body = Rappel : « { $title } », { $starts }. { $place }
assemblies-mail-see = Voir la réunion
assemblies-mail-answer = Répondre en un clic (venez-vous ?) :
error-meeting-kind = Choisissez le type de réunion.
error-meeting-time-zone = Fuseau horaire inconnu.
error-meeting-starts-at = Indiquez la date et l'heure du début.
error-meeting-ends-before-start = La réunion doit finir après son début (durée de plus de 0 minute).
error-meeting-too-long = Une réunion dure au plus une semaine.
error-meeting-reminder-after = Un rappel doit venir avant la réunion (un nombre de jours positif).
error-meeting-reminder-too-early = Un rappel vient au plus 60 jours avant.
error-meeting-too-many-reminders = Cinq rappels au plus.
error-meeting-video-url = Le lien doit être une adresse web (https://…).
error-meeting-recurrence-never = Cette règle ne tombe jamais (par exemple un 30 février).
error-meeting-recurrence-invalid = Règle de répétition illisible (par exemple FREQ=MONTHLY;BYDAY=1TU).
error-meeting-agenda-empty = Un point de l'ordre du jour est vide.
error-meeting-agenda-too-long = Cinquante points au plus.
error-meeting-agenda-unknown = Cette proposition ou ce vote n'existe pas dans le réseau.
error-meeting-in-the-past = Le nouveau début est déjà passé.
error-meeting-answer = Répondez yes, no ou maybe.
error-meeting-unknown-person = Une de ces personnes n'est pas du réseau.
error-meeting-not-ahead = Cette réunion a commencé ou est annulée.
error-meeting-not-now = Les présences se prennent à partir de la veille de la réunion, si elle n'est pas annulée.
nav-meetings = Réunions
assemblies-count = { $count ->
    [0] Aucune réunion
    [one] Une réunion
   *[other] { $count } réunions
}
assemblies-cancel-consequence = { $count ->
    [0] Personne n'est invité·e pour l'instant : rien n'est envoyé. Cela ne peut pas être défait.
    [one] La personne invitée reçoit l'annulation, et son agenda la retire. Cela ne peut pas être défait.
   *[other] Les { $count } personnes invitées reçoivent l'annulation, et leurs agendas la retirent. Cela ne peut pas être défait.
}
assemblies-minutes-title = Compte rendu
assemblies-minutes-status-none = Pas encore de compte rendu.
assemblies-minutes-status-draft = Compte rendu en cours d’écriture (pas encore publié).
assemblies-minutes-status-published = Publié
assemblies-minutes-write = Écrire le compte rendu
assemblies-minutes-text = Compte rendu (Markdown)
assemblies-minutes-hint = Markdown : # pour un titre, - pour une liste, **gras**, [texte](https://…) pour un lien.
assemblies-minutes-save = Enregistrer le brouillon
assemblies-minutes-saved = Brouillon enregistré.
assemblies-minutes-publish = Approuver et publier
assemblies-minutes-publish-confirm = Oui, approuver et publier
assemblies-minutes-publish-consequence = { $count ->
    [0] Personne n’est prévenu : le réseau n’a encore personne. Un compte rendu publié et ses décisions ne changent plus.
    [one] La personne du réseau le reçoit par courriel. Un compte rendu publié et ses décisions ne changent plus.
   *[other] Les { $count } personnes du réseau le reçoivent par courriel. Un compte rendu publié et ses décisions ne changent plus.
}
assemblies-decisions = Décisions
assemblies-decisions-none = Aucune décision.
assemblies-decision-text = Décision
assemblies-decision-made-by = prise par
assemblies-decision-made-by-field = Prise par (facultatif)
assemblies-decision-made-by-none = Rien à l’ordre du jour
assemblies-decision-add = Ajouter la décision
assemblies-decision-remove = Retirer
assemblies-decisions-title = Décisions du réseau
assemblies-decisions-intro = Toutes les décisions des comptes rendus publiés, les plus récentes d’abord.
assemblies-decisions-search = Chercher
assemblies-decisions-count = { $count ->
    [0] Aucune décision
    [one] Une décision
   *[other] { $count } décisions
}
assemblies-mail-minutes-subject = Compte rendu : { $title }
assemblies-mail-minutes-body = Le compte rendu de « { $title } » ({ $starts }) est approuvé et publié.
assemblies-mail-minutes-see = Lire le compte rendu
error-minutes-published = Ce compte rendu est publié : il ne change plus.
error-minutes-too-long = Un compte rendu tient en 100 000 caractères au plus.
error-minutes-empty = Écrivez le compte rendu avant de le publier.
error-minutes-before-meeting = Un compte rendu se publie une fois la réunion commencée.
error-meeting-cancelled = Cette réunion est annulée.
error-decision-text-empty = Écrivez la décision.
error-decision-text-too-long = Une décision tient en 2 000 caractères au plus, sans caractères de contrôle.
error-decision-poll-unknown = Ce scrutin n’existe pas dans le réseau.
error-decision-transition-unknown = Ce changement de proposition n’existe pas dans le réseau.
error-decision-too-many = Deux cents décisions au plus par réunion.
core-title = Noyau
core-intro = Les organisations qui siègent au noyau, sur quel siège et depuis quand.
core-rules = Règles : { $facilitator_min } à { $facilitator_max } sièges pour la coopérative facilitatrice, { $elected_min } à { $elected_max } élus parmi les coopératives utilisatrices ; un mandat élu dure au plus { $max_days } jours.
core-sitting = Siègent aujourd’hui
core-history = Qui a siégé quand
core-none = Personne.
core-seat-facilitator = Siège de la coopérative facilitatrice
core-seat-elected = Siège élu
core-elected-by = élu par un scrutin
core-field-organisation = Organisation
core-field-seat = Siège
core-field-starts-on = Premier jour
core-field-ends-on = Dernier jour
core-add = Enregistrer un mandat
core-add-submit = Enregistrer le mandat
core-mail-ending-subject = Un mandat au noyau se termine le { $ends }
core-mail-ending-body = Le mandat de { $organisation } au noyau se termine le { $ends }. Il est temps de préparer l’élection ou le renouvellement.
core-mail-ending-see = Voir le noyau
nav-core = Noyau
error-core-seat = Choisissez le siège : celui de la coopérative facilitatrice, ou un siège élu.
error-core-day = Donnez le jour au format AAAA-MM-JJ.
error-core-organisation = Choisissez une organisation membre du réseau.
error-core-elected-user = Un siège élu revient à une coopérative utilisatrice.
error-core-facilitator-kind = Ce siège revient à la coopérative facilitatrice.
error-core-rules = Les règles de sièges du réseau se contredisent (un minimum au-dessus de son maximum).
error-core-ends-before-start = Un mandat se termine après le jour où il commence.
error-core-too-long = Règle enfreinte : un mandat élu dure au plus la limite du réseau (2 ans par défaut).
error-core-too-many = Règle enfreinte : plus de sièges de ce type que le réseau n’en permet à ce moment.
error-core-too-few = Règle enfreinte : moins de sièges de ce type que le réseau n’en demande.
error-core-two-seats = Règle enfreinte : une organisation occupe un seul siège à la fois.
core-elections = Élections
core-elections-none = Pas encore d’élection.
core-election-seats = { $count ->
    [0] Aucun siège élu
    [one] Un siège élu
   *[other] { $count } sièges élus
}
core-election-status-candidacy = Appel à candidatures : les coopératives utilisatrices peuvent se présenter.
core-election-status-voting = Le vote est ouvert.
core-election-status-done = Élus : les nouveaux mandats sont enregistrés.
core-election-status-failed = Non enregistrée
core-election-poll = Le scrutin
core-candidates = Candidates
core-stand-for = Se présenter pour
core-stand = Se présenter
core-start-vote = Lancer le vote
core-start-vote-consequence = L’appel à candidatures se ferme et un scrutin par approbation des coopératives utilisatrices s’ouvre, une option par candidate. À sa clôture, les candidates les plus approuvées prennent les sièges, si les règles de sièges le permettent.
core-call = Lancer une élection
core-call-seats = Sièges élus à pourvoir
core-call-submit = Appeler à candidatures
core-mail-call-subject = Élection au noyau : appel à candidatures
core-mail-call-body = Une élection au noyau est lancée : { $seats } siège(s) élu(s), du { $starts } au { $ends }. Une coopérative utilisatrice se présente depuis la page du noyau.
error-core-election-seats = Sièges à pourvoir : de 1 au maximum de sièges élus du réseau.
error-core-election-closed = L’appel à candidatures de cette élection est fermé.
error-core-candidate-twice = Cette organisation se présente déjà.
error-core-election-few-candidates = Moins de candidates que de sièges (ou que deux) : attendez-en d’autres avant le vote.
assemblies-needing-minutes-title = Réunions en attente de compte rendu
core-ending-title = Mandats au noyau bientôt terminés
governance-title = Règles de gouvernance
governance-intro = Les règles du réseau pour les assemblées, les votes de décision et le noyau. Chaque changement est enregistré et listé plus bas.
governance-summary = Quorum d'assemblée { $assembly } % ; un vote de décision demande { $poll } % de votants et passe à la { $threshold } ; noyau : { $facilitator_min } à { $facilitator_max } sièges pour la coopérative facilitatrice, { $elected_min } à { $elected_max } élus, un mandat élu d'au plus { $max_days } jours.
governance-quorums = Quorums et seuil
governance-assembly-quorum = Quorum d'assemblée : part des organisations membres présentes ou représentées (%)
governance-poll-quorum = Quorum d'un vote de décision qui n'en fixe pas : part de l'électorat qui doit voter (%)
governance-poll-threshold = Seuil d'un vote de décision qui n'en fixe pas
governance-threshold-simple_majority = majorité simple
governance-threshold-two_thirds = majorité des deux tiers
governance-threshold-custom = une autre fraction
governance-threshold-fraction = La fraction, si autre (par exemple 3/5)
governance-seats = Sièges du noyau
governance-facilitator-min = Sièges de la coopérative facilitatrice, au moins
governance-facilitator-max = Sièges de la coopérative facilitatrice, au plus
governance-elected-min = Sièges élus, au moins
governance-elected-max = Sièges élus, au plus
governance-mandate-days = Mandat élu le plus long (jours)
governance-save-consequence = Les nouveaux votes, mandats et assemblées suivent les nouvelles règles ; les votes déjà créés et les mandats déjà enregistrés gardent les leurs.
governance-save = Enregistrer les règles
governance-changes = Changements récents
governance-no-changes = Aucun changement : le réseau suit les règles par défaut.
governance-before = Avant :
governance-after = Après :
governance-link = Règles de gouvernance
error-governance-min-above-max = Le minimum dépasse le maximum.
error-governance-mandate-days = Indiquez une durée entre 30 et 3660 jours.
audit-action-governance-update = Règles de gouvernance modifiées
core-election-poll-title = Élection au noyau, mandats du { $from } au { $until }
core-election-poll-seats = { $seats ->
    [one] Un siège à pourvoir.
   *[other] { $seats } sièges à pourvoir.
}
assemblies-edit-title = Modifier la réunion
assemblies-edit-link = Modifier la réunion
assemblies-edit-who = Qui reçoit la mise à jour
assemblies-edit-not-invited = Les invitations ne sont pas encore parties : personne n'est prévenu maintenant, et les invitations porteront les nouveaux détails.
assemblies-edit-submit = Enregistrer les modifications
assemblies-edit-consequence = { $count ->
    [0] Personne n'est invité·e pour l'instant : rien n'est envoyé.
    [one] Si la date, l'heure, la durée, le titre, le lieu, le lien ou la description change, la personne invitée reçoit la mise à jour, et son agenda modifie la réunion. Un changement des seuls rappels ne prévient personne.
   *[other] Si la date, l'heure, la durée, le titre, le lieu, le lien ou la description change, les { $count } personnes invitées reçoivent la mise à jour, et leurs agendas modifient la réunion. Un changement des seuls rappels ne prévient personne.
}
assemblies-edit-submit-tell = { $count ->
    [0] Enregistrer les modifications
    [one] Enregistrer et prévenir la personne invitée
   *[other] Enregistrer et prévenir les { $count } personnes invitées
}
assemblies-quorum-present = { $count ->
    [0] aucune présente
    [one] une présente
   *[other] { $count } présentes
}
assemblies-quorum-represented = { $count ->
    [0] aucune représentée par procuration
    [one] une représentée par procuration
   *[other] { $count } représentées par procuration
}
assemblies-proxies = Procurations
assemblies-proxy-held-by = procuration à { $holder }
assemblies-proxy-link = Donner notre procuration
assemblies-proxy-title = Procuration pour la réunion
assemblies-proxy-intro = Une organisation qui ne peut pas venir donne sa procuration à une autre organisation membre : la personne qui représente celle-ci parle pour les deux, et les deux comptent dans le quorum quand elle est présente. Une organisation tient une procuration au plus, et une organisation qui a donné la sienne ne peut pas en tenir.
assemblies-proxy-giver = Organisation
assemblies-proxy-show = Afficher
assemblies-proxy-none = Aucune procuration donnée pour cette réunion.
assemblies-proxy-holder = Donner la procuration à
assemblies-proxy-holder-hint = Une organisation membre du réseau. Elle remplace une procuration donnée avant.
assemblies-proxy-give = Donner la procuration
assemblies-proxy-withdraw = Retirer la procuration
assemblies-proxy-withdraw-consequence = Une fois retirée, l'organisation ne compte dans le quorum que si sa propre représentante ou son propre représentant est présent·e.
assemblies-proxy-closed = Cette réunion ne prend pas de procuration maintenant (elle est finie, annulée, ou n'a pas de quorum).
error-meeting-proxy-kind = Seules les assemblées et les assemblées générales prennent des procurations.
error-meeting-proxy-closed = Cette réunion est finie ou annulée : les procurations ne changent plus.
error-meeting-proxy-member = Seule une organisation membre du réseau donne ou tient une procuration.
error-meeting-proxy-self = Une organisation ne peut pas se donner sa propre procuration.
error-meeting-proxy-holder-gave = Cette organisation a donné sa propre procuration : elle ne peut pas en tenir.
error-meeting-proxy-limit = Cette organisation tient déjà une procuration pour cette réunion.
error-meeting-proxy-chain = Cette organisation tient la procuration d'une autre : elle ne peut pas donner la sienne.
assemblies-field-capacity = Places (évènements, facultatif)
assemblies-field-capacity-hint = Vide : pas de limite. Au-delà, les personnes rejoignent une liste d'attente, et reçoivent une place quand une se libère.
assemblies-registration = Inscription
assemblies-no-limit = Pas de limite de places.
assemblies-places-left = { $count ->
    [0] Plus aucune place
    [one] Une place restante
   *[other] { $count } places restantes
}
assemblies-capacity = { $count ->
    [0] aucune place
    [one] une place en tout
   *[other] { $count } places en tout
}
assemblies-waiting-count = { $count ->
    [0] personne en attente
    [one] une personne en attente
   *[other] { $count } personnes en attente
}
assemblies-you-are-registered = Vous êtes inscrit·e.
assemblies-your-position = { $count ->
    [0] Vous n'êtes pas sur la liste d'attente.
    [one] Vous êtes première ou premier sur la liste d'attente.
   *[other] Vous êtes numéro { $count } sur la liste d'attente.
}
assemblies-register = M'inscrire
assemblies-join-waiting = Rejoindre la liste d'attente
assemblies-withdraw = Retirer mon inscription
assemblies-withdraw-consequence = Vous quittez votre place ; une nouvelle inscription vous met en dernier.
assemblies-withdraw-gives-place = Votre place va aussitôt à la première personne en attente, prévenue par email ; une nouvelle inscription vous met en dernier.
assemblies-mail-place-subject = Une place pour vous : { $title }
assemblies-mail-place-body = Une place s'est libérée pour « { $title } », { $starts } : elle est à vous, vous êtes inscrit·e. Si vous ne pouvez pas venir, retirez-vous sur la page de l'évènement pour que la personne suivante l'ait.
error-meeting-capacity = Places : un nombre entier de 1 à 100 000.
error-meeting-capacity-kind = Seul un évènement a un nombre de places.
error-meeting-capacity-below = Plus de personnes sont déjà inscrites : les places ne peuvent pas être moins nombreuses.
error-meeting-registration-kind = Seuls les évènements prennent des inscriptions.
assemblies-documents = Documents
assemblies-documents-none = Pas encore de document.
assemblies-documents-manage = Joindre ou retirer des documents
assemblies-document-add-file = Joindre un fichier
assemblies-document-file = Fichier
assemblies-document-file-hint = Un PDF, un tableur, une image : { $size } Mo au plus. Chaque personne du réseau peut le télécharger.
assemblies-document-title = Titre
assemblies-document-title-hint = Facultatif : le nom du fichier est utilisé s'il reste vide.
assemblies-document-attach = Joindre le fichier
assemblies-document-add-page = Lier une page de la documentation
assemblies-document-page = Page
assemblies-document-page-hint = La page reste à jour. Seules les personnes qui peuvent la lire la verront dans la liste.
assemblies-document-link = Lier la page
assemblies-document-kind-page = page de la documentation
assemblies-document-remove = Retirer
assemblies-document-remove-file-consequence = Le fichier sera supprimé. Les personnes qui ouvrent la réunion ne le trouveront plus. Personne ne reçoit d'email.
assemblies-document-remove-page-consequence = Le lien sera retiré de la réunion. La page elle-même reste dans la documentation. Personne ne reçoit d'email.
assemblies-document-remove-confirm = Retirer le document
assemblies-document-keep = Le garder
error-meeting-document-required = Choisissez un fichier, ou une page à lier.
error-meeting-document-one = Joignez un fichier ou liez une page, pas les deux à la fois.
error-meeting-document-empty = Le fichier est vide. Choisissez-le à nouveau.
error-meeting-document-too-large = Le fichier dépasse 10 Mo. Réduisez-le, ou mettez un lien vers lui dans une page de la documentation.
error-meeting-document-too-many = Cette réunion a déjà 50 documents. Retirez-en un d'abord.
error-meeting-document-page-unknown = Choisissez une page de la documentation de ce réseau.
error-meeting-document-title-long = Le titre a 200 caractères au plus.
