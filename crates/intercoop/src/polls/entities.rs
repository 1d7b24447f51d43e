//! Tables of the polls capability (migration 3).

use crate::db::types::{Json as StoredJson, Text};
use intercoop_domain::organisation::OrgKind;
use intercoop_domain::voting::{BallotContent, Electorate, MandateKind, Method, MethodKind, PollStatus};

use crate::db::entity;

entity!(poll, "polls", {
    network_id: i64,
    title: String,
    description: String,
    method: Text<MethodKind>,
    method_params: StoredJson<Method>,
    electorate: Text<Electorate>,
    organisation_kinds: StoredJson<Vec<OrgKind>>,
    weighted: bool,
    secret: bool,
    hide_results: bool,
    status: Text<PollStatus>,
    opens_at: Option<TimeDateTimeWithTimeZone>,
    closes_at: Option<TimeDateTimeWithTimeZone>,
    opened_at: Option<TimeDateTimeWithTimeZone>,
    closed_at: Option<TimeDateTimeWithTimeZone>,
    proposal_id: Option<i64>,
    effect: Option<StoredJson<crate::proposals::ProposalEffect>>,
    priority: bool,
    max_proxies: i64,
    electorate_weight: i64,
    secret_salt: Option<String>,
    result: Option<StoredJson<crate::polls::result::PollResult>>,
    created_by: Option<i64>,
    created_at: TimeDateTimeWithTimeZone,
    updated_at: TimeDateTimeWithTimeZone,
});

entity!(poll_option, "poll_options", {
    poll_id: i64,
    position: i64,
    label: String,
    proposal_id: Option<i64>,
});

entity!(elector, "poll_electorate", {
    poll_id: i64,
    voter_key: String,
    organisation_id: Option<i64>,
    person_id: Option<i64>,
    weight: i64,
});

entity!(mandate, "poll_mandates", {
    poll_id: i64,
    organisation_id: i64,
    kind: Text<MandateKind>,
    person_id: Option<i64>,
    holder_organisation_id: Option<i64>,
    created_by: i64,
    created_at: TimeDateTimeWithTimeZone,
});

entity!(ballot, "poll_ballots", {
    poll_id: i64,
    ballot_key: String,
    content: StoredJson<BallotContent>,
    weight: i64,
    receipt_hash: String,
    cast_at: TimeDateTimeWithTimeZone,
});

entity!(voter, "poll_voters", {
    poll_id: i64,
    voter_key: String,
    organisation_id: Option<i64>,
    cast_by: i64,
    recorded_by: Option<i64>,
    voted_at: TimeDateTimeWithTimeZone,
});
