//! The notification service: every email intercoop sends goes through here.
//!
//! A feature says **what happened** ([`notify`]: a [`Notice`] of a [`Kind`], about one of
//! its rows, with the facts its message shows), in the transaction of the change. When
//! the notice is sent (the job [`SEND`], a moment later), this module decides:
//! - **who**: the kind's audience, registered by the feature that owns it (e.g.
//!   `polls::notifications`: who gets "poll opened") and asked *at sending time*, so a
//!   representative replaced meanwhile is not written to, and the new one is;
//! - **in which language**: the person's, else the network's ([`language_of`]);
//! - **how**: each person's preference for the kind in that network ([`Mode`]: at once,
//!   in the daily digest, never — see `preferences`); security messages (login links,
//!   password resets, invitations) always go at once and cannot be turned off;
//! - **what it says**: the kind's templates, `templates/notifications/<kind>/subject.txt`,
//!   `body.txt` and `body.html`, filled in the person's language (see `render`);
//! - **how to stop it**: every message but security ones carries `List-Unsubscribe` and
//!   `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 2369, RFC 8058), a link
//!   that turns that kind off for that network without logging in.
//!
//! The outbox (`crate::mail`) then delivers the rendered message, once.

pub mod addresses;
pub mod attachments;
pub mod digest;
pub mod preferences;
pub mod readable;
pub mod recipients;
pub mod render;

use crate::db::types::Text;
use crate::entities::{network, outbox_message, person, unsubscribe_token};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::jobs::{BoxFuture, Ctx, JobError, NewJob, Registry, handler};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use time::OffsetDateTime;

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

/// A fact a message shows, formatted for each reader (their language, the network's
/// currency and time zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Var {
    Text(String),
    Num(i64),
    /// Cents, in the network's currency.
    Money(i64),
    /// A day, in the network's time zone.
    Date(#[serde(with = "time::serde::rfc3339")] OffsetDateTime),
    /// A day and time, in the network's time zone.
    DateTime(#[serde(with = "time::serde::rfc3339")] OffsetDateTime),
    /// A path of the site (`/polls/3`), made absolute.
    Path(String),
    /// A Fluent message id, translated for the reader.
    Message(String),
}

/// The facts of a message, by name (the Fluent arguments of its messages).
pub type Vars = BTreeMap<String, Var>;

/// One line of a list in a message (a share change in the digest): a Fluent message id
/// and its own facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub message: String,
    pub vars: Vars,
}

/// Who a message is for, with what only they see (their organisation's share, their
/// lines of the digest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    pub person_id: i64,
    #[serde(default)]
    pub vars: Vars,
    #[serde(default)]
    pub lines: Vec<Line>,
    /// The language to write in when the person has none of their own (the page's, for
    /// a login link asked from it); else the network's.
    #[serde(skip)]
    pub fallback_lang: Option<Lang>,
}

impl Addressee {
    pub fn new(person_id: i64) -> Addressee {
        Addressee {
            person_id,
            vars: Vars::new(),
            lines: Vec::new(),
            fallback_lang: None,
        }
    }
}

/// What happened, to tell: its kind, the network, the row it is about (the audience
/// reads it at sending time), the facts every reader sees, and — for messages whose
/// readers are known at once (security messages, a digest made now) — the addressees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: Kind,
    pub network_id: i64,
    pub about: Option<i64>,
    pub vars: Vars,
    pub to: Option<Vec<Addressee>>,
    /// An iCalendar object sent with each message (a meeting's invitation, update or
    /// cancellation: `METHOD:REQUEST` or `METHOD:CANCEL`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// A list message: its list (the unsubscribe link leaves that list) and the headers
    /// each copy carries (`List-Id`, threading…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<ListMail>,
    /// Files sent with each message sent at once, made at sending time in the reader's
    /// language ([`attachments`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attach: Vec<attachments::Attach>,
}

/// What makes a notice a list message's copy: the list and the headers of the copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListMail {
    pub list_id: i64,
    pub headers: crate::mail::ListHeaders,
}

impl Notice {
    pub fn new(kind: Kind, network_id: i64) -> Notice {
        Notice {
            kind,
            network_id,
            about: None,
            vars: Vars::new(),
            to: None,
            calendar: None,
            list: None,
            attach: Vec::new(),
        }
    }

    /// Sends a file with each message ([`attachments::Attach`]).
    pub fn attach(mut self, file: attachments::Attach) -> Notice {
        self.attach.push(file);
        self
    }

    /// Sends an iCalendar object with each message.
    pub fn calendar(mut self, ics: String) -> Notice {
        self.calendar = Some(ics);
        self
    }

    /// The row the notice is about (a poll, a campaign, a payment request…).
    pub fn about(mut self, id: i64) -> Notice {
        self.about = Some(id);
        self
    }

    pub fn var(mut self, name: &str, value: Var) -> Notice {
        self.vars.insert(name.to_string(), value);
        self
    }

    pub fn text(self, name: &str, value: impl Into<String>) -> Notice {
        self.var(name, Var::Text(value.into()))
    }

    /// Where the message leads (its button; the digest's link).
    pub fn link(self, path: impl Into<String>) -> Notice {
        self.var("url", Var::Path(path.into()))
    }

    /// Makes it a list message's copy (see [`ListMail`]).
    pub fn with_list(mut self, list: ListMail) -> Notice {
        self.list = Some(list);
        self
    }

    pub fn to(mut self, addressees: Vec<Addressee>) -> Notice {
        self.to = Some(addressees);
        self
    }
}

/// A notice held for a person's daily digest, with what only they see (their vars and
/// lines); `named`: its addressees were named when it was made (no audience to ask again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldNotice {
    pub notice: Notice,
    pub addressee: Addressee,
    pub named: bool,
}

/// An audience: who gets a kind of notice, read at sending time.
pub type Audience =
    Arc<dyn for<'a> Fn(&'a DatabaseTransaction, &'a Notice) -> BoxFuture<'a, AppResult<Vec<Addressee>>> + Send + Sync>;

/// Makes an [`Audience`] of a function or closure.
pub fn audience<F>(f: F) -> Audience
where
    F: for<'a> Fn(&'a DatabaseTransaction, &'a Notice) -> BoxFuture<'a, AppResult<Vec<Addressee>>>
        + Send
        + Sync
        + 'static,
{
    Arc::new(f)
}

/// What a feature tells each day at the digest hour (17:00 in the network's time zone):
/// given the network, the notices to send then, each with its addressees (`to`). The
/// daily digest job makes them first, so that a person who gets a digest that day gets
/// them inside it, in one email, and the others get them on their own.
pub type DailySource = for<'a> fn(&'a DatabaseTransaction, i64) -> BoxFuture<'a, AppResult<Vec<Notice>>>;

/// The audiences of the kinds of notice, and the daily sources, registered by the
/// features that own them (assembled in `crate::app`).
#[derive(Clone, Default)]
pub struct Audiences {
    by_kind: BTreeMap<Kind, Audience>,
    by_address: BTreeMap<Kind, addresses::AddressAudience>,
    daily: Vec<DailySource>,
}

impl Audiences {
    pub fn new() -> Audiences {
        Audiences::default()
    }

    /// Registers who gets `kind` (a kind registered twice is a bug: it panics).
    pub fn with(mut self, kind: Kind, a: Audience) -> Audiences {
        assert!(self.by_kind.insert(kind, a).is_none(), "two audiences for {kind}");
        self
    }

    /// Registers who gets `kind` when its readers are addresses, not people
    /// ([`addresses`]; a kind registered twice, or also for people, is a bug: it panics).
    pub fn with_addresses(mut self, kind: Kind, a: addresses::AddressAudience) -> Audiences {
        assert!(!self.by_kind.contains_key(&kind), "two audiences for {kind}");
        assert!(self.by_address.insert(kind, a).is_none(), "two audiences for {kind}");
        self
    }

    /// Registers notices made each day at the digest hour ([`DailySource`]).
    pub fn daily(mut self, source: DailySource) -> Audiences {
        self.daily.push(source);
        self
    }

    /// The kinds that have an audience (of people or of addresses).
    pub fn kinds(&self) -> impl Iterator<Item = &Kind> {
        self.by_kind.keys().chain(self.by_address.keys())
    }
}

/// The settings page and API (each person their own), and the unsubscribe links (the
/// link's token is the authority: no login).
pub fn routes<S>() -> crate::web::route_table::Routes<S>
where
    S: Clone + Send + Sync + 'static,
    crate::state::AppState: axum::extract::FromRef<S>,
{
    use crate::access::Access::{Person, Public};
    crate::web::route_table::Routes::new()
        .get("/settings/notifications", Person, preferences::settings_form)
        .post("/settings/notifications", Person, preferences::save_settings)
        .get("/unsubscribe/{token}", Public, preferences::unsubscribe_form)
        .post("/unsubscribe/{token}", Public, preferences::unsubscribe)
        .get("/api/v1/me/notifications", Person, preferences::api_settings)
        .put("/api/v1/me/notifications", Person, preferences::api_save_settings)
}

/// The OpenAPI paths of the notification settings.
#[derive(utoipa::OpenApi)]
#[openapi(
    paths(preferences::api_settings, preferences::api_save_settings),
    components(schemas(preferences::SettingOut))
)]
pub struct ApiDoc;

/// The job that sends a notice.
pub const SEND: &str = "notifications.send";

/// Enqueues a notice, in the transaction of the change it tells. With `once`, a notice
/// with the same key is never sent twice (`campaign_opened:12`).
pub async fn notify<C: ConnectionTrait>(conn: &C, notice: Notice, once: Option<String>) -> AppResult<()> {
    if crate::mail::is_discarding() {
        return Ok(());
    }
    let mut job = NewJob::new(SEND, &notice).network(notice.network_id);
    if let Some(key) = once {
        job = job.unique(key);
    }
    crate::jobs::enqueue(conn, job).await?;
    Ok(())
}

/// Registers the jobs of the service: sending notices (with the audiences) and each
/// network's daily digest at 17:00 in its time zone.
pub fn register(r: Registry, audiences: Audiences) -> Registry {
    let audiences = Arc::new(audiences);
    let for_send = audiences.clone();
    let r = r.with(
        SEND,
        handler(move |ctx, txn| {
            let audiences = for_send.clone();
            Box::pin(async move { send(ctx, txn, &audiences).await })
        }),
    );
    digest::register(r, audiences)
}

async fn send(ctx: &Ctx, txn: &DatabaseTransaction, audiences: &Audiences) -> Result<(), JobError> {
    let notice: Notice = ctx.payload()?;
    if let Some(a) = audiences.by_address.get(&notice.kind) {
        let base_url = &ctx.state.config.base_url;
        let to = a(txn, &notice, base_url).await?;
        addresses::deliver(txn, base_url, &notice, to).await?;
        return Ok(());
    }
    let to = match &notice.to {
        Some(to) => to.clone(),
        None => {
            let a = audiences
                .by_kind
                .get(&notice.kind)
                .ok_or_else(|| JobError::Fail(format!("no audience for notices of kind {}", notice.kind)))?;
            a(txn, &notice).await?
        }
    };
    let everyone = to.len();
    let delivery = deliver(txn, &ctx.state.config.base_url, &notice, to).await?;
    if delivery.held_back.is_empty() {
        return Ok(());
    }
    let why = delivery.reasons();
    if delivery.held_back.len() == everyone {
        // Nobody else to tell: this job is the one that waits for the row to be fixed.
        return Err(JobError::Retry(format!("unreadable stored values: {why}")));
    }
    // The others are told now; those held back get a notice of their own, whose job
    // fails with the reason until the row is fixed (the jobs page shows it).
    tracing::error!(kind = %notice.kind, network = notice.network_id, %why, "people held back from a notice");
    let retry = Notice {
        to: Some(delivery.held_back.into_iter().map(|(a, _)| a).collect()),
        ..notice
    };
    crate::jobs::enqueue(txn, NewJob::new(SEND, &retry).network(retry.network_id)).await?;
    Ok(())
}

/// Sends a notice to given addressees now, in the caller's transaction (a security
/// message the person waits for; a digest made now). Returns how many emails.
///
/// Errors: the database's, or an addressee's unreadable stored value (named).
pub async fn send_now<C: ConnectionTrait>(conn: &C, base_url: &str, notice: Notice) -> AppResult<usize> {
    let to = notice.to.clone().unwrap_or_default();
    let delivery = deliver(conn, base_url, &notice, to).await?;
    if !delivery.held_back.is_empty() {
        return Err(AppError::Db(sea_orm::DbErr::Type(delivery.reasons())));
    }
    Ok(delivery.sent)
}

/// What a delivery did: how many emails it wrote, and the addressees it held back
/// because a stored value of theirs is unreadable (with the reason).
struct Delivery {
    sent: usize,
    held_back: Vec<(Addressee, String)>,
}

impl Delivery {
    /// The reasons, one per person held back.
    fn reasons(&self) -> String {
        self.held_back
            .iter()
            .map(|(a, why)| format!("person {}: {why}", a.person_id))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Keeps a notice for each addressee's next daily digest (a list message for those who
/// chose the digest for that list), whatever their choice for the kind.
pub async fn hold_for_digest<C: ConnectionTrait>(conn: &C, notice: &Notice, to: &[Addressee]) -> AppResult<()> {
    if crate::mail::is_discarding() {
        return Ok(());
    }
    let named = Notice {
        to: Some(to.to_vec()),
        ..notice.clone()
    };
    for a in to {
        digest::hold(conn, &named, a).await?;
    }
    Ok(())
}

/// The language of a person's messages: theirs, else the network's.
pub fn language_of(person: &person::Model, network: &network::Model) -> Lang {
    person.language.map_or(network.default_language.0, |l| l.0)
}

/// Delivers a notice to each addressee according to their preference: an outbox row
/// (with its unsubscribe link), a held notice for the digest, or nothing. Disabled
/// people and unknown ones are left out; a person is written to once. A person whose
/// row or choice is unreadable is held back, not given a default (`readable`).
async fn deliver<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    notice: &Notice,
    to: Vec<Addressee>,
) -> AppResult<Delivery> {
    let mut delivery = Delivery {
        sent: 0,
        held_back: Vec::new(),
    };
    if to.is_empty() || crate::mail::is_discarding() {
        return Ok(delivery);
    }
    let network = network::Entity::find_by_id(notice.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let ids: Vec<i64> = to.iter().map(|a| a.person_id).collect();
    let (people, mut held) = readable::people(conn, &ids).await?;
    // Security messages, digests and list messages go whatever the person chose here:
    // their choice is not read (a list's delivery is chosen per list, before this).
    let chooses = !(notice.kind.is_security() || notice.kind.chosen_elsewhere());
    let modes = if chooses {
        let (modes, unreadable) = preferences::modes_of(conn, notice.network_id, &ids, notice.kind).await?;
        held.extend(unreadable);
        modes
    } else {
        BTreeMap::new()
    };
    let mut seen = std::collections::BTreeSet::new();
    for a in to {
        if !seen.insert(a.person_id) {
            continue;
        }
        if let Some(why) = held.remove(&a.person_id) {
            delivery.held_back.push((a, why));
            continue;
        }
        let Some(p) = people.get(&a.person_id) else {
            continue;
        };
        let mode = modes.get(&p.id).copied().unwrap_or(Mode::Immediate);
        let lang = match (p.language, a.fallback_lang) {
            (None, Some(l)) => l,
            _ => language_of(p, &network),
        };
        let unsubscribe = match (mode, notice.kind.is_security()) {
            (Mode::Immediate, false) => Some(
                unsubscribe_link(
                    conn,
                    base_url,
                    p.id,
                    network.id,
                    notice.kind,
                    notice.list.as_ref().map(|l| l.list_id),
                )
                .await?,
            ),
            _ => None,
        };
        let message = render::Message::new(base_url, lang, p, &network, notice, &a, unsubscribe.clone());
        match mode {
            Mode::Never => {}
            Mode::Digest => digest::hold(conn, notice, &a).await?,
            Mode::Immediate => {
                let (subject, text, html) = message.render()?;
                let extra = Extra {
                    calendar: notice.calendar.clone(),
                    list_headers: notice.list.as_ref().map(|l| l.headers.clone()),
                };
                let files = attachments::make(conn, &network, &notice.attach, lang).await?;
                let outbox_id = enqueue(
                    conn,
                    p,
                    &network,
                    notice.kind,
                    lang,
                    (subject, text, html),
                    unsubscribe,
                    extra,
                )
                .await?;
                attachments::store(conn, outbox_id, &files).await?;
                delivery.sent += 1;
            }
        }
    }
    Ok(delivery)
}

/// A new one-click unsubscribe link for a person, network and kind, or list (stored
/// hashed).
async fn unsubscribe_link<C: ConnectionTrait>(
    conn: &C,
    base_url: &str,
    person_id: i64,
    network_id: i64,
    kind: Kind,
    list_id: Option<i64>,
) -> AppResult<String> {
    let token = crate::auth::tokens::new_token("u_");
    unsubscribe_token::ActiveModel {
        token_hash: Set(crate::auth::tokens::hash_token(&token)),
        person_id: Set(person_id),
        network_id: Set(network_id),
        kind: Set(kind.into()),
        created_at: Set(crate::clock::now()),
        used_at: Set(None),
        list_id: Set(list_id),
    }
    .insert(conn)
    .await?;
    Ok(format!("{base_url}/unsubscribe/{token}"))
}

/// What a copy carries beside its bodies: an invitation's calendar, a list message's
/// headers.
struct Extra {
    calendar: Option<String>,
    list_headers: Option<crate::mail::ListHeaders>,
}

/// Writes a rendered message into the outbox; returns its id.
#[allow(clippy::too_many_arguments)]
async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    p: &person::Model,
    network: &network::Model,
    kind: Kind,
    lang: Lang,
    (subject, text, html): (String, String, String),
    unsubscribe: Option<String>,
    extra: Extra,
) -> AppResult<i64> {
    let now = crate::clock::now();
    let row = outbox_message::ActiveModel {
        network_id: Set(Some(network.id)),
        person_id: Set(Some(p.id)),
        to_address: Set(p.email.clone()),
        to_name: Set(p.name.clone()),
        subject: Set(subject),
        text_body: Set(text),
        html_body: Set(html),
        language: Set(Text(lang)),
        kind: Set(Text(kind)),
        status: Set(crate::mail::worker::OutboxStatus::Pending.into()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        unsubscribe_url: Set(unsubscribe),
        calendar: Set(extra.calendar),
        list_headers: Set(extra
            .list_headers
            .map(|h| serde_json::to_string(&h))
            .transpose()
            .map_err(anyhow::Error::from)?),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(row.id)
}
