//! The seed's meetings: five years of monthly assemblies (see [`seed_meetings`]).

use super::{Rng, Seeded, err};
use crate::audit::Actor;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::time::Instant;

/// How far back the seeded assemblies go.
pub const YEARS: time::Duration = time::Duration::days(5 * 365 + 1);

/// The months of assemblies before the current month's (five years).
pub const PAST_ASSEMBLIES: usize = 60;
/// The current month's assembly and the next two.
pub const FUTURE_ASSEMBLIES: usize = 3;
/// How many representatives answer each assembly (a monthly assembly gathers a few
/// dozen people, whatever the network's size).
const ANSWERS_EACH: usize = 30;

/// The first Tuesday of the month `months` before (negative) or after the current month
/// of `today`, at 19:00 in Europe/Brussels, as the form writes it (`2026-01-06T19:00:00`).
fn first_tuesday(today: time::OffsetDateTime, months: i32) -> String {
    let month0 = today.year() * 12 + i32::from(u8::from(today.month())) - 1 + months;
    let (year, month) = (month0.div_euclid(12), (month0.rem_euclid(12) + 1) as i8);
    let first = jiff::civil::date(year as i16, month, 1);
    // 1 = Monday … 7 = Sunday: Tuesday is 2.
    let offset = (2 - first.weekday().to_monday_one_offset() + 7) % 7;
    let day = first + jiff::Span::new().days(i64::from(offset));
    format!("{day}T19:00:00")
}

/// Five years of monthly assemblies (the first Tuesday at 19:00), the current month's and
/// the next two, each
/// made a month ahead by the assemblies' own code: answers from a few dozen
/// representatives, a file of the month's figures; for the past ones, attendance taken, minutes with one decision,
/// published. The fictitious network's invitations and reminders are not sent: each
/// meeting is marked invited and its pending jobs are removed.
pub async fn seed_meetings<C: ConnectionTrait>(
    conn: &C,
    network_id: i64,
    seeded: &Seeded,
    rng: &mut Rng,
    today: time::OffsetDateTime,
) -> anyhow::Result<()> {
    use crate::assemblies::entities::meeting;
    use crate::assemblies::input::{AgendaInput, MeetingInput};
    use crate::assemblies::minutes::{DecisionInput, MinutesInput};
    use crate::assemblies::{answers, data, minutes, notifications};
    use crate::clock::set_current as set_clock;
    use intercoop_domain::meetings::{Answer, MeetingKind};

    let started = Instant::now();
    let admin = Actor::person(seeded.people[0]);
    let invited = notifications::invited_to(conn, network_id, MeetingKind::Assembly)
        .await
        .map_err(err)?;
    let topics = [
        "Shared Odoo hosting",
        "The yearly gathering",
        "New members' welcome",
        "Budget of the year",
        "Shelf labels",
        "Deposit bottles",
    ];
    for n in 0..PAST_ASSEMBLIES + FUTURE_ASSEMBLIES {
        let months = n as i32 - PAST_ASSEMBLIES as i32;
        let input = MeetingInput {
            kind: "assembly".into(),
            title: format!("Monthly assembly {}", &first_tuesday(today, months)[..7]),
            starts_at: first_tuesday(today, months),
            duration_minutes: 90,
            time_zone: Some("Europe/Brussels".into()),
            video_url: Some("https://meet.example/assembly".into()),
            agenda: Some(vec![
                AgendaInput {
                    text: Some("News from the cooperatives".into()),
                    ..Default::default()
                },
                AgendaInput {
                    text: Some(rng.pick(&topics).to_string()),
                    ..Default::default()
                },
            ]),
            ..Default::default()
        };
        let valid = input
            .validate("Europe/Brussels")
            .map_err(|e| err(AppError::Invalid(e)))?;
        let starts = valid.starts_at;
        set_clock(starts - time::Duration::days(30));
        let id = data::create(conn, admin, network_id, &valid).await.map_err(err)?[0];
        meeting::Entity::update_many()
            .col_expr(
                meeting::Column::InvitedAt,
                sea_orm::sea_query::Expr::val(Some(starts - time::Duration::days(28))),
            )
            .filter(meeting::Column::Id.eq(id))
            .exec(conn)
            .await?;
        // The agenda's papers: last month's figures, as a file.
        let figures = format!("Figures for {}\n\nMembers: {}\n", valid.title, invited.len());
        let paper = crate::assemblies::documents::DocumentInput {
            title: "Figures of the month".into(),
            file: Some(crate::web::files::Upload {
                filename: "figures.txt".into(),
                content_type: "text/plain".into(),
                data: figures.into_bytes(),
            }),
            doc_page_id: String::new(),
        };
        crate::assemblies::documents::add(conn, admin, network_id, id, paper)
            .await
            .map_err(err)?;
        if starts - time::Duration::days(3) > today {
            continue; // not yet answered
        }
        set_clock(starts - time::Duration::days(3));
        let full = data::get(conn, network_id, id).await.map_err(err)?;
        let start = rng.below(invited.len() as u64) as usize;
        let mut coming = Vec::new();
        for k in 0..ANSWERS_EACH.min(invited.len()) {
            let person = invited[(start + k) % invited.len()];
            let answer = match rng.below(10) {
                0..=5 => Answer::Yes,
                6 | 7 => Answer::Maybe,
                _ => Answer::No,
            };
            answers::set(conn, &full, person, answer).await.map_err(err)?;
            if answer != Answer::No {
                coming.push(person);
            }
        }
        if starts >= today {
            continue; // ahead
        }
        set_clock(starts + time::Duration::minutes(100));
        // One in ten who said yes or maybe did not come.
        coming.retain(|_| rng.below(10) != 0);
        answers::take_attendance(conn, admin, &full, &coming)
            .await
            .map_err(err)?;
        let markdown = format!(
            "# {}\n\n{} people present.\n\n## News from the cooperatives\n\nEach told the month's news.\n",
            full.meeting.title,
            coming.len()
        );
        minutes::save(conn, admin, network_id, id, &MinutesInput { markdown })
            .await
            .map_err(err)?;
        let decision = DecisionInput {
            text: format!("{}: agreed, the core circle follows up.", rng.pick(&topics)),
            ..Default::default()
        };
        minutes::add_decision(conn, admin, network_id, id, &decision)
            .await
            .map_err(err)?;
        set_clock(std::cmp::min(starts + time::Duration::days(7), today));
        minutes::publish(conn, admin, network_id, id).await.map_err(err)?;
    }
    set_clock(today);
    // The fictitious network's invitations and reminders are never sent.
    crate::entities::job::Entity::delete_many()
        .filter(crate::entities::job::Column::NetworkId.eq(network_id))
        .filter(
            crate::entities::job::Column::Kind
                .is_in([crate::assemblies::jobs::INVITE, crate::assemblies::jobs::REMIND]),
        )
        .exec(conn)
        .await?;
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "seeded meetings");
    Ok(())
}
