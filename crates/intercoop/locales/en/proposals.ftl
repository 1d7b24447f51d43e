nav-proposals = Proposals
proposals-title = Proposals
proposals-new = Post a need
proposals-commitments = My organisation's commitments
proposals-field-status = Status
proposals-field-software = Software
proposals-sort = Sort by
proposals-sort-newest = Newest
proposals-sort-wanted = Most wanted
proposals-sort-funded = Closest to funded
proposals-sort-priority = Network priority
proposals-filter-mine = Waiting for my decision
proposals-priority-note = Network priority computed by a priority poll
proposals-priority-how = with the { $method } method
proposals-priority-none = No priority poll has ordered the proposals yet.
proposals-none = No proposal matches.
proposals-status-draft = Draft
proposals-status-discussion = In discussion
proposals-status-quoted = Quoted
proposals-status-funding = Co-funding open
proposals-status-funded = Funded
proposals-status-in_progress = In progress
proposals-status-delivered = Delivered
proposals-status-lapsed = Lapsed
proposals-status-rejected = Rejected
proposals-status-withdrawn = Withdrawn
proposals-rank-tied = Priority #{ $rank }, tied
proposals-rank = Priority #{ $rank }
proposals-waiting-for-me = Waiting for your decision
proposals-interested-count = { $count ->
    [one] One organisation needs it
   *[other] { $count } organisations need it
}
proposals-participants-count = { $count ->
    [one] one participant
   *[other] { $count } participants
}
proposals-field-title = Title
proposals-field-description = Description
proposals-markdown-hint = Markdown: **bold**, *italic*, lists, links.
proposals-software-hint = The software concerned, e.g. "Odoo 16 / cooperator". Every organisation running it is told.
proposals-field-links = Links
proposals-links-hint = Repositories, issues or pull requests, one per line.
proposals-field-requested-by = On behalf of
proposals-post = Post the need
proposals-no-organisation = You do not belong to an organisation of this network.
proposals-open-total = Shares in open campaigns
proposals-requested-total = Payment requests
proposals-credited-total = Catch-up credits
proposals-pledges = Pledges and contributions
proposals-share = Share
proposals-cap = Cap
proposals-payment-requests = Payment requests
proposals-purpose-co-funding = co-funding
proposals-purpose-catch-up = catch-up share
proposals-purpose-fee = membership fee
proposals-purpose-other = payment
proposals-due = due
proposals-credits = Catch-up credits
proposals-credit-from = paid by { $adopter }
proposals-requested-by = Needed by { $organisation }
proposals-need = The need
proposals-we-need-it-too = { $organisation } needs it too
proposals-campaign = Co-funding
proposals-campaign-open = open
proposals-campaign-funded = funded
proposals-campaign-lapsed = lapsed
proposals-campaign-withdrawn = withdrawn
proposals-deadline = Deadline: { $date }
proposals-min-participants = { $count ->
    [one] at least one participant
   *[other] at least { $count } participants
}
proposals-shortfall = Not covered yet: { $amount }
proposals-no-participants = Nobody has joined yet.
proposals-shares = Shares
proposals-organisation = Organisation
proposals-fixed = fixed contribution
proposals-capped = at its cap
proposals-your-share-is = Share of { $organisation }:
proposals-withdraw = Withdraw our pledge
proposals-join-as = Join for { $organisation }
proposals-would-be = Your share would be
proposals-cap-optional = The most we will pay (optional)
proposals-cap-hint = If the shares would exceed it, the rest is spread over the others.
proposals-join = Join the co-funding
proposals-close-now = Close the campaign now
proposals-quotes = Quotes
proposals-vat = VAT { $rate } %
proposals-hours = { $count ->
    [one] one hour
   *[other] { $count } hours
}
proposals-valid-until = valid until { $date }
proposals-selected = selected
proposals-next-step = Next step
proposals-move-to = Move to
proposals-reason = Reason
proposals-comments = Comments and objections
proposals-objection = objection
proposals-your-comment = Your comment
proposals-on-behalf-of = On behalf of
proposals-this-is-an-objection = This is an objection
proposals-send-comment = Send
proposals-timeline = Timeline
proposals-by-poll = decided by poll #{ $poll }
proposals-event-transition = { $from } → { $to }
proposals-event-posted = Posted
proposals-event-interest = An organisation needs it too
proposals-event-comment = Comment
proposals-event-objection = Objection
proposals-event-quote = Quote by { $detail }
proposals-event-quote_selected = Quote selected
proposals-event-pledge = { $detail } joined
proposals-event-pledge_withdrawn = { $detail } withdrew
proposals-event-pledge_released = { $detail } left the network: its pledge was released
proposals-event-adopted = { $detail } adopted it (catch-up share)
proposals-event-priority = Network priority #{ $detail }
proposals-dashboard-title = Proposals waiting for your decision
proposals-mail-posted-subject = New proposal for your software: { $title }
proposals-mail-posted-body = A member posted "{ $title }", which concerns { $software }, software your organisation runs.
proposals-mail-posted-ask = Read it, say if you need it too, comment or object before work starts.
proposals-mail-open = Open the proposal
proposals-mail-opened-subject = Co-funding open: { $title }
proposals-mail-opened-body = The co-funding of "{ $title }" is open: { $amount } to share, until { $deadline }.
proposals-mail-opened-share = The page shows what your organisation's share would be before you join.
proposals-mail-funded-subject = Funded: { $title }
proposals-mail-funded-body = "{ $title }" is funded: { $amount } shared by { $count } organisations. Work can start.
proposals-mail-request-subject = Payment request: { $title }
proposals-mail-request-body = Your organisation's share of "{ $title }" is { $amount }, to pay by { $due }.
proposals-mail-request-catch-up = Your organisation's catch-up share of "{ $title }" is { $amount }, to pay by { $due }. It is credited back to the organisations that funded the work.
proposals-mail-request-reference = Payment request { $number }, reference to give with your transfer: { $reference }
proposals-mail-commitments = See your organisation's commitments
proposals-mail-lapsed-subject = Lapsed: { $title }
proposals-mail-lapsed-body = The co-funding of "{ $title }" lapsed with { $covered } of { $amount } covered. Every pledge is released: nobody owes anything.
proposals-mail-credit-subject = Catch-up credit: { $title }
proposals-mail-credit-body = { $adopter } adopted "{ $title }" and pays its catch-up share: your organisation is credited { $amount }.
proposals-mail-digest-subject = Your co-funding shares changed today
proposals-mail-digest-intro = Other organisations joined or left co-fundings your organisation takes part in:
proposals-mail-digest-line = { $organisation }, "{ $title }": { $before } → { $after }
error-proposals-positive-amount = Enter an amount above zero.
error-proposals-negative-cap = A cap cannot be below zero.
error-proposals-fixed-exceeds-total = The fixed contributions exceed the amount to share.
error-proposals-duplicate-fixed = An organisation has two fixed contributions.
error-proposals-zero-weights = The weights sum to zero.
error-proposals-not-in-key = This organisation has no weight in the sharing key.
error-proposals-missing-size = This organisation has no size; the key shares by size.
error-proposals-fixed-participant = This organisation already makes a fixed contribution.
error-proposals-out-of-range = This value is out of range.
error-proposals-invalid-tiers = The tiers are not valid.
error-proposals-not-member = This organisation is not a member of the network.
error-proposals-milestones-sum = The milestones must sum to the amount.
error-proposals-not-provider = This organisation is not a provider.
error-proposals-amount-or-quote = Give either an amount or a quote.
error-proposals-amount-or-percent = Give either an amount or a percentage.
error-proposals-deadline-past = The deadline must be in the future.
error-proposals-duplicate = A proposal is listed twice.
error-proposals-wrong-status = Not possible at this stage
error-proposals-wrong-status-detail = The proposal's status does not allow this step.
error-proposals-campaign-exists = A co-funding is already open
error-proposals-campaign-exists-detail = This proposal already has a co-funding campaign.
error-proposals-no-campaign = No co-funding
error-proposals-no-campaign-detail = This proposal has no co-funding campaign.
error-proposals-campaign-closed = The co-funding is closed
error-proposals-campaign-closed-detail = Pledges can only be made or withdrawn while the campaign is open.
error-proposals-already-pledged = Already joined
error-proposals-already-pledged-detail = This organisation has already pledged to this campaign.
error-proposals-not-delivered = Not delivered yet
error-proposals-not-delivered-detail = Catch-up shares start once the funded work is delivered.
error-proposals-window-closed = The catch-up window is over
error-proposals-window-closed-detail = The catch-up window of this campaign has ended.
error-proposals-already-funder = Already a funder
error-proposals-already-funder-detail = This organisation already paid its share of this work.
proposals-select-quote = Select this quote
proposals-open-funding = Open the co-funding
proposals-share-quote = Share the amount of a quote
proposals-or-amount = Or an amount
proposals-key = Sharing key
proposals-key-equal = Equal shares
proposals-key-size = By organisation size
proposals-deadline-field = Deadline
proposals-min-participants-field = Minimum number of participants
proposals-fixed-by = Fixed contribution by
proposals-fixed-amount = Fixed amount
proposals-deliver = Mark as delivered
proposals-release-link = Link to the released module
proposals-adopt-explain = Adopting delivered work pays a catch-up share: what your organisation would have paid from the start, refunded to the earlier funders.
proposals-adopt = Adopt it for { $organisation }
proposals-count = { $count ->
    [one] One proposal
   *[other] { $count } proposals
}
proposals-event-effect_failed = The poll's decision could not be carried out: { $detail }
proposals-decisions-title = Decisions of polls not carried out
proposals-decision-not-carried-out = Poll { $poll }: { $reason }
proposals-campaign-closing = deadline passed, closing
error-proposals-no-quote = A proposal is quoted once a provider has sent a quote: add one first.
proposals-adopt-cost = Your organisation's catch-up share: { $amount }. A payment request for it is made and emailed to its representative.
proposals-adopt-credited = { $count ->
    [0] No earlier funder is credited.
    [one] The earlier funder is credited its part and told by email.
   *[other] The { $count } earlier funders are credited their parts and told by email.
}
proposals-adopt-confirm = Adopt it and owe { $amount }
proposals-close-funds = { $count ->
    [0] Closing now funds the work with no participant.
    [one] Closing now funds the work: the participating organisation gets its payment request, and its people are told by email. This cannot be undone.
   *[other] Closing now funds the work: each of the { $count } participating organisations gets its payment request, and their people are told by email. This cannot be undone.
}
proposals-close-lapses = { $count ->
    [0] Closing now lets the co-funding lapse (it is not fully covered or has too few participants); the requesting organisation is told by email. This cannot be undone.
    [one] Closing now lets the co-funding lapse (it is not fully covered or has too few participants): the pledge is released, and the pledger and the requesting organisation are told by email. This cannot be undone.
   *[other] Closing now lets the co-funding lapse (it is not fully covered or has too few participants): the { $count } pledges are released, and the pledgers and the requesting organisation are told by email. This cannot be undone.
}
proposals-close-confirm = Close the co-funding now
proposals-mail-withdrawn-subject = Withdrawn: { $title }
proposals-mail-withdrawn-body = "{ $title }" was withdrawn while its co-funding was open ({ $covered } of { $amount } pledged). Every pledge is released: nobody owes anything.
proposals-released-withdrawn = Every pledge was released when the proposal was withdrawn: nobody owes anything.
proposals-released-lapsed = Every pledge was released when the co-funding lapsed: nobody owes anything.
proposals-withdraw-releases = { $count ->
    [0] Withdrawing ends the open co-funding; the requesting organisation is told by email.
    [one] Withdrawing releases the pledge of the open co-funding; the pledger and the requesting organisation are told by email.
   *[other] Withdrawing releases the { $count } pledges of the open co-funding; the pledgers and the requesting organisation are told by email.
}
