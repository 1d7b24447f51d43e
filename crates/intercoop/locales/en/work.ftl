# Work sharing: opportunities, interests, teams and how busy members will be (work).
nav-work = Work
work-title = Opportunities
work-intro = Work a member brings to the network (a tender, a client's request), shared by a team of members who have the time and the skills.
work-new = Post an opportunity
work-none = No opportunity yet.
work-busyness = How busy will we be
work-status-teamed = Team formed
work-days-count = { $count ->
    [0] no day
    [one] one day
   *[other] { $count } days
}
work-interests-count = { $count ->
    [0] no member interested yet
    [one] one member interested
   *[other] { $count } members interested
}
work-no-organisation = Only a member organisation's representative (or an administrator) does this for it.
work-field-organisation = Organisation
work-field-title = Title
work-field-scope = Scope
work-field-scope-hint = What the client asks for, in Markdown: deliverables, constraints, who to contact.
work-field-budget = Budget
work-field-days = Days of work
work-field-starts = First day
work-field-ends = Last day
work-field-skills = Skills
work-field-skills-hint = Separated by commas, e.g. Rust, design, accessibility.
work-field-finder = Brought by
work-field-finder-none = Nobody (no finder's fee)
work-field-fee = Finder's fee (%)
work-field-fee-hint = A percentage of the budget paid first to the member who brought the work, e.g. 5 or 2.5 (at most 50). Rounded down to the cent; what that drops goes to the team.
work-post = Post the opportunity
work-dates = Dates
work-interests = Interest and capacity
work-interests-none = No member has declared interest yet.
work-declare = Declare interest and capacity
work-declare-lead = Say how many days your organisation can give over a period, and at what day rate. You can change it later.
work-declare-save = Save
work-declare-consequence = The team is formed: a different capacity proposes a new split to the team, which comes into force only once every member accepts it.
work-field-capacity = Days available
work-field-capacity-hint = Whole days you can give over the period (at most its number of calendar days).
work-field-from = Available from
work-field-to = Available until
work-field-rate = Day rate
work-col-member = Member
work-col-capacity = Capacity
work-col-rate = Day rate
work-col-weight = Weight
work-col-days = Days
work-col-amount = Amount
work-col-now = Now
work-col-proposed = Proposed
work-col-month = Month
work-col-booked = Days booked
work-col-load = Load
work-total = Total
work-fee-line = Finder's fee
work-team = Team
work-team-none = No team yet.
work-form-team = Form the team
work-basis-capacity = Split by the days each member declared.
work-basis-shares = Split by shares the team agreed.
work-field-basis = Split
work-field-members = Members
work-field-share = Share of { $organisation }
work-field-share-hint = With shares: whole numbers, e.g. 50, 30 and 20, or 2, 1 and 1.
work-show-split = Show the split
work-preview = The split before you confirm
work-confirm-consequence = Forming the team is final: each member is told its days and its amount. Later changes need the whole team's consent.
work-confirm-team = Form the team with this split
work-change-choices = Change the choices
work-proposal = A new split waiting for consent
work-proposal-lead = A member's capacity changed. The split in force stays until every member of the team accepts this one; one refusal keeps the split in force.
work-answers = Answers
work-answer-accepted = accepted
work-answer-declined = declined
work-consent-for = Answer for { $organisation }:
work-accept = Accept the new split
work-decline = Keep the split in force
work-busyness-lead = Month by month, the days of work your organisation accepted (its share of each team) against the days it declared available.
work-busyness-none = No accepted work and no declared capacity from this month on.
work-show = Show
work-over = More than declared
error-work-days-range = Between 1 and 10 000 days.
error-work-fee-range = A percentage between 0 and 50, with at most two decimals.
error-work-no-members = Choose at least one member.
error-work-duplicate-member = A member is chosen twice.
error-work-missing-share = Give every chosen member a share: a whole number above zero.
error-work-no-capacity = A chosen member declared no capacity.
error-work-period-order = The last day comes before the first.
error-work-capacity-positive = Give a number of days above zero.
error-work-capacity-over-period = More days than the period has.
error-work-rate-negative = A day rate cannot be below zero.
error-work-skills = At most 20 skills, each at most 60 characters.
error-work-not-interested = Only members who declared interest can be in the team.
error-work-not-in-team = This organisation is not in the team.
error-work-team-formed = The team of this opportunity is already formed.
error-work-no-proposal = No new split is waiting for an answer.
error-work-already-answered = This organisation has already answered.
work-mail-open = Open the opportunity
work-mail-posted-subject = New opportunity: { $title }
work-mail-posted-body = A member posted "{ $title }": { $budget } for { $days } days of work, from { $starts } to { $ends }. If your organisation has the time and the skills, declare its interest and capacity.
work-mail-formed-subject = Team formed: { $title }
work-mail-formed-body = The team of "{ $title }" is formed ({ $budget }, { $days } days). The share of { $organisation }: { $share_days } days and { $share }.
work-mail-proposed-subject = New split to accept: { $title }
work-mail-proposed-body = A capacity in the team of "{ $title }" changed. The share of { $organisation } would go from { $before_days } days and { $before } to { $share_days } days and { $share }. The split in force stays until every member accepts.
notifications-kind-opportunity_posted = A new work opportunity in the network
notifications-kind-team_formed = A team your organisation is in is formed
notifications-kind-split_proposed = A new split of a team's work waits for your consent
work-status-filled = Closed: filled
work-status-lost = Closed: lost
work-status-withdrawn = Withdrawn
work-end = Close or withdraw this opportunity
work-end-how = How it ends
work-end-filled = Closed: the work was won and is filled
work-end-lost = Closed: the work went elsewhere
work-end-withdrawn = Withdrawn: we take it back
work-end-told = The members that declared interest are told by email: { $members }.
work-end-told-none = No member declared interest: nobody is told.
work-end-final = It takes no new interest after this. This cannot be undone.
work-end-confirm = End the opportunity
error-work-outcome = Choose how it ends: filled, lost or withdrawn.
error-work-opportunity-ended = This opportunity has ended: it takes no new interest.
notifications-kind-opportunity_ended = A work opportunity your organisation was interested in ended
work-mail-ended-subject = Opportunity ended: { $title }
work-mail-ended-body = { $outcome ->
    [filled] "{ $title }" is closed: the work was won and is filled.
    [lost] "{ $title }" is closed: the work went elsewhere.
   *[withdrawn] "{ $title }" was withdrawn by the member who posted it.
} It takes no new interest.
