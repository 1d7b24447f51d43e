# The logbook and the newsletter (issue 17, items 5 and 6).
logbook-title = Logbook
logbook-intro = What the network did and learnt, in articles by the facilitator and the core circle.
logbook-feed = Atom feed
logbook-new = Write an article
logbook-edit = Change the article
logbook-none = No article yet.
logbook-visibility-public = Public
logbook-visibility-members = Members only
logbook-public-page = Public page
logbook-field-title = Title
logbook-field-body = Text
logbook-field-body-hint = Markdown: **bold**, *italic*, [link](https://…), ![image description](https://…/picture.jpg), lists with -.
logbook-field-visibility = Who reads it
logbook-save = Save
logbook-sent = This article was sent to the newsletter's subscribers.
logbook-sent-issue = See the issue
logbook-send = Send as a newsletter issue
logbook-send-consequence = { $count ->
    [0] Nobody has confirmed a subscription yet: the issue will be archived, and no one will receive it.
    [one] One confirmed address will receive it now, in the network's language. This cannot be undone.
   *[other] { $count } confirmed addresses will receive it now, in the network's language. This cannot be undone.
}
logbook-send-confirm = Send it now
logbook-send-members-only = A members-only article cannot go to the newsletter: its subscribers are not all members.
error-logbook-too-long = The text is too long: at most 100 000 characters.
error-logbook-visibility = Choose who reads it: public or members only.
error-logbook-members-only = A members-only article cannot be sent to the newsletter's subscribers.
error-logbook-already-sent = This article was already sent as a newsletter issue.
newsletter-title = Newsletter
newsletter-intro = Issues go to every address that confirmed its subscription, in its language when the issue has a translation.
newsletter-confirmed = { $count ->
    [0] No confirmed subscriber
    [one] One confirmed subscriber
   *[other] { $count } confirmed subscribers
}
newsletter-pending = { $count ->
    [0] none waiting for confirmation
    [one] one waiting for confirmation
   *[other] { $count } waiting for confirmation
}
newsletter-subscribers = Subscribers
newsletter-no-subscribers = No one has subscribed yet.
newsletter-new = Write an issue
newsletter-public-page = Public page and archive
newsletter-issues = Issues
newsletter-none = No issue sent yet.
newsletter-sent-on = Sent on { $date }
newsletter-status-draft = Draft
newsletter-status-pending = Waiting for confirmation
newsletter-status-confirmed = Confirmed
newsletter-status-left = Unsubscribed
newsletter-bounced = mail to it fails: nothing more is sent
newsletter-col-email = Address
newsletter-col-status = Status
newsletter-col-since = Since
newsletter-field-subject = Subject
newsletter-field-body = Text
newsletter-field-language = Language
newsletter-preview = Preview
newsletter-archived = In the public archive
newsletter-translate = Add or change a translation
newsletter-translate-all = Every language has a text. Choosing one again replaces its text.
newsletter-translate-save = Save the translation
newsletter-send = Send to the subscribers
newsletter-send-consequence = { $count ->
    [0] Nobody has confirmed a subscription yet: the issue will be archived, and no one will receive it.
    [one] One confirmed address will receive it now, in its language. This cannot be undone.
   *[other] { $count } confirmed addresses will receive it now, each in its language. This cannot be undone.
}
newsletter-send-confirm = Send it now
newsletter-subscribe = Subscribe
newsletter-field-email = Your email address
newsletter-field-email-hint = We send one email with a link to confirm. Nothing else is sent before you follow it.
newsletter-asked = Thank you. Look in your mailbox: follow the link of our email to confirm your subscription.
newsletter-archive = Past issues
newsletter-confirm-title = Confirm your subscription
newsletter-confirm-ask = Receive the newsletter of { $network } at { $address }?
newsletter-confirm-button = Yes, subscribe
newsletter-confirm-done = Done: { $address } will receive the newsletter of { $network }. Each issue has a link to unsubscribe.
newsletter-confirm-already = { $address } already receives the newsletter of { $network }.
newsletter-unsubscribe-title = Unsubscribe
newsletter-unsubscribe-ask = Stop the newsletter of { $network } to { $address }?
newsletter-unsubscribe-button = Unsubscribe
newsletter-unsubscribe-done = Done: { $address } will receive nothing more from the newsletter of { $network }.
newsletter-unsubscribe-already = { $address } no longer receives the newsletter of { $network }.
newsletter-mail-confirm-subject = Confirm your subscription to the newsletter of { $network }
newsletter-mail-confirm-body = Someone, probably you, asked to receive the newsletter of { $network } at this address.
newsletter-mail-confirm-action = Confirm my subscription
newsletter-mail-confirm-not-you = If it was not you, do nothing: without confirmation, you will receive nothing.
newsletter-mail-footer-why = You receive this newsletter because you subscribed to it.
newsletter-mail-footer-archive = Read it online
newsletter-mail-footer-unsubscribe = Unsubscribe
mail-greeting-address = Hello,
notifications-kind-newsletter_confirmation = The confirmation of a newsletter subscription
notifications-kind-newsletter_issue = The newsletter
error-newsletter-too-long = The text is too long: at most 100 000 characters.
error-newsletter-language = Choose a language other than the issue's own.
error-newsletter-sent = This issue was sent already: it stays as it was sent.
newsletter-rate-limited = Too many subscriptions were asked for this address or from your connection. Wait an hour, then try again.
logbook-image-title = Add an image
logbook-image-intro = The image goes at the end of the text, where you can move it. Save your changes to the text first: adding an image reloads this page.
logbook-field-image = Image
logbook-field-image-hint = PNG, JPEG, GIF or WebP, at most { $size } MB. Whoever reads the article sees it.
logbook-field-image-alt = What the image shows
logbook-field-image-alt-hint = For people who cannot see it. For example: the assembly in the Zeta hall.
logbook-image-add = Add the image
error-logbook-image-required = Choose an image.
error-logbook-image-too-large = The image is larger than 5 MB. Make it smaller and choose it again.
error-logbook-image-type = This file is not a PNG, JPEG, GIF or WebP image. Choose another one.
logbook-private-feed-title = Your private logbook feed
logbook-private-feed-intro = A feed address for your feed reader, with the articles for members too. It is yours alone: whoever has it reads those articles.
logbook-private-feed-copy = Copy this address into your feed reader. It is shown only once.
logbook-private-feed-replace = You already have an address. A new one stops the old one.
logbook-private-feed-new = Make a new address
logbook-private-feed-stop-consequence = Stopping it makes the address answer nothing, at once.
logbook-private-feed-stop = Stop the feed
logbook-private-feed-stopped = The feed is stopped: its address no longer works.
logbook-private-feed-public = The public feed, without the articles for members:
