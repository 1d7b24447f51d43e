# Demander à rejoindre un réseau, l'examen, la liste d'accueil (issue 18).
join-title = Demander à rejoindre
join-heading = Demander à rejoindre { $network }
join-intro = Présentez votre organisation. Le cercle cœur lit chaque demande et répond par e-mail.
join-honeypot = Laissez ce champ vide
join-organisation = Votre organisation
join-field-city = Ville
join-field-software-hint = Les logiciels que votre organisation utilise, un par ligne (par exemple Odoo, un planning de créneaux).
join-contact = Personne de contact
join-field-email-hint = Nous envoyons un lien à cette adresse. Votre demande n'est montrée au cercle cœur qu'une fois ce lien ouvert.
join-level-observer = Observateur : vous voyez tout et ne votez pas
join-level-active = Membre actif : vous votez aussi
join-field-motivation = Pourquoi voulez-vous rejoindre le réseau ?
join-field-charter = J'ai lu la charte du réseau et je l'accepte
join-charter-read = Lire la charte
join-what-next = Ensuite, nous envoyons un lien de confirmation à l'adresse de la personne de contact.
join-send = Envoyer la demande
join-sent-title = Consultez vos e-mails
join-sent-body = Si l'adresse est juste, un lien de confirmation est en route. Ouvrez-le pour transmettre votre demande au cercle cœur.
join-sent-spam = Rien reçu dans quelques minutes ? Regardez dans vos indésirables.
join-confirm-title = Confirmer votre demande
join-confirm-body = Confirmez la demande de { $organisation } : le cercle cœur la lira ensuite.
join-confirm-button = Confirmer
join-confirmed-title = Merci
join-confirmed-body = Votre demande est transmise au cercle cœur. Vous recevrez sa réponse par e-mail.
join-applications = Demandes d'adhésion
join-applications-intro = Les demandes confirmées. Le cercle cœur et les administrateurs les lisent, les commentent, les acceptent ou les refusent.
join-filter = Afficher les demandes
join-status-pending = En attente
join-status-accepted = Acceptées
join-status-declined = Refusées
join-status-all = Toutes
join-status-unconfirmed = Non confirmée
join-none = Aucune demande ici.
join-charter = Charte
join-charter-consented = Charte acceptée
join-note = Note envoyée avec la décision
join-see-organisation = La page de l'organisation
join-deciding-poll = Le vote qui décide
join-accept = Accepter
join-decline = Refuser
join-comments = Commentaires de l'examen
join-no-comments = Pas encore de commentaire.
join-comment = Votre commentaire
join-comment-send = Ajouter le commentaire
join-accept-heading = Accepter { $organisation } ?
join-decline-heading = Refuser { $organisation } ?
join-consequences = Cette décision est définitive :
join-accept-member = l'organisation devient membre du réseau à partir d'aujourd'hui ;
join-accept-invite = { $email } est invité·e comme sa représentante ou son représentant ;
join-accept-booklet = le carnet d'accueil est envoyé avec la réponse ;
join-accept-fee = sa première cotisation est demandée : { $amount }
join-accept-fee-months = { $count ->
    [0] aucun mois
    [one] un mois
   *[other] { $count } mois
}
join-accept-fee-sponsored = dont { $amount } payés par le réseau
join-accept-no-fee = aucune cotisation n'est demandée : le réseau n'a pas de barème pour cette année ;
join-decline-closed = la demande est close ;
join-told = { $email } est prévenu·e par e-mail, dans sa langue.
join-field-sponsorship = Parrainage de la première cotisation (pour cent)
join-field-sponsorship-hint = La part de la première cotisation que le réseau paie, de 0 à 100. Vide : le parrainage prévu par le barème.
join-field-poll = Vote qui a décidé (numéro)
join-field-poll-hint = Facultatif : le vote du réseau dont c'est le résultat. La demande y renvoie.
join-field-note = Note à la personne qui a fait la demande
join-mail-confirm-subject = Confirmez votre demande auprès de { $network }
join-mail-confirm-body = Vous avez demandé que { $organisation } rejoigne { $network }. Ouvrez ce lien pour confirmer votre adresse : le cercle cœur lira alors votre demande.
join-mail-confirm-action = Confirmer ma demande
join-mail-confirm-expiry = Ce lien fonctionne { $days } jours. Si vous n'avez rien demandé, ignorez cet e-mail : rien n'est conservé.
join-mail-received-subject = Nouvelle demande : { $organisation }
join-mail-received-body = { $organisation } demande à rejoindre { $network }. Sa personne de contact a confirmé son adresse.
join-mail-received-action = Lire la demande
join-mail-accepted-subject = Bienvenue dans { $network }
join-mail-accepted-body = Bonne nouvelle : { $network } accepte { $organisation } comme membre.
join-mail-accepted-next = Un second e-mail vous permet d'ouvrir votre compte de représentant·e. Le carnet d'accueil explique comment le réseau fonctionne.
join-mail-accepted-action = Lire le carnet d'accueil
join-mail-declined-subject = Votre demande auprès de { $network }
join-mail-declined-body = { $network } n'a pas accepté la demande de { $organisation }.
notifications-kind-application_received = Une nouvelle demande d'adhésion (cercle cœur)
error-charter-consent = Acceptez la charte pour faire la demande.
error-form-too-fast = Le formulaire a été envoyé trop vite. Vérifiez ce que vous avez écrit et envoyez-le à nouveau.
error-form-expired = Ce formulaire est trop ancien. Vérifiez ce que vous avez écrit et envoyez-le à nouveau.
error-sponsorship-range = Indiquez un nombre de 0 à 100.
error-application-decided = Cette demande a déjà été tranchée.
onboarding-title = Accueil
onboarding-intro = Les premiers pas d'une nouvelle organisation membre. Chacun est coché quand il a lieu.
onboarding-none = Aucune de vos organisations n'est en cours d'accueil.
onboarding-progress = { $count ->
    [0] Aucune étape sur cinq faite.
    [one] Une étape sur cinq faite.
   *[other] { $count } étapes sur cinq faites.
}
onboarding-done = fait
onboarding-todo = à faire
onboarding-booklet_read = Le carnet d'accueil est lu
onboarding-booklet_read-how = La représentante ou le représentant ouvre le carnet d'accueil (Documentation).
onboarding-representative_confirmed = La représentante ou le représentant s'est connecté·e
onboarding-representative_confirmed-how = Ouvrir le lien de l'e-mail d'invitation.
onboarding-software_declared = Les logiciels utilisés sont déclarés
onboarding-software_declared-how = Ajouter les logiciels sur la page de l'organisation.
onboarding-first_fee_paid = La première cotisation est payée
onboarding-first_fee_paid-how = Payer la demande de paiement de la première cotisation.
onboarding-first_assembly_attended = Une première assemblée suivie
onboarding-first_assembly_attended-how = Une personne de l'organisation est notée présente à une assemblée.
public-join = Demander à rejoindre
public-docs = Documentation
public-about = À propos du réseau
public-members = Membres
public-no-members = Aucun membre n'a encore demandé à figurer ici.
public-map-label = Carte des villes des membres
public-map-caption = Chaque point est une ville où se trouvent des membres ; la liste des membres les nomme tous.
public-map-place = { $city } : { $count ->
    [1] un membre
   *[other] { $count } membres
}
public-members-all = { $count ->
    [1] Le membre
   *[other] Les { $count } membres
}
public-members-count = { $count ->
    [1] Une organisation membre figure ici.
   *[other] { $count } organisations membres figurent ici.
}
public-cofunding = En cofinancement
public-no-cofunding = Rien n'est en cofinancement pour le moment.
public-covered = { $percent } % couverts
public-funded = Travaux financés
public-no-funded = Aucun travail financé pour l'instant.
public-events = Événements à venir
public-no-events = Aucun événement prévu.
public-logbook = Du journal de bord
public-logbook-all = Tous les articles du journal de bord
public-private = Les pages de ce réseau sont réservées à ses membres. Connectez-vous pour les voir.
public-settings = Page publique
public-settings-intro = Ce que les visiteurs voient du réseau, sans se connecter :
public-settings-saved = Enregistré.
public-field-about = À propos du réseau ({ $language })
public-field-charter = Charte
public-field-charter-none = Pas de charte
public-field-charter-hint = Une page publique de la documentation que les candidats acceptent.
public-field-private = Réseau privé
public-field-private-hint = Les visiteurs ne voient alors qu'une page de connexion : ni page publique, ni documentation, ni formulaire de demande.
public-listing = Présence publique
public-listing-intro = Si l'organisation figure sur la page publique du réseau, et où elle se trouve sur la carte.
public-field-listed = Faire figurer l'organisation sur la page publique
public-field-latitude = Latitude
public-field-longitude = Longitude
public-field-place-hint = En degrés, par exemple 50.8503 et 4.3517 pour Bruxelles. Laissez les deux vides pour ne pas figurer sur la carte.
error-invalid-degrees = Indiquez des degrés, par exemple 50.8503 (six décimales au plus).
nav-applications = Candidatures
join-poll-heading = Décider par un vote
join-poll-explain = Les organisations membres votent sur « Accepter cette organisation ? », avec le quorum et le seuil du réseau. À la clôture du vote, son résultat décide : acceptée s’il passe, refusée sinon, et le contact en est informé. D’ici là, personne ne peut accepter ou refuser à la main.
join-poll-closes-on = Dernier jour du vote (vide : clôture à la main)
join-poll-open = Ouvrir le vote
join-poll-decides = Ce vote décide de la demande : son résultat s’applique à sa clôture.
error-application-poll-open = Un vote décide de cette demande : son résultat s’applique à sa clôture.
error-application-poll-day = Indiquez un jour, par exemple 2026-12-20.
join-poll-outcome-passed = Vote adopté : demande acceptée
join-poll-outcome-rejected = Vote rejeté : demande refusée
join-poll-outcome-no_quorum = Quorum non atteint : demande refusée
join-poll-closes-at = Le vote se clôt le { $at }.
join-poll-closed-at = Le vote s’est clos le { $at }.
join-poll-closes-by-hand = Le vote se clôt quand le cercle cœur le clôt.
