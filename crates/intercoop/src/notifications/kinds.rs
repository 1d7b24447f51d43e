//! The kinds of email intercoop sends, which of them are security messages, and the
//! modes a person may choose for each.

intercoop_domain::text_enum!(
    /// Every kind of email intercoop sends.
    Kind {
        LoginLink = "login_link",
        PasswordReset = "password_reset",
        PasswordChanged = "password_changed",
        Invitation = "invitation",
        ProposalPosted = "proposal_posted",
        CampaignOpened = "campaign_opened",
        CampaignFunded = "campaign_funded",
        CampaignLapsed = "campaign_lapsed",
        CampaignWithdrawn = "campaign_withdrawn",
        PaymentRequest = "payment_request",
        CatchUpCredit = "catch_up_credit",
        FeeRequest = "fee_request",
        ProvisionRequest = "provision_request",
        PaymentReminder = "payment_reminder",
        ShareDigest = "share_digest",
        PollOpened = "poll_opened",
        PollReminder = "poll_reminder",
        PollResult = "poll_result",
        MeetingInvitation = "meeting_invitation",
        MeetingUpdated = "meeting_updated",
        MeetingCancelled = "meeting_cancelled",
        MeetingReminder = "meeting_reminder",
        MeetingPlace = "meeting_place",
        MinutesPublished = "minutes_published",
        MandateEnding = "mandate_ending",
        CandidacyCall = "candidacy_call",
        RoundOpened = "round_opened",
        RoundReminder = "round_reminder",
        RoundResult = "round_result",
        ListMessage = "list_message",
        OpportunityPosted = "opportunity_posted",
        TeamFormed = "team_formed",
        SplitProposed = "split_proposed",
        OpportunityEnded = "opportunity_ended",
        NewsletterConfirmation = "newsletter_confirmation",
        NewsletterIssue = "newsletter_issue",
        Digest = "digest",
        ApplicationConfirm = "application_confirm",
        ApplicationReceived = "application_received",
        ApplicationAccepted = "application_accepted",
        ApplicationDeclined = "application_declined",
    }
);

intercoop_domain::text_enum!(
    /// How a person wants a kind of email: at once, gathered in the daily digest, never.
    Mode { Immediate = "immediate", Digest = "digest", Never = "never" }
);

impl Kind {
    /// Messages about access to an account: always sent at once, never turned off, no
    /// unsubscribe link (they answer the person's own request, open their account, or
    /// tell them of a change to it that they must be able to undo). An applicant's
    /// confirmation link and the decision on their application are sent the same way:
    /// they answer the applicant's own request, who belongs to no network yet and has
    /// no choices to make.
    pub fn is_security(self) -> bool {
        matches!(
            self,
            Kind::LoginLink
                | Kind::PasswordReset
                | Kind::PasswordChanged
                | Kind::Invitation
                | Kind::ApplicationConfirm
                | Kind::ApplicationAccepted
                | Kind::ApplicationDeclined
                | Kind::NewsletterConfirmation
        )
    }

    /// The kinds a person can choose for, in the order the settings page shows them.
    pub fn choosable() -> impl Iterator<Item = Kind> {
        Kind::ALL
            .iter()
            .copied()
            .filter(|k| !k.is_security() && !k.chosen_elsewhere())
    }

    /// Kinds whose choice is not made on the notifications page: the digest itself, a
    /// list's messages (each list's delivery is chosen on `/settings/lists`), and the
    /// newsletter (its subscribers are addresses, who leave by its own link).
    pub fn chosen_elsewhere(self) -> bool {
        matches!(self, Kind::Digest | Kind::ListMessage | Kind::NewsletterIssue)
    }

    /// The modes a person may choose for this kind (the share digest is already daily).
    pub fn modes(self) -> &'static [Mode] {
        match self {
            Kind::ShareDigest => &[Mode::Immediate, Mode::Never],
            _ => &[Mode::Immediate, Mode::Digest, Mode::Never],
        }
    }
}
