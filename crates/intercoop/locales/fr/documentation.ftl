# The documentation space and the welcome booklet (documentation).
nav-docs = Documentation
docs-title = Documentation
docs-intro = Les pages du réseau : son fonctionnement, des modes d'emploi, le carnet d'accueil des nouveaux membres.
docs-search = Chercher dans les pages
docs-found = { $count ->
    [0] Aucune page trouvée
    [one] Une page trouvée
   *[other] { $count } pages trouvées
}
docs-tree = Toutes les pages
docs-none = Aucune page pour l'instant.
docs-new = Écrire une page
docs-new-child = Écrire une page sous celle-ci
docs-edit = Modifier cette page
docs-history = Historique
docs-children = Pages sous celle-ci
docs-breadcrumbs = Où se trouve cette page
docs-revision = Version { $number }
docs-in-booklet = Carnet d'accueil, chapitre { $place }
docs-link = Lien à coller dans une proposition, un ordre du jour ou un message
docs-link-hint = En Markdown : sélectionnez-le et copiez-le.
docs-visibility-public = Publique
docs-visibility-members = Membres
docs-visibility-core = Cercle cœur
docs-field-title = Titre
docs-field-body = Texte
docs-field-body-hint = Markdown : # titre, **gras**, - liste, [lien](https://…). Les scripts et les styles sont retirés.
docs-field-visibility = Qui peut la lire
docs-field-visibility-hint = Une page placée sous une page lue par moins de personnes n'est lue que par celles-ci.
docs-field-parent = Sous la page
docs-field-parent-none = Au premier niveau
docs-field-booklet = Chapitre du carnet d'accueil
docs-field-booklet-hint = Un nombre de 1 à 999 : les chapitres suivent cet ordre. Laissez vide pour garder la page hors du carnet.
docs-save = Enregistrer la page
docs-see-current = Voir la page telle qu'elle est maintenant
docs-diff-title = Ce qui a changé
docs-diff-from = De la version
docs-diff-to = À la version
docs-diff-compare = Comparer
docs-diff-previous = ce qui a changé
docs-diff-change = Changement
docs-diff-line-same = inchangée
docs-diff-line-added = ajoutée
docs-diff-line-removed = retirée
docs-diff-same = Les textes sont identiques.
docs-diff-added = { $count ->
    [0] aucune ligne ajoutée
    [one] une ligne ajoutée
   *[other] { $count } lignes ajoutées
}
docs-diff-removed = { $count ->
    [0] aucune ligne retirée
    [one] une ligne retirée
   *[other] { $count } lignes retirées
}
docs-booklet = Carnet d'accueil
docs-booklet-pages = { $count ->
    [0] aucun chapitre
    [one] un chapitre
   *[other] { $count } chapitres
}
docs-booklet-contents = Sommaire
docs-booklet-pdf = Télécharger en PDF
docs-booklet-print = ou imprimer cette page : chaque chapitre commence sur une nouvelle feuille.
docs-booklet-how = Pour ajouter un chapitre, donnez un numéro de chapitre à une page.
docs-booklet-empty = Le carnet n'a pas encore de chapitre.
error-doc-too-long = Une page tient en 200 000 caractères au plus.
error-doc-visibility = Choisissez qui peut lire la page : publique, membres ou cercle cœur.
error-doc-parent-unknown = Cette page n'existe pas dans ce réseau.
error-doc-under-itself = Une page ne peut pas aller sous elle-même ni sous une de ses pages.
error-doc-booklet-position = Un numéro de chapitre va de 1 à 999.
error-doc-position = Une place va de 0 à 1 000 000.
error-doc-revision-unknown = Cette page n'a pas de version portant ce numéro.
error-doc-changed = Quelqu'un a enregistré cette page pendant que vous écriviez. Votre texte est gardé ci-dessous : comparez-le au sien, puis enregistrez à nouveau.
error-doc-changed-detail = La page a eu une autre révision depuis base_revision ; rien n'a été enregistré. La réponse contient la page telle qu'elle est (current) et votre modification telle que vous l'avez envoyée (yours).
