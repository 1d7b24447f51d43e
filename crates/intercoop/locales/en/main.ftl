# Layout
nav-skip = Skip to content
nav-label = Main menu
nav-dashboard = Dashboard
nav-organisations = Organisations
nav-people = People
nav-money = Money
nav-profile = My profile
nav-login = Log in
nav-logout = Log out
lang-switch-label = Language
network-switch-label = Network
network-switch-button = Switch
footer-text = intercoop — deciding and funding our shared software together
save = Save
edit = Edit
none = None
since = since
until = until
previous = Previous
next = Next
pagination = Pages
form-has-errors = Some fields need your attention; see the messages below each of them.
filter-search = Search
filter-all = All
filter-apply = Filter

# Fields
field-email = Email address
field-password = Password
field-new-password = New password
field-confirm-password = Repeat the password
field-name = Name
field-language = Language
field-kind = Kind
field-country = Country
field-country-hint = Two letters, e.g. BE
col-country = Country
field-address = Address
field-company-number = Company number
field-size = Size
field-size-hint = E.g. member households; this network's sharing keys and weighted polls count it
field-bank-account = Bank account (IBAN)
field-website = Website
field-software = Software in use
field-status = Membership
field-level = Level
field-joined-on = Member since
field-left-on = Left on
field-organisation = Organisation
field-title = Role in the organisation
software-hint = One per line or separated by commas, e.g. "Odoo 12, cooperator, shift". The organisation hears of every change planned to these.
level-hint = Observers see everything but do not vote; active members also vote.
password-hint = At least 10 characters.

# Values
kind-user = User cooperative
kind-provider = Provider
kind-partner = Partner
kind-facilitator = Facilitator
status-candidate = Candidate
status-member = Member
status-former = Former member
level-observer = Observer
level-active = Active
role-administrator = Administrator
role-core_circle = Core circle
role-representative = Representative
role-member = Member
role-provider_staff = Provider staff

# Home
home-title = Welcome
home-pitch = The cooperatives of this network decide together which shared software to build, and split its cost fairly.
home-empty-title = This intercoop is new
home-empty-body = Nobody has an account yet. On the server, create the first administrator with the command below; it prints a one-time login link.
home-login-title = How to log in
home-login-body = Enter your email address: you receive a login link, valid 30 minutes. No password needed (you may set one in your profile).
home-demo-title = Demo accounts
home-demo-body = This is a demo. Log in with one of these addresses and the password "{ $password }", or ask for a login link (the emails are written to the data folder).
home-demo-role = Role

# Dashboard
dashboard-hello = Hello { $name }
dashboard-intro = Here is what needs you.
dashboard-admin-title = To look at
dashboard-candidates = { $count ->
    [0] No candidate organisation
    [one] One candidate organisation waits for a decision
   *[other] { $count } candidate organisations wait for a decision
}
dashboard-without-representative = { $count ->
    [0] Every member organisation has a representative
    [one] One member organisation has no representative
   *[other] { $count } member organisations have no representative
}
dashboard-never-logged-in = { $count ->
    [0] Everyone invited has logged in
    [one] One person invited has never logged in
   *[other] { $count } people invited have never logged in
}
dashboard-failed-emails = { $count ->
    [0] Every email was delivered
    [one] One email could not be sent
   *[other] { $count } emails could not be sent
}
dashboard-my-organisations = My organisations
dashboard-no-organisation = You do not belong to an organisation of this network yet.

# Login
login-title = Log in
login-explain = Enter your email address and we send you a link to log in. No password to remember.
login-send-link = Send me a login link
login-with-password = Log in with a password instead
login-password-button = Log in with my password
login-forgot = Forgot your password?
login-sent-title = Check your inbox
login-sent-body = If { $email } has an account, a login link is on its way. It is valid 30 minutes and works once.
forgot-title = Choose a new password
forgot-explain = Enter your email address and we send you a link to choose a new password.
forgot-button = Send me the link
forgot-sent = If { $email } has an account, a link to choose a new password is on its way.
reset-title = Choose a new password
reset-button = Save my new password
profile-title = My profile
profile-saved = Your profile is saved.
profile-language-auto = Automatic (from my browser)
profile-password-legend = Password (optional)
profile-password-hint = You can always log in with a link sent by email. Fill this in only to set or change a password.

# Organisations
organisations-new = Add an organisation
organisations-edit = Edit the organisation
organisations-details = Details
organisations-no-people = Nobody from this organisation has an account yet.
organisations-change-representative = Representative
organisations-mandates = Representatives over time
organisations-shared-notice = { $count ->
    [one] This organisation also belongs to another network. Its size, status, level, representative and people here are this network's own. Its name, kind, address, company number, bank account, website and software are shared: a change to them is recorded in the other network's log too.
   *[other] This organisation also belongs to { $count } other networks. Its size, status, level, representative and people here are this network's own. Its name, kind, address, company number, bank account, website and software are shared: a change to them is recorded in the other networks' logs too.
}
organisations-count = { $count ->
    [one] One organisation
   *[other] { $count } organisations
}

# People
people-invite = Invite someone
people-invite-button = Send the invitation
people-invite-explain = The person receives an email with a link to log in, valid 14 days.
people-invite-sent = The invitation to { $email } is on its way.
people-make-representative = Representative of this organisation (replaces the current one)
people-roles = Roles
people-count = { $count ->
    [one] One person
   *[other] { $count } people
}

# Errors
error-status = Status
error-request-id = Request reference
error-home-link = Back to the home page
error-not-found = Page not found
error-not-found-detail = This page does not exist, or it is not part of your network.
error-unauthenticated = Please log in
error-unauthenticated-detail = You need to log in to see this.
error-forbidden = Not allowed
error-forbidden-detail = Your role does not allow this action. Ask an administrator of your network if you think it should.
error-csrf = This form has expired
error-csrf-detail = For your safety, the form was refused because it was not sent from this site or it is too old. Go back, reload the page and try again.
error-gone = This link has expired
error-gone-detail = Login and invitation links work once and for a limited time. Ask for a new one on the login page.
error-invalid = Some information is not valid
error-invalid-detail = Correct the fields listed and send again.
error-rate-limited = Too many attempts
error-rate-limited-detail = Please wait a few minutes before trying again.
error-bad-request = The request could not be understood
error-bad-request-detail = The data sent is not in the expected form.
error-internal = Something went wrong on our side
error-internal-detail = Nothing you did caused this. Try again in a moment; if it persists, give the request reference to your administrator.
error-duplicate = This already exists
error-duplicate-detail = Something with the same identity is already stored.
error-changed-meanwhile = Someone changed this meanwhile
error-changed-meanwhile-detail = It changed while you were acting on it. Reload the page to see it as it is now, and try again if it is still needed.
error-idempotency-in-progress = The same request is still being processed
error-idempotency-in-progress-detail = A request with this Idempotency-Key is still running; retry in a moment.
error-idempotency-mismatch = This Idempotency-Key was used for another request
error-idempotency-mismatch-detail = Use a new Idempotency-Key for a different request.
error-required = This field is required.
error-too-long = This is too long.
error-invalid-email = This is not a valid email address.
error-control-characters = This contains characters that are not allowed.
error-invisible-characters = This contains invisible characters or characters that change the direction of the text (such as a zero-width space or a right-to-left mark): remove them.
error-invalid-slug = Only lowercase letters, digits and dashes.
error-invalid-choice = Choose one of the options offered.
error-invalid-country = Use the two-letter country code, e.g. BE, FR, CH, DE.
error-invalid-size = Enter a whole number, zero or more.
error-invalid-url = Enter a full address starting with https://
error-invalid-number = Enter a whole number within the allowed range.
error-invalid-value = This value has the wrong type.
error-status-change = This membership change is not allowed (a member cannot become a candidate again).
error-not-in-organisation = This person does not belong to the organisation.
error-password-too-short = The password needs at least 10 characters.
error-password-mismatch = The two passwords differ.
error-wrong-credentials = Email address or password incorrect.

# Emails
mail-greeting = Hello { $name },
mail-signature = The { $network } team, through intercoop
mail-login-subject = Your login link for { $network }
mail-login-body = Someone (hopefully you) asked to log in. Use the button below.
mail-login-action = Log in
mail-login-expiry = This link works once and expires in { $minutes } minutes.
mail-login-not-you = If you did not ask for it, you can ignore this email.
mail-invite-subject = You are invited to { $network }
mail-invite-body = { $inviter } invites you to { $network } on intercoop.
mail-invite-what = There, the member cooperatives decide together which software to develop, and share its cost.
mail-invite-action = Accept and log in
mail-invite-expiry = This link works once and stays valid { $days } days. Later, log in with your email address at any time.
mail-reset-subject = Choose a new password
mail-reset-body = Someone (hopefully you) asked to choose a new password. Use the button below.
mail-reset-action = Choose a new password
demo-role-admin = administrator (facilitator)
demo-role-core = core circle and representative of La Ruche Coop
demo-role-representative = representative of La Cagette du Nord
demo-role-member = member of La Ruche Coop
demo-role-provider = provider staff (Code Coop), in both networks

# Account security: current password, password changed, API tokens.
field-current-password = Current password
profile-current-password-hint = Needed to change the password you already have.
profile-tokens-link = My API tokens
error-wrong-password = This is not your current password.
mail-password-changed-subject = Your password was changed
mail-password-changed-body = The password of your account has just been changed.
mail-password-changed-sessions = For your safety, every other session of yours was logged out.
mail-password-changed-action = It was not me: choose a new password
mail-password-changed-not-you = If it was you, there is nothing to do. If it was not, choose a new password at once with the link above, and tell your network's facilitators.
tokens-title = My API tokens
tokens-intro = { $count ->
    [one] A token lets a program use the API in your name, in this network. It works for { $count } day after it is made, then expires; revoke the ones you no longer use.
   *[other] A token lets a program use the API in your name, in this network. It works for { $count } days after it is made, then expires; revoke the ones you no longer use.
}
tokens-empty = You have no API tokens in this network.
tokens-name = Name
tokens-created = Created
tokens-last-used = Last used
tokens-expires = Expires
tokens-never = never
tokens-revoke = Revoke
tokens-revoked = revoked
tokens-expired = expired
tokens-create-legend = New token
tokens-create = Make a token
tokens-created-once = Copy this token now: it is shown only once. It expires on { $date }.
tokens-revoked-notice = The token was revoked: it no longer opens the API.

## Audit log
audit-title = Audit log
audit-intro = Every change made in this network, newest first: who, when, and what. A change another network made to an organisation you share is listed here too.
audit-system = intercoop (automatic)
audit-changed = Changed:
audit-entity-organisation = organisation { $id }
audit-entity-proposal = proposal { $id }
audit-entity-poll = poll { $id }
audit-entity-person = person { $id }
audit-action-campaign-close = Co-funding campaign closed
audit-action-campaign-open = Co-funding campaign opened
audit-action-catch-up-create = Catch-up share for a late adopter
audit-action-notifications-unsubscribe = Emails turned off by a link
audit-action-organisation-create = Organisation added
audit-action-organisation-representative = Representative appointed
audit-action-organisation-update = Organisation changed
audit-action-organisation-update-shared = Shared organisation changed by another network
audit-action-person-create = Person added
audit-action-person-password-reset = Password reset
audit-action-person-profile = Profile changed
audit-action-pledge-create = Pledge made
audit-action-pledge-withdraw = Pledge withdrawn
audit-action-pledge-release = Pledge released (the organisation left)
audit-action-poll-ballot = Vote cast
audit-action-poll-ballot-recorded = Vote recorded at an assembly
audit-action-poll-close = Poll closed
audit-action-poll-create = Poll created
audit-action-poll-delegate = Vote delegated to a colleague
audit-action-poll-open = Poll opened
audit-action-poll-proxy = Proxy given to another organisation
audit-action-proposal-create = Proposal made
audit-action-proposal-priority = Priority set
audit-action-proposal-transition = Proposal moved on
audit-action-quote-create = Quote submitted
audit-action-quote-select = Quote selected
audit-count = { $count ->
    [0] Nothing recorded yet
    [one] One change recorded
   *[other] { $count } changes recorded
}
## Quotation marks around a person's words, as the language writes them
quote-open = { "“" }
quote-close = { "”" }
link-title = Log in
link-explain = This link logs you in as { $name }. It works once.
link-button = Log in
