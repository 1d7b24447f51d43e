# Money: the treasurer's pages
money-title = Money
money-requests = Payment requests
money-request = Payment request
money-request-new = New payment request
money-request-create = Ask for this payment
money-import = Import a bank statement
money-unmatched = Payments to match
money-fees = Membership fees
money-settings = Payment settings
money-journal-csv = The journal (CSV)
money-no-settings = The network's bank account is not set yet: requests have no QR code until it is.
money-no-qr = No QR code for this request.
money-runway = Runway
money-runway-months = { $count ->
    [one] The money lasts { $count } more month at the current costs and income.
   *[other] The money lasts { $count } more months at the current costs and income.
}
money-runway-sustainable = Fees cover the costs after the grant: the money does not run out.
money-cash = At the bank
money-monthly-costs = Costs per month
money-monthly-fees = Fees per month
money-grant = Grant per month
money-grant-ends-on = Last day of the grant
money-what-if = A monthly fee of { $fee } per member would cover the costs on its own
money-members-count = { $count ->
    [one] { $count } paying member
   *[other] { $count } paying members
}
money-trial-balance = Trial balance
money-debits = Debits
money-credits = Credits
money-overdue = { $count ->
    [one] { $count } request past its due date
   *[other] { $count } requests past their due date
}
money-by-member = This year by member
money-organisation = Organisation
money-asked = Asked
money-paid = Paid
money-outstanding = Outstanding
money-credited = Credited
money-credit-left = Its credit
money-owes = It owes
money-legal-name = Legal name
money-address = Address
money-iban = Bank account (IBAN)
money-bic = BIC (optional)
money-reference-scheme = Payment reference
money-scheme-be = Belgian structured communication (+++123/4567/89012+++)
money-scheme-rf = International creditor reference (RF, ISO 11649)
money-budget = Budget (for the runway)
money-import-again = This statement was imported before: nothing changed.
money-import-entries = { $count ->
    [one] { $count } movement
   *[other] { $count } movements
}
money-import-matched = { $count ->
    [one] { $count } matched
   *[other] { $count } matched
}
money-import-unmatched = { $count ->
    [one] { $count } to match by hand
   *[other] { $count } to match by hand
}
money-import-skipped = { $count ->
    [one] { $count } skipped (money out, or imported before)
   *[other] { $count } skipped (money out, or imported before)
}
money-import-refused = The statement was not imported: nothing changed.
money-statement-file = Statement file
money-statement-hint = ISO 20022 camt.053 (XML) as your bank exports it, or CSV with a header row: date, amount, name, iban, communication.
money-import-button = Import
money-unmatched-hint = Money received that no request could be found for. Give the number of the request it pays.
money-payer = Payer
money-remittance = Communication
money-assign-number = Request number
money-assign = Match
money-period = Billed
money-period-monthly = monthly
money-period-quarterly = quarterly
money-period-yearly = yearly
money-tier = from size { $size }:
money-per-month = per month
money-sponsorship = Sponsorship of new members
money-years = { $count ->
    [one] { $count } year
   *[other] { $count } years
}
money-bill = Bill
money-bill-consequence = { $count ->
    [one] { $count } member organisation gets a payment request and an email, in total
   *[other] { $count } member organisations get a payment request and an email, in total
}
money-bill-confirm = Send these requests
money-fees-new = A new year of fees
money-year = Year
money-tiers-hint = One tier a line, "size: monthly amount", the first from 0 (e.g. "0: 25" then "1000: 35").
money-sponsorship-percent = Part of a new member's fee the network pays (%)
money-sponsorship-years = For how many years after joining
money-statement = Statement
money-statement-csv = This statement (CSV)
money-date = Date
money-what = What
money-amount = Amount
money-balance = Balance
money-entry-share-requested = Share requested
money-entry-fee-requested = Fee requested
money-entry-other-requested = Payment requested
money-entry-cancelled = Request cancelled
money-entry-sponsorship-cancelled = Sponsorship cancelled
money-entry-payment-received = Payment received
money-entry-unidentified = Payment to match
money-entry-identified = Payment matched
money-entry-credit-applied = Credit used
money-entry-catch-up-credited = Catch-up credit
money-entry-provider-paid = Provider paid
money-entry-grant-received = Grant received
money-entry-operating-cost = Operating cost
money-status = Status
money-status-open = open
money-status-paid = paid
money-status-cancelled = cancelled
money-filter = Show
money-requests-count = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
money-number = Number
money-due = To pay by
money-due-hint = Left empty: 30 days from today.
money-purpose = What it is for
money-to = To
money-for = For
money-purpose-co-funding = co-funding share
money-purpose-catch-up = catch-up share
money-purpose-fee = membership fee
money-purpose-other = payment
money-sponsored = Paid by the network (sponsorship)
money-reference = Reference to give with your transfer
money-qr-alt = QR code for your banking app: the transfer with the amount and reference filled in
money-qr-caption = Scan it with your banking app: the transfer is filled in.
money-payments = Payments received
money-record-payment = Record a payment
money-booked-on = Booked on (empty: today)
money-record-hint = Still owed: { $outstanding }. More than that is kept as the organisation's credit.
money-cancel = Cancel this request
money-cancel-consequence = The organisation will no longer owe { $amount }; a payment for this request will be refused. This cannot be undone.
money-cancel-confirm = Cancel the request
# Emails
money-mail-fee-subject = Membership fee { $label }
money-mail-fee-body = Your organisation's membership fee for { $label } is { $amount }, to pay by { $due }.
money-mail-fee-sponsored = The network pays { $sponsored } of it for you (sponsorship of new members).
money-mail-reference = Payment request { $number }, reference to give with your transfer: { $reference }
money-mail-open-request = See the request and its QR code
money-mail-reminder-subject = Reminder: payment request { $number }
money-mail-reminder-body = Payment request { $number } was due on { $due } and { $outstanding } is still owed.
money-mail-reminder-escalated = This is the second reminder: the network's administrators are told too.
notifications-kind-fee_request = Your organisation's membership fees
notifications-kind-payment_reminder = Reminders of unpaid requests
# Errors
error-bank-form = This is not a bank account number (IBAN) or BIC.
error-bank-length = This account number does not have the length of its country.
error-bank-check = The check digits do not match: a digit is probably mistyped.
error-reference-scheme = Choose the Belgian structured communication or the RF reference.
error-amount-not-negative = The amount cannot be negative.
error-amount-positive = The amount must be more than zero.
error-amount-out-of-range = The amount is too large.
error-amount-decimals = At most two decimals (cents): the amount is not rounded.
error-amount-invalid = Write an amount, e.g. 25 or 25.50.
error-request-unknown = There is no such payment request in this network.
error-request-cancelled = This request was cancelled: nothing is owed on it any more.
error-request-paid = This request is paid already.
error-request-not-open = This request is no longer open.
error-request-partly-paid = This request is partly paid: it cannot be cancelled.
error-payment-matched = This payment is already matched.
error-too-many-requests = The network reached the most payment requests a year can number.
error-payment-settings-missing = The network's bank account is not set yet.
error-qr-currency = The EPC QR code is for payments in euros only.
error-qr-amount = Nothing to pay, or an amount the QR code cannot carry.
error-qr-payload = The QR code could not be made from the network's settings.
error-fee-year = Give a year between 2000 and 2200.
error-fee-period = Choose monthly, quarterly or yearly.
error-fee-tiers = Each level needs its tiers: "size: monthly amount" a line, the first from size 0, sizes increasing.
error-fee-level = A level is observer or active.
error-fee-sponsorship = Sponsorship is at most 100 % for 1 to 10 years.
error-fee-schedule-exists = This year has its fees already.
error-organisation-unknown = There is no such organisation in this network.
error-date-past = This day is past.
error-statement-encoding = The file is not text in UTF-8.
error-statement-not-camt053 = This is not an ISO 20022 camt.053 bank statement.
error-statement-xml = The XML is broken near entry { $at }: { $detail }
error-statement-entry = Entry { $at } lacks { $detail }.
error-statement-decimals = Line { $at }: the amount { $detail } has more than two decimals.
error-statement-amount = Line { $at }: { $detail } is not an amount.
error-statement-date = Line { $at }: { $detail } is not a date.
error-statement-csv = Line { $at } of the CSV cannot be read: { $detail }
error-statement-csv-columns = The CSV needs a header row with at least "date" and "amount" (found: { $detail }).
error-statement-other-account = This statement is of the account { $detail }, not of the network's.
error-statement-currency = Line { $at } is in { $detail }, not in the network's currency.
money-record-entry = Record a grant, a cost or a provider paid
money-entry-campaign = Campaign (a provider paid only)
money-entry-campaign-hint = The number of the funded campaign the provider is paid for, out of the money held for it.
money-entry-memo = What it was
money-entry-consequence = This is written in the journal and moves the bank's balance (and so the runway). It cannot be undone: a mistake is corrected by another entry.
money-entry-confirm = Record it
error-provider-exceeds-held = More than the { $held } cents held for this campaign.
error-campaign-unknown = There is no such campaign in this network.
error-entry-kind = Choose a grant received, an operating cost or a provider paid.
money-pdf = This request as a PDF

## Shared recurring costs (reserves)
money-reserves = Shared recurring costs
money-reserves-lead = Money the members set aside each month for a cost that will come, such as the next Odoo migration or hosting. A co-funding campaign can use it first.
money-reserves-none = Nothing is set aside yet.
money-reserve-monthly = Set aside each month, by all members together
money-reserve-held = Held
money-reserve-earmarked = Promised to open campaigns
money-reserve-available = Available for a new campaign
money-reserve-new = Set money aside for a cost
money-reserve-name = What it is for
money-reserve-name-hint = For example: Odoo 19 migration.
money-reserve-consequence = From this month on, each member organisation gets a payment request for its share every month, by email.
money-reserve-confirm = Set aside from this month
money-reserve-weights-hint = A whole number per member, 0 or more: a member of weight 2 sets aside twice as much as one of weight 1. A member without a weight sets nothing aside.
money-reserve-closed = closed
money-reserve-change-or-close = Change or close
money-reserve-see = See
money-reserve-change = Change the amount or the key
money-reserve-change-consequence = The provisions already asked keep their amounts. From the next month asked on, each member is asked its share of the new amount, by the new key.
money-reserve-change-confirm = Change from the next month
money-reserve-close = Close this reserve
money-reserve-close-stops = No provision is asked from next month on. The provisions already asked are still owed.
money-reserve-close-held = The { $amount } it holds stays in it: the members have set this money aside for this purpose.
money-reserve-close-available = { $amount } of it stays available to a campaign that draws on this reserve.
money-reserve-close-earmarked = { $amount } of it is promised to open campaigns: they still receive it when they are funded.
money-reserve-close-confirm = Close this reserve
money-reserve-closed-lead = This reserve is closed: no provision is asked any more. { $amount } stays available to a campaign that draws on it.
money-set-aside = Set aside for shared costs
money-set-aside-line = asked { $asked }
money-entry-provision-requested = Set aside for a shared cost
money-entry-reserve-drawn = Taken from a reserve
money-purpose-provision = money set aside for a shared cost
money-mail-provision-subject = Set aside: { $label }
money-mail-provision-body = Your organisation's share for { $label } is { $amount }, to pay by { $due }.
money-mail-provision-why = The network sets this money aside for a cost it knows will come. When the work is funded, this money pays for part of it first.
notifications-kind-provision_request = Money your organisation sets aside for shared costs
error-reserve-unknown = Choose one of the network's reserves.
error-reserve-covers-all = This reserve already holds the whole cost, so nothing is left to share. Leave the reserve empty or choose another one.
error-reserve-would-overdraw = This provision cannot be cancelled: its reserve has already given this money to a campaign, or promised it to an open one. Withdraw that campaign first, or keep this provision.
error-reserve-closed = This reserve is closed: it can no longer be changed or closed again.
money-paid-from-credit = Paid from credit
money-credit-used = credit used: { $amount }
money-held = Money per proposal
money-held-lead = For each co-funded proposal: what the pledges cover, what a reserve pays, what was asked of the members, paid and still owed, what the provider was paid, and what the network still holds for it.
money-held-proposal = Proposal
money-held-pledged = Pledged
money-held-reserve = From a reserve
money-held-requested = Asked
money-held-owed = Still owed
money-held-provider = Paid to the provider
money-held-now = Held now
money-mail-credit-used = Your organisation's credit already pays { $credit } of it.
money-mail-pool-why = Each member organisation pays into this pool every period, as the network agreed. The pool funds the projects its members choose together.
