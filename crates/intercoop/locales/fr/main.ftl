# Mise en page
nav-skip = Aller au contenu
nav-label = Menu principal
nav-dashboard = Tableau de bord
nav-organisations = Organisations
nav-people = Personnes
nav-money = Argent
nav-profile = Mon profil
nav-login = Se connecter
nav-logout = Se déconnecter
lang-switch-label = Langue
network-switch-label = Réseau
network-switch-button = Changer
footer-text = intercoop — décider et financer ensemble nos logiciels communs
save = Enregistrer
edit = Modifier
none = Aucun·e
since = depuis le
until = jusqu'au
previous = Précédent
next = Suivant
pagination = Pages
form-has-errors = Certains champs sont à revoir : voyez le message sous chacun d'eux.
filter-search = Rechercher
filter-all = Tous
filter-apply = Filtrer

# Champs
field-email = Adresse e-mail
field-password = Mot de passe
field-new-password = Nouveau mot de passe
field-confirm-password = Répétez le mot de passe
field-name = Nom
field-language = Langue
field-kind = Type
field-country = Pays
field-country-hint = Deux lettres, p. ex. BE
col-country = Pays
field-address = Adresse
field-company-number = Numéro d'entreprise
field-size = Taille
field-size-hint = P. ex. ménages coopérateurs ; les clés de répartition et les votes pondérés de ce réseau la comptent
field-bank-account = Compte bancaire (IBAN)
field-website = Site web
field-software = Logiciels utilisés
field-status = Adhésion
field-level = Niveau
field-joined-on = Membre depuis
field-left-on = Sortie le
field-organisation = Organisation
field-title = Rôle dans l'organisation
software-hint = Un par ligne ou séparés par des virgules, p. ex. « Odoo 12, cooperator, shift ». L'organisation est prévenue de chaque changement prévu sur ces logiciels.
level-hint = Les observateurs voient tout mais ne votent pas ; les membres actifs votent aussi.
password-hint = Au moins 10 caractères.

# Valeurs
kind-user = Coopérative utilisatrice
kind-provider = Prestataire
kind-partner = Partenaire
kind-facilitator = Coopérative d'animation
status-candidate = Candidate
status-member = Membre
status-former = Ancien membre
level-observer = Observateur
level-active = Actif
role-administrator = Administrateur·rice
role-core_circle = Noyau
role-representative = Représentant·e
role-member = Membre
role-provider_staff = Équipe prestataire

# Accueil
home-title = Bienvenue
home-pitch = Les coopératives de ce réseau décident ensemble des logiciels communs à développer et en partagent le coût équitablement.
home-empty-title = Cet intercoop est tout neuf
home-empty-body = Personne n'a encore de compte. Sur le serveur, créez le premier administrateur avec la commande ci-dessous ; elle affiche un lien de connexion à usage unique.
home-login-title = Comment se connecter
home-login-body = Indiquez votre adresse e-mail : vous recevez un lien de connexion, valable 30 minutes. Pas besoin de mot de passe (vous pouvez en choisir un dans votre profil).
home-demo-title = Comptes de démonstration
home-demo-body = Ceci est une démonstration. Connectez-vous avec l'une de ces adresses et le mot de passe « { $password } », ou demandez un lien de connexion (les e-mails sont écrits dans le dossier de données).
home-demo-role = Rôle

# Tableau de bord
dashboard-hello = Bonjour { $name }
dashboard-intro = Voici ce qui vous attend.
dashboard-admin-title = À regarder
dashboard-candidates = { $count ->
    [0] Aucune organisation candidate
    [one] Une organisation candidate attend une décision
   *[other] { $count } organisations candidates attendent une décision
}
dashboard-without-representative = { $count ->
    [0] Chaque organisation membre a un·e représentant·e
    [one] Une organisation membre n'a pas de représentant·e
   *[other] { $count } organisations membres n'ont pas de représentant·e
}
dashboard-never-logged-in = { $count ->
    [0] Toutes les personnes invitées se sont connectées
    [one] Une personne invitée ne s'est jamais connectée
   *[other] { $count } personnes invitées ne se sont jamais connectées
}
dashboard-failed-emails = { $count ->
    [0] Tous les e-mails ont été remis
    [one] Un e-mail n'a pas pu être envoyé
   *[other] { $count } e-mails n'ont pas pu être envoyés
}
dashboard-my-organisations = Mes organisations
dashboard-no-organisation = Vous n'appartenez encore à aucune organisation de ce réseau.

# Connexion
login-title = Connexion
login-explain = Indiquez votre adresse e-mail et nous vous envoyons un lien pour vous connecter. Aucun mot de passe à retenir.
login-send-link = Recevoir un lien de connexion
login-with-password = Me connecter plutôt avec un mot de passe
login-password-button = Me connecter avec mon mot de passe
login-forgot = Mot de passe oublié ?
login-sent-title = Consultez votre boîte mail
login-sent-body = Si { $email } a un compte, un lien de connexion est en route. Il est valable 30 minutes et ne sert qu'une fois.
forgot-title = Choisir un nouveau mot de passe
forgot-explain = Indiquez votre adresse e-mail et nous vous envoyons un lien pour choisir un nouveau mot de passe.
forgot-button = Recevoir le lien
forgot-sent = Si { $email } a un compte, un lien pour choisir un nouveau mot de passe est en route.
reset-title = Choisir un nouveau mot de passe
reset-button = Enregistrer mon nouveau mot de passe
profile-title = Mon profil
profile-saved = Votre profil est enregistré.
profile-language-auto = Automatique (selon mon navigateur)
profile-password-legend = Mot de passe (facultatif)
profile-password-hint = Vous pouvez toujours vous connecter par un lien reçu par e-mail. Ne remplissez ceci que pour choisir ou changer un mot de passe.

# Organisations
organisations-new = Ajouter une organisation
organisations-edit = Modifier l'organisation
organisations-details = Détails
organisations-no-people = Personne de cette organisation n'a encore de compte.
organisations-change-representative = Représentant·e
organisations-mandates = Représentant·es au fil du temps
organisations-shared-notice = { $count ->
    [0] Cette organisation ne fait partie d'aucun autre réseau.
    [one] Cette organisation fait aussi partie d'un autre réseau. Sa taille, son statut, son niveau, son ou sa représentant·e et ses personnes sont ici propres à ce réseau. Son nom, son type, son adresse, son numéro d'entreprise, son compte bancaire, son site et ses logiciels sont partagés : une modification est aussi inscrite au journal de l'autre réseau.
   *[other] Cette organisation fait aussi partie de { $count } autres réseaux. Sa taille, son statut, son niveau, son ou sa représentant·e et ses personnes sont ici propres à ce réseau. Son nom, son type, son adresse, son numéro d'entreprise, son compte bancaire, son site et ses logiciels sont partagés : une modification est aussi inscrite au journal des autres réseaux.
}
organisations-count = { $count ->
    [0] Aucune organisation
    [one] Une organisation
   *[other] { $count } organisations
}

# Personnes
people-invite = Inviter quelqu'un
people-invite-button = Envoyer l'invitation
people-invite-explain = La personne reçoit un e-mail avec un lien de connexion, valable 14 jours.
people-invite-sent = L'invitation à { $email } est en route.
people-make-representative = Représentant·e de cette organisation (remplace l'actuel·le)
people-roles = Rôles
people-count = { $count ->
    [0] Personne
    [one] Une personne
   *[other] { $count } personnes
}

# Erreurs
error-status = Statut
error-request-id = Référence de la requête
error-home-link = Retour à l'accueil
error-not-found = Page introuvable
error-not-found-detail = Cette page n'existe pas, ou elle ne fait pas partie de votre réseau.
error-unauthenticated = Veuillez vous connecter
error-unauthenticated-detail = Vous devez être connecté·e pour voir ceci.
error-forbidden = Action non autorisée
error-forbidden-detail = Votre rôle ne permet pas cette action. Demandez à un·e administrateur·rice de votre réseau si vous pensez que ce devrait être le cas.
error-csrf = Ce formulaire a expiré
error-csrf-detail = Par sécurité, le formulaire a été refusé : il ne venait pas de ce site ou il est trop ancien. Revenez en arrière, rechargez la page et réessayez.
error-gone = Ce lien a expiré
error-gone-detail = Les liens de connexion et d'invitation ne servent qu'une fois et pour un temps limité. Demandez-en un nouveau sur la page de connexion.
error-invalid = Certaines informations ne sont pas valables
error-invalid-detail = Corrigez les champs indiqués et renvoyez.
error-rate-limited = Trop de tentatives
error-rate-limited-detail = Patientez quelques minutes avant de réessayer.
error-bad-request = La requête n'a pas été comprise
error-bad-request-detail = Les données envoyées n'ont pas la forme attendue.
error-internal = Un problème est survenu de notre côté
error-internal-detail = Vous n'y êtes pour rien. Réessayez dans un instant ; si cela persiste, donnez la référence de la requête à votre administrateur·rice.
error-duplicate = Cela existe déjà
error-duplicate-detail = Un élément de même identité est déjà enregistré.
error-changed-meanwhile = Quelqu'un l'a modifié entre-temps
error-changed-meanwhile-detail = Cela a changé pendant que vous agissiez. Rechargez la page pour voir où en sont les choses, et recommencez si c'est encore nécessaire.
error-idempotency-in-progress = La même requête est encore en cours
error-idempotency-in-progress-detail = Une requête avec cette Idempotency-Key est encore en cours ; réessayez dans un instant.
error-idempotency-mismatch = Cette Idempotency-Key a servi pour une autre requête
error-idempotency-mismatch-detail = Utilisez une nouvelle Idempotency-Key pour une autre requête.
error-required = Ce champ est obligatoire.
error-too-long = C'est trop long.
error-invalid-email = Ce n'est pas une adresse e-mail valable.
error-control-characters = Ceci contient des caractères non autorisés.
error-invisible-characters = Ceci contient des caractères invisibles ou qui changent le sens du texte (comme une espace de largeur nulle ou une marque de droite à gauche) : retirez-les.
error-invalid-slug = Uniquement des minuscules, des chiffres et des tirets.
error-invalid-choice = Choisissez l'une des options proposées.
error-invalid-country = Utilisez le code pays à deux lettres, p. ex. BE, FR, CH, DE.
error-invalid-size = Indiquez un nombre entier, zéro ou plus.
error-invalid-url = Indiquez une adresse complète commençant par https://
error-invalid-number = Saisissez un nombre entier dans les limites permises.
error-invalid-value = Cette valeur n'est pas du bon type.
error-status-change = Ce changement d'adhésion n'est pas permis (un membre ne redevient pas candidat).
error-not-in-organisation = Cette personne n'appartient pas à l'organisation.
error-password-too-short = Le mot de passe doit compter au moins 10 caractères.
error-password-mismatch = Les deux mots de passe diffèrent.
error-wrong-credentials = Adresse e-mail ou mot de passe incorrect.

# E-mails
mail-greeting = Bonjour { $name },
mail-signature = L'équipe { $network }, via intercoop
mail-login-subject = Votre lien de connexion à { $network }
mail-login-body = Quelqu'un (vous, espérons-le) a demandé à se connecter. Utilisez le bouton ci-dessous.
mail-login-action = Me connecter
mail-login-expiry = Ce lien ne sert qu'une fois et expire dans { $minutes } minutes.
mail-login-not-you = Si vous n'avez rien demandé, ignorez simplement cet e-mail.
mail-invite-subject = Vous êtes invité·e à rejoindre { $network }
mail-invite-body = { $inviter } vous invite à rejoindre { $network } sur intercoop.
mail-invite-what = Les coopératives membres y décident ensemble des logiciels à développer et en partagent le coût.
mail-invite-action = Accepter et me connecter
mail-invite-expiry = Ce lien ne sert qu'une fois et reste valable { $days } jours. Ensuite, connectez-vous à tout moment avec votre adresse e-mail.
mail-reset-subject = Choisir un nouveau mot de passe
mail-reset-body = Quelqu'un (vous, espérons-le) a demandé à choisir un nouveau mot de passe. Utilisez le bouton ci-dessous.
mail-reset-action = Choisir un nouveau mot de passe
demo-role-admin = administratrice (coopérative d'animation)
demo-role-core = noyau et représentant de La Ruche Coop
demo-role-representative = représentante de La Cagette du Nord
demo-role-member = membre de La Ruche Coop
demo-role-provider = équipe prestataire (Code Coop), dans les deux réseaux

# Account security: current password, password changed, API tokens.
field-current-password = Mot de passe actuel
profile-current-password-hint = Nécessaire pour changer le mot de passe que vous avez déjà.
profile-tokens-link = Mes jetons d'API
error-wrong-password = Ce n'est pas votre mot de passe actuel.
mail-password-changed-subject = Votre mot de passe a été changé
mail-password-changed-body = Le mot de passe de votre compte vient d'être changé.
mail-password-changed-sessions = Par sécurité, toutes vos autres sessions ont été déconnectées.
mail-password-changed-action = Ce n'était pas moi : choisir un nouveau mot de passe
mail-password-changed-not-you = Si c'était vous, il n'y a rien à faire. Sinon, choisissez tout de suite un nouveau mot de passe avec le lien ci-dessus, et prévenez les facilitateurs de votre réseau.
tokens-title = Mes jetons d'API
tokens-intro = { $count ->
    [one] Un jeton permet à un programme d'utiliser l'API en votre nom, dans ce réseau. Il fonctionne { $count } jour après sa création, puis expire ; révoquez ceux dont vous ne vous servez plus.
   *[other] Un jeton permet à un programme d'utiliser l'API en votre nom, dans ce réseau. Il fonctionne { $count } jours après sa création, puis expire ; révoquez ceux dont vous ne vous servez plus.
}
tokens-empty = Vous n'avez aucun jeton d'API dans ce réseau.
tokens-name = Nom
tokens-created = Créé le
tokens-last-used = Dernière utilisation
tokens-expires = Expire le
tokens-never = jamais
tokens-revoke = Révoquer
tokens-revoked = révoqué
tokens-expired = expiré
tokens-create-legend = Nouveau jeton
tokens-create = Créer un jeton
tokens-created-once = Copiez ce jeton maintenant : il n'est montré qu'une fois. Il expire le { $date }.
tokens-revoked-notice = Le jeton est révoqué : il n'ouvre plus l'API.

## Audit log
audit-title = Journal des modifications
audit-intro = Chaque modification faite dans ce réseau, la plus récente d'abord : qui, quand et quoi. Une modification faite par un autre réseau à une organisation que vous partagez y figure aussi.
audit-system = intercoop (automatique)
audit-changed = Modifié :
audit-entity-organisation = organisation { $id }
audit-entity-proposal = proposition { $id }
audit-entity-poll = vote { $id }
audit-entity-person = personne { $id }
audit-action-campaign-close = Campagne de cofinancement clôturée
audit-action-campaign-open = Campagne de cofinancement ouverte
audit-action-catch-up-create = Part de rattrapage d'une adoption tardive
audit-action-notifications-unsubscribe = E-mails désactivés par un lien
audit-action-organisation-create = Organisation ajoutée
audit-action-organisation-representative = Représentant·e désigné·e
audit-action-organisation-update = Organisation modifiée
audit-action-organisation-update-shared = Organisation partagée modifiée par un autre réseau
audit-action-person-create = Personne ajoutée
audit-action-person-password-reset = Mot de passe réinitialisé
audit-action-person-profile = Profil modifié
audit-action-pledge-create = Engagement pris
audit-action-pledge-withdraw = Engagement retiré
audit-action-pledge-release = Engagement levé (l'organisation est partie)
audit-action-poll-ballot = Vote exprimé
audit-action-poll-ballot-recorded = Vote enregistré en assemblée
audit-action-poll-close = Vote clôturé
audit-action-poll-create = Vote créé
audit-action-poll-delegate = Vote délégué à un·e collègue
audit-action-poll-open = Vote ouvert
audit-action-poll-proxy = Procuration donnée à une autre organisation
audit-action-proposal-create = Proposition faite
audit-action-proposal-priority = Priorité fixée
audit-action-proposal-transition = Proposition avancée
audit-action-quote-create = Devis soumis
audit-action-quote-select = Devis retenu
audit-count = { $count ->
    [0] Rien d'enregistré pour l'instant
    [one] Une modification enregistrée
   *[other] { $count } modifications enregistrées
}
## Quotation marks around a person's words, as the language writes them
quote-open = { "«\u00A0" }
quote-close = { "\u00A0»" }
link-title = Connexion
link-explain = Ce lien vous connecte en tant que { $name }. Il ne sert qu’une fois.
link-button = Me connecter
