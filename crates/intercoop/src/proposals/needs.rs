//! Needs: posting a proposal, "we need it too", comments and objections.

use super::entities::{interest, proposal};
use crate::access::Doer;
use crate::audit::{self, Change};
use crate::db;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::organisations::data::require_member;
use crate::timeline::{EventInput, TimelineKind, add_event};
use intercoop_domain::lifecycle::ProposalStatus;
use intercoop_domain::text::Title;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- proposals

/// A new proposal as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ProposalInput {
    pub title: String,
    pub description: String,
    pub software: String,
    /// One link per line.
    pub links: String,
    pub requested_by: String,
    /// Keep it as a draft (not announced yet).
    pub draft: bool,
}

pub struct ValidProposal {
    pub title: Title,
    pub description: String,
    pub software: String,
    pub links: Vec<String>,
    pub requested_by: i64,
    pub draft: bool,
}

impl ProposalInput {
    pub fn validate(&self) -> Result<ValidProposal, FieldErrors> {
        let mut errors = FieldErrors::default();
        let title = Title::parse(&self.title)
            .map_err(|e| errors.add("title", crate::error::text_error_code(e)))
            .ok();
        if self.description.chars().count() > 50_000 {
            errors.add("description", "too-long");
        }
        if self.software.chars().count() > 120 {
            errors.add("software", "too-long");
        }
        let links: Vec<String> = self
            .links
            .split(['\n', ','])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        if links.iter().any(|l| {
            url::Url::parse(l)
                .map(|u| !matches!(u.scheme(), "http" | "https"))
                .unwrap_or(true)
        }) {
            errors.add("links", "invalid-url");
        }
        let requested_by = self.requested_by.trim().parse::<i64>().ok();
        if requested_by.is_none() {
            errors.add("requested_by", "required");
        }
        match (title, requested_by) {
            (Some(title), Some(requested_by)) if errors.is_empty() => Ok(ValidProposal {
                title,
                description: self.description.trim().to_string(),
                software: self.software.trim().to_string(),
                links,
                requested_by,
                draft: self.draft,
            }),
            _ => Err(errors),
        }
    }
}

/// Posts a proposal (in discussion, or as a draft). Once published, the organisations
/// running the software are told by a notice (`proposal_posted`) enqueued with it.
pub async fn create<C: ConnectionTrait>(conn: &C, doer: &Doer, network_id: i64, v: &ValidProposal) -> AppResult<i64> {
    require_member(conn, network_id, v.requested_by, "requested_by").await?;
    crate::access::require(super::policy::post_for(doer, v.requested_by))?;
    let now = db::now();
    let status = if v.draft {
        ProposalStatus::Draft
    } else {
        ProposalStatus::Discussion
    };
    let row = proposal::ActiveModel {
        network_id: Set(network_id),
        title: Set(v.title.as_str().to_string()),
        description: Set(v.description.clone()),
        software: Set(v.software.clone()),
        links: Set(v.links.join("\n")),
        requested_by: Set(v.requested_by),
        author_id: Set(doer.person_id),
        status: Set(status.into()),
        selected_quote_id: Set(None),
        priority_rank: Set(None),
        priority_poll_id: Set(None),
        priority_method: Set(None),
        priority_at: Set(None),
        delivered_at: Set(None),
        announced_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    add_event(
        conn,
        row.id,
        doer,
        EventInput {
            kind: TimelineKind::Posted,
            from: None,
            to: Some(status),
            reason: String::new(),
            poll_id: None,
        },
    )
    .await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor: doer.audit_actor(),
            action: "proposal.create",
            entity: "proposal",
            entity_id: Some(row.id),
        },
        None::<&()>,
        Some(&row),
    )
    .await?;
    if status != ProposalStatus::Draft {
        super::notifications::posted(conn, &row).await?;
    }
    Ok(row.id)
}

/// "We need it too", for one organisation (idempotent).
pub async fn add_interest<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: i64,
) -> AppResult<()> {
    let org = require_member(conn, p.network_id, organisation_id, "organisation_id").await?;
    crate::access::require(super::policy::need_too(doer, organisation_id, org.kind.0))?;
    let exists = interest::Entity::find()
        .filter(interest::Column::ProposalId.eq(p.id))
        .filter(interest::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?;
    if exists.is_some() {
        return Ok(());
    }
    interest::ActiveModel {
        proposal_id: Set(p.id),
        organisation_id: Set(organisation_id),
        person_id: Set(doer.person_id),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    proposal::Entity::update_many()
        .col_expr(
            proposal::Column::InterestCount,
            Expr::col(proposal::Column::InterestCount).add(1),
        )
        .filter(proposal::Column::Id.eq(p.id))
        .exec(conn)
        .await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: TimelineKind::Interest,
            from: None,
            to: None,
            reason: organisation_id.to_string(),
            poll_id: None,
        },
    )
    .await
}

/// A comment, or an objection, by a person of the network.
pub async fn add_comment<C: ConnectionTrait>(
    conn: &C,
    doer: &Doer,
    p: &proposal::Model,
    organisation_id: Option<i64>,
    body: &str,
    objection: bool,
) -> AppResult<i64> {
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::invalid("body", "required"));
    }
    if body.chars().count() > 20_000 {
        return Err(AppError::invalid("body", "too-long"));
    }
    if let Some(org) = organisation_id
        && !super::policy::comment_as(doer, org)
    {
        return Err(AppError::invalid("organisation_id", "not-in-organisation"));
    }
    let person_id = doer.person_id.ok_or(AppError::Forbidden)?;
    let row = super::entities::comment::ActiveModel {
        proposal_id: Set(p.id),
        person_id: Set(person_id),
        organisation_id: Set(organisation_id),
        body: Set(body.to_string()),
        is_objection: Set(objection),
        created_at: Set(db::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    add_event(
        conn,
        p.id,
        doer,
        EventInput {
            kind: if objection {
                TimelineKind::Objection
            } else {
                TimelineKind::Comment
            },
            from: None,
            to: None,
            reason: String::new(),
            poll_id: None,
        },
    )
    .await?;
    Ok(row.id)
}
