//! Demo content of the proposals and co-funding: a few realistic proposals in various
//! states.

use super::data;
use super::needs::ProposalInput;
use crate::access::Doer;
use crate::error::AppError;
use intercoop_domain::lifecycle::ProposalStatus;
use intercoop_domain::organisation::OrgKind;

/// A few realistic proposals in various states: a need in discussion, a quoted one,
/// a campaign open with pledges, a funded and delivered one.
pub async fn load_demo<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64) -> anyhow::Result<()> {
    use crate::entities::{membership, organisation};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let members: Vec<membership::Model> = membership::Entity::find()
        .filter(membership::Column::NetworkId.eq(network_id))
        .filter(membership::Column::Status.eq("member"))
        .all(conn)
        .await?;
    let sized: Vec<i64> = members
        .iter()
        .filter(|m| m.size.is_some())
        .map(|m| m.organisation_id)
        .collect();
    let orgs = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(members.iter().map(|m| m.organisation_id)))
        .all(conn)
        .await?;
    let mut users: Vec<&organisation::Model> = orgs
        .iter()
        .filter(|o| o.kind == OrgKind::User && sized.contains(&o.id))
        .collect();
    users.sort_by_key(|o| o.id);
    let provider = orgs.iter().find(|o| o.kind == OrgKind::Provider);
    let facilitator = orgs.iter().find(|o| o.kind == OrgKind::Facilitator);
    let (Some(provider), Some(facilitator)) = (provider, facilitator) else {
        return Ok(());
    };
    if users.len() < 4 {
        return Ok(());
    }
    let admin = Doer::assembly();
    let err = |e: AppError| anyhow::anyhow!("demo proposals: {e}");
    let post = |title: &str, software: &str, description: &str, by: i64| {
        (
            ProposalInput {
                title: title.into(),
                description: description.into(),
                software: software.into(),
                links: "https://github.com/OCA/product-attribute".into(),
                requested_by: by.to_string(),
                draft: false,
            },
            by,
        )
    };
    let mut ids = Vec::new();
    for (input, _) in [
        post(
            "Print shelf labels from Odoo",
            "Odoo 12 / shift",
            "Shelf labels with the **price per kilo**, the origin and a barcode, printed in batches from the product list.\n\n- A4 sheets of 24 labels\n- one click from *Inventory → Products*",
            users[0].id,
        ),
        post(
            "Deposit management for returnable jars",
            "Odoo 12",
            "Track the deposit paid on returnable jars and bottles at the till, and refund it when they come back.",
            users[1].id,
        ),
        post(
            "Migrate our shared modules from Odoo 12 to Odoo 16",
            "Odoo 12",
            "Odoo 12 is out of support. Port the cooperator, shift and POS modules we share to Odoo 16, with their data migration scripts.",
            users[2].id,
        ),
        post(
            "Member card with a QR code at the till",
            "Odoo 12 / cooperator",
            "Show a QR code on the member's card and scan it at the till to find the member.",
            users[3].id,
        ),
    ] {
        let valid = input.validate().map_err(|e| anyhow::anyhow!("demo proposal: {e:?}"))?;
        let id = super::needs::create(conn, &admin, network_id, &valid)
            .await
            .map_err(err)?;
        ids.push(id);
    }
    // Shelf labels: quoted 1 200 €, a campaign open with three pledges.
    let p = data::get(conn, network_id, ids[0]).await.map_err(err)?;
    super::needs::add_interest(conn, &admin, &p, users[1].id)
        .await
        .map_err(err)?;
    super::needs::add_interest(conn, &admin, &p, users[2].id)
        .await
        .map_err(err)?;
    let quote = super::quotes::add_quote(
        conn,
        &admin,
        &p,
        &super::quotes::QuoteInput {
            provider_id: provider.id,
            amount_cents: 120_000,
            vat_basis_points: 0,
            hours: Some(16),
            valid_until: Some(crate::db::now() + time::Duration::days(90)),
            milestones: vec![
                super::quotes::Milestone {
                    title: "Label layout and printing".into(),
                    amount_cents: 80_000,
                },
                super::quotes::Milestone {
                    title: "Tests and release on the OCA".into(),
                    amount_cents: 40_000,
                },
            ],
            note: String::new(),
        },
    )
    .await
    .map_err(err)?;
    let p = data::get(conn, network_id, ids[0]).await.map_err(err)?;
    let body = crate::funding::terms::CampaignBody {
        amount_cents: None,
        quote_id: Some(quote.id),
        key: intercoop_domain::sharing::SharingKey::Equal,
        fixed: Vec::new(),
        deadline: Some(crate::db::now() + time::Duration::days(21)),
        min_participants: Some(3),
        catch_up_years: None,
        reserve_id: None,
    };
    super::cofunding::open_campaign(conn, &admin, &p, &body, None)
        .await
        .map_err(err)?;
    for o in users.iter().take(3) {
        crate::funding::pledging::pledge(conn, &admin, p.network_id, p.id, o.id, None)
            .await
            .map_err(err)?;
    }
    // Deposit management: quoted, waiting for the assembly.
    let p = data::get(conn, network_id, ids[1]).await.map_err(err)?;
    super::quotes::add_quote(
        conn,
        &admin,
        &p,
        &super::quotes::QuoteInput {
            provider_id: provider.id,
            amount_cents: 300_000,
            vat_basis_points: 0,
            hours: Some(40),
            valid_until: Some(crate::db::now() + time::Duration::days(60)),
            milestones: Vec::new(),
            note: String::new(),
        },
    )
    .await
    .map_err(err)?;
    // The migration: 50 000 €, the facilitating cooperative covers 10 000 €, the rest
    // by size; funded and in progress.
    let p = data::get(conn, network_id, ids[2]).await.map_err(err)?;
    let body = crate::funding::terms::CampaignBody {
        amount_cents: Some(5_000_000),
        quote_id: None,
        key: intercoop_domain::sharing::SharingKey::Size,
        fixed: vec![crate::funding::terms::FixedBody {
            organisation_id: facilitator.id,
            amount_cents: Some(1_000_000),
            basis_points: None,
        }],
        deadline: Some(crate::db::now() + time::Duration::days(10)),
        min_participants: Some(3),
        catch_up_years: None,
        reserve_id: None,
    };
    super::cofunding::open_campaign(conn, &admin, &p, &body, None)
        .await
        .map_err(err)?;
    for o in users.iter().take(6) {
        crate::funding::pledging::pledge(conn, &admin, p.network_id, p.id, o.id, None)
            .await
            .map_err(err)?;
    }
    super::cofunding::close(conn, &admin, &p).await.map_err(err)?;
    let p = data::get(conn, network_id, ids[2]).await.map_err(err)?;
    super::lifecycle::move_to(conn, &admin, &p, ProposalStatus::InProgress, "", None)
        .await
        .map_err(err)?;
    Ok(())
}
