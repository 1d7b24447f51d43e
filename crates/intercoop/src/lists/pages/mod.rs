//! The lists' pages: the lists (and a new one, administrators), a list's archive by
//! thread and by month with its search and the form to post, a message in its thread
//! with the form to answer, attachments, the moderation queue, and each person's
//! delivery choices (`/settings/lists`). Phone-first, no script needed.
//!
//! Here: `index` (the lists, a new list), `archive` (a list's archive and posting),
//! `message` (a message in its thread, attachments), `moderation` (the held messages),
//! `settings` (each person's delivery choices); and what reading a list needs.

mod archive;
mod index;
mod message;
mod moderation;
mod settings;

pub use archive::*;
pub use index::*;
pub use message::*;
pub use moderation::*;
pub use settings::*;

use crate::api::parse_id;
use crate::error::AppResult;
use crate::lists::data::{self, Delivery};
use crate::lists::entities::list;
use crate::lists::policy;
use crate::state::AppState;
use crate::web::{Ctx, require_user};

/// The list a reader asks for: a list of their network, or (`public`) a public list of
/// any network, read without logging in.
async fn readable(state: &AppState, ctx: &Ctx, id: &str, public: bool) -> AppResult<list::Model> {
    let id = parse_id(id)?;
    if public {
        return data::public(&state.db.read, id).await;
    }
    let user = require_user(ctx)?;
    data::get(&state.db.read, user.network.id, id).await
}

/// How the reader gets a list, and what they may do in it (nothing, for a visitor).
async fn reader(state: &AppState, ctx: &Ctx, l: &list::Model) -> AppResult<(Delivery, policy::Poster, bool)> {
    match &ctx.user {
        Some(user) if user.network.id == l.network_id => {
            let d = data::deliveries(&state.db.read, l.network_id, user.person_id, std::slice::from_ref(l)).await?[0];
            Ok((d, policy::Poster::of(&user.doer()), true))
        }
        _ => Ok((Delivery::None, policy::Poster::default(), false)),
    }
}
