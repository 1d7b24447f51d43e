//! Migration 2: proposals, quotes, co-funding campaigns, pledges, payment requests,
//! catch-up shares and their credits, and the queue of share changes for the digest.

use super::migrations::{Step, boolean, fk, id, index, int, int_null, table, text, text_null, ts, ts_null};
use sea_orm::sea_query::ForeignKeyAction::{Cascade, Restrict, SetNull};

pub(crate) fn up() -> Vec<Step> {
    vec![
        // A need posted by a member. `software` is the tag of the software concerned
        // ("Odoo 16 / cooperator"); `links` one URL per line. The `priority_*` columns
        // hold the network's order as computed by the last priority poll.
        table(
            "proposals",
            vec![
                id(),
                int("network_id"),
                text("title"),
                text("description"),
                text("software"),
                text("links"),
                int("requested_by"),
                int_null("author_id"),
                text("status"),
                int_null("selected_quote_id"),
                int_null("priority_rank"),
                int_null("priority_poll_id"),
                text_null("priority_method"),
                ts_null("priority_at"),
                ts_null("delivered_at"),
                // When the organisations running the software were told (NULL: not yet).
                ts_null("announced_at"),
                ts("created_at"),
                ts("updated_at"),
            ],
            vec![
                fk("proposals", "network_id", "networks", Cascade),
                fk("proposals", "requested_by", "organisations", Restrict),
                fk("proposals", "author_id", "people", SetNull),
            ],
        ),
        index("proposals", &["network_id", "status"], false),
        // "We need it too": one row per organisation.
        table(
            "proposal_interests",
            vec![
                id(),
                int("proposal_id"),
                int("organisation_id"),
                int_null("person_id"),
                ts("created_at"),
            ],
            vec![
                fk("proposal_interests", "proposal_id", "proposals", Cascade),
                fk("proposal_interests", "organisation_id", "organisations", Cascade),
            ],
        ),
        index("proposal_interests", &["proposal_id", "organisation_id"], true),
        // Comments; an objection is a comment that says "not like this".
        table(
            "proposal_comments",
            vec![
                id(),
                int("proposal_id"),
                int("person_id"),
                int_null("organisation_id"),
                text("body"),
                boolean("is_objection", false),
                ts("created_at"),
            ],
            vec![
                fk("proposal_comments", "proposal_id", "proposals", Cascade),
                fk("proposal_comments", "person_id", "people", Cascade),
            ],
        ),
        index("proposal_comments", &["proposal_id"], false),
        // The proposal's timeline: transitions with their reason, quotes, pledges, polls.
        table(
            "proposal_events",
            vec![
                id(),
                int("proposal_id"),
                int_null("actor_id"),
                text("kind"),
                text_null("from_status"),
                text_null("to_status"),
                text("reason"),
                int_null("poll_id"),
                ts("at"),
            ],
            vec![fk("proposal_events", "proposal_id", "proposals", Cascade)],
        ),
        index("proposal_events", &["proposal_id", "id"], false),
        // A provider's quote; `milestones` is JSON [{"title","amount_cents"}].
        table(
            "quotes",
            vec![
                id(),
                int("proposal_id"),
                int("provider_id"),
                int("amount_cents"),
                int("vat_basis_points"),
                int_null("hours"),
                ts_null("valid_until"),
                text("milestones"),
                text("note"),
                int_null("created_by"),
                ts("created_at"),
            ],
            vec![
                fk("quotes", "proposal_id", "proposals", Cascade),
                fk("quotes", "provider_id", "organisations", Restrict),
            ],
        ),
        index("quotes", &["proposal_id"], false),
        // One co-funding campaign per proposal. `sharing_key` and `fixed` are the JSON
        // of the domain's SharingKey and fixed contributions.
        table(
            "campaigns",
            vec![
                id(),
                int("network_id"),
                int("proposal_id"),
                int_null("quote_id"),
                int("amount_cents"),
                text("sharing_key"),
                text("fixed"),
                ts("deadline"),
                int("min_participants"),
                int("catch_up_years"),
                text("status"),
                ts("opened_at"),
                ts_null("closed_at"),
                // When every representative was told of the opening (NULL: not yet).
                ts_null("announced_at"),
            ],
            vec![
                fk("campaigns", "network_id", "networks", Cascade),
                fk("campaigns", "proposal_id", "proposals", Cascade),
            ],
        ),
        index("campaigns", &["proposal_id"], true),
        index("campaigns", &["status", "deadline"], false),
        // One pledge per organisation per campaign (the unique index is the last guard
        // against a double pledge). `size` is the organisation's size when it pledged,
        // so that a later change of size does not change settled shares.
        table(
            "pledges",
            vec![
                id(),
                int("campaign_id"),
                int("organisation_id"),
                int_null("person_id"),
                int_null("cap_cents"),
                int_null("size"),
                text("status"),
                ts("created_at"),
            ],
            vec![
                fk("pledges", "campaign_id", "campaigns", Cascade),
                fk("pledges", "organisation_id", "organisations", Restrict),
            ],
        ),
        index("pledges", &["campaign_id", "organisation_id"], true),
        index("pledges", &["organisation_id"], false),
        // Who owes what for what: plain records that the money capability builds on.
        table(
            "payment_requests",
            vec![
                id(),
                int("network_id"),
                int("organisation_id"),
                int_null("campaign_id"),
                int_null("catch_up_id"),
                text("purpose"),
                int("amount_cents"),
                ts("due_at"),
                text("status"),
                ts("created_at"),
            ],
            vec![
                fk("payment_requests", "network_id", "networks", Cascade),
                fk("payment_requests", "organisation_id", "organisations", Restrict),
            ],
        ),
        index("payment_requests", &["organisation_id"], false),
        index("payment_requests", &["campaign_id"], false),
        // A late adopter's catch-up share, and the credits it gives the earlier funders.
        table(
            "catch_ups",
            vec![
                id(),
                int("campaign_id"),
                int("organisation_id"),
                int_null("size"),
                int("amount_cents"),
                ts("created_at"),
            ],
            vec![
                fk("catch_ups", "campaign_id", "campaigns", Cascade),
                fk("catch_ups", "organisation_id", "organisations", Restrict),
            ],
        ),
        index("catch_ups", &["campaign_id", "organisation_id"], true),
        table(
            "catch_up_credits",
            vec![
                id(),
                int("catch_up_id"),
                int("organisation_id"),
                int("amount_cents"),
                ts("created_at"),
            ],
            vec![
                fk("catch_up_credits", "catch_up_id", "catch_ups", Cascade),
                fk("catch_up_credits", "organisation_id", "organisations", Restrict),
            ],
        ),
        index("catch_up_credits", &["organisation_id"], false),
        // Share changes waiting for the daily digest (sent_at is set once told).
        table(
            "share_changes",
            vec![
                id(),
                int("network_id"),
                int("campaign_id"),
                int("organisation_id"),
                int("before_cents"),
                int("after_cents"),
                ts("created_at"),
                ts_null("sent_at"),
            ],
            vec![fk("share_changes", "campaign_id", "campaigns", Cascade)],
        ),
        index("share_changes", &["sent_at"], false),
    ]
}
