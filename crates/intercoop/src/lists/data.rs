//! Lists and subscriptions: the two default lists of every network, the lists an
//! administrator adds, each person's delivery choice, and who gets a message at
//! sending time.

use super::entities::{list, subscription};
use crate::audit::Actor;
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::Lang;
use sea_orm::sea_query::{Expr, ExprTrait, JoinType, Query};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::{Deserialize, Serialize};

intercoop_domain::text_enum!(
    /// Who may post to a list without a moderator (see `policy::may_post`).
    Posting {
        Members = "members",
        Representatives = "representatives",
        Core = "core",
        Facilitator = "facilitator",
        Moderated = "moderated",
    }
);

intercoop_domain::text_enum!(
    /// How a person gets a list's messages: each by email, gathered in the daily digest
    /// (17:00), on the web only, or not at all (unsubscribed).
    Delivery { Each = "each", Digest = "digest", Web = "web", None = "none" }
);

intercoop_domain::text_enum!(
    /// Where replies to a list's message go (`Reply-To`).
    ReplyTo { List = "list", Sender = "sender" }
);

/// The default lists of a network in its language: (local part, name) of mutual help
/// (every member posts) and of logistics (the facilitator and the core circle post).
/// The local part is prefixed with the network's slug (`komunigi-entraide`), addresses
/// being unique in the deployment. Migration 23 holds a frozen copy for the networks
/// that existed before it.
pub fn defaults(lang: Lang) -> [(&'static str, &'static str, Posting); 2] {
    let [(help, help_name), (logistics, logistics_name)] = match lang.code() {
        "fr" => [("entraide", "Entraide"), ("logistique", "Logistique")],
        "de" => [("hilfe", "Gegenseitige Hilfe"), ("logistik", "Logistik")],
        "nl" => [("hulp", "Onderlinge hulp"), ("logistiek", "Logistiek")],
        _ => [("help", "Mutual help"), ("logistics", "Logistics")],
    };
    [
        (help, help_name, Posting::Members),
        (logistics, logistics_name, Posting::Core),
    ]
}

/// A list as the API and pages show it, with the reader's own delivery.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ListOut {
    pub id: i64,
    pub name: String,
    /// `local_part@` the lists domain.
    pub address: String,
    pub local_part: String,
    pub description: String,
    /// members, representatives, core, facilitator or moderated.
    pub posting: String,
    pub subscribed_by_default: bool,
    /// list or sender.
    pub reply_to: String,
    pub moderate_first_posts: bool,
    pub moderate_non_members: bool,
    /// The archive is readable without logging in.
    pub public: bool,
    /// The reader's delivery: each, digest, web or none.
    pub delivery: String,
}

impl ListOut {
    pub fn of(l: &list::Model, domain: &str, delivery: Delivery) -> ListOut {
        ListOut {
            id: l.id,
            name: l.name.clone(),
            address: address(l, domain),
            local_part: l.local_part.clone(),
            description: l.description.clone(),
            posting: l.posting.clone(),
            subscribed_by_default: l.subscribed_by_default,
            reply_to: l.reply_to.clone(),
            moderate_first_posts: l.moderate_first_posts,
            moderate_non_members: l.moderate_non_members,
            public: l.public,
            delivery: delivery.as_str().to_string(),
        }
    }
}

/// A list's address.
pub fn address(l: &list::Model, domain: &str) -> String {
    format!("{}@{domain}", l.local_part)
}

/// A list's `List-Id` (RFC 2919): its name and `local_part.domain`.
pub fn list_id_header(l: &list::Model, domain: &str) -> String {
    format!("{} <{}>", l.name.replace(['<', '>', '"'], ""), list_id_value(l, domain))
}

/// The identifier inside `List-Id`'s angle brackets.
pub fn list_id_value(l: &list::Model, domain: &str) -> String {
    format!("{}.{domain}", l.local_part)
}

/// A new list or its settings (`POST /api/v1/lists`; the settings page).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ListInput {
    pub name: String,
    /// Letters, digits, `-`, `.` and `_`, 1 to 64 of them: the address's local part.
    pub local_part: String,
    pub description: String,
    /// members (default), representatives, core, facilitator or moderated.
    pub posting: String,
    /// Everyone of the network receives it unless they leave (default true).
    pub subscribed_by_default: Option<bool>,
    /// list (default) or sender.
    pub reply_to: String,
    pub moderate_first_posts: bool,
    /// Messages from outside the network are held (default true; otherwise refused).
    pub moderate_non_members: Option<bool>,
    pub public: bool,
}

/// Makes the default lists of a new network (`networks::create`).
pub async fn create_defaults<C: ConnectionTrait>(conn: &C, network_id: i64, slug: &str, lang: Lang) -> AppResult<()> {
    for (local, name, posting) in defaults(lang) {
        let local_part = format!("{slug}-{local}");
        let taken = list::Entity::find()
            .filter(list::Column::LocalPart.eq(local_part.clone()))
            .one(conn)
            .await?
            .is_some();
        if taken {
            continue;
        }
        insert(
            conn,
            network_id,
            name,
            &local_part,
            "",
            posting,
            true,
            ReplyTo::List,
            false,
            true,
            false,
        )
        .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn insert<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    name: &str,
    local_part: &str,
    description: &str,
    posting: Posting,
    by_default: bool,
    reply_to: ReplyTo,
    moderate_first: bool,
    moderate_non_members: bool,
    public: bool,
) -> AppResult<list::Model> {
    Ok(list::ActiveModel {
        network_id: Set(network_id),
        name: Set(name.to_string()),
        local_part: Set(local_part.to_string()),
        description: Set(description.to_string()),
        posting: Set(posting.as_str().to_string()),
        subscribed_by_default: Set(by_default),
        reply_to: Set(reply_to.as_str().to_string()),
        moderate_first_posts: Set(moderate_first),
        moderate_non_members: Set(moderate_non_members),
        public: Set(public),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// Whether a local part is acceptable: 1–64 of ASCII letters, digits, `-`, `.`, `_`,
/// neither starting nor ending with a dot, and not the delivery reports' address
/// (`crate::mail::bounces::LOCAL_PART`).
pub fn valid_local_part(s: &str) -> bool {
    s != crate::mail::bounces::LOCAL_PART
        && (1..=64).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        && !s.starts_with('.')
        && !s.ends_with('.')
        && !s.contains("..")
}

/// Creates a list (administrators). 422 with the field named: an empty name, a local
/// part that is not one ([`valid_local_part`]), an unknown `posting` or `reply_to`;
/// 409 when the address is taken (in any network).
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &ListInput,
) -> AppResult<list::Model> {
    let mut errors = FieldErrors::default();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        errors.add("name", "required");
    }
    let local = input.local_part.trim().to_ascii_lowercase();
    if !valid_local_part(&local) {
        errors.add("local_part", "lists-local-part");
    }
    let posting = match input.posting.trim() {
        "" => Some(Posting::Members),
        p => Posting::parse(p),
    };
    if posting.is_none() {
        errors.add("posting", "invalid-choice");
    }
    let reply_to = match input.reply_to.trim() {
        "" => Some(ReplyTo::List),
        r => ReplyTo::parse(r),
    };
    if reply_to.is_none() {
        errors.add("reply_to", "invalid-choice");
    }
    let (Some(posting), Some(reply_to)) = (posting, reply_to) else {
        return Err(AppError::Invalid(errors));
    };
    errors.into_result()?;
    let taken = list::Entity::find()
        .filter(list::Column::LocalPart.eq(local.clone()))
        .one(conn)
        .await?
        .is_some();
    if taken {
        return Err(AppError::Conflict("lists-address-taken"));
    }
    let row = insert(
        conn,
        network_id,
        name,
        &local,
        input.description.trim(),
        posting,
        input.subscribed_by_default.unwrap_or(true),
        reply_to,
        input.moderate_first_posts,
        input.moderate_non_members.unwrap_or(true),
        input.public,
    )
    .await?;
    crate::audit::record(
        conn,
        crate::audit::Change {
            network_id: Some(network_id),
            actor,
            action: "lists.create",
            entity: "list",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    Ok(row)
}

/// The network's lists, by id.
pub async fn all<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<Vec<list::Model>> {
    Ok(list::Entity::find()
        .filter(list::Column::NetworkId.eq(network_id))
        .order_by_asc(list::Column::Id)
        .all(conn)
        .await?)
}

/// One list of the network (404 for another network's).
pub async fn get<C: ConnectionTrait>(conn: &C, network_id: i64, list_id: i64) -> AppResult<list::Model> {
    list::Entity::find_by_id(list_id)
        .filter(list::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// A public list, of any network (its archive is read without logging in; 404 for a
/// list that is not public).
pub async fn public<C: ConnectionTrait>(conn: &C, list_id: i64) -> AppResult<list::Model> {
    list::Entity::find_by_id(list_id)
        .filter(list::Column::Public.eq(true))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The list at an address of the lists domain (`local@domain`, any case), if any.
pub async fn by_address<C: ConnectionTrait>(conn: &C, address: &str, domain: &str) -> AppResult<Option<list::Model>> {
    let address = address.trim().trim_matches(['<', '>']).to_ascii_lowercase();
    let Some((local, at)) = address.rsplit_once('@') else {
        return Ok(None);
    };
    if !at.eq_ignore_ascii_case(domain) {
        return Ok(None);
    }
    Ok(list::Entity::find()
        .filter(list::Column::LocalPart.eq(local))
        .one(conn)
        .await?)
}

/// The delivery a list gives people who chose nothing.
pub fn default_delivery(l: &list::Model) -> Delivery {
    if l.subscribed_by_default {
        Delivery::Each
    } else {
        Delivery::None
    }
}

/// Each list's delivery for a person (their choice, else the list's default).
pub async fn deliveries<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    person_id: i64,
    lists: &[list::Model],
) -> AppResult<Vec<Delivery>> {
    let chosen = subscription::Entity::find()
        .filter(subscription::Column::NetworkId.eq(network_id))
        .filter(subscription::Column::PersonId.eq(person_id))
        .all(conn)
        .await?;
    Ok(lists
        .iter()
        .map(|l| {
            chosen
                .iter()
                .find(|s| s.list_id == l.id)
                .and_then(|s| Delivery::parse(&s.delivery))
                .unwrap_or_else(|| default_delivery(l))
        })
        .collect())
}

/// Sets a person's delivery for a list (kept as a row, whatever the default).
pub async fn set_delivery<C: ConnectionTrait>(
    conn: &C,
    l: &list::Model,
    person_id: i64,
    delivery: Delivery,
) -> AppResult<()> {
    let existing = subscription::Entity::find()
        .filter(subscription::Column::ListId.eq(l.id))
        .filter(subscription::Column::PersonId.eq(person_id))
        .one(conn)
        .await?;
    match existing {
        Some(s) => {
            let mut a: subscription::ActiveModel = s.into();
            a.delivery = Set(delivery.as_str().to_string());
            a.update(conn).await?;
        }
        None => {
            subscription::ActiveModel {
                list_id: Set(l.id),
                network_id: Set(l.network_id),
                person_id: Set(person_id),
                delivery: Set(delivery.as_str().to_string()),
                created_at: Set(db::now()),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

#[derive(Debug, sea_orm::FromQueryResult)]
struct Reader {
    person_id: i64,
    delivery: Option<String>,
}

/// Who gets a list's messages now, by email at once and in the digest: the people of
/// the network who are not disabled, each by their choice or the list's default.
pub async fn recipients<C: ConnectionTrait>(conn: &C, l: &list::Model) -> AppResult<(Vec<i64>, Vec<i64>)> {
    let mut q = Query::select();
    q.expr_as(Expr::col(("np", "person_id")), "person_id")
        .expr_as(Expr::col(("s", "delivery")), "delivery")
        .from_as("network_people", "np")
        .join_as(
            JoinType::InnerJoin,
            "people",
            "p",
            Expr::col(("p", "id")).equals(("np", "person_id")),
        )
        .join_as(
            JoinType::LeftJoin,
            "list_subscriptions",
            "s",
            Expr::col(("s", "person_id"))
                .equals(("np", "person_id"))
                .and(Expr::col(("s", "list_id")).eq(l.id)),
        )
        .and_where(Expr::col(("np", "network_id")).eq(l.network_id))
        .and_where(Expr::col(("p", "disabled")).eq(false))
        .order_by(("np", "person_id"), sea_orm::Order::Asc);
    let rows: Vec<Reader> = db::fetch_all(conn, &q).await?;
    let default = default_delivery(l);
    let (mut each, mut digest) = (Vec::new(), Vec::new());
    for r in rows {
        match r.delivery.as_deref().and_then(Delivery::parse).unwrap_or(default) {
            Delivery::Each => each.push(r.person_id),
            Delivery::Digest => digest.push(r.person_id),
            Delivery::Web | Delivery::None => {}
        }
    }
    Ok((each, digest))
}
