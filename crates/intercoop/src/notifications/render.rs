//! A notice rendered for one reader: the kind's templates
//! (`templates/notifications/<kind>/subject.txt`, `body.txt`, `body.html`, the bodies
//! extending `notifications/layout.txt` and `layout.html`) filled with the notice's facts
//! in the reader's language, the network's currency and time zone.

use super::{Addressee, Kind, Line, Notice, Var, Vars};
use crate::entities::{network, person};
use crate::error::{AppError, AppResult};
use crate::i18n::{Arg, Lang};
use askama::Template;
use intercoop_domain::Money;

/// What a template sees.
pub struct Message {
    base_url: String,
    pub lang: Lang,
    /// The reader's name.
    pub name: String,
    /// The network's name.
    pub network: String,
    time_zone: String,
    currency: String,
    network_slug: String,
    pub kind: Kind,
    vars: Vars,
    lines: Vec<Line>,
    /// The one-click unsubscribe link (none for security messages).
    pub unsubscribe_url: Option<String>,
    /// The person written to (none: an address recipient, see `super::addresses`).
    pub person_id: Option<i64>,
    pub network_id: i64,
}

impl Message {
    pub fn new(
        base_url: &str,
        lang: Lang,
        p: &person::Model,
        n: &network::Model,
        notice: &Notice,
        a: &Addressee,
        unsubscribe_url: Option<String>,
    ) -> Message {
        let mut vars = notice.vars.clone();
        vars.extend(a.vars.iter().map(|(k, v)| (k.clone(), v.clone())));
        vars.entry("network".into())
            .or_insert_with(|| Var::Text(n.name.clone()));
        Message {
            base_url: base_url.to_string(),
            lang,
            name: p.name.clone(),
            network: n.name.clone(),
            time_zone: n.time_zone.clone(),
            currency: n.currency.clone(),
            network_slug: n.slug.clone(),
            kind: notice.kind,
            vars,
            lines: a.lines.clone(),
            unsubscribe_url,
            person_id: Some(p.id),
            network_id: n.id,
        }
    }

    /// A message to an address that is no person (a newsletter's subscriber): no name
    /// to greet, the facts of the notice and the recipient's own.
    pub fn for_address(
        base_url: &str,
        lang: Lang,
        n: &network::Model,
        notice: &Notice,
        own: &Vars,
        unsubscribe_url: Option<String>,
    ) -> Message {
        let mut vars = notice.vars.clone();
        vars.extend(own.iter().map(|(k, v)| (k.clone(), v.clone())));
        vars.entry("network".into())
            .or_insert_with(|| Var::Text(n.name.clone()));
        Message {
            base_url: base_url.to_string(),
            lang,
            name: String::new(),
            network: n.name.clone(),
            time_zone: n.time_zone.clone(),
            currency: n.currency.clone(),
            network_slug: n.slug.clone(),
            kind: notice.kind,
            vars,
            lines: Vec::new(),
            unsubscribe_url,
            person_id: None,
            network_id: n.id,
        }
    }

    fn arg(&self, v: &Var) -> Arg {
        match v {
            Var::Text(s) => Arg::Str(s.clone()),
            Var::Num(n) => Arg::Num(*n),
            Var::Money(cents) => Arg::Str(Money::from_cents(*cents).format(self.lang.code(), &self.currency)),
            Var::Date(at) => Arg::Str(crate::web::format::date(at, &self.time_zone, self.lang)),
            Var::DateTime(at) => Arg::Str(crate::web::format::datetime(at, &self.time_zone, self.lang)),
            Var::Path(path) => Arg::Str(format!("{}{path}", self.base_url)),
            Var::Message(id) => Arg::Str(self.lang.t(id)),
        }
    }

    fn args(&self, vars: &Vars) -> Vec<(String, Arg)> {
        vars.iter().map(|(k, v)| (k.clone(), self.arg(v))).collect()
    }

    /// A message of the reader's language, with every fact of the notice as argument.
    pub fn t(&self, id: &str) -> String {
        self.lang.t_named(id, &self.args(&self.vars))
    }

    /// A fact, formatted (an absolute URL for a path).
    pub fn get(&self, name: &str) -> String {
        match self.vars.get(name) {
            Some(v) => match self.arg(v) {
                Arg::Str(s) => s,
                Arg::Num(n) => n.to_string(),
            },
            None => String::new(),
        }
    }

    /// Where the message leads (its `url` fact), absolute.
    pub fn url(&self) -> String {
        self.get("url")
    }

    /// The lines of a list (the digest's share changes), each in the reader's language.
    pub fn lines(&self) -> Vec<String> {
        self.lines
            .iter()
            .map(|l| {
                let mut args = self.args(&self.vars);
                args.extend(self.args(&l.vars));
                self.lang.t_named(&l.message, &args)
            })
            .collect()
    }

    pub fn greeting(&self) -> String {
        if self.person_id.is_none() {
            // An address, not a person: no name to greet.
            return self.lang.t("mail-greeting-address");
        }
        self.lang
            .t_args("mail-greeting", &[("name", Arg::Str(self.name.clone()))])
    }

    pub fn signature(&self) -> String {
        self.lang
            .t_args("mail-signature", &[("network", Arg::Str(self.network.clone()))])
    }

    /// The page where the reader chooses which emails they get from this network (named
    /// in the link: a person in two networks chooses for the one that wrote).
    pub fn settings_url(&self) -> String {
        format!("{}/settings/notifications?network={}", self.base_url, self.network_slug)
    }

    /// The reader's language code (for `<html lang>`).
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// The subject alone (a notice held for the digest keeps it).
    pub fn subject(&self) -> AppResult<String> {
        Ok(self.render()?.0)
    }

    /// Subject, text body and HTML body.
    pub fn render(&self) -> AppResult<(String, String, String)> {
        let r = |e: askama::Error| AppError::Internal(anyhow::anyhow!("{} email template: {e}", self.kind));
        macro_rules! kinds {
            ($($kind:ident => $module:ident),+ $(,)?) => {
                match self.kind {
                    $(Kind::$kind => (
                        $module::Subject { m: self }.render().map_err(r)?,
                        $module::Text { m: self }.render().map_err(r)?,
                        $module::Html { m: self }.render().map_err(r)?,
                    ),)+
                }
            };
        }
        let (subject, text, html) = kinds!(
            LoginLink => login_link,
            PasswordReset => password_reset,
            PasswordChanged => password_changed,
            Invitation => invitation,
            ProposalPosted => proposal_posted,
            CampaignOpened => campaign_opened,
            CampaignFunded => campaign_funded,
            CampaignLapsed => campaign_lapsed,
            CampaignWithdrawn => campaign_withdrawn,
            PaymentRequest => payment_request,
            CatchUpCredit => catch_up_credit,
            FeeRequest => fee_request,
            ProvisionRequest => provision_request,
            PaymentReminder => payment_reminder,
            ShareDigest => share_digest,
            PollOpened => poll_opened,
            PollReminder => poll_reminder,
            PollResult => poll_result,
            MeetingInvitation => meeting_invitation,
            MeetingUpdated => meeting_updated,
            MeetingCancelled => meeting_cancelled,
            MeetingReminder => meeting_reminder,
            MeetingPlace => meeting_place,
            MinutesPublished => minutes_published,
            MandateEnding => mandate_ending,
            CandidacyCall => candidacy_call,
            RoundOpened => round_opened,
            RoundReminder => round_reminder,
            RoundResult => round_result,
            ListMessage => list_message,
            OpportunityPosted => opportunity_posted,
            TeamFormed => team_formed,
            SplitProposed => split_proposed,
            OpportunityEnded => opportunity_ended,
            NewsletterConfirmation => newsletter_confirmation,
            NewsletterIssue => newsletter_issue,
            Digest => digest,
            ApplicationConfirm => application_confirm,
            ApplicationReceived => application_received,
            ApplicationAccepted => application_accepted,
            ApplicationDeclined => application_declined,
        );
        // A subject is one line.
        let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
        Ok((subject, text, html))
    }
}

/// The three templates of a kind, in `templates/notifications/<dir>/`.
macro_rules! templates {
    ($($module:ident => $subject:literal, $text:literal, $html:literal;)+) => {$(
        mod $module {
            use super::Message;

            #[derive(askama::Template)]
            #[template(path = $subject, escape = "none")]
            pub struct Subject<'a> {
                pub m: &'a Message,
            }

            #[derive(askama::Template)]
            #[template(path = $text, escape = "none")]
            pub struct Text<'a> {
                pub m: &'a Message,
            }

            #[derive(askama::Template)]
            #[template(path = $html)]
            pub struct Html<'a> {
                pub m: &'a Message,
            }
        }
    )+};
}

templates! {
    login_link => "notifications/login_link/subject.txt", "notifications/login_link/body.txt", "notifications/login_link/body.html";
    password_reset => "notifications/password_reset/subject.txt", "notifications/password_reset/body.txt", "notifications/password_reset/body.html";
    password_changed => "notifications/password_changed/subject.txt", "notifications/password_changed/body.txt", "notifications/password_changed/body.html";
    invitation => "notifications/invitation/subject.txt", "notifications/invitation/body.txt", "notifications/invitation/body.html";
    proposal_posted => "notifications/proposal_posted/subject.txt", "notifications/proposal_posted/body.txt", "notifications/proposal_posted/body.html";
    campaign_opened => "notifications/campaign_opened/subject.txt", "notifications/campaign_opened/body.txt", "notifications/campaign_opened/body.html";
    campaign_funded => "notifications/campaign_funded/subject.txt", "notifications/campaign_funded/body.txt", "notifications/campaign_funded/body.html";
    campaign_lapsed => "notifications/campaign_lapsed/subject.txt", "notifications/campaign_lapsed/body.txt", "notifications/campaign_lapsed/body.html";
    campaign_withdrawn => "notifications/campaign_withdrawn/subject.txt", "notifications/campaign_withdrawn/body.txt", "notifications/campaign_withdrawn/body.html";
    payment_request => "notifications/payment_request/subject.txt", "notifications/payment_request/body.txt", "notifications/payment_request/body.html";
    catch_up_credit => "notifications/catch_up_credit/subject.txt", "notifications/catch_up_credit/body.txt", "notifications/catch_up_credit/body.html";
    fee_request => "notifications/fee_request/subject.txt", "notifications/fee_request/body.txt", "notifications/fee_request/body.html";
    provision_request => "notifications/provision_request/subject.txt", "notifications/provision_request/body.txt", "notifications/provision_request/body.html";
    payment_reminder => "notifications/payment_reminder/subject.txt", "notifications/payment_reminder/body.txt", "notifications/payment_reminder/body.html";
    share_digest => "notifications/share_digest/subject.txt", "notifications/share_digest/body.txt", "notifications/share_digest/body.html";
    poll_opened => "notifications/poll_opened/subject.txt", "notifications/poll_opened/body.txt", "notifications/poll_opened/body.html";
    poll_reminder => "notifications/poll_reminder/subject.txt", "notifications/poll_reminder/body.txt", "notifications/poll_reminder/body.html";
    poll_result => "notifications/poll_result/subject.txt", "notifications/poll_result/body.txt", "notifications/poll_result/body.html";
    meeting_invitation => "notifications/meeting_invitation/subject.txt", "notifications/meeting_invitation/body.txt", "notifications/meeting_invitation/body.html";
    meeting_updated => "notifications/meeting_updated/subject.txt", "notifications/meeting_updated/body.txt", "notifications/meeting_updated/body.html";
    meeting_cancelled => "notifications/meeting_cancelled/subject.txt", "notifications/meeting_cancelled/body.txt", "notifications/meeting_cancelled/body.html";
    meeting_reminder => "notifications/meeting_reminder/subject.txt", "notifications/meeting_reminder/body.txt", "notifications/meeting_reminder/body.html";
    meeting_place => "notifications/meeting_place/subject.txt", "notifications/meeting_place/body.txt", "notifications/meeting_place/body.html";
    minutes_published => "notifications/minutes_published/subject.txt", "notifications/minutes_published/body.txt", "notifications/minutes_published/body.html";
    round_opened => "notifications/round_opened/subject.txt", "notifications/round_opened/body.txt", "notifications/round_opened/body.html";
    round_reminder => "notifications/round_reminder/subject.txt", "notifications/round_reminder/body.txt", "notifications/round_reminder/body.html";
    round_result => "notifications/round_result/subject.txt", "notifications/round_result/body.txt", "notifications/round_result/body.html";
    mandate_ending => "notifications/mandate_ending/subject.txt", "notifications/mandate_ending/body.txt", "notifications/mandate_ending/body.html";
    candidacy_call => "notifications/candidacy_call/subject.txt", "notifications/candidacy_call/body.txt", "notifications/candidacy_call/body.html";
    list_message => "notifications/list_message/subject.txt", "notifications/list_message/body.txt", "notifications/list_message/body.html";
    opportunity_posted => "notifications/opportunity_posted/subject.txt", "notifications/opportunity_posted/body.txt", "notifications/opportunity_posted/body.html";
    opportunity_ended => "notifications/opportunity_ended/subject.txt", "notifications/opportunity_ended/body.txt", "notifications/opportunity_ended/body.html";
    team_formed => "notifications/team_formed/subject.txt", "notifications/team_formed/body.txt", "notifications/team_formed/body.html";
    split_proposed => "notifications/split_proposed/subject.txt", "notifications/split_proposed/body.txt", "notifications/split_proposed/body.html";
    newsletter_confirmation => "notifications/newsletter_confirmation/subject.txt", "notifications/newsletter_confirmation/body.txt", "notifications/newsletter_confirmation/body.html";
    newsletter_issue => "notifications/newsletter_issue/subject.txt", "notifications/newsletter_issue/body.txt", "notifications/newsletter_issue/body.html";
    digest => "notifications/digest/subject.txt", "notifications/digest/body.txt", "notifications/digest/body.html";
    application_confirm => "notifications/application_confirm/subject.txt", "notifications/application_confirm/body.txt", "notifications/application_confirm/body.html";
    application_received => "notifications/application_received/subject.txt", "notifications/application_received/body.txt", "notifications/application_received/body.html";
    application_accepted => "notifications/application_accepted/subject.txt", "notifications/application_accepted/body.txt", "notifications/application_accepted/body.html";
    application_declined => "notifications/application_declined/subject.txt", "notifications/application_declined/body.txt", "notifications/application_declined/body.html";
}
