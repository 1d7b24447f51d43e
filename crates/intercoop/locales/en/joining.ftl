# Applying to join a network, the review, the onboarding checklist (issue 18).
join-title = Apply to join
join-heading = Apply to join { $network }
join-intro = Tell us about your organisation. The core circle reads every application and answers by email.
join-honeypot = Leave this field empty
join-organisation = Your organisation
join-field-city = City
join-field-software-hint = The software your organisation runs, one per line (for example Odoo, a shift planner).
join-contact = Contact person
join-field-email-hint = We send a link to this address. Your application is shown to the core circle only once you have opened it.
join-level-observer = Observer: you see everything and do not vote
join-level-active = Active member: you also vote
join-field-motivation = Why do you want to join?
join-field-charter = I have read the network's charter and agree with it
join-charter-read = Read the charter
join-what-next = Next, we send a confirmation link to the contact's email address.
join-send = Send the application
join-sent-title = Check your email
join-sent-body = If the address is right, a confirmation link is on its way. Open it to send your application to the core circle.
join-sent-spam = No email within a few minutes? Look in your spam folder.
join-confirm-title = Confirm your application
join-confirm-body = Confirm the application of { $organisation }: the core circle will then read it.
join-confirm-button = Confirm
join-confirmed-title = Thank you
join-confirmed-body = Your application has gone to the core circle. You will get its answer by email.
join-applications = Applications to join
join-applications-intro = Confirmed applications. The core circle and administrators read them, comment, and accept or decline.
join-filter = Show applications
join-status-pending = Waiting
join-status-accepted = Accepted
join-status-declined = Declined
join-status-all = All
join-status-unconfirmed = Not confirmed
join-none = No applications here.
join-charter = Charter
join-charter-consented = Agreed to the charter
join-note = Note sent with the decision
join-see-organisation = The organisation's page
join-deciding-poll = The deciding poll
join-accept = Accept
join-decline = Decline
join-comments = Comments of the review
join-no-comments = No comments yet.
join-comment = Your comment
join-comment-send = Add the comment
join-accept-heading = Accept { $organisation }?
join-decline-heading = Decline { $organisation }?
join-consequences = This cannot be undone:
join-accept-member = the organisation becomes a member of the network from today;
join-accept-invite = { $email } is invited as its representative;
join-accept-booklet = the welcome booklet is sent with the answer;
join-accept-fee = its first membership fee is requested: { $amount }
join-accept-fee-months = { $count ->
    [0] no month
    [one] one month
   *[other] { $count } months
}
join-accept-fee-sponsored = of which the network pays { $amount }
join-accept-no-fee = no fee is requested: the network has no fee schedule for this year;
join-decline-closed = the application is closed;
join-told = { $email } is told by email, in their language.
join-field-sponsorship = Sponsorship of the first fee (percent)
join-field-sponsorship-hint = The part of the first fee the network pays, from 0 to 100. Empty: the fee schedule's own sponsorship.
join-field-poll = Poll that decided (number)
join-field-poll-hint = Optional: the poll of the network whose result this is. The application links to it.
join-field-note = Note to the applicant
join-mail-confirm-subject = Confirm your application to { $network }
join-mail-confirm-body = You applied for { $organisation } to join { $network }. Open this link to confirm your email address: the core circle then reads your application.
join-mail-confirm-action = Confirm my application
join-mail-confirm-expiry = This link works for { $days } days. If you did not apply, ignore this email: nothing is kept.
join-mail-received-subject = New application: { $organisation }
join-mail-received-body = { $organisation } applies to join { $network }. Its contact has confirmed their email address.
join-mail-received-action = Read the application
join-mail-accepted-subject = Welcome to { $network }
join-mail-accepted-body = Good news: { $network } has accepted { $organisation } as a member.
join-mail-accepted-next = You will get a second email to open your account as its representative. The welcome booklet tells you how the network works.
join-mail-accepted-action = Read the welcome booklet
join-mail-declined-subject = Your application to { $network }
join-mail-declined-body = { $network } has not accepted the application of { $organisation }.
notifications-kind-application_received = A new application to join (core circle)
error-charter-consent = Agree to the charter to apply.
error-form-too-fast = The form was sent too fast. Check what you typed and send it again.
error-form-expired = This form is too old. Check what you typed and send it again.
error-sponsorship-range = Give a number from 0 to 100.
error-application-decided = This application has already been decided.
onboarding-title = Onboarding
onboarding-intro = The first steps of a new member organisation. Each is ticked when it happens.
onboarding-none = No organisation of yours is being onboarded.
onboarding-progress = { $count ->
    [0] No step of five done yet.
    [one] One step of five done.
   *[other] { $count } steps of five done.
}
onboarding-done = done
onboarding-todo = to do
onboarding-booklet_read = The welcome booklet is read
onboarding-booklet_read-how = The representative opens the welcome booklet (Documentation).
onboarding-representative_confirmed = The representative has logged in
onboarding-representative_confirmed-how = The representative opens the invitation email's link.
onboarding-software_declared = The software in use is declared
onboarding-software_declared-how = Add the software on the organisation's page.
onboarding-first_fee_paid = The first fee is paid
onboarding-first_fee_paid-how = Pay the first fee's payment request.
onboarding-first_assembly_attended = A first assembly attended
onboarding-first_assembly_attended-how = Someone of the organisation is marked present at an assembly.
public-join = Apply to join
public-docs = Documentation
public-about = About the network
public-members = Members
public-no-members = No member has asked to be listed yet.
public-map-label = Map of the members' cities
public-map-caption = Each dot is a city where members are; the list of members names them all.
public-map-place = { $city }: { $count ->
    [1] one member
   *[other] { $count } members
}
public-members-all = { $count ->
    [1] The member
   *[other] All { $count } members
}
public-members-count = { $count ->
    [1] One member organisation is listed.
   *[other] { $count } member organisations are listed.
}
public-cofunding = Being co-funded now
public-no-cofunding = Nothing is being co-funded now.
public-covered = { $percent } % covered
public-funded = Work funded
public-no-funded = No work funded yet.
public-events = Upcoming events
public-no-events = No event planned.
public-logbook = From the logbook
public-logbook-all = All the logbook's articles
public-private = This network's pages are for its members. Log in to see them.
public-settings = Public page
public-settings-intro = What visitors see of the network, without logging in:
public-settings-saved = Saved.
public-field-about = About the network ({ $language })
public-field-charter = Charter
public-field-charter-none = No charter
public-field-charter-hint = A public documentation page that applicants agree to.
public-field-private = Private network
public-field-private-hint = Visitors then see only a sign-in page: no public page, documentation or application form.
public-listing = Public listing
public-listing-intro = Whether the organisation appears on the network's public page, and where it is on the map.
public-field-listed = List the organisation on the public page
public-field-latitude = Latitude
public-field-longitude = Longitude
public-field-place-hint = In degrees, for example 50.8503 and 4.3517 for Brussels. Leave both empty to stay off the map.
error-invalid-degrees = Give degrees, for example 50.8503 (at most six decimals).
nav-applications = Applications
join-poll-heading = Decide by a poll
join-poll-explain = The member organisations vote on “Accept this organisation?”, with the network’s quorum and threshold. When the poll closes, its result decides: accepted if it passes, declined otherwise, and the contact is told. Until then nobody can accept or decline by hand.
join-poll-closes-on = Last day of the vote (leave empty to close it by hand)
join-poll-open = Open the poll
join-poll-decides = This poll decides the application: its result is applied when it closes.
error-application-poll-open = A poll decides this application: its result is applied when it closes.
error-application-poll-day = Give a day such as 2026-12-20.
join-poll-outcome-passed = Poll passed: accepted
join-poll-outcome-rejected = Poll rejected: declined
join-poll-outcome-no_quorum = Quorum not reached: declined
join-poll-closes-at = The poll closes on { $at }.
join-poll-closed-at = The poll closed on { $at }.
join-poll-closes-by-hand = The poll closes when the core circle closes it.
