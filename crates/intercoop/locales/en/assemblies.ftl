assemblies-title = Meetings
assemblies-intro = Monthly assemblies, core circle meetings, general assemblies and events of the network.
assemblies-new-title = Schedule a meeting
assemblies-new-submit = Schedule
assemblies-coming = Coming meetings
assemblies-past = Past meetings
assemblies-none = No meetings.
assemblies-cancelled = Cancelled
assemblies-kind-assembly = Monthly assembly
assemblies-kind-core = Core circle meeting
assemblies-kind-general_assembly = General assembly
assemblies-kind-event = Event
assemblies-field-kind = Kind of meeting
assemblies-field-title = Title
assemblies-field-description = Description
assemblies-field-starts-at = Starts
assemblies-field-duration = Duration (minutes)
assemblies-field-recurrence = Repeats (RRULE rule, optional)
assemblies-field-recurrence-hint = For example FREQ=MONTHLY;BYDAY=1TU: the first Tuesday of every month, at the same time.
assemblies-field-place = Place
assemblies-field-video = Video-call link
assemblies-field-reminders = Reminders (days before, separated by commas)
assemblies-field-agenda-hint = One item per line; “proposal 12” or “poll 7” links a proposal or a poll.
assemblies-agenda = Agenda
assemblies-agenda-proposal = proposal
assemblies-agenda-poll = poll
assemblies-video = Join by video
assemblies-download-ics = Add to my calendar (.ics)
assemblies-do-you-come = Are you coming?
assemblies-answer-yes = I am coming
assemblies-answer-maybe = Maybe
assemblies-answer-no = I am not coming
assemblies-answer-save = Save my answer
assemblies-answer-saved = Your answer is saved.
assemblies-answer-closed = This meeting has begun or is cancelled: answers are closed.
assemblies-not-answered = not answered yet
assemblies-next-title = Next meeting
assemblies-attendance = Attendance
assemblies-present = Present
assemblies-quorum = Organisations present or represented / quorum (members)
assemblies-quorum-met = quorum met
assemblies-take-attendance = Take attendance
assemblies-attendance-save = Save attendance
assemblies-attendance-saved = Attendance saved.
assemblies-cancel = Cancel the meeting
assemblies-cancel-confirm = Yes, cancel
assemblies-calendar-title = My calendar
assemblies-calendar-intro = A private address your calendar follows: every meeting you are invited to, kept up to date.
assemblies-calendar-new = Make my calendar address
assemblies-calendar-replace = You already have an address: making a new one stops the old one.
assemblies-calendar-copy = Copy this address into your calendar (it is shown only once):
assemblies-mail-invitation-subject = Invitation: { $title }, { $starts }
assemblies-mail-invitation-body = You are invited to “{ $title }”, { $starts }. { $place }
assemblies-mail-updated-subject = Changed: { $title }, { $starts }
assemblies-mail-updated-body = The meeting “{ $title }” changed: { $starts }. { $place }
assemblies-mail-cancelled-subject = Cancelled: { $title }
assemblies-mail-cancelled-body = The meeting “{ $title }” of { $starts } is cancelled.
assemblies-mail-reminder-subject = Reminder: { $title }, { $starts }
assemblies-mail-reminder-body = Reminder: “{ $title }”, { $starts }. { $place }
assemblies-mail-see = See the meeting
assemblies-mail-answer = Answer in one tap (are you coming?):
error-meeting-kind = Choose the kind of meeting.
error-meeting-time-zone = Unknown time zone.
error-meeting-starts-at = Give the date and time it starts.
error-meeting-ends-before-start = The meeting must end after it starts (a duration over 0 minutes).
error-meeting-too-long = A meeting lasts at most a week.
error-meeting-reminder-after = A reminder must come before the meeting (a positive number of days).
error-meeting-reminder-too-early = A reminder comes at most 60 days before.
error-meeting-too-many-reminders = Five reminders at most.
error-meeting-video-url = The link must be a web address (https://…).
error-meeting-recurrence-never = This rule never occurs (a 30 February, for example).
error-meeting-recurrence-invalid = Unreadable recurrence rule (for example FREQ=MONTHLY;BYDAY=1TU).
error-meeting-agenda-empty = An agenda item is empty.
error-meeting-agenda-too-long = Fifty items at most.
error-meeting-agenda-unknown = That proposal or poll does not exist in the network.
error-meeting-in-the-past = The new start has already passed.
error-meeting-answer = Answer yes, no or maybe.
error-meeting-unknown-person = One of these people is not of the network.
error-meeting-not-ahead = This meeting has begun or is cancelled.
error-meeting-not-now = Attendance is taken from the day before the meeting, unless it is cancelled.
nav-meetings = Meetings
assemblies-count = { $count ->
    [0] No meetings
    [one] One meeting
   *[other] { $count } meetings
}
assemblies-cancel-consequence = { $count ->
    [0] Nobody is invited yet: nothing is sent. This cannot be undone.
    [one] The person invited gets the cancellation, and their calendar removes it. This cannot be undone.
   *[other] The { $count } people invited get the cancellation, and their calendars remove it. This cannot be undone.
}
assemblies-minutes-title = Minutes
assemblies-minutes-status-none = No minutes yet.
assemblies-minutes-status-draft = Minutes being written (not published yet).
assemblies-minutes-status-published = Published
assemblies-minutes-write = Write the minutes
assemblies-minutes-text = Minutes (Markdown)
assemblies-minutes-hint = Markdown: # for a title, - for a list, **bold**, [text](https://…) for a link.
assemblies-minutes-save = Save the draft
assemblies-minutes-saved = Draft saved.
assemblies-minutes-publish = Approve and publish
assemblies-minutes-publish-confirm = Yes, approve and publish
assemblies-minutes-publish-consequence = { $count ->
    [0] Nobody is told: the network has no one yet. Published minutes and their decisions can no longer be changed.
    [one] The person of the network gets them by email. Published minutes and their decisions can no longer be changed.
   *[other] The { $count } people of the network get them by email. Published minutes and their decisions can no longer be changed.
}
assemblies-decisions = Decisions
assemblies-decisions-none = No decisions.
assemblies-decision-text = Decision
assemblies-decision-made-by = made by
assemblies-decision-made-by-field = Made by (optional)
assemblies-decision-made-by-none = Nothing on the agenda
assemblies-decision-add = Add the decision
assemblies-decision-remove = Remove
assemblies-decisions-title = Decisions of the network
assemblies-decisions-intro = Every decision from published minutes, the latest first.
assemblies-decisions-search = Search
assemblies-decisions-count = { $count ->
    [0] No decisions
    [one] One decision
   *[other] { $count } decisions
}
assemblies-mail-minutes-subject = Minutes: { $title }
assemblies-mail-minutes-body = The minutes of “{ $title }” ({ $starts }) are approved and published.
assemblies-mail-minutes-see = Read the minutes
error-minutes-published = These minutes are published: they no longer change.
error-minutes-too-long = Minutes hold at most 100 000 characters.
error-minutes-empty = Write the minutes before publishing them.
error-minutes-before-meeting = Minutes are published once the meeting has begun.
error-meeting-cancelled = This meeting is cancelled.
error-decision-text-empty = Write the decision.
error-decision-text-too-long = A decision holds at most 2 000 characters, without control characters.
error-decision-poll-unknown = That poll does not exist in the network.
error-decision-transition-unknown = That proposal change does not exist in the network.
error-decision-too-many = Two hundred decisions at most per meeting.
core-title = Core circle
core-intro = The organisations that sit in the core circle, on which seat, and since when.
core-rules = Rules: { $facilitator_min }–{ $facilitator_max } seats for the facilitating cooperative, { $elected_min }–{ $elected_max } elected among the user cooperatives; an elected mandate lasts at most { $max_days } days.
core-sitting = Sitting today
core-history = Who sat when
core-none = Nobody.
core-seat-facilitator = Facilitating cooperative's seat
core-seat-elected = Elected seat
core-elected-by = elected by a poll
core-field-organisation = Organisation
core-field-seat = Seat
core-field-starts-on = First day
core-field-ends-on = Last day
core-add = Record a mandate
core-add-submit = Record the mandate
core-mail-ending-subject = A core circle mandate ends on { $ends }
core-mail-ending-body = The core circle mandate of { $organisation } ends on { $ends }. Time to prepare the election or the renewal.
core-mail-ending-see = See the core circle
nav-core = Core circle
error-core-seat = Choose the seat: the facilitating cooperative's, or an elected one.
error-core-day = Give the day as YYYY-MM-DD.
error-core-organisation = Choose a member organisation of the network.
error-core-elected-user = An elected seat goes to a user cooperative.
error-core-facilitator-kind = This seat goes to the facilitating cooperative.
error-core-rules = The network's seat rules contradict themselves (a minimum above its maximum).
error-core-ends-before-start = A mandate ends after the day it starts.
error-core-too-long = Rule broken: an elected mandate lasts at most the network's limit (2 years by default).
error-core-too-many = Rule broken: more seats of this kind than the network allows at that time.
error-core-too-few = Rule broken: fewer seats of this kind than the network requires.
error-core-two-seats = Rule broken: an organisation holds one seat at a time.
core-elections = Elections
core-elections-none = No election yet.
core-election-seats = { $count ->
    [0] No elected seat
    [one] One elected seat
   *[other] { $count } elected seats
}
core-election-status-candidacy = Call for candidates: user cooperatives may stand.
core-election-status-voting = The vote is open.
core-election-status-done = Elected: the new mandates are recorded.
core-election-status-failed = Not recorded
core-election-poll = The poll
core-candidates = Candidates
core-stand-for = Stand for
core-stand = Stand
core-start-vote = Start the vote
core-start-vote-consequence = The call for candidates closes and an approval poll of the user cooperatives opens, one option per candidate. When it closes, the candidates with the most approvals take the seats, if the seat rules allow it.
core-call = Call an election
core-call-seats = Elected seats to fill
core-call-submit = Call for candidates
core-mail-call-subject = Election to the core circle: candidates wanted
core-mail-call-body = An election to the core circle is called: { $seats } elected seat(s), from { $starts } to { $ends }. A user cooperative stands from the core circle page.
error-core-election-seats = Seats to fill: from 1 to the network's maximum of elected seats.
error-core-election-closed = The call for candidates of this election is closed.
error-core-candidate-twice = This organisation already stands.
error-core-election-few-candidates = Fewer candidates than seats (or than two): wait for more before the vote.
assemblies-needing-minutes-title = Meetings needing minutes
core-ending-title = Core circle mandates ending soon
governance-title = Governance settings
governance-intro = The network's rules for assemblies, decision polls and the core circle. Every change is recorded and listed below.
governance-summary = Assembly quorum { $assembly } %; a decision poll needs { $poll } % voting and passes by { $threshold }; core circle: { $facilitator_min }–{ $facilitator_max } seats for the facilitating cooperative, { $elected_min }–{ $elected_max } elected, an elected mandate at most { $max_days } days.
governance-quorums = Quorums and threshold
governance-assembly-quorum = Assembly quorum: share of member organisations present or represented (%)
governance-poll-quorum = Decision poll quorum when the poll sets none: share of the electorate that must vote (%)
governance-poll-threshold = Decision poll threshold when the poll sets none
governance-threshold-simple_majority = simple majority
governance-threshold-two_thirds = two thirds
governance-threshold-custom = another fraction
governance-threshold-fraction = The fraction, if another (such as 3/5)
governance-seats = Core circle seats
governance-facilitator-min = Seats for the facilitating cooperative, at least
governance-facilitator-max = Seats for the facilitating cooperative, at most
governance-elected-min = Elected seats, at least
governance-elected-max = Elected seats, at most
governance-mandate-days = Longest elected mandate (days)
governance-save-consequence = New polls, mandates and assemblies follow the new settings; polls already created and mandates already recorded keep theirs.
governance-save = Save the settings
governance-changes = Recent changes
governance-no-changes = No change yet: the network uses the default settings.
governance-before = Before:
governance-after = After:
governance-link = Governance settings
error-governance-min-above-max = The minimum is above the maximum.
error-governance-mandate-days = Enter a length between 30 and 3660 days.
audit-action-governance-update = Governance settings changed
core-election-poll-title = Core circle election, mandates from { $from } to { $until }
core-election-poll-seats = { $seats ->
    [one] One seat to fill.
   *[other] { $seats } seats to fill.
}
assemblies-edit-title = Change the meeting
assemblies-edit-link = Change the meeting
assemblies-edit-who = Who gets the update
assemblies-edit-not-invited = The invitations have not gone out yet: nobody is told now, and the invitations will carry the new details.
assemblies-edit-submit = Save the changes
assemblies-edit-consequence = { $count ->
    [0] Nobody is invited now: nothing is sent.
    [one] If the date, time, duration, title, place, link or description changes, the person invited gets the update, and their calendar changes the meeting. A change of reminders alone tells nobody.
   *[other] If the date, time, duration, title, place, link or description changes, the { $count } people invited get the update, and their calendars change the meeting. A change of reminders alone tells nobody.
}
assemblies-edit-submit-tell = { $count ->
    [0] Save the changes
    [one] Save and tell the person invited
   *[other] Save and tell the { $count } people invited
}
assemblies-quorum-present = { $count ->
    [0] none present
    [one] one present
   *[other] { $count } present
}
assemblies-quorum-represented = { $count ->
    [0] none represented by proxy
    [one] one represented by proxy
   *[other] { $count } represented by proxy
}
assemblies-proxies = Proxies
assemblies-proxy-held-by = proxy held by { $holder }
assemblies-proxy-link = Give our proxy
assemblies-proxy-title = Proxy for the meeting
assemblies-proxy-intro = An organisation that cannot come gives its proxy to another member organisation: that organisation's representative speaks for both, and both count in the quorum when it is present. An organisation holds one proxy at most, and an organisation that gave its proxy cannot hold one.
assemblies-proxy-giver = Organisation
assemblies-proxy-show = Show
assemblies-proxy-none = No proxy given for this meeting.
assemblies-proxy-holder = Give the proxy to
assemblies-proxy-holder-hint = A member organisation of the network. It replaces a proxy given earlier.
assemblies-proxy-give = Give the proxy
assemblies-proxy-withdraw = Withdraw the proxy
assemblies-proxy-withdraw-consequence = Withdrawn, the organisation counts in the quorum only if its own representative is present.
assemblies-proxy-closed = This meeting takes no proxies now (it has ended, is cancelled, or has no quorum).
error-meeting-proxy-kind = Only assemblies and general assemblies take proxies.
error-meeting-proxy-closed = This meeting has ended or is cancelled: proxies no longer change.
error-meeting-proxy-member = Only a member organisation of the network gives or holds a proxy.
error-meeting-proxy-self = An organisation cannot give its proxy to itself.
error-meeting-proxy-holder-gave = This organisation gave its own proxy: it cannot hold one.
error-meeting-proxy-limit = This organisation already holds a proxy for this meeting.
error-meeting-proxy-chain = This organisation holds another's proxy: it cannot give its own.
assemblies-field-capacity = Places (events, optional)
assemblies-field-capacity-hint = Empty: no limit. Beyond it, people join a waiting list, and get a place when one comes free.
assemblies-registration = Registration
assemblies-no-limit = No limit on places.
assemblies-places-left = { $count ->
    [0] No place left
    [one] One place left
   *[other] { $count } places left
}
assemblies-capacity = { $count ->
    [0] no place
    [one] one place in all
   *[other] { $count } places in all
}
assemblies-waiting-count = { $count ->
    [0] nobody waiting
    [one] one person waiting
   *[other] { $count } people waiting
}
assemblies-you-are-registered = You are registered.
assemblies-your-position = { $count ->
    [0] You are not on the waiting list.
    [one] You are first on the waiting list.
   *[other] You are number { $count } on the waiting list.
}
assemblies-register = Register
assemblies-join-waiting = Join the waiting list
assemblies-withdraw = Withdraw my registration
assemblies-withdraw-consequence = You leave your place; registering again puts you last.
assemblies-withdraw-gives-place = Your place goes at once to the first person waiting, who is told by email; registering again puts you last.
assemblies-mail-place-subject = A place for you: { $title }
assemblies-mail-place-body = A place came free at “{ $title }”, { $starts }: it is yours, you are registered. If you cannot come, withdraw on the event's page so that the next person gets it.
error-meeting-capacity = Places: a whole number from 1 to 100 000.
error-meeting-capacity-kind = Only an event has a number of places.
error-meeting-capacity-below = More people are already registered: the places cannot be fewer.
error-meeting-registration-kind = Only events take registrations.
assemblies-documents = Documents
assemblies-documents-none = No documents yet.
assemblies-documents-manage = Attach or remove documents
assemblies-document-add-file = Attach a file
assemblies-document-file = File
assemblies-document-file-hint = A PDF, a spreadsheet, an image: at most { $size } MB. Every person of the network can download it.
assemblies-document-title = Title
assemblies-document-title-hint = Optional: the file's name is used when it is left empty.
assemblies-document-attach = Attach the file
assemblies-document-add-page = Link a documentation page
assemblies-document-page = Page
assemblies-document-page-hint = The page stays up to date. Only people who may read it will see it in the list.
assemblies-document-link = Link the page
assemblies-document-kind-page = documentation page
assemblies-document-remove = Remove
assemblies-document-remove-file-consequence = The file will be deleted. People who open the meeting will no longer find it. Nobody is emailed.
assemblies-document-remove-page-consequence = The link will be removed from the meeting. The page itself stays in the documentation. Nobody is emailed.
assemblies-document-remove-confirm = Remove the document
assemblies-document-keep = Keep it
error-meeting-document-required = Choose a file, or a page to link.
error-meeting-document-one = Attach a file or link a page, not both at once.
error-meeting-document-empty = The file is empty. Choose it again.
error-meeting-document-too-large = The file is larger than 10 MB. Make it smaller, or link to it from a documentation page.
error-meeting-document-too-many = This meeting already has 50 documents. Remove one first.
error-meeting-document-page-unknown = Choose a page of this network's documentation.
error-meeting-document-title-long = The title can have at most 200 characters.
