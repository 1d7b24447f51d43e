# Proposals: the steps of the API that have a page (quoting, opening a co-funding with
# every term).
error-amount-units = Enter an amount such as 1200 or 1 200,50.
error-percent-units = Enter a percentage such as 21 or 5,5.
error-picked-date = Choose a date.
error-proposals-fixed-organisation = Choose the organisation that makes this fixed contribution.
proposals-day-in-zone = The whole day, where the network is ({ $zone }).
proposals-quote-title = Quote
proposals-quote-provider = Provider
proposals-quote-amount = Amount without VAT
proposals-quote-amount-hint = In units, for example { $example }.
proposals-quote-vat = VAT rate, in percent (optional)
proposals-quote-vat-hint = For example 21 or 5,5; empty for none.
proposals-quote-hours = Hours of work (optional)
proposals-quote-valid-until = Valid until (optional)
proposals-quote-milestones = Milestones (optional)
proposals-quote-milestones-hint = Steps of the work, each with its amount: together they make the amount without VAT.
proposals-quote-milestone-title = Milestone { $number }
proposals-quote-milestone-amount = Amount of milestone { $number }
proposals-quote-note = Note (optional)
proposals-quote-moves = Quoting moves the proposal from discussion to “quoted”.
proposals-quote-send = Send the quote
proposals-open-funding-explain = Choose the amount, the sharing key, fixed contributions and the deadline; you will see what opening does before confirming.
proposals-key-weights = By weights chosen for each organisation
proposals-key-tiers = By size tiers
proposals-campaign-amount = Amount to share
proposals-campaign-weights = Weights (for the key by weights)
proposals-campaign-weights-hint = A whole number per organisation, 0 or more: an organisation of weight 2 pays twice as much as one of weight 1. An organisation without a weight cannot join.
proposals-campaign-size = { $count ->
    [one] size 1
   *[other] size { $count }
}
proposals-campaign-no-size = no size
proposals-campaign-tiers = Tiers (for the key by size tiers)
proposals-campaign-tiers-hint = Each organisation pays in proportion to the multiplier of its tier, by its size.
proposals-campaign-tier-small = Multiplier of small organisations
proposals-campaign-tier-medium-from = Medium from the size
proposals-campaign-tier-medium = Multiplier of medium organisations
proposals-campaign-tier-large-from = Large from the size
proposals-campaign-tier-large = Multiplier of large organisations
proposals-campaign-fixed = Fixed contributions (optional)
proposals-campaign-fixed-hint = An organisation covers an amount, or a percentage of the total, before the rest is shared. Give one or the other on each row.
proposals-campaign-fixed-org = Organisation { $number }
proposals-campaign-fixed-amount = Amount of contribution { $number }
proposals-campaign-fixed-percent = Or percentage of contribution { $number }
proposals-campaign-catch-up-years = Catch-up window, in years
proposals-campaign-catch-up-hint = For how long after delivery an organisation that adopts the work pays a share, refunded to the funders.
proposals-campaign-check = Check before opening
proposals-campaign-review = What opening will do
proposals-campaign-total = Amount
proposals-campaign-fixed-by = Fixed contribution of { $organisation }
proposals-campaign-to-share = Shared among those who join
proposals-campaign-told = { $count ->
    [0] No representative is emailed: no member organisation has one.
    [one] One representative is emailed at once.
   *[other] { $count } representatives are emailed at once.
}
proposals-campaign-confirm = Open the co-funding
proposals-campaign-change = Change the terms
proposals-on-behalf = For an organisation (administrators)
proposals-on-behalf-record-hint = Record a pledge an organisation made at an assembly or by phone: it joins with its share, as if its representative had.
proposals-on-behalf-record = Record its pledge
proposals-on-behalf-withdraw = Withdraw an organisation's pledge
proposals-on-behalf-withdraw-hint = Its pledge is released and the others' shares are worked out again.
proposals-on-behalf-share = { $organisation }, share
proposals-on-behalf-search = Find an organisation by its name
proposals-on-behalf-find = Find
proposals-on-behalf-more = The first { $shown } of { $total } are listed, by name: type part of a name to find another.
proposals-on-behalf-none = No organisation that has not joined has this in its name.
proposals-campaign-by-poll = Decide by a poll first
proposals-campaign-cost = Cost of the work
proposals-campaign-from-reserve = Paid first from the money set aside for { $reserve }
proposals-campaign-shared = Shared among those who join
proposals-campaign-reserve = Use money set aside first (optional)
proposals-campaign-reserve-hint = What the reserve has available pays for the work first. Only the rest is shared. The money is taken when the campaign is funded, and stays in the reserve if it lapses.
