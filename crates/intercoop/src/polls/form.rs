//! A poll as typed in the page's form ([`PollForm`]: every field a `String`, so that a
//! form with errors comes back with what was typed), read into the API's
//! [`PollInput`] and validated by the same [`PollInput::validate`]: the page and the API
//! refuse the same polls with the same messages, on the same fields.
//!
//! What only a form has: numbers as typed ("10"), check boxes ("1" or absent), options
//! one per line, and times picked in the network's time zone (`datetime-local`,
//! `web::picked`), turned into the RFC 3339 instants the API takes.

use super::input::{PollInput, ValidPoll};
use crate::error::FieldErrors;
use crate::proposals::ProposalEffect;
use serde::Deserialize;

/// The methods a poll may use, in the order the form offers them.
pub const METHODS: [&str; 6] = [
    "decision",
    "consent",
    "approval",
    "points",
    "schulze",
    "majority_judgment",
];

/// The poll form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PollForm {
    pub title: String,
    pub description: String,
    /// One of [`METHODS`].
    pub method: String,
    /// The options, one per line (approval, points, schulze, majority judgment).
    pub options: String,
    /// organisations or people
    pub electorate: String,
    /// Check boxes, one per kind of member organisation the electorate counts
    /// (`organisation_kinds` of the API): present ("1") when ticked.
    pub kind_user: String,
    pub kind_provider: String,
    pub kind_partner: String,
    pub kind_facilitator: String,
    pub points: String,
    pub quorum_percent: String,
    /// simple_majority, two_thirds or custom (then `threshold_fraction`, e.g. "3/5").
    pub threshold: String,
    pub threshold_fraction: String,
    pub grade_count: String,
    /// Check boxes: present ("1") when ticked.
    pub secret: String,
    pub hide_results: String,
    pub weighted: String,
    /// `datetime-local` values, in the network's time zone.
    pub opens_at: String,
    pub closes_at: String,
    /// The proposal this poll decides (empty: none), and what a pass does to it.
    pub proposal_id: String,
    /// discuss, reject or open_funding (empty: the poll only advises).
    pub effect: String,
    /// With `open_funding`: the co-funding's terms as `POST /api/v1/proposals/{id}/campaign`
    /// takes them (JSON), chosen on the proposal's co-funding page ("decide by a poll").
    pub funding_terms: String,
    pub max_proxies: String,
    /// Check box: a priority poll, whose result orders the proposals ticked below.
    pub priority: String,
    /// The other fields: the proposals a priority poll orders, ticked (`order_<id>`).
    #[serde(flatten)]
    pub rest: std::collections::BTreeMap<String, String>,
}

impl PollForm {
    /// A new poll's form: a decision of the member organisations, one proxy each.
    pub fn new_poll() -> PollForm {
        PollForm {
            method: "decision".into(),
            electorate: "organisations".into(),
            kind_user: "1".into(),
            threshold: "simple_majority".into(),
            points: "10".into(),
            grade_count: "6".into(),
            max_proxies: "1".into(),
            ..PollForm::default()
        }
    }

    /// Is this check box ticked?
    pub fn ticked(&self, field: &str) -> bool {
        let value = match field {
            "secret" => &self.secret,
            "hide_results" => &self.hide_results,
            "weighted" => &self.weighted,
            "kind_user" => &self.kind_user,
            "kind_provider" => &self.kind_provider,
            "kind_partner" => &self.kind_partner,
            "kind_facilitator" => &self.kind_facilitator,
            "priority" => &self.priority,
            _ => return false,
        };
        !value.trim().is_empty()
    }

    /// The proposals ticked for a priority poll (`order_<id>`), by id.
    pub fn ordered(&self) -> Vec<i64> {
        self.rest
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .filter_map(|(k, _)| k.strip_prefix("order_")?.parse().ok())
            .collect()
    }

    /// The form read as the API's body; what cannot be read is a field error (and left
    /// out of the body). Times are read in `time_zone`. `titles` gives the title of each
    /// proposal a priority poll may order: its options are their titles.
    pub fn to_input(&self, time_zone: &str, titles: &[(i64, String)]) -> (PollInput, FieldErrors) {
        let mut errors = FieldErrors::default();
        let mut number = |field: &str, raw: &str| -> Option<i64> {
            match raw.trim() {
                "" => None,
                s => match s.parse::<i64>() {
                    Ok(n) if n >= 0 => Some(n),
                    _ => {
                        errors.add(field, "whole-number");
                        None
                    }
                },
            }
        };
        let points = number("points", &self.points);
        let quorum = number("quorum_percent", &self.quorum_percent);
        let grades = number("grade_count", &self.grade_count);
        let max_proxies = number("max_proxies", &self.max_proxies);
        let proposal_id = number("proposal_id", &self.proposal_id);
        // Out of the type's range: the domain's own refusal for the field.
        let points = points.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        let quorum_percent = quorum.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        let grade_count = grades.map(|n| u8::try_from(n).unwrap_or(u8::MAX));
        let mut time = |field: &str, raw: &str| -> Option<String> {
            match raw.trim() {
                "" => None,
                s => match crate::web::picked::at_local(s, time_zone) {
                    Some(at) => at.format(&time::format_description::well_known::Rfc3339).ok(),
                    None => {
                        errors.add(field, "poll-local-datetime");
                        None
                    }
                },
            }
        };
        let opens_at = time("opens_at", &self.opens_at);
        let closes_at = time("closes_at", &self.closes_at);
        let threshold = match self.threshold.trim() {
            "custom" => Some(self.threshold_fraction.trim().to_string()),
            "" => None,
            other => Some(other.to_string()),
        };
        let effect = match self.effect.trim() {
            "" => None,
            "discuss" => Some(ProposalEffect::Discuss),
            "reject" => Some(ProposalEffect::Reject),
            "open_funding" => match serde_json::from_str(&self.funding_terms) {
                Ok(terms) => Some(ProposalEffect::OpenFunding { terms }),
                Err(_) => {
                    errors.add("effect", "poll-funding-terms");
                    None
                }
            },
            _ => {
                errors.add("effect", "invalid-choice");
                None
            }
        };
        // A priority poll's options are the proposals ticked, in the list's order.
        let priority = self.ticked("priority");
        let (options, proposal_ids) = if priority {
            let ticked = self.ordered();
            let chosen: Vec<&(i64, String)> = titles.iter().filter(|(id, _)| ticked.contains(id)).collect();
            (
                chosen.iter().map(|(_, t)| t.clone()).collect(),
                Some(chosen.iter().map(|(id, _)| *id).collect()),
            )
        } else {
            (
                self.options
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect(),
                None,
            )
        };
        let tick = |v: &str| Some(!v.trim().is_empty());
        let input = PollInput {
            title: self.title.clone(),
            description: Some(self.description.clone()),
            method: self.method.clone(),
            options,
            electorate: Some(self.electorate.clone()),
            organisation_kinds: Some(
                ["user", "provider", "partner", "facilitator"]
                    .into_iter()
                    .filter(|k| self.ticked(&format!("kind_{k}")))
                    .map(str::to_string)
                    .collect(),
            ),
            points,
            quorum_percent,
            threshold,
            grade_count,
            secret: tick(&self.secret),
            hide_results: tick(&self.hide_results),
            weighted: tick(&self.weighted),
            opens_at,
            closes_at,
            proposal_id,
            effect,
            priority: Some(priority),
            proposal_ids,
            max_proxies,
        };
        (input, errors)
    }

    /// Reads and validates the form as the API validates its body: the form's own
    /// errors first, then the API's on the other fields.
    pub fn validate(&self, time_zone: &str, titles: &[(i64, String)]) -> Result<ValidPoll, FieldErrors> {
        let (input, mut errors) = self.to_input(time_zone, titles);
        match input.validate() {
            Ok(valid) if errors.is_empty() => Ok(valid),
            Ok(_) => Err(errors),
            Err(more) => {
                for e in more.0 {
                    if errors.0.iter().all(|known| known.field != e.field) {
                        errors.0.push(e);
                    }
                }
                Err(errors)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use intercoop_domain::organisation::OrgKind;
    use intercoop_domain::voting::{Electorate, Method};

    fn form(method: &str) -> PollForm {
        PollForm {
            title: "Which module first?".into(),
            method: method.into(),
            ..PollForm::new_poll()
        }
    }

    #[test]
    fn options_are_one_per_line_and_boxes_are_ticked_when_present() {
        let valid = PollForm {
            options: "Labels\r\n\r\n  Stock sync \nMembers".into(),
            secret: "1".into(),
            electorate: "people".into(),
            ..form("approval")
        }
        .validate("Europe/Brussels", &[])
        .unwrap();
        let labels: Vec<&str> = valid.options.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["Labels", "Stock sync", "Members"]);
        assert!(valid.secret && !valid.weighted && !valid.hide_results);
        assert_eq!(valid.electorate, Electorate::People);
    }

    #[test]
    fn a_new_poll_counts_the_user_cooperatives_and_may_include_others() {
        let valid = form("decision").validate("Europe/Brussels", &[]).unwrap();
        assert_eq!(valid.organisation_kinds, [OrgKind::User]);
        let valid = PollForm {
            kind_provider: "1".into(),
            kind_facilitator: "1".into(),
            ..form("decision")
        }
        .validate("Europe/Brussels", &[])
        .unwrap();
        assert_eq!(
            valid.organisation_kinds,
            [OrgKind::User, OrgKind::Provider, OrgKind::Facilitator]
        );
        let none = PollForm {
            kind_user: String::new(),
            ..form("decision")
        }
        .validate("Europe/Brussels", &[])
        .unwrap_err();
        assert!(none.0.iter().any(|e| e.field == "organisation_kinds"), "{none:?}");
    }

    #[test]
    fn the_apis_rules_name_the_same_fields() {
        let errors = PollForm {
            title: " ".into(),
            options: "Only one".into(),
            secret: "1".into(),
            weighted: "1".into(),
            ..form("schulze")
        }
        .validate("Europe/Brussels", &[])
        .unwrap_err();
        let fields: Vec<(&str, &str)> = errors.0.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert!(fields.contains(&("title", "required")), "{fields:?}");
        assert!(fields.contains(&("options", "poll-option-count")), "{fields:?}");
        assert!(fields.contains(&("secret", "poll-secret-weighted")), "{fields:?}");
    }

    #[test]
    fn what_a_form_types_wrong_is_said_on_its_field() {
        let errors = PollForm {
            points: "ten".into(),
            closes_at: "soon".into(),
            threshold: "custom".into(),
            threshold_fraction: "2/1".into(),
            ..form("decision")
        }
        .validate("Europe/Brussels", &[])
        .unwrap_err();
        assert_eq!(
            errors.get("points", crate::i18n::Lang::En).as_deref(),
            Some("Enter a whole number.")
        );
        assert!(errors.get("closes_at", crate::i18n::Lang::En).is_some());
        assert!(errors.get("threshold", crate::i18n::Lang::En).is_some());
    }

    #[test]
    fn a_decisions_numbers_reach_its_method() {
        let valid = PollForm {
            quorum_percent: "40".into(),
            threshold: "two_thirds".into(),
            ..form("decision")
        }
        .validate("Europe/Brussels", &[])
        .unwrap();
        assert!(matches!(valid.method, Method::Decision { quorum_percent: 40, .. }));
        let valid = PollForm {
            grade_count: "4".into(),
            options: "A\nB".into(),
            ..form("majority_judgment")
        }
        .validate("Europe/Brussels", &[])
        .unwrap();
        assert_eq!(valid.method, Method::MajorityJudgment { grade_count: 4 });
    }

    #[test]
    fn a_priority_poll_orders_the_proposals_ticked() {
        let mut rest = std::collections::BTreeMap::new();
        rest.insert("order_7".to_string(), "1".to_string());
        rest.insert("order_3".to_string(), "1".to_string());
        let titles = [
            (3, "Scales".to_string()),
            (5, "Labels".to_string()),
            (7, "Odoo 17".to_string()),
        ];
        let valid = PollForm {
            title: "What first?".into(),
            method: "schulze".into(),
            priority: "1".into(),
            options: "ignored".into(),
            rest,
            ..PollForm::new_poll()
        }
        .validate("Europe/Brussels", &titles)
        .unwrap();
        assert!(valid.priority);
        assert_eq!(
            valid.options,
            [("Scales".to_string(), Some(3)), ("Odoo 17".to_string(), Some(7))]
        );
        // Nothing ticked: the API's own message, on its field.
        let errors = PollForm {
            title: "What first?".into(),
            method: "schulze".into(),
            priority: "1".into(),
            ..PollForm::new_poll()
        }
        .validate("Europe/Brussels", &titles)
        .unwrap_err();
        assert!(errors.has("options"), "{errors:?}");
    }

    #[test]
    fn the_funding_effect_takes_the_terms_chosen_on_the_campaign_page() {
        let valid = PollForm {
            title: "Open it?".into(),
            proposal_id: "4".into(),
            effect: "open_funding".into(),
            funding_terms: r#"{"amount_cents":30000,"key":{"kind":"equal"}}"#.into(),
            ..PollForm::new_poll()
        }
        .validate("Europe/Brussels", &[])
        .unwrap();
        assert!(matches!(valid.effect, Some(ProposalEffect::OpenFunding { .. })));
        let errors = PollForm {
            title: "Open it?".into(),
            proposal_id: "4".into(),
            effect: "open_funding".into(),
            ..PollForm::new_poll()
        }
        .validate("Europe/Brussels", &[])
        .unwrap_err();
        assert_eq!(errors.0[0].field, "effect");
    }
}
