# Polls: the steps of the API that have a page (creating, handing a vote, receipts) and
# what a voter sees recorded.
error-whole-number = Enter a whole number.
error-poll-local-datetime = Choose a date and a time.
polls-voted-of = { $count } voted, out of { $total }
polls-receipt-secret = A ballot for your organisation is counted. The poll is secret: what it says is not linked to you, and is not shown.
polls-receipt-counted = What was counted:
polls-receipt-check = Check a receipt
polls-recorded-for = Recorded for { $name }
polls-recorded-at = Ballot recorded on { $at }
polls-recorded-by-facilitator = recorded by a facilitator
polls-recorded-weight = { $count ->
    [one] weight 1
   *[other] weight { $count }
}
polls-recorded-secret-title = Your ballot is counted
polls-recorded-secret = A ballot is counted. The poll is secret: what it says is not shown.
polls-recorded-objection = I object. Reason: { $reason }
polls-recorded-none-approved = No option approved (blank ballot)
polls-recorded-approved = Approved: { $option }
polls-recorded-points = { $option }: { $count ->
    [one] 1 point
   *[other] { $count } points
}
polls-recorded-no-points = No points given (blank ballot)
polls-recorded-no-ranking = No option ranked (blank ballot)
polls-recorded-rank = { $rank }. { $option }
polls-recorded-grade = { $option }: { $grade }
polls-hand-vote-link = Hand the vote of { $name } to someone else
polls-open-consequence = { $count ->
    [0] Opening freezes who may vote (no member organisation may vote now) and emails the voters. It cannot be undone.
    [one] Opening freezes who may vote (one member organisation) and emails its representative. It cannot be undone.
   *[other] Opening freezes who may vote ({ $count } member organisations) and emails their representatives. It cannot be undone.
}
polls-open-closes = Voting then closes on { $at }.
polls-open-confirm = Open the poll now
polls-mandates-link = Delegations and proxies
polls-mandate-title = Hand a vote
polls-mandate-not-open = Votes can be handed only while the poll is open.
polls-mandate-organisation = Organisation
polls-mandate-choose = Show
polls-mandate-for = The vote of { $name }
polls-mandate-replace-hint = Handing the vote again replaces this, until the poll closes.
polls-mandate-none = Its representative votes: the vote has not been handed to anyone.
polls-mandate-current-delegate = Delegated to { $name }
polls-mandate-current-proxy = Proxy held by { $name }
polls-mandate-delegate-title = Delegate to a person of the organisation
polls-mandate-delegate-consequence = The person chosen votes for { $name } in this poll, instead of its representative.
polls-mandate-person = Person
polls-mandate-delegate = Delegate the vote
polls-mandate-proxy-title = Give a proxy to another organisation
polls-mandate-proxy-consequence = The representative of the organisation chosen votes for { $name } in this poll, instead of its own representative.
polls-mandate-max-proxies = { $count ->
    [0] In this poll no organisation may hold a proxy.
    [one] Each organisation may hold one proxy in this poll.
   *[other] Each organisation may hold { $count } proxies in this poll.
}
polls-mandate-holder = Organisation holding the proxy
polls-mandate-proxy = Give the proxy
polls-receipt-title = Check a receipt
polls-receipt-code = Receipt
polls-receipt-code-hint = The code shown after voting, such as r-…
polls-receipt-verify = Check
polls-receipt-is-counted = This receipt's ballot is counted
polls-receipt-not-counted = No ballot with this receipt is counted
polls-receipt-not-counted-detail = Either the code is mistyped, or the ballot was replaced by a later one (whose receipt is the one that counts).
polls-new-title = New poll
polls-new-intro = The poll is created as a draft: you open it from its page, when it is ready.
polls-field-title = Question
polls-field-description = Explanation (optional)
polls-field-method = Voting method
polls-field-options = Options
polls-field-options-hint = One per line. Not needed for a decision (yes, no, abstain) nor for consent.
polls-field-electorate = Who votes
polls-field-decision-rules = Rules of the method
polls-field-quorum = Quorum, in percent (decision)
polls-field-quorum-hint = The share of the electorate that must vote for the result to count; 0 for none.
polls-field-threshold = Majority needed (decision)
polls-threshold-simple = Simple majority
polls-threshold-two-thirds = Two thirds
polls-threshold-custom = Another fraction
polls-field-threshold-fraction = Fraction, for another majority
polls-field-threshold-fraction-hint = For example 3/5.
polls-field-points = Points each voter spreads (points)
polls-field-grade-count = Number of grades (majority judgment)
polls-field-ballot = Ballot
polls-field-secret = Secret ballot: nobody can see who voted what
polls-field-hide-results = Hide the results until the poll closes
polls-field-weighted = Weight each organisation's vote by its size
polls-field-max-proxies = Proxies one organisation may hold
polls-field-times = Opening and closing
polls-field-times-hint = Times where the network is ({ $zone }). Leave the opening empty to open the poll by hand; leave the closing empty to close it by hand.
polls-field-opens-at = Opens at
polls-field-closes-at = Closes at
polls-field-decides = The proposal it decides (optional)
polls-field-proposal = Proposal
polls-field-effect = If the poll passes
polls-effect-none = Nothing happens by itself
polls-effect-discuss = The proposal is put to discussion
polls-effect-reject = The proposal is rejected
polls-create-draft = Create the draft
polls-field-kinds = Which member organisations vote
polls-field-kinds-hint = The active members of the kinds ticked. By default the user cooperatives alone: providers do not choose the work they will be paid for.
polls-effect-open-funding = The co-funding opens with the terms below
polls-funding-terms = The co-funding terms, chosen on the proposal's co-funding page:
polls-open-funding-title = Open the co-funding of “{ $title }”?
polls-field-priority-legend = Priorities
polls-field-priority = A priority poll: its result orders the proposals ticked below
polls-field-priority-hint = Ranked (schulze) or by points. The options are the proposals; the list above is then ignored.
polls-field-priority-proposals = The proposals to order
error-poll-funding-terms = Choose the co-funding terms on the proposal's co-funding page, then "Decide by a poll first".
