//! Polls: their options, the electorate frozen at opening, delegations and proxies,
//! ballots and the record of who voted.

use super::migrations::{Step, boolean, fk, id, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::Cascade;

pub(crate) fn up() -> Vec<Step> {
    vec![
        table(
            "polls",
            vec![
                id(),
                int("network_id"),
                text("title"),
                text("description"),
                // The method's kind, and the whole method with its parameters as JSON
                // (e.g. `{"kind":"points","budget":10}`).
                text("method"),
                text("method_params"),
                // organisations | people
                text("electorate"),
                boolean("weighted", false),
                boolean("secret", false),
                boolean("hide_results", false),
                // draft | open | closed
                text("status"),
                ts_null("opens_at"),
                ts_null("closes_at"),
                ts_null("opened_at"),
                ts_null("closed_at"),
                int_null("proposal_id"),
                // What the poll does to its proposal when it passes (JSON, e.g. `{"kind":"discuss"}`).
                text_null("effect"),
                boolean("priority", false),
                int("max_proxies"),
                // Total weight of the electorate, frozen at opening.
                int("electorate_weight"),
                // Random salt keying secret ballots while open; erased at closing.
                text_null("secret_salt"),
                // The published result (JSON), stored at closing.
                text_null("result"),
                int_null("created_by"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![fk("polls", "network_id", "networks", Cascade)],
        ),
        index("polls", &["network_id", "status"], false),
        table(
            "poll_options",
            vec![
                id(),
                int("poll_id"),
                int("position"),
                text("label"),
                int_null("proposal_id"),
            ],
            vec![fk("poll_options", "poll_id", "polls", Cascade)],
        ),
        index("poll_options", &["poll_id", "position"], true),
        // Who may vote, frozen when the poll opens. `voter_key` is `o:<organisation id>` or
        // `p:<person id>`; `person_id` is the organisation's representative at opening.
        table(
            "poll_electorate",
            vec![
                id(),
                int("poll_id"),
                text("voter_key"),
                int_null("organisation_id"),
                int_null("person_id"),
                int("weight"),
            ],
            vec![fk("poll_electorate", "poll_id", "polls", Cascade)],
        ),
        index("poll_electorate", &["poll_id", "voter_key"], true),
        index("poll_electorate", &["organisation_id"], false),
        // Delegations (kind `delegate`: to another person of the same organisation) and
        // proxies (kind `proxy`: to another member organisation's representative), one per
        // organisation and poll.
        table(
            "poll_mandates",
            vec![
                id(),
                int("poll_id"),
                int("organisation_id"),
                text("kind"),
                int_null("person_id"),
                int_null("holder_organisation_id"),
                int("created_by"),
                ts("created_at"),
            ],
            vec![fk("poll_mandates", "poll_id", "polls", Cascade)],
        ),
        index("poll_mandates", &["poll_id", "organisation_id"], true),
        index("poll_mandates", &["poll_id", "holder_organisation_id"], false),
        // Ballots. `ballot_key` is the voter key, or for a secret poll a salted hash of it,
        // so that a ballot can be replaced while open but no longer tied to a voter after.
        // The unique index makes two simultaneous ballots of one voter leave exactly one.
        table(
            "poll_ballots",
            vec![
                id(),
                int("poll_id"),
                text("ballot_key"),
                text("content"),
                int("weight"),
                text("receipt_hash"),
                ts("cast_at"),
            ],
            vec![fk("poll_ballots", "poll_id", "polls", Cascade)],
        ),
        index("poll_ballots", &["poll_id", "ballot_key"], true),
        // Who voted (never what): one row per voter, also for secret polls.
        table(
            "poll_voters",
            vec![
                id(),
                int("poll_id"),
                text("voter_key"),
                int_null("organisation_id"),
                int("cast_by"),
                // The facilitator who recorded the ballot at a physical assembly, if any.
                int_null("recorded_by"),
                ts("voted_at"),
            ],
            vec![fk("poll_voters", "poll_id", "polls", Cascade)],
        ),
        index("poll_voters", &["poll_id", "voter_key"], true),
    ]
}
