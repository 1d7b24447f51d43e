//! Calendars: a meeting's `.ics` download (`/meetings/{id}.ics`, for those who see it)
//! and each person's private feed (`/calendar/{token}.ics`, the token is the authority,
//! stored hashed) of every meeting they are invited to, from 90 days back on.

use super::data::MeetingFull;
use super::entities::{agenda_item, feed, meeting};
use super::ics::{self, Method};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use intercoop_domain::meetings::MeetingKind;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::BTreeMap;

/// At most this many meetings in a feed.
pub const FEED_MAX: u64 = 500;

/// A new feed token for a person in a network; the previous stops working.
pub async fn renew<C: ConnectionTrait>(conn: &C, person_id: i64, network_id: i64) -> AppResult<String> {
    crate::auth::feed_tokens::renew(conn, feed::Entity, "f_", person_id, network_id).await
}

/// Whether a person has a feed in a network.
pub async fn has_feed<C: ConnectionTrait>(conn: &C, person_id: i64, network_id: i64) -> AppResult<bool> {
    Ok(feed::Entity::find()
        .filter(feed::Column::PersonId.eq(person_id))
        .filter(feed::Column::NetworkId.eq(network_id))
        .one(conn)
        .await?
        .is_some())
}

pub fn ics_response(body: String, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("inline; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "private, no-cache".to_string()),
        ],
        body,
    )
        .into_response()
}

/// One meeting's `.ics`.
pub fn meeting_ics(state: &AppState, network_name: &str, full: &MeetingFull) -> Response {
    let body = ics::calendar(
        network_name,
        Method::None,
        &[(full.meeting.clone(), ics::agenda_lines(full))],
        &state.config.base_url,
        None,
    );
    ics_response(body, &format!("meeting-{}.ics", full.meeting.id))
}

/// The kinds of meeting a person is invited to in a network (see
/// `assemblies::notifications::invited`).
pub async fn kinds_for<C: ConnectionTrait>(conn: &C, person_id: i64, network_id: i64) -> AppResult<Vec<MeetingKind>> {
    let Some(np) = crate::entities::network_person::Entity::find()
        .filter(crate::entities::network_person::Column::NetworkId.eq(network_id))
        .filter(crate::entities::network_person::Column::PersonId.eq(person_id))
        .one(conn)
        .await?
    else {
        return Ok(Vec::new());
    };
    let represents = super::notifications::represents_a_member(conn, network_id, person_id).await?;
    let mut kinds = vec![MeetingKind::Event];
    if np.is_admin || represents {
        kinds.extend([MeetingKind::Assembly, MeetingKind::GeneralAssembly]);
    }
    if np.is_admin || np.is_core_circle {
        kinds.push(MeetingKind::Core);
    }
    Ok(kinds)
}

/// `GET /calendar/{token}.ics`: the person's feed, in one query for the meetings and
/// one for their agendas.
pub async fn serve(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    let token = token.strip_suffix(".ics").unwrap_or(&token);
    let conn = &state.db.read;
    let f = feed::Entity::find_by_id(crate::auth::tokens::hash_token(token))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let network = crate::entities::network::Entity::find_by_id(f.network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let kinds = kinds_for(conn, f.person_id, f.network_id).await?;
    let since = crate::clock::now() - time::Duration::days(90);
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::NetworkId.eq(f.network_id))
        .filter(meeting::Column::StartsAt.gte(since))
        .filter(meeting::Column::Kind.is_in(kinds.iter().map(|k| k.as_str())))
        .order_by_asc(meeting::Column::StartsAt)
        .limit(FEED_MAX)
        .all(conn)
        .await?;
    let mut agendas: BTreeMap<i64, Vec<agenda_item::Model>> = BTreeMap::new();
    if !meetings.is_empty() {
        for a in agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.is_in(meetings.iter().map(|m| m.id)))
            .order_by_asc(agenda_item::Column::Position)
            .all(conn)
            .await?
        {
            agendas.entry(a.meeting_id).or_default().push(a);
        }
    }
    let items: Vec<(meeting::Model, Vec<String>)> = meetings
        .into_iter()
        .map(|m| {
            let full = MeetingFull {
                agenda: agendas.remove(&m.id).unwrap_or_default(),
                meeting: m,
            };
            let lines = ics::agenda_lines(&full);
            (full.meeting, lines)
        })
        .collect();
    let body = ics::calendar(&network.name, Method::None, &items, &state.config.base_url, None);
    Ok(ics_response(body, "meetings.ics"))
}
