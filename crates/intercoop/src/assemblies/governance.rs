//! The network's governance settings (issue 15, item 6): an assembly's quorum, a
//! decision poll's default quorum and threshold, the core circle's seat rules and
//! mandate length. Stored in `networks.rules` ([`NetworkRules`]); every change is
//! recorded in the audit log (`governance.update`, before and after) and the latest
//! are shown on `/governance`. Administrators change them; every person reads them.

use super::circle::SeatRulesOut;
use crate::audit::{self, Actor, Change, log::AuditRow};
use crate::entities::network::{self, NetworkRules};
use crate::error::{AppError, AppResult, FieldErrors};
use intercoop_domain::core_circle::SeatRules;
use intercoop_domain::voting::{Method, validate_method};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, Set};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The audit log's action for a change of these settings.
pub const ACTION: &str = "governance.update";

/// How many recent changes the page and the API show.
pub const RECENT: u64 = 10;

/// The settings, as read and as written (`PUT` gives them all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GovernanceSettings {
    /// The share of member organisations an assembly needs present or represented,
    /// percent 0–100 (default 50).
    pub assembly_quorum_percent: u32,
    /// A decision poll's quorum when the poll names none: share of the electorate's
    /// weight that must vote, percent 0–100 (default 0).
    pub poll_quorum_percent: u32,
    /// A decision poll's threshold when the poll names none: `simple_majority`
    /// (default), `two_thirds` or a fraction in (0, 1] such as `3/5`.
    pub poll_threshold: String,
    /// The core circle's seat rules; `max_mandate_days` is the longest elected mandate
    /// (30–3660 days, default 730).
    pub core_seats: SeatRulesOut,
}

/// The settings and their latest changes (newest first, at most 10).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GovernanceOut {
    pub settings: GovernanceSettings,
    pub changes: Vec<AuditRow>,
}

impl GovernanceSettings {
    /// The settings a network's stored rules say (defaults for what they leave out).
    pub fn of(rules: &NetworkRules) -> GovernanceSettings {
        GovernanceSettings {
            assembly_quorum_percent: rules.assembly_quorum_percent.unwrap_or(50).min(100),
            poll_quorum_percent: rules.poll_quorum_percent.unwrap_or(0).min(100),
            poll_threshold: rules
                .poll_threshold
                .clone()
                .unwrap_or_else(|| "simple_majority".to_string()),
            core_seats: rules.core_seats.unwrap_or_default().into(),
        }
    }

    /// Checks the settings; each refusal is on its field (`core_seats.elected_min`…).
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.assembly_quorum_percent > 100 {
            errors.add("assembly_quorum_percent", "poll-quorum");
        }
        if self.poll_quorum_percent > 100 {
            errors.add("poll_quorum_percent", "poll-quorum");
        }
        match crate::polls::input::parse_threshold(Some(&self.poll_threshold)) {
            Some(threshold) => {
                let method = Method::Decision {
                    quorum_percent: 0,
                    threshold,
                };
                if validate_method(&method, 3).is_err() {
                    errors.add("poll_threshold", "poll-threshold");
                }
            }
            None => errors.add("poll_threshold", "poll-threshold"),
        }
        let r = &self.core_seats;
        if r.facilitator_min > r.facilitator_max {
            errors.add("core_seats.facilitator_min", "governance-min-above-max");
        }
        if r.elected_min > r.elected_max {
            errors.add("core_seats.elected_min", "governance-min-above-max");
        }
        if !(30..=3660).contains(&r.max_mandate_days) {
            errors.add("core_seats.max_mandate_days", "governance-mandate-days");
        }
        if errors.is_empty() && self.seat_rules().check().is_err() {
            // What remains of the domain's rule: no seat at all, or too many.
            errors.add("core_seats.elected_max", "core-rules");
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    fn seat_rules(&self) -> SeatRules {
        let r = &self.core_seats;
        SeatRules {
            facilitator_min: r.facilitator_min,
            facilitator_max: r.facilitator_max,
            elected_min: r.elected_min,
            elected_max: r.elected_max,
            max_mandate_days: r.max_mandate_days,
        }
    }

    /// The threshold as stored: the words kept, a fraction without spaces.
    fn normalised_threshold(&self) -> String {
        let t: String = self.poll_threshold.split_whitespace().collect();
        if t.is_empty() { "simple_majority".to_string() } else { t }
    }
}

async fn network_of<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<network::Model> {
    network::Entity::find_by_id(network_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// The network's settings and their latest changes.
pub async fn read<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<GovernanceOut> {
    let n = network_of(conn, network_id).await?;
    Ok(GovernanceOut {
        settings: GovernanceSettings::of(&n.rules.0),
        changes: audit::log::latest_of(conn, network_id, ACTION, RECENT).await?,
    })
}

/// Stores new settings (validated first: a refusal stores nothing) and records the
/// change with the settings before and after. Unchanged settings record nothing.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    actor: Actor,
    network_id: i64,
    input: &GovernanceSettings,
) -> AppResult<()> {
    input.validate().map_err(AppError::Invalid)?;
    let n = network_of(conn, network_id).await?;
    let before = GovernanceSettings::of(&n.rules.0);
    let mut rules = n.rules.0.clone();
    rules.assembly_quorum_percent = Some(input.assembly_quorum_percent);
    rules.poll_quorum_percent = Some(input.poll_quorum_percent);
    rules.poll_threshold = Some(input.normalised_threshold());
    rules.core_seats = Some(input.seat_rules());
    let after = GovernanceSettings::of(&rules);
    if after == before {
        return Ok(());
    }
    let mut active = n.into_active_model();
    active.rules = Set(crate::db::types::Json(rules));
    active.update(conn).await?;
    audit::record(
        conn,
        Change {
            network_id: Some(network_id),
            actor,
            action: ACTION,
            entity: "network",
            entity_id: Some(network_id),
        },
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(())
}

/// A decision poll's defaults for a network: (quorum percent, threshold).
pub async fn poll_defaults<C: ConnectionTrait>(conn: &C, network_id: i64) -> AppResult<(u32, String)> {
    let s = GovernanceSettings::of(&network_of(conn, network_id).await?.rules.0);
    Ok((s.poll_quorum_percent, s.poll_threshold))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok() -> GovernanceSettings {
        GovernanceSettings::of(&NetworkRules::default())
    }

    fn refused(s: GovernanceSettings) -> Vec<String> {
        s.validate().unwrap_err().0.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn defaults_are_valid() {
        assert!(ok().validate().is_ok());
        assert_eq!(ok().poll_threshold, "simple_majority");
        assert_eq!(ok().assembly_quorum_percent, 50);
    }

    #[test]
    fn each_bad_field_is_refused_on_its_name() {
        let mut s = ok();
        s.core_seats.elected_min = 4;
        assert_eq!(refused(s), vec!["core_seats.elected_min"]);
        let mut s = ok();
        s.core_seats.facilitator_min = 3;
        assert_eq!(refused(s), vec!["core_seats.facilitator_min"]);
        let mut s = ok();
        s.core_seats.max_mandate_days = 0;
        assert_eq!(refused(s), vec!["core_seats.max_mandate_days"]);
        for bad in ["3/2", "0/5", "1/0", "half", ""] {
            let mut s = ok();
            s.poll_threshold = bad.into();
            if bad.is_empty() {
                // Empty is the default, simple majority.
                assert!(s.validate().is_ok());
            } else {
                assert_eq!(refused(s), vec!["poll_threshold"], "{bad}");
            }
        }
        let mut s = ok();
        s.poll_quorum_percent = 101;
        assert_eq!(refused(s), vec!["poll_quorum_percent"]);
        let mut s = ok();
        s.poll_threshold = " 3 / 5 ".into();
        assert!(s.validate().is_ok());
        assert_eq!(s.normalised_threshold(), "3/5");
    }
}
