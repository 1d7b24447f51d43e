jobs-failed-title = Jobs that could not be done
jobs-failed-intro = Work that intercoop does at its time (closing a co-funding at its deadline, closing a poll, sending digests) and that failed every time it was tried. Mend the cause, then try again, or discard it.
jobs-none-failed = Every job was done.
jobs-attempts = { $count ->
    [one] Tried once
   *[other] Tried { $count } times
}
jobs-error = Error:
jobs-retry = Try again
jobs-discard = Discard
jobs-kind-jobs-maintenance = Hourly clean-up (expired sessions and links)
jobs-kind-idempotency-purge = Hourly clean-up of the Idempotency-Keys older than a day
jobs-kind-proposals-announce = Announce a posted proposal
jobs-kind-proposals-close_campaign = Close a co-funding campaign at its deadline
jobs-kind-funding-announce_campaign = Announce an opened co-funding campaign
jobs-kind-funding-share_digest = Daily digest of share changes
jobs-kind-polls-close = Close a poll at its closing time
jobs-kind-polls-remind = Remind the voters of a poll
error-jobs-not-failed = This job is not failed (any more): it cannot be retried or discarded.
dashboard-failed-jobs = { $count ->
    [0] Every job was done
    [one] 1 job could not be done
   *[other] { $count } jobs could not be done
}
jobs-kind-events-dispatch = Hand an event to the features that react to it
jobs-kind-proposals-on_poll_closed = Carry out a closed poll's decision on its proposal
jobs-kind-polls-open = Open a poll at its opening time
jobs-kind-polls-forget = Erase a closed secret poll's traces from the database files
jobs-about-proposal = About proposal { $id }
jobs-about-poll = About poll { $id }
jobs-discard-consequence = This work will never be done: a campaign or poll it was to close stays open until someone closes it by hand, and nobody is told what it was to tell.
jobs-discard-confirm = Discard it for good
jobs-kind-funding-on_membership_ended = Release the open pledges of an organisation that left
