# The documentation space and the welcome booklet (documentation).
nav-docs = Dokumentation
docs-title = Dokumentation
docs-intro = Die Seiten des Netzwerks: wie es funktioniert, Anleitungen, die Willkommensbroschüre für neue Mitglieder.
docs-search = In den Seiten suchen
docs-found = { $count ->
    [0] Keine Seite gefunden
    [one] Eine Seite gefunden
   *[other] { $count } Seiten gefunden
}
docs-tree = Alle Seiten
docs-none = Noch keine Seite.
docs-new = Eine Seite schreiben
docs-new-child = Eine Seite unter dieser schreiben
docs-edit = Diese Seite ändern
docs-history = Verlauf
docs-children = Seiten unter dieser
docs-breadcrumbs = Wo diese Seite steht
docs-revision = Version { $number }
docs-in-booklet = Willkommensbroschüre, Kapitel { $place }
docs-link = Link zum Einfügen in einen Vorschlag, eine Tagesordnung oder eine Nachricht
docs-link-hint = In Markdown: markieren und kopieren.
docs-visibility-public = Öffentlich
docs-visibility-members = Mitglieder
docs-visibility-core = Kernkreis
docs-field-title = Titel
docs-field-body = Text
docs-field-body-hint = Markdown: # Überschrift, **fett**, - Liste, [Link](https://…). Skripte und Stile werden entfernt.
docs-field-visibility = Wer sie lesen darf
docs-field-visibility-hint = Eine Seite unter einer Seite, die weniger Personen lesen dürfen, lesen nur diese.
docs-field-parent = Unter der Seite
docs-field-parent-none = Ganz oben
docs-field-booklet = Kapitel der Willkommensbroschüre
docs-field-booklet-hint = Eine Zahl von 1 bis 999: Die Kapitel folgen dieser Reihenfolge. Leer lassen, um die Seite nicht in die Broschüre aufzunehmen.
docs-save = Seite speichern
docs-see-current = Die Seite ansehen, wie sie jetzt ist
docs-diff-title = Was sich geändert hat
docs-diff-from = Von Version
docs-diff-to = Bis Version
docs-diff-compare = Vergleichen
docs-diff-previous = was sich geändert hat
docs-diff-change = Änderung
docs-diff-line-same = unverändert
docs-diff-line-added = hinzugefügt
docs-diff-line-removed = entfernt
docs-diff-same = Die Texte sind gleich.
docs-diff-added = { $count ->
    [0] keine Zeile hinzugefügt
    [one] eine Zeile hinzugefügt
   *[other] { $count } Zeilen hinzugefügt
}
docs-diff-removed = { $count ->
    [0] keine Zeile entfernt
    [one] eine Zeile entfernt
   *[other] { $count } Zeilen entfernt
}
docs-booklet = Willkommensbroschüre
docs-booklet-pages = { $count ->
    [0] kein Kapitel
    [one] ein Kapitel
   *[other] { $count } Kapitel
}
docs-booklet-contents = Inhalt
docs-booklet-pdf = Als PDF herunterladen
docs-booklet-print = oder diese Seite drucken: Jedes Kapitel beginnt auf einem neuen Blatt.
docs-booklet-how = Um ein Kapitel hinzuzufügen, geben Sie einer Seite eine Kapitelnummer.
docs-booklet-empty = Die Broschüre hat noch kein Kapitel.
error-doc-too-long = Eine Seite hat höchstens 200 000 Zeichen.
error-doc-visibility = Wählen Sie, wer die Seite lesen darf: öffentlich, Mitglieder oder Kernkreis.
error-doc-parent-unknown = Diese Seite gibt es in diesem Netzwerk nicht.
error-doc-under-itself = Eine Seite kann nicht unter sich selbst oder unter eine ihrer eigenen Seiten.
error-doc-booklet-position = Eine Kapitelnummer geht von 1 bis 999.
error-doc-position = Ein Platz geht von 0 bis 1 000 000.
error-doc-revision-unknown = Diese Seite hat keine Version mit dieser Nummer.
error-doc-changed = Jemand hat diese Seite gespeichert, während Sie schrieben. Ihr Text bleibt unten erhalten: Vergleichen Sie ihn mit dem anderen und speichern Sie erneut.
error-doc-changed-detail = Die Seite hat seit base_revision eine andere Revision; nichts wurde gespeichert. Die Antwort enthält die Seite, wie sie jetzt ist (current), und Ihre Änderung, wie Sie sie gesendet haben (yours).
