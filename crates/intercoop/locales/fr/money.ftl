# Argent : les pages de la trésorerie
money-title = Argent
money-requests = Demandes de paiement
money-request = Demande de paiement
money-request-new = Nouvelle demande de paiement
money-request-create = Demander ce paiement
money-import = Importer un extrait bancaire
money-unmatched = Paiements à rapprocher
money-fees = Cotisations
money-settings = Paramètres de paiement
money-journal-csv = Le journal (CSV)
money-no-settings = Le compte bancaire du réseau n'est pas encore renseigné : les demandes n'ont pas de code QR d'ici là.
money-no-qr = Pas de code QR pour cette demande.
money-runway = Autonomie financière
money-runway-months = { $count ->
    [one] L'argent tient encore { $count } mois aux coûts et revenus actuels.
   *[other] L'argent tient encore { $count } mois aux coûts et revenus actuels.
}
money-runway-sustainable = Les cotisations couvrent les coûts après le subside : l'argent ne s'épuise pas.
money-cash = En banque
money-monthly-costs = Coûts par mois
money-monthly-fees = Cotisations par mois
money-grant = Subside par mois
money-grant-ends-on = Dernier jour du subside
money-what-if = Une cotisation mensuelle de { $fee } par membre couvrirait à elle seule les coûts
money-members-count = { $count ->
    [one] { $count } membre cotisant
   *[other] { $count } membres cotisants
}
money-trial-balance = Balance des comptes
money-debits = Débits
money-credits = Crédits
money-overdue = { $count ->
    [one] { $count } demande après son échéance
   *[other] { $count } demandes après leur échéance
}
money-by-member = Cette année par membre
money-organisation = Organisation
money-asked = Demandé
money-paid = Payé
money-outstanding = Restant dû
money-credited = Crédité
money-credit-left = Son crédit
money-owes = Reste dû
money-legal-name = Dénomination légale
money-address = Adresse
money-iban = Compte bancaire (IBAN)
money-bic = BIC (facultatif)
money-reference-scheme = Référence de paiement
money-scheme-be = Communication structurée belge (+++123/4567/89012+++)
money-scheme-rf = Référence créancier internationale (RF, ISO 11649)
money-budget = Budget (pour l'autonomie financière)
money-import-again = Cet extrait a déjà été importé : rien n'a changé.
money-import-entries = { $count ->
    [one] { $count } mouvement
   *[other] { $count } mouvements
}
money-import-matched = { $count ->
    [one] { $count } rapproché
   *[other] { $count } rapprochés
}
money-import-unmatched = { $count ->
    [one] { $count } à rapprocher à la main
   *[other] { $count } à rapprocher à la main
}
money-import-skipped = { $count ->
    [one] { $count } ignoré (sortie d'argent, ou déjà importé)
   *[other] { $count } ignorés (sorties d'argent, ou déjà importés)
}
money-import-refused = L'extrait n'a pas été importé : rien n'a changé.
money-statement-file = Fichier de l'extrait
money-statement-hint = ISO 20022 camt.053 (XML) tel que votre banque l'exporte, ou CSV avec une ligne d'en-tête : date, amount, name, iban, communication.
money-import-button = Importer
money-unmatched-hint = De l'argent reçu pour lequel aucune demande n'a été trouvée. Indiquez le numéro de la demande qu'il paie.
money-payer = Payeur
money-remittance = Communication
money-assign-number = Numéro de la demande
money-assign = Rapprocher
money-period = Facturé
money-period-monthly = par mois
money-period-quarterly = par trimestre
money-period-yearly = par an
money-tier = à partir de la taille { $size } :
money-per-month = par mois
money-sponsorship = Parrainage des nouveaux membres
money-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
}
money-bill = Facturer
money-bill-consequence = { $count ->
    [one] { $count } organisation membre reçoit une demande de paiement et un e-mail, au total
   *[other] { $count } organisations membres reçoivent une demande de paiement et un e-mail, au total
}
money-bill-confirm = Envoyer ces demandes
money-fees-new = Une nouvelle année de cotisations
money-year = Année
money-tiers-hint = Un palier par ligne, « taille : montant mensuel », le premier à partir de 0 (par ex. « 0: 25 » puis « 1000: 35 »).
money-sponsorship-percent = Part de la cotisation d'un nouveau membre payée par le réseau (%)
money-sponsorship-years = Pendant combien d'années après l'adhésion
money-statement = Relevé
money-statement-csv = Ce relevé (CSV)
money-date = Date
money-what = Quoi
money-amount = Montant
money-balance = Solde
money-entry-share-requested = Quote-part demandée
money-entry-fee-requested = Cotisation demandée
money-entry-other-requested = Paiement demandé
money-entry-cancelled = Demande annulée
money-entry-sponsorship-cancelled = Parrainage annulé
money-entry-payment-received = Paiement reçu
money-entry-unidentified = Paiement à rapprocher
money-entry-identified = Paiement rapproché
money-entry-credit-applied = Crédit utilisé
money-entry-catch-up-credited = Crédit de rattrapage
money-entry-provider-paid = Prestataire payé
money-entry-grant-received = Subside reçu
money-entry-operating-cost = Frais de fonctionnement
money-status = État
money-status-open = ouverte
money-status-paid = payée
money-status-cancelled = annulée
money-filter = Afficher
money-requests-count = { $count ->
    [one] { $count } demande
   *[other] { $count } demandes
}
money-number = Numéro
money-due = À payer pour le
money-due-hint = Laissé vide : dans 30 jours.
money-purpose = Objet
money-to = À
money-for = Pour
money-purpose-co-funding = quote-part de co-financement
money-purpose-catch-up = quote-part de rattrapage
money-purpose-fee = cotisation
money-purpose-other = paiement
money-sponsored = Payé par le réseau (parrainage)
money-reference = Communication à indiquer avec votre virement
money-qr-alt = Code QR pour votre application bancaire : le virement avec le montant et la communication déjà remplis
money-qr-caption = Scannez-le avec votre application bancaire : le virement est rempli.
money-payments = Paiements reçus
money-record-payment = Enregistrer un paiement
money-booked-on = Comptabilisé le (vide : aujourd'hui)
money-record-hint = Encore dû : { $outstanding }. Au-delà, le surplus est gardé comme crédit de l'organisation.
money-cancel = Annuler cette demande
money-cancel-consequence = L'organisation ne devra plus { $amount } ; un paiement pour cette demande sera refusé. C'est irréversible.
money-cancel-confirm = Annuler la demande
# E-mails
money-mail-fee-subject = Cotisation { $label }
money-mail-fee-body = La cotisation de votre organisation pour { $label } est de { $amount }, à payer pour le { $due }.
money-mail-fee-sponsored = Le réseau en paie { $sponsored } pour vous (parrainage des nouveaux membres).
money-mail-reference = Demande de paiement { $number }, communication à indiquer avec votre virement : { $reference }
money-mail-open-request = Voir la demande et son code QR
money-mail-reminder-subject = Rappel : demande de paiement { $number }
money-mail-reminder-body = La demande de paiement { $number } était à payer pour le { $due } et { $outstanding } reste dû.
money-mail-reminder-escalated = C'est le deuxième rappel : les administrateurs du réseau sont aussi prévenus.
notifications-kind-fee_request = Les cotisations de votre organisation
notifications-kind-payment_reminder = Les rappels de demandes impayées
# Erreurs
error-bank-form = Ce n'est pas un numéro de compte (IBAN) ou un BIC.
error-bank-length = Ce numéro de compte n'a pas la longueur de son pays.
error-bank-check = Les chiffres de contrôle ne correspondent pas : un chiffre est sans doute mal tapé.
error-reference-scheme = Choisissez la communication structurée belge ou la référence RF.
error-amount-not-negative = Le montant ne peut pas être négatif.
error-amount-positive = Le montant doit être plus grand que zéro.
error-amount-out-of-range = Le montant est trop grand.
error-amount-decimals = Deux décimales au plus (les centimes) : le montant n'est pas arrondi.
error-amount-invalid = Écrivez un montant, par ex. 25 ou 25,50.
error-request-unknown = Il n'y a pas de telle demande de paiement dans ce réseau.
error-request-cancelled = Cette demande a été annulée : plus rien n'est dû.
error-request-paid = Cette demande est déjà payée.
error-request-not-open = Cette demande n'est plus ouverte.
error-request-partly-paid = Cette demande est en partie payée : elle ne peut pas être annulée.
error-payment-matched = Ce paiement est déjà rapproché.
error-too-many-requests = Le réseau a atteint le nombre maximal de demandes de paiement d'une année.
error-payment-settings-missing = Le compte bancaire du réseau n'est pas encore renseigné.
error-qr-currency = Le code QR EPC ne sert qu'aux paiements en euros.
error-qr-amount = Rien à payer, ou un montant que le code QR ne peut pas porter.
error-qr-payload = Le code QR n'a pas pu être fait à partir des paramètres du réseau.
error-fee-year = Indiquez une année entre 2000 et 2200.
error-fee-period = Choisissez par mois, par trimestre ou par an.
error-fee-tiers = Chaque niveau a besoin de ses paliers : « taille : montant mensuel » par ligne, le premier à partir de 0, tailles croissantes.
error-fee-level = Un niveau est observateur ou actif.
error-fee-sponsorship = Le parrainage est de 100 % au plus, pour 1 à 10 ans.
error-fee-schedule-exists = Cette année a déjà ses cotisations.
error-organisation-unknown = Il n'y a pas de telle organisation dans ce réseau.
error-date-past = Ce jour est passé.
error-statement-encoding = Le fichier n'est pas du texte en UTF-8.
error-statement-not-camt053 = Ce n'est pas un extrait bancaire ISO 20022 camt.053.
error-statement-xml = Le XML est abîmé près du mouvement { $at } : { $detail }
error-statement-entry = Il manque { $detail } au mouvement { $at }.
error-statement-decimals = Ligne { $at } : le montant { $detail } a plus de deux décimales.
error-statement-amount = Ligne { $at } : { $detail } n'est pas un montant.
error-statement-date = Ligne { $at } : { $detail } n'est pas une date.
error-statement-csv = La ligne { $at } du CSV ne peut pas être lue : { $detail }
error-statement-csv-columns = Le CSV doit avoir une ligne d'en-tête avec au moins « date » et « amount » (trouvé : { $detail }).
error-statement-other-account = Cet extrait est celui du compte { $detail }, pas de celui du réseau.
error-statement-currency = La ligne { $at } est en { $detail }, pas dans la devise du réseau.
money-record-entry = Enregistrer un subside, un frais ou un prestataire payé
money-entry-campaign = Campagne (prestataire payé seulement)
money-entry-campaign-hint = Le numéro de la campagne financée pour laquelle le prestataire est payé, sur l'argent tenu pour elle.
money-entry-memo = De quoi s'agit-il
money-entry-consequence = C'est écrit dans le journal et change le solde en banque (et donc l'autonomie financière). C'est irréversible : une erreur se corrige par une autre écriture.
money-entry-confirm = L'enregistrer
error-provider-exceeds-held = Plus que les { $held } centimes tenus pour cette campagne.
error-campaign-unknown = Il n'y a pas de telle campagne dans ce réseau.
error-entry-kind = Choisissez un subside reçu, un frais de fonctionnement ou un prestataire payé.
money-pdf = Cette demande en PDF

## Frais récurrents partagés (réserves)
money-reserves = Frais récurrents partagés
money-reserves-lead = L'argent que les membres mettent de côté chaque mois pour un frais à venir, comme la prochaine migration d'Odoo ou l'hébergement. Une campagne de cofinancement peut l'utiliser en premier.
money-reserves-none = Rien n'est encore mis de côté.
money-reserve-monthly = Mis de côté chaque mois, par tous les membres ensemble
money-reserve-held = Disponible en caisse
money-reserve-earmarked = Promis aux campagnes ouvertes
money-reserve-available = Disponible pour une nouvelle campagne
money-reserve-new = Mettre de l'argent de côté pour un frais
money-reserve-name = À quoi il servira
money-reserve-name-hint = Par exemple : migration vers Odoo 19.
money-reserve-consequence = À partir de ce mois, chaque organisation membre reçoit chaque mois une demande de paiement pour sa part, par e-mail.
money-reserve-confirm = Mettre de côté à partir de ce mois
money-reserve-weights-hint = Un nombre entier par membre, 0 ou plus : un membre de poids 2 met de côté deux fois plus qu'un membre de poids 1. Un membre sans poids ne met rien de côté.
money-reserve-closed = clôturée
money-reserve-change-or-close = Modifier ou clôturer
money-reserve-see = Voir
money-reserve-change = Modifier le montant ou la clé
money-reserve-change-consequence = Les provisions déjà demandées gardent leur montant. À partir du prochain mois demandé, chaque membre reçoit sa part du nouveau montant, selon la nouvelle clé.
money-reserve-change-confirm = Modifier à partir du mois prochain
money-reserve-close = Clôturer cette réserve
money-reserve-close-stops = Plus aucune provision n'est demandée à partir du mois prochain. Les provisions déjà demandées restent dues.
money-reserve-close-held = Les { $amount } qu'elle contient y restent : les membres ont mis cet argent de côté pour ce but.
money-reserve-close-available = { $amount } restent disponibles pour une campagne qui puise dans cette réserve.
money-reserve-close-earmarked = { $amount } sont promis à des campagnes ouvertes : elles les reçoivent quand elles sont financées.
money-reserve-close-confirm = Clôturer cette réserve
money-reserve-closed-lead = Cette réserve est clôturée : plus aucune provision n'est demandée. { $amount } restent disponibles pour une campagne qui y puise.
money-set-aside = Mis de côté pour les frais partagés
money-set-aside-line = demandé { $asked }
money-entry-provision-requested = Mis de côté pour un frais partagé
money-entry-reserve-drawn = Pris dans une réserve
money-purpose-provision = argent mis de côté pour un frais partagé
money-mail-provision-subject = Mise de côté : { $label }
money-mail-provision-body = La part de votre organisation pour { $label } est de { $amount }, à payer pour le { $due }.
money-mail-provision-why = Le réseau met cet argent de côté pour un frais qu'il sait à venir. Quand le travail est financé, cet argent en paie d'abord une partie.
notifications-kind-provision_request = L'argent que votre organisation met de côté pour les frais partagés
error-reserve-unknown = Choisissez une des réserves du réseau.
error-reserve-covers-all = Cette réserve contient déjà tout le montant : il ne reste rien à partager. Ne choisissez pas de réserve, ou choisissez-en une autre.
error-reserve-would-overdraw = Cette provision ne peut pas être annulée : sa réserve a déjà donné cet argent à une campagne, ou l'a promis à une campagne ouverte. Retirez d'abord cette campagne, ou gardez cette provision.
error-reserve-closed = Cette réserve est clôturée : elle ne peut plus être modifiée ni clôturée à nouveau.
money-paid-from-credit = Payé avec le crédit
money-credit-used = crédit utilisé : { $amount }
money-held = Argent par proposition
money-held-lead = Pour chaque proposition cofinancée : ce que couvrent les engagements, ce que paie une réserve, ce qui a été demandé aux membres, payé et encore dû, ce qui a été payé au prestataire, et ce que le réseau détient encore pour elle.
money-held-proposal = Proposition
money-held-pledged = Engagé
money-held-reserve = Pris dans une réserve
money-held-requested = Demandé
money-held-owed = Encore dû
money-held-provider = Payé au prestataire
money-held-now = Détenu maintenant
money-mail-credit-used = Le crédit de votre organisation en paie déjà { $credit }.
money-mail-pool-why = Chaque organisation membre verse dans ce fonds à chaque période, comme le réseau l'a décidé. Le fonds finance les projets que ses membres choisissent ensemble.
