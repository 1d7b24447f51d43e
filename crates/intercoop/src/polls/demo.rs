//! Demo content: an open decision poll, a closed priority-style Schulze poll with its
//! result, and an open majority-judgment poll, with ballots from the demo organisations.

use super::data;
use super::input::PollInput;
use super::{ballots, electorate, life};
use crate::audit::Actor;
use intercoop_domain::voting::{BallotContent, Choice};
use std::collections::BTreeMap;

async fn poll<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64, input: PollInput) -> anyhow::Result<i64> {
    let valid = input
        .validate()
        .map_err(|e| anyhow::anyhow!("invalid demo poll: {:?}", e.0))?;
    let id = data::create(conn, Actor::SYSTEM, network_id, &valid).await?;
    life::open(conn, Actor::SYSTEM, network_id, id).await?;
    Ok(id)
}

/// Casts a ballot for each elector that `ballot` gives one to (by elector position).
async fn vote<C: sea_orm::ConnectionTrait>(
    conn: &C,
    network_id: i64,
    id: i64,
    ballot: impl Fn(usize, &[i64]) -> Option<BallotContent>,
) -> anyhow::Result<()> {
    let full = data::get(conn, network_id, id).await?;
    let ids: Vec<i64> = (0..full.options.len() as i64).collect();
    for (i, e) in electorate::electorate(conn, id).await?.iter().enumerate() {
        if let Some(content) = ballot(i, &ids) {
            ballots::store_ballot(conn, &full, e, &content, e.person_id.unwrap_or(0), None).await?;
        }
    }
    Ok(())
}

pub async fn load<C: sea_orm::ConnectionTrait>(conn: &C, network_id: i64) -> anyhow::Result<()> {
    let week = time::OffsetDateTime::now_utc() + time::Duration::days(7);
    let closes = week
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();

    let decision = poll(
        conn,
        network_id,
        PollInput {
            title: "Adopt the shared roadmap for the Odoo 17 migration".into(),
            description: Some("Yes commits the network to migrate the shared modules together next year.".into()),
            method: "decision".into(),
            quorum_percent: Some(50),
            threshold: Some("simple_majority".into()),
            closes_at: Some(closes.clone()),
            ..Default::default()
        },
    )
    .await?;
    vote(conn, network_id, decision, |i, _| {
        (i % 3 != 2).then_some(BallotContent::Choice(if i % 4 == 3 { Choice::No } else { Choice::Yes }))
    })
    .await?;

    let priority = poll(
        conn,
        network_id,
        PollInput {
            title: "What should we develop first? (priority ranking)".into(),
            description: Some("Rank the open needs; the Schulze method orders them.".into()),
            method: "schulze".into(),
            options: vec![
                "Shift swap from the phone".into(),
                "Cooperator share certificates".into(),
                "Faster point of sale".into(),
                "Accounting exports".into(),
            ],
            ..Default::default()
        },
    )
    .await?;
    vote(conn, network_id, priority, |i, _| {
        let orders: [&[usize]; 4] = [&[0, 2, 1, 3], &[2, 0, 3, 1], &[0, 1, 2], &[1, 0, 2, 3]];
        Some(BallotContent::Ranking(orders[i % 4].to_vec()))
    })
    .await?;
    life::close(conn, Actor::SYSTEM, network_id, priority).await?;

    let judgment = poll(
        conn,
        network_id,
        PollInput {
            title: "How well do these modules serve our members?".into(),
            method: "majority_judgment".into(),
            options: vec!["Shift management".into(), "Member portal".into(), "Ordering".into()],
            closes_at: Some(closes),
            ..Default::default()
        },
    )
    .await?;
    vote(conn, network_id, judgment, |i, ids| {
        (i % 2 == 0).then(|| {
            let grades: BTreeMap<usize, u8> = ids
                .iter()
                .map(|&o| (o as usize, ((i + 2 * o as usize) % 6) as u8))
                .collect();
            BallotContent::Grades(grades)
        })
    })
    .await?;
    Ok(())
}
