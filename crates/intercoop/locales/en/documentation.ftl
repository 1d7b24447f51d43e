# The documentation space and the welcome booklet (documentation).
nav-docs = Documentation
docs-title = Documentation
docs-intro = The network's pages: how it works, how-tos, the welcome booklet for newcomers.
docs-search = Search the pages
docs-found = { $count ->
    [0] No page found
    [one] One page found
   *[other] { $count } pages found
}
docs-tree = All pages
docs-none = No page yet.
docs-new = Write a page
docs-new-child = Write a page under this one
docs-edit = Change this page
docs-history = History
docs-children = Pages under this one
docs-breadcrumbs = Where this page is
docs-revision = Revision { $number }
docs-in-booklet = Welcome booklet, chapter { $place }
docs-link = Link to paste in a proposal, an agenda or a message
docs-link-hint = Markdown: select it and copy it.
docs-visibility-public = Public
docs-visibility-members = Members
docs-visibility-core = Core circle
docs-field-title = Title
docs-field-body = Text
docs-field-body-hint = Markdown: # heading, **bold**, - list, [link](https://…). Scripts and styles are removed.
docs-field-visibility = Who may read it
docs-field-visibility-hint = A page under a page that fewer people may read is read by those fewer people only.
docs-field-parent = Under the page
docs-field-parent-none = At the top
docs-field-booklet = Chapter of the welcome booklet
docs-field-booklet-hint = A number from 1 to 999: chapters come in this order. Leave it empty to keep the page out of the booklet.
docs-save = Save the page
docs-see-current = See the page as it is now
docs-diff-title = What changed
docs-diff-from = From revision
docs-diff-to = To revision
docs-diff-compare = Compare
docs-diff-previous = what changed
docs-diff-change = Change
docs-diff-line-same = unchanged
docs-diff-line-added = added
docs-diff-line-removed = removed
docs-diff-same = The texts are the same.
docs-diff-added = { $count ->
    [0] no line added
    [one] one line added
   *[other] { $count } lines added
}
docs-diff-removed = { $count ->
    [0] no line removed
    [one] one line removed
   *[other] { $count } lines removed
}
docs-booklet = Welcome booklet
docs-booklet-pages = { $count ->
    [0] no chapter
    [one] one chapter
   *[other] { $count } chapters
}
docs-booklet-contents = Contents
docs-booklet-pdf = Download as PDF
docs-booklet-print = or print this page: each chapter starts on a new sheet.
docs-booklet-how = To add a chapter, give a page a chapter number.
docs-booklet-empty = The booklet has no chapter yet.
error-doc-too-long = A page holds at most 200 000 characters.
error-doc-visibility = Choose who may read the page: public, members or core circle.
error-doc-parent-unknown = That page does not exist in this network.
error-doc-under-itself = A page cannot go under itself or under one of its own pages.
error-doc-booklet-position = A chapter number goes from 1 to 999.
error-doc-position = A place goes from 0 to 1 000 000.
error-doc-revision-unknown = This page has no revision with that number.
error-doc-changed = Someone saved this page while you were writing. Your text is kept below: compare it with theirs, then save again.
error-doc-changed-detail = The page has had another revision since base_revision; nothing was saved. The answer holds the page as it is now (current) and your change as you sent it (yours).
