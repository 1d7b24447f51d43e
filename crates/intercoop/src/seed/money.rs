//! The seed's money: two years of fees, provisions of a shared recurring cost, and the
//! bank statements that pay most of them (see [`seed_money`]).

use super::{HISTORY, Rng, err};
use crate::audit::Actor;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The money of two years: the network's payment settings and budget, a yearly fee
/// schedule per year billed in January, a reserve (shared recurring cost) whose
/// provisions are asked every month by size, and in March of each year a bank
/// statement (CSV) that pays most open requests by their reference, a few in part, a
/// few more than asked, and one payment nobody is found for. Every request and payment is posted
/// to the journal by the money feature's own code.
pub(super) async fn seed_money<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    rng: &mut Rng,
    today: time::OffsetDateTime,
) -> anyhow::Result<()> {
    use crate::money::{fees, reserves, settings};

    let settings_in = settings::PaymentSettingsIn {
        legal_name: "Fédération des coopératives ASBL".into(),
        address: "Rue de la Coopération 1, 1000 Bruxelles".into(),
        iban: "BE68 5390 0754 7034".into(),
        bic: Some("GEBABEBB".into()),
        reference_scheme: "be".into(),
    }
    .validate()
    .map_err(|e| err(AppError::Invalid(e)))?;
    settings::put(conn, Actor::SYSTEM, network_id, &settings_in)
        .await
        .map_err(err)?;
    settings::put_budget(
        conn,
        Actor::SYSTEM,
        network_id,
        &settings::BudgetIn {
            monthly_costs_cents: 400_000,
            grant_monthly_cents: 300_000,
            grant_ends_on: Some(today.date() + time::Duration::days(180)),
        },
    )
    .await
    .map_err(err)?;
    // A reserve for the next Odoo migration, by size, set aside since the start.
    let reserve_in = reserves::ReserveIn {
        name: "Migration Odoo 19".into(),
        monthly_cents: 150_000,
        key: intercoop_domain::sharing::SharingKey::Size,
    }
    .validate()
    .map_err(|e| err(AppError::Invalid(e)))?;
    let reserve = reserves::create(conn, Actor::SYSTEM, network_id, &reserve_in)
        .await
        .map_err(err)?;
    for year in [today.year() - 1, today.year()] {
        for month in 1..=12u8 {
            // January's fees on the 10th (with January's provisions); the other months'
            // provisions on the 1st, as the daily job asks them.
            let day = if month == 1 { 10 } else { 1 };
            let at = time::Date::from_calendar_date(year, time::Month::try_from(month)?, day)?
                .midnight()
                .assume_utc();
            if at > today {
                break;
            }
            crate::clock::set_current(at.max(today - HISTORY));
            if month == 1 {
                let schedule = fees::FeeScheduleIn {
                    year: i64::from(year),
                    period: "yearly".into(),
                    tiers: [
                        ("observer".to_string(), vec![(0, 1_000)]),
                        ("active".to_string(), vec![(0, 2_500), (1_000, 3_500)]),
                    ]
                    .into_iter()
                    .collect(),
                    sponsorship_basis_points: 5_000,
                    sponsorship_years: 1,
                }
                .validate()
                .map_err(|e| err(AppError::Invalid(e)))?;
                let s = fees::create(conn, Actor::SYSTEM, network_id, &schedule)
                    .await
                    .map_err(err)?;
                fees::bill(conn, &s, 0).await.map_err(err)?;
            }
            let key = intercoop_domain::reserves::month_key(i16::try_from(year)?, i8::try_from(month)?);
            reserves::bill_month(conn, &reserve, key).await.map_err(err)?;
            if month == 3 {
                let march = time::Date::from_calendar_date(year, time::Month::March, 2)?
                    .midnight()
                    .assume_utc();
                if march <= today {
                    crate::clock::set_current(march);
                    pay_by_statement(conn, network_id, rng, year, march).await?;
                }
            }
        }
    }
    Ok(())
}

/// March's bank statement (CSV): pays most open requests by their reference, a few in
/// part, a few more than asked, and one payment nobody is found for.
async fn pay_by_statement<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    rng: &mut Rng,
    year: i32,
    march: time::OffsetDateTime,
) -> anyhow::Result<()> {
    use crate::money::{entities::payment_request, payments, requests};
    let open = payment_request::Entity::find()
        .filter(payment_request::Column::NetworkId.eq(network_id))
        .filter(payment_request::Column::Status.eq("open"))
        .all(conn)
        .await?;
    let mut csv = String::from("id,date,amount,name,communication\n");
    for (i, r) in open.iter().enumerate() {
        let owed = requests::outstanding(r).cents();
        let paid = match rng.below(10) {
            0 | 1 => continue,
            2 => owed / 2,
            3 => owed + 1_000,
            _ => owed,
        };
        if paid <= 0 {
            continue;
        }
        let reference = requests::printed_reference(&r.reference);
        csv.push_str(&format!(
            "{year}-{i},{march},{}.{:02},Member,{reference}\n",
            paid / 100,
            paid % 100,
            march = march.date()
        ));
    }
    csv.push_str(&format!("{year}-unknown,{},12.34,Unknown,gift\n", march.date()));
    payments::import(conn, Actor::SYSTEM, network_id, "EUR", csv.as_bytes())
        .await
        .map_err(err)?;
    Ok(())
}
