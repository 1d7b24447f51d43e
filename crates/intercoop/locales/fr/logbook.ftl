# Le journal de bord et la lettre d'information (ticket 17, points 5 et 6).
logbook-title = Journal de bord
logbook-intro = Ce que le réseau a fait et appris, en articles de l'animatrice et du cercle cœur.
logbook-feed = Flux Atom
logbook-new = Écrire un article
logbook-edit = Modifier l'article
logbook-none = Aucun article pour l'instant.
logbook-visibility-public = Public
logbook-visibility-members = Membres seulement
logbook-public-page = Page publique
logbook-field-title = Titre
logbook-field-body = Texte
logbook-field-body-hint = Markdown : **gras**, *italique*, [lien](https://…), ![description de l'image](https://…/photo.jpg), listes avec -.
logbook-field-visibility = Qui le lit
logbook-save = Enregistrer
logbook-sent = Cet article a été envoyé aux abonnés de la lettre d'information.
logbook-sent-issue = Voir le numéro
logbook-send = Envoyer comme numéro de la lettre
logbook-send-consequence = { $count ->
    [0] Personne n'a encore confirmé d'abonnement : le numéro sera archivé, et personne ne le recevra.
    [one] Une adresse confirmée le recevra maintenant, dans la langue du réseau. C'est sans retour.
   *[other] { $count } adresses confirmées le recevront maintenant, dans la langue du réseau. C'est sans retour.
}
logbook-send-confirm = L'envoyer maintenant
logbook-send-members-only = Un article réservé aux membres ne peut pas partir dans la lettre : ses abonnés ne sont pas tous membres.
error-logbook-too-long = Le texte est trop long : 100 000 caractères au plus.
error-logbook-visibility = Choisissez qui le lit : public ou membres seulement.
error-logbook-members-only = Un article réservé aux membres ne peut pas être envoyé aux abonnés de la lettre.
error-logbook-already-sent = Cet article a déjà été envoyé comme numéro de la lettre.
newsletter-title = Lettre d'information
newsletter-intro = Les numéros partent vers chaque adresse qui a confirmé son abonnement, dans sa langue quand le numéro a une traduction.
newsletter-confirmed = { $count ->
    [0] Aucun abonné confirmé
    [one] Un abonné confirmé
   *[other] { $count } abonnés confirmés
}
newsletter-pending = { $count ->
    [0] aucun en attente de confirmation
    [one] un en attente de confirmation
   *[other] { $count } en attente de confirmation
}
newsletter-subscribers = Abonnés
newsletter-no-subscribers = Personne ne s'est encore abonné.
newsletter-new = Écrire un numéro
newsletter-public-page = Page publique et archives
newsletter-issues = Numéros
newsletter-none = Aucun numéro envoyé pour l'instant.
newsletter-sent-on = Envoyé le { $date }
newsletter-status-draft = Brouillon
newsletter-status-pending = En attente de confirmation
newsletter-status-confirmed = Confirmé
newsletter-status-left = Désabonné
newsletter-bounced = les courriels y échouent : plus rien n'est envoyé
newsletter-col-email = Adresse
newsletter-col-status = État
newsletter-col-since = Depuis
newsletter-field-subject = Objet
newsletter-field-body = Texte
newsletter-field-language = Langue
newsletter-preview = Prévisualiser
newsletter-archived = Dans les archives publiques
newsletter-translate = Ajouter ou modifier une traduction
newsletter-translate-all = Chaque langue a un texte. En choisir une à nouveau remplace son texte.
newsletter-translate-save = Enregistrer la traduction
newsletter-send = Envoyer aux abonnés
newsletter-send-consequence = { $count ->
    [0] Personne n'a encore confirmé d'abonnement : le numéro sera archivé, et personne ne le recevra.
    [one] Une adresse confirmée le recevra maintenant, dans sa langue. C'est sans retour.
   *[other] { $count } adresses confirmées le recevront maintenant, chacune dans sa langue. C'est sans retour.
}
newsletter-send-confirm = L'envoyer maintenant
newsletter-subscribe = S'abonner
newsletter-field-email = Votre adresse électronique
newsletter-field-email-hint = Nous envoyons un courriel avec un lien de confirmation. Rien d'autre n'est envoyé avant que vous le suiviez.
newsletter-asked = Merci. Regardez dans votre boîte : suivez le lien de notre courriel pour confirmer votre abonnement.
newsletter-archive = Numéros précédents
newsletter-confirm-title = Confirmer votre abonnement
newsletter-confirm-ask = Recevoir la lettre d'information de { $network } à { $address } ?
newsletter-confirm-button = Oui, m'abonner
newsletter-confirm-done = C'est fait : { $address } recevra la lettre d'information de { $network }. Chaque numéro a un lien pour se désabonner.
newsletter-confirm-already = { $address } reçoit déjà la lettre d'information de { $network }.
newsletter-unsubscribe-title = Se désabonner
newsletter-unsubscribe-ask = Arrêter la lettre d'information de { $network } vers { $address } ?
newsletter-unsubscribe-button = Me désabonner
newsletter-unsubscribe-done = C'est fait : { $address } ne recevra plus rien de la lettre d'information de { $network }.
newsletter-unsubscribe-already = { $address } ne reçoit plus la lettre d'information de { $network }.
newsletter-mail-confirm-subject = Confirmez votre abonnement à la lettre d'information de { $network }
newsletter-mail-confirm-body = Quelqu'un, sans doute vous, a demandé à recevoir la lettre d'information de { $network } à cette adresse.
newsletter-mail-confirm-action = Confirmer mon abonnement
newsletter-mail-confirm-not-you = Si ce n'était pas vous, ne faites rien : sans confirmation, vous ne recevrez rien.
newsletter-mail-footer-why = Vous recevez cette lettre parce que vous vous y êtes abonné.
newsletter-mail-footer-archive = La lire en ligne
newsletter-mail-footer-unsubscribe = Se désabonner
mail-greeting-address = Bonjour,
notifications-kind-newsletter_confirmation = La confirmation d'un abonnement à la lettre d'information
notifications-kind-newsletter_issue = La lettre d'information
error-newsletter-too-long = Le texte est trop long : 100 000 caractères au plus.
error-newsletter-language = Choisissez une autre langue que celle du numéro.
error-newsletter-sent = Ce numéro est déjà envoyé : il reste tel qu'il a été envoyé.
newsletter-rate-limited = Trop d’inscriptions ont été demandées pour cette adresse ou depuis votre connexion. Attendez une heure, puis réessayez.
logbook-image-title = Ajouter une image
logbook-image-intro = L’image se place à la fin du texte, où vous pouvez la déplacer. Enregistrez d’abord vos changements du texte : ajouter une image recharge cette page.
logbook-field-image = Image
logbook-field-image-hint = PNG, JPEG, GIF ou WebP, { $size } Mo au plus. Qui lit l’article la voit.
logbook-field-image-alt = Ce que montre l’image
logbook-field-image-alt-hint = Pour les personnes qui ne la voient pas. Par exemple : l’assemblée dans la salle Zeta.
logbook-image-add = Ajouter l’image
error-logbook-image-required = Choisissez une image.
error-logbook-image-too-large = L’image dépasse 5 Mo. Réduisez-la et choisissez-la à nouveau.
error-logbook-image-type = Ce fichier n’est pas une image PNG, JPEG, GIF ou WebP. Choisissez-en une autre.
logbook-private-feed-title = Votre flux privé du journal de bord
logbook-private-feed-intro = Une adresse de flux pour votre lecteur de flux, avec aussi les articles réservés aux membres. Elle est à vous seul·e : qui l’a lit ces articles.
logbook-private-feed-copy = Copiez cette adresse dans votre lecteur de flux. Elle n’est montrée qu’une fois.
logbook-private-feed-replace = Vous avez déjà une adresse. Une nouvelle arrête l’ancienne.
logbook-private-feed-new = Créer une nouvelle adresse
logbook-private-feed-stop-consequence = L’arrêter fait que l’adresse ne répond plus, tout de suite.
logbook-private-feed-stop = Arrêter le flux
logbook-private-feed-stopped = Le flux est arrêté : son adresse ne fonctionne plus.
logbook-private-feed-public = Le flux public, sans les articles réservés aux membres :
