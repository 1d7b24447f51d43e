# The documentation space and the welcome booklet (documentation).
nav-docs = Documentatie
docs-title = Documentatie
docs-intro = De pagina's van het netwerk: hoe het werkt, handleidingen, het onthaalboekje voor nieuwe leden.
docs-search = Zoeken in de pagina's
docs-found = { $count ->
    [0] Geen pagina gevonden
    [one] Eén pagina gevonden
   *[other] { $count } pagina's gevonden
}
docs-tree = Alle pagina's
docs-none = Nog geen pagina.
docs-new = Een pagina schrijven
docs-new-child = Een pagina onder deze schrijven
docs-edit = Deze pagina wijzigen
docs-history = Geschiedenis
docs-children = Pagina's onder deze
docs-breadcrumbs = Waar deze pagina staat
docs-revision = Versie { $number }
docs-in-booklet = Onthaalboekje, hoofdstuk { $place }
docs-link = Link om te plakken in een voorstel, een agenda of een bericht
docs-link-hint = In Markdown: selecteer en kopieer hem.
docs-visibility-public = Openbaar
docs-visibility-members = Leden
docs-visibility-core = Kerncirkel
docs-field-title = Titel
docs-field-body = Tekst
docs-field-body-hint = Markdown: # kop, **vet**, - lijst, [link](https://…). Scripts en stijlen worden verwijderd.
docs-field-visibility = Wie ze mag lezen
docs-field-visibility-hint = Een pagina onder een pagina die minder mensen mogen lezen, wordt alleen door hen gelezen.
docs-field-parent = Onder de pagina
docs-field-parent-none = Bovenaan
docs-field-booklet = Hoofdstuk van het onthaalboekje
docs-field-booklet-hint = Een getal van 1 tot 999: de hoofdstukken volgen deze volgorde. Laat leeg om de pagina buiten het boekje te houden.
docs-save = Pagina bewaren
docs-see-current = De pagina bekijken zoals ze nu is
docs-diff-title = Wat er veranderd is
docs-diff-from = Van versie
docs-diff-to = Tot versie
docs-diff-compare = Vergelijken
docs-diff-previous = wat er veranderd is
docs-diff-change = Wijziging
docs-diff-line-same = ongewijzigd
docs-diff-line-added = toegevoegd
docs-diff-line-removed = verwijderd
docs-diff-same = De teksten zijn gelijk.
docs-diff-added = { $count ->
    [0] geen regel toegevoegd
    [one] één regel toegevoegd
   *[other] { $count } regels toegevoegd
}
docs-diff-removed = { $count ->
    [0] geen regel verwijderd
    [one] één regel verwijderd
   *[other] { $count } regels verwijderd
}
docs-booklet = Onthaalboekje
docs-booklet-pages = { $count ->
    [0] geen hoofdstuk
    [one] één hoofdstuk
   *[other] { $count } hoofdstukken
}
docs-booklet-contents = Inhoud
docs-booklet-pdf = Als pdf downloaden
docs-booklet-print = of deze pagina afdrukken: elk hoofdstuk begint op een nieuw blad.
docs-booklet-how = Geef een pagina een hoofdstuknummer om een hoofdstuk toe te voegen.
docs-booklet-empty = Het boekje heeft nog geen hoofdstuk.
error-doc-too-long = Een pagina telt hoogstens 200 000 tekens.
error-doc-visibility = Kies wie de pagina mag lezen: openbaar, leden of kerncirkel.
error-doc-parent-unknown = Die pagina bestaat niet in dit netwerk.
error-doc-under-itself = Een pagina kan niet onder zichzelf of onder een van haar eigen pagina's.
error-doc-booklet-position = Een hoofdstuknummer gaat van 1 tot 999.
error-doc-position = Een plaats gaat van 0 tot 1 000 000.
error-doc-revision-unknown = Deze pagina heeft geen versie met dat nummer.
error-doc-changed = Iemand heeft deze pagina bewaard terwijl u schreef. Uw tekst staat hieronder: vergelijk hem met de andere en bewaar opnieuw.
error-doc-changed-detail = De pagina heeft sinds base_revision een andere revisie; er is niets bewaard. Het antwoord bevat de pagina zoals ze nu is (current) en uw wijziging zoals u ze stuurde (yours).
