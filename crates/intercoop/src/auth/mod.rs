//! Accounts and access: sessions, magic links, API tokens, and the current user.

pub mod cache;
pub mod feed_tokens;
pub mod password;
pub mod rate_limit;
pub mod tokens;

use crate::db::types::Text;
use crate::db::{self, Db};
use crate::entities::{api_token, login_token, network, network_person, person, session};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::state::AppState;
use intercoop_domain::organisation::{Level, MembershipStatus, OrgKind};
use intercoop_domain::{Role, RoleSet};
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

pub const SESSION_COOKIE: &str = "ic_session";
/// How long an API token works after its creation, in days (then it expires; a person
/// makes a new one from `/profile/tokens` or `intercoop token create`).
/// How many days an API token works by default (`--api-token-days`).
pub const API_TOKEN_DAYS: u32 = 90;
pub const LOGIN_LINK_MINUTES: i64 = 30;
pub const INVITE_DAYS: i64 = 14;

/// The network a request acts in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, sea_orm::FromQueryResult)]
pub struct NetworkInfo {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub default_language: Text<Lang>,
    pub time_zone: String,
    pub currency: String,
}

/// An organisation of the current person in the current network, whatever its
/// membership (a person of a former member still sees the network).
#[derive(Debug, Clone, PartialEq, Eq, sea_orm::FromQueryResult)]
pub struct MyOrganisation {
    pub id: i64,
    pub name: String,
    pub kind: Text<OrgKind>,
    pub status: Text<MembershipStatus>,
    pub level: Text<Level>,
    /// The person is its sitting representative (whatever its membership: see
    /// [`CurrentUser::represents`] for the right to speak for it).
    pub is_representative: bool,
}

impl MyOrganisation {
    /// Whether the organisation is a member of the network (not a candidate, not a
    /// former member): only then does it give its people roles and rights.
    pub fn is_member(&self) -> bool {
        self.status == MembershipStatus::Member
    }
}

/// Who is asking, in which network, with which roles.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub person_id: i64,
    pub name: String,
    pub email: String,
    pub language: Option<Lang>,
    pub has_password: bool,
    pub network: NetworkInfo,
    pub roles: RoleSet,
    pub organisations: Vec<MyOrganisation>,
    /// Every network the person belongs to (the switcher shows when there are two).
    pub networks: Vec<NetworkInfo>,
    /// Until when the cache may serve this without asking the database again: the end
    /// of the session or API token it was loaded for (idle or absolute limit, expiry),
    /// or sooner, when its last use is due to be written down. Never past its end.
    pub valid_until: Option<OffsetDateTime>,
}

impl CurrentUser {
    /// The person's organisations that are members of the network: the ones they act
    /// for (a candidate's or a former member's people speak for nobody).
    pub fn member_organisations(&self) -> impl Iterator<Item = &MyOrganisation> {
        self.organisations.iter().filter(|o| o.is_member())
    }
}

#[derive(sea_orm::FromQueryResult)]
struct RepRow {
    organisation_id: i64,
}

/// Loads a person as seen in one network. `None` if the person is disabled or does
/// not belong to that network.
pub async fn load_user<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: i64,
) -> AppResult<Option<CurrentUser>> {
    let Some(person) = person::Entity::find_by_id(person_id).one(conn).await? else {
        return Ok(None);
    };
    if person.disabled {
        return Ok(None);
    }
    let networks: Vec<NetworkInfo> = db::fetch_all(
        conn,
        Query::select()
            .columns([
                (network::Entity, network::Column::Id),
                (network::Entity, network::Column::Slug),
                (network::Entity, network::Column::Name),
                (network::Entity, network::Column::DefaultLanguage),
                (network::Entity, network::Column::TimeZone),
                (network::Entity, network::Column::Currency),
            ])
            .from(network::Entity)
            .inner_join(
                network_person::Entity,
                Expr::col((network_person::Entity, network_person::Column::NetworkId))
                    .equals((network::Entity, network::Column::Id)),
            )
            .and_where(Expr::col((network_person::Entity, network_person::Column::PersonId)).eq(person_id))
            .order_by((network::Entity, network::Column::Id), sea_orm::Order::Asc),
    )
    .await?;
    let Some(network) = networks.iter().find(|n| n.id == network_id).cloned() else {
        return Ok(None);
    };
    let link = network_person::Entity::find()
        .filter(network_person::Column::NetworkId.eq(network_id))
        .filter(network_person::Column::PersonId.eq(person_id))
        .one(conn)
        .await?;
    let organisations: Vec<MyOrganisation> = db::fetch_all(
        conn,
        Query::select()
            .expr_as(Expr::col(("o", "id")), "id")
            .expr_as(Expr::col(("o", "name")), "name")
            .expr_as(Expr::col(("o", "kind")), "kind")
            .expr_as(Expr::col(("m", "status")), "status")
            .expr_as(Expr::col(("m", "level")), "level")
            .expr_as(Expr::val(false), "is_representative")
            .from_as("network_affiliations", "a")
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "organisations",
                "o",
                Expr::col(("o", "id")).equals(("a", "organisation_id")),
            )
            .join_as(
                sea_orm::sea_query::JoinType::InnerJoin,
                "memberships",
                "m",
                Expr::col(("m", "organisation_id"))
                    .equals(("o", "id"))
                    .and(Expr::col(("m", "network_id")).eq(network_id)),
            )
            .and_where(Expr::col(("a", "person_id")).eq(person_id))
            .and_where(Expr::col(("a", "network_id")).eq(network_id))
            .order_by(("o", "name_key"), sea_orm::Order::Asc),
    )
    .await?;
    let represented: Vec<RepRow> = db::fetch_all(
        conn,
        Query::select()
            .column("organisation_id")
            .from("representatives")
            .and_where(Expr::col("person_id").eq(person_id))
            .and_where(Expr::col("network_id").eq(network_id))
            .and_where(Expr::col("current").eq(true)),
    )
    .await?;
    // Only member organisations give roles: a candidate's or a former member's people
    // see the network but speak for nobody, and a former provider's staff quote nothing.
    let mut organisations = organisations;
    for org in &mut organisations {
        org.is_representative = represented.iter().any(|r| r.organisation_id == org.id);
    }
    let mut roles = RoleSet::default();
    if link.as_ref().is_some_and(|l| l.is_admin) {
        roles = roles.with(Role::Administrator);
    }
    if link.as_ref().is_some_and(|l| l.is_core_circle) {
        roles = roles.with(Role::CoreCircle);
    }
    if organisations.iter().any(|o| o.is_representative && o.is_member()) {
        roles = roles.with(Role::Representative);
    }
    for org in organisations.iter().filter(|o| o.is_member()) {
        roles = roles.with(if org.kind == OrgKind::Provider {
            Role::ProviderStaff
        } else {
            Role::Member
        });
    }
    Ok(Some(CurrentUser {
        person_id,
        name: person.name,
        email: person.email,
        language: person.language.map(|l| l.0),
        has_password: person.password_hash.is_some(),
        network,
        roles,
        organisations,
        networks,
        valid_until: None,
    }))
}

/// How long sessions last: ended after `idle` without use, and `max` after login
/// whatever the use (`--session-idle-days`, `--session-max-days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    pub idle: Duration,
    pub max: Duration,
}

impl SessionLimits {
    /// A session's last use is written at most this often (a write per request would
    /// queue every page behind SQLite's one writer): an hour, or a 24th of the idle
    /// limit when that is shorter.
    pub fn touch_every(&self) -> Duration {
        std::cmp::min(Duration::hours(1), self.idle / 24)
    }

    /// When a session stops working: its absolute end, or `idle` after its last use.
    pub fn end_of(&self, row: &session::Model) -> OffsetDateTime {
        std::cmp::min(row.expires_at, row.last_seen_at + self.idle)
    }
}

/// Opens a session for a person in a network; returns the cookie value.
pub async fn create_session<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: i64,
    limits: SessionLimits,
) -> AppResult<String> {
    let token = tokens::new_token("s_");
    let now = db::now();
    session::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        person_id: Set(person_id),
        network_id: Set(network_id),
        created_at: Set(now),
        expires_at: Set(now + limits.max),
        last_seen_at: Set(now),
    }
    .insert(conn)
    .await?;
    person::Entity::update_many()
        .col_expr(person::Column::LastLoginAt, Expr::val(now))
        .filter(person::Column::Id.eq(person_id))
        .exec(conn)
        .await?;
    Ok(token)
}

/// A cached user, unless the session or token it was loaded for has ended since.
fn cached(state: &AppState, key: &str) -> Option<Arc<CurrentUser>> {
    let user = state.auth_cache.get(key)?;
    match user.valid_until {
        Some(until) if until <= db::now() => None,
        _ => Some(user),
    }
}

/// The user behind a session cookie, through the cache. A session is over, at the
/// instant of use, once idle for longer than the idle limit or past its absolute end
/// (the hourly maintenance job deletes such rows); a use moves its idle limit on.
pub async fn user_for_session(state: &AppState, token: &str) -> AppResult<Option<Arc<CurrentUser>>> {
    let key = tokens::hash_token(token);
    if let Some(user) = cached(state, &key) {
        return Ok(Some(user));
    }
    let Some(row) = session::Entity::find_by_id(key.clone()).one(&state.db.read).await? else {
        return Ok(None);
    };
    let limits = state.config.sessions;
    let now = db::now();
    if limits.end_of(&row) <= now {
        return Ok(None);
    }
    let Some(mut user) = load_user(&state.db.read, row.person_id, row.network_id).await? else {
        return Ok(None);
    };
    let mut last_seen = row.last_seen_at;
    if now - row.last_seen_at >= limits.touch_every() {
        session::Entity::update_many()
            .col_expr(session::Column::LastSeenAt, Expr::val(now))
            .filter(session::Column::TokenHash.eq(key.clone()))
            .exec(&state.db.write)
            .await?;
        last_seen = now;
    }
    let end = std::cmp::min(row.expires_at, last_seen + limits.idle);
    user.valid_until = Some(std::cmp::min(end, last_seen + limits.touch_every()));
    let user = Arc::new(user);
    state.auth_cache.put(key, user.clone());
    Ok(Some(user))
}

/// How long an API token works after it was made (`--api-token-days`, at least one day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLifetime(u32);

impl TokenLifetime {
    pub fn days(days: u32) -> TokenLifetime {
        TokenLifetime(std::cmp::Ord::max(days, 1))
    }

    /// The number of days, to tell people.
    pub fn in_days(&self) -> u32 {
        self.0
    }

    /// When a token made at `created_at` stops working.
    pub fn expiry(&self, created_at: OffsetDateTime) -> OffsetDateTime {
        created_at + Duration::days(i64::from(self.0))
    }
}

impl Default for TokenLifetime {
    fn default() -> TokenLifetime {
        TokenLifetime(API_TOKEN_DAYS)
    }
}

/// The user behind an API bearer token, through the cache: none for a revoked or
/// expired token. Its last use is written at most hourly (shown on `/profile/tokens`).
pub async fn user_for_api_token(state: &AppState, token: &str) -> AppResult<Option<Arc<CurrentUser>>> {
    let key = tokens::hash_token(token);
    if let Some(user) = cached(state, &key) {
        return Ok(Some(user));
    }
    let Some(row) = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(key.clone()))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(&state.db.read)
        .await?
    else {
        return Ok(None);
    };
    let now = db::now();
    let expires = state.config.api_tokens.expiry(row.created_at);
    if expires <= now {
        return Ok(None);
    }
    let Some(mut user) = load_user(&state.db.read, row.person_id, row.network_id).await? else {
        return Ok(None);
    };
    let mut last_used = row.last_used_at.unwrap_or(now);
    if row.last_used_at.is_none_or(|at| now - at >= Duration::hours(1)) {
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::val(Some(now)))
            .filter(api_token::Column::Id.eq(row.id))
            .exec(&state.db.write)
            .await?;
        last_used = now;
    }
    user.valid_until = Some(std::cmp::min(expires, last_used + Duration::hours(1)));
    let user = Arc::new(user);
    state.auth_cache.put(key, user.clone());
    Ok(Some(user))
}

/// Revokes an API token, here and in every instance's cache.
pub async fn revoke_api_token(state: &AppState, token: &api_token::Model) -> AppResult<()> {
    api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::val(Some(db::now())))
        .filter(api_token::Column::Id.eq(token.id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(&state.db.write)
        .await?;
    state.auth_cache.remove(&token.token_hash);
    Ok(())
}

/// Ends every session of a person but the one whose cookie is `keep` (after a change of
/// password: whoever else was logged in is out). Returns the hashes of the sessions
/// ended, for the cache (see [`forget_sessions`]) once the transaction is committed.
pub async fn end_other_sessions<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    keep: Option<&str>,
) -> AppResult<Vec<String>> {
    let mut query = session::Entity::find().filter(session::Column::PersonId.eq(person_id));
    if let Some(keep) = keep {
        query = query.filter(session::Column::TokenHash.ne(tokens::hash_token(keep)));
    }
    let ended: Vec<String> = query.all(conn).await?.into_iter().map(|s| s.token_hash).collect();
    if !ended.is_empty() {
        session::Entity::delete_many()
            .filter(session::Column::TokenHash.is_in(ended.clone()))
            .exec(conn)
            .await?;
    }
    Ok(ended)
}

/// Forgets ended sessions in every instance's cache.
pub fn forget_sessions(state: &AppState, hashes: &[String]) {
    for hash in hashes {
        state.auth_cache.remove(hash);
    }
}

/// Ends a session (logout), here and in the cache.
pub async fn end_session(state: &AppState, token: &str) -> AppResult<()> {
    let key = tokens::hash_token(token);
    session::Entity::delete_by_id(key.clone()).exec(&state.db.write).await?;
    state.auth_cache.remove(&key);
    Ok(())
}

/// Switches the network of a session (the person must belong to it).
pub async fn switch_network(state: &AppState, token: &str, network_id: i64) -> AppResult<()> {
    let key = tokens::hash_token(token);
    session::Entity::update_many()
        .col_expr(session::Column::NetworkId, Expr::val(network_id))
        .filter(session::Column::TokenHash.eq(key.clone()))
        .exec(&state.db.write)
        .await?;
    state.auth_cache.remove(&key);
    Ok(())
}

intercoop_domain::text_enum!(
    /// What a one-time link is for.
    LinkPurpose { Login = "login", Invite = "invite", Reset = "reset" }
);

impl LinkPurpose {
    fn lifetime(self) -> Duration {
        match self {
            LinkPurpose::Login | LinkPurpose::Reset => Duration::minutes(LOGIN_LINK_MINUTES),
            LinkPurpose::Invite => Duration::days(INVITE_DAYS),
        }
    }
}

/// Creates a one-time link token; returns the path to put in the email (`/login/link/…`).
pub async fn create_link<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: Option<i64>,
    purpose: LinkPurpose,
) -> AppResult<String> {
    let token = tokens::new_token("l_");
    let now = db::now();
    login_token::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        person_id: Set(person_id),
        network_id: Set(network_id),
        purpose: Set(purpose.into()),
        created_at: Set(now),
        expires_at: Set(now + purpose.lifetime()),
        used_at: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(match purpose {
        LinkPurpose::Reset => format!("/password/reset/{token}"),
        _ => format!("/login/link/{token}"),
    })
}

/// The row of a one-time link that could be used now: 404 for a token that is not one
/// (or not for these purposes), 410 for one used or expired. It is not used up: a
/// handler asks this before any costly work (hashing a new password), then
/// [`consume_link`] in the transaction of the change.
pub async fn usable_link<C: ConnectionTrait>(
    conn: &C,
    token: &str,
    purposes: &[LinkPurpose],
) -> AppResult<login_token::Model> {
    let hash = tokens::hash_token(token);
    let Some(row) = login_token::Entity::find_by_id(hash).one(conn).await? else {
        return Err(AppError::NotFound);
    };
    if !purposes.contains(&row.purpose.0) {
        return Err(AppError::NotFound);
    }
    if row.used_at.is_some() || row.expires_at < db::now() {
        return Err(AppError::Gone);
    }
    Ok(row)
}

/// Uses a one-time link: valid once, before it expires; 410 otherwise.
/// Returns the person and the network the link was made for.
pub async fn consume_link<C: ConnectionTrait>(
    conn: &C,
    token: &str,
    purposes: &[LinkPurpose],
) -> AppResult<(i64, Option<i64>)> {
    let row = usable_link(conn, token, purposes).await?;
    let hash = row.token_hash;
    let now = db::now();
    // Compare-and-set: of two clicks at once, exactly one wins.
    let updated = login_token::Entity::update_many()
        .col_expr(login_token::Column::UsedAt, Expr::val(now))
        .filter(login_token::Column::TokenHash.eq(hash))
        .filter(login_token::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(AppError::Gone);
    }
    Ok((row.person_id, row.network_id))
}

/// The network a person lands in: the one asked for if they belong to it, else their first.
pub async fn network_for_person(db: &Db, person_id: i64, wanted: Option<i64>) -> AppResult<Option<i64>> {
    first_network(&db.read, person_id, wanted).await
}

/// [`network_for_person`] on any connection (a job's transaction).
pub async fn first_network<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    wanted: Option<i64>,
) -> AppResult<Option<i64>> {
    let links = network_person::Entity::find()
        .filter(network_person::Column::PersonId.eq(person_id))
        .all(conn)
        .await?;
    let mut ids: Vec<i64> = links.iter().map(|l| l.network_id).collect();
    ids.sort_unstable();
    Ok(match wanted {
        Some(w) if ids.contains(&w) => Some(w),
        _ => ids.first().copied(),
    })
}

/// Creates a new API token for a person in a network; returns the secret (shown once).
pub async fn create_api_token<C: ConnectionTrait>(
    conn: &C,
    person_id: i64,
    network_id: i64,
    name: &str,
) -> AppResult<String> {
    let token = tokens::new_token("ic_");
    api_token::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        person_id: Set(person_id),
        network_id: Set(network_id),
        name: Set(name.to_string()),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(token)
}
