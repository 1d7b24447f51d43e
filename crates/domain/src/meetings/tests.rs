use super::*;
use jiff::civil::date;
use proptest::prelude::*;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn local(t: Timestamp) -> String {
    t.to_zoned(jiff::tz::TimeZone::get("Europe/Brussels").unwrap())
        .strftime("%Y-%m-%d %H:%M %:z")
        .to_string()
}

#[test]
fn first_tuesday_stays_at_19_00_brussels_across_daylight_saving() {
    // From January (UTC+1) through the March change (UTC+2) and back in October.
    let first = date(2026, 1, 6).at(19, 0, 0, 0);
    let got = occurrences(
        first,
        "Europe/Brussels",
        "FREQ=MONTHLY;BYDAY=1TU",
        None,
        at("2027-01-01T00:00:00Z"),
        60,
    )
    .unwrap();
    let shown: Vec<String> = got.iter().map(|t| local(*t)).collect();
    assert_eq!(shown.len(), 12);
    for s in &shown {
        assert!(s.contains(" 19:00 "), "{s}");
    }
    assert_eq!(shown[0], "2026-01-06 19:00 +01:00");
    assert_eq!(shown[2], "2026-03-03 19:00 +01:00");
    assert_eq!(shown[3], "2026-04-07 19:00 +02:00");
    assert_eq!(shown[9], "2026-10-06 19:00 +02:00");
    assert_eq!(shown[10], "2026-11-03 19:00 +01:00");
    // In UTC the hour moves with the offset.
    assert_eq!(got[2].to_string(), "2026-03-03T18:00:00Z");
    assert_eq!(got[3].to_string(), "2026-04-07T17:00:00Z");
}

#[test]
fn weekly_meeting_on_the_changing_sunday_keeps_its_local_time() {
    // 29 March 2026 is the spring-forward day in Brussels.
    let first = date(2026, 3, 22).at(10, 0, 0, 0);
    let got = occurrences(
        first,
        "Europe/Brussels",
        "RRULE:FREQ=WEEKLY;COUNT=3",
        None,
        at("2027-01-01T00:00:00Z"),
        60,
    )
    .unwrap();
    let shown: Vec<String> = got.iter().map(|t| local(*t)).collect();
    assert_eq!(
        shown,
        [
            "2026-03-22 10:00 +01:00",
            "2026-03-29 10:00 +02:00",
            "2026-04-05 10:00 +02:00"
        ]
    );
}

#[test]
fn occurrences_after_an_instant_and_before_the_horizon() {
    let first = date(2026, 1, 6).at(19, 0, 0, 0);
    let got = occurrences(
        first,
        "Europe/Brussels",
        "FREQ=MONTHLY;BYDAY=1TU",
        Some(at("2026-03-03T18:00:00Z")),
        at("2026-06-01T00:00:00Z"),
        60,
    )
    .unwrap();
    assert_eq!(
        got.iter().map(|t| local(*t)).collect::<Vec<_>>().len(),
        2,
        "April and May"
    );
    assert_eq!(local(got[0]), "2026-04-07 19:00 +02:00");
}

#[test]
fn a_rule_that_never_occurs_is_refused() {
    let first = date(2026, 1, 6).at(19, 0, 0, 0);
    assert_eq!(
        check_rule(first, "Europe/Brussels", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
        Err(RecurrenceError::NeverOccurs)
    );
    assert!(matches!(
        check_rule(first, "Europe/Brussels", "FREQ=SOMETIMES"),
        Err(RecurrenceError::Invalid(_))
    ));
    assert!(matches!(
        check_rule(first, "Europe/Brussels", "BYDAY=1TU"),
        Err(RecurrenceError::Invalid(_))
    ));
    assert!(matches!(
        check_rule(first, "Europe/Brussels", "FREQ=DAILY\nFREQ=WEEKLY"),
        Err(RecurrenceError::Invalid(_))
    ));
    assert_eq!(
        check_rule(first, "Mars/Olympus", "FREQ=DAILY"),
        Err(RecurrenceError::UnknownZone)
    );
    assert_eq!(
        check_rule(first, "Europe/Brussels", "rrule:freq=monthly;byday=1tu").unwrap(),
        "FREQ=MONTHLY;BYDAY=1TU"
    );
}

#[test]
fn durations_and_reminders() {
    assert_eq!(check_duration(0), Err(TimingError::EndsBeforeStart));
    assert_eq!(check_duration(-30), Err(TimingError::EndsBeforeStart));
    assert_eq!(check_duration(90), Ok(()));
    assert_eq!(check_duration(MAX_DURATION_MINUTES + 1), Err(TimingError::TooLong));
    assert_eq!(check_reminders(&[1440, 10080, 1440]).unwrap(), vec![10080, 1440]);
    assert_eq!(check_reminders(&[-60]), Err(TimingError::ReminderAfter));
    assert_eq!(check_reminders(&[0]), Err(TimingError::ReminderAfter));
    assert_eq!(
        check_reminders(&[MAX_REMINDER_MINUTES + 1]),
        Err(TimingError::ReminderTooEarly)
    );
    assert_eq!(check_reminders(&[1, 2, 3, 4, 5, 6]), Err(TimingError::TooManyReminders));
    let starts = at("2026-05-10T17:00:00Z");
    let now = at("2026-05-05T00:00:00Z");
    // The 7-day reminder has passed: only the 1-day one is to come.
    assert_eq!(
        reminder_times(starts, &DEFAULT_REMINDERS, now),
        vec![(1440, at("2026-05-09T17:00:00Z"))]
    );
}

#[test]
fn quorum_counts_organisations_present_or_represented() {
    assert_eq!(quorum_needed(7, 50), 4);
    assert!(!quorum_met(3, 7, 50));
    assert!(quorum_met(4, 7, 50));
    assert!(quorum_met(0, 7, 0));
    assert!(quorum_met(10, 10, 100));
    assert!(!quorum_met(9, 10, 100));
}

fn proxy(giver: i64, holder: i64) -> crate::voting::Proxy {
    crate::voting::Proxy { giver, holder }
}

#[test]
fn a_proxy_counts_its_giver_when_its_holder_is_present() {
    let members = [1, 2, 3, 4];
    assert_eq!(counted_for_quorum(&members, &[1], &[proxy(2, 1)]), vec![1, 2]);
    // The holder absent: the proxy counts for nothing.
    assert_eq!(counted_for_quorum(&members, &[3], &[proxy(2, 1)]), vec![3]);
    // A giver present itself counts once.
    assert_eq!(counted_for_quorum(&members, &[1, 2], &[proxy(2, 1)]), vec![1, 2]);
    // Only members count, present or represented.
    assert_eq!(counted_for_quorum(&members, &[1, 9], &[proxy(8, 1)]), vec![1]);
}

#[test]
fn an_event_registers_up_to_its_capacity_then_waits() {
    assert!(gets_a_place(Some(2), 1));
    assert!(!gets_a_place(Some(2), 2));
    assert!(gets_a_place(None, 1_000));
    assert_eq!(to_promote(Some(2), 1, 3), 1);
    assert_eq!(to_promote(Some(2), 2, 3), 0);
    assert_eq!(to_promote(Some(5), 1, 2), 2);
    assert_eq!(to_promote(None, 1, 2), 2);
}

proptest! {
    #[test]
    fn registrations_never_exceed_the_capacity_and_places_never_stay_free_while_people_wait(
        capacity in prop::option::of(1i64..20),
        steps in prop::collection::vec(any::<bool>(), 0..60),
    ) {
        // true: someone registers; false: a registered person withdraws (then the first
        // waiting ones are promoted), as the writes do.
        let (mut registered, mut waiting) = (0i64, 0i64);
        for register in steps {
            if register {
                if gets_a_place(capacity, registered) { registered += 1 } else { waiting += 1 }
            } else if registered > 0 {
                registered -= 1;
                let n = to_promote(capacity, registered, waiting);
                registered += n;
                waiting -= n;
            }
            prop_assert!(capacity.is_none_or(|c| registered <= c));
            prop_assert!(waiting == 0 || capacity == Some(registered));
        }
    }

    #[test]
    fn the_quorum_counts_the_present_and_at_most_one_more_per_proxy(
        members in prop::collection::btree_set(1i64..30, 0..20),
        present in prop::collection::vec(1i64..40, 0..20),
        pairs in prop::collection::vec((1i64..40, 1i64..40), 0..20),
    ) {
        let members: Vec<i64> = members.into_iter().collect();
        let proxies: Vec<_> = pairs.iter().map(|(g, h)| proxy(*g, *h)).collect();
        let counted = counted_for_quorum(&members, &present, &proxies);
        let present_members: std::collections::BTreeSet<i64> =
            present.iter().copied().filter(|o| members.contains(o)).collect();
        prop_assert!(present_members.iter().all(|o| counted.contains(o)));
        prop_assert!(counted.iter().all(|o| members.contains(o)));
        prop_assert!(counted.len() <= present_members.len() + proxies.len());
        prop_assert!(counted.windows(2).all(|w| w[0] < w[1]));
        // Every organisation counted and not present is represented by a present holder.
        for o in counted.iter().filter(|o| !present_members.contains(o)) {
            prop_assert!(proxies.iter().any(|p| p.giver == *o && present_members.contains(&p.holder)));
        }
    }

    #[test]
    fn every_occurrence_is_at_the_local_time_of_the_first(
        day in 1i8..=28, month in 1i8..=12, hour in 0i8..=23, minute in 0i8..=59,
        zone in prop::sample::select(vec!["Europe/Brussels", "Europe/London", "America/New_York", "Pacific/Auckland"]),
        freq in prop::sample::select(vec!["FREQ=WEEKLY", "FREQ=MONTHLY", "FREQ=MONTHLY;BYDAY=1TU", "FREQ=DAILY;INTERVAL=9"]),
    ) {
        let first = date(2026, month, day).at(hour, minute, 0, 0);
        let tz = jiff::tz::TimeZone::get(zone).unwrap();
        let got = occurrences(first, zone, freq, None, at("2028-01-01T00:00:00Z"), 40).unwrap();
        prop_assert!(!got.is_empty());
        let mut last = None;
        for t in got {
            let z = t.to_zoned(tz.clone());
            // A local time skipped on a spring-forward day is an hour later; any other day
            // it is the first's own.
            let skipped = matches!(
                tz.to_ambiguous_timestamp(z.date().to_datetime(first.time())).offset(),
                jiff::tz::AmbiguousOffset::Gap { .. }
            );
            prop_assert!(z.time() == first.time() || skipped, "{} at {}", z, first.time());
            if let Some(l) = last { prop_assert!(t > l); }
            last = Some(t);
        }
    }

    #[test]
    fn checked_reminders_are_all_before_the_meeting(r in prop::collection::vec(-100i64..200_000, 0..7)) {
        match check_reminders(&r) {
            Ok(ok) => {
                prop_assert!(ok.iter().all(|m| *m > 0 && *m <= MAX_REMINDER_MINUTES));
                prop_assert!(ok.windows(2).all(|w| w[0] > w[1]));
            }
            Err(_) => prop_assert!(r.len() > MAX_REMINDERS || r.iter().any(|m| *m <= 0 || *m > MAX_REMINDER_MINUTES)),
        }
    }

    #[test]
    fn quorum_needed_is_the_smallest_count_that_meets_it(members in 0u64..500, percent in 0u32..=100) {
        let n = quorum_needed(members, percent);
        prop_assert!(quorum_met(n, members, percent));
        if n > 0 { prop_assert!(!quorum_met(n - 1, members, percent)); }
    }
}

#[test]
fn a_first_start_skipped_by_summer_time_keeps_the_picked_time_afterwards() {
    // 8 March 2026, 02:00 in New York does not exist (clocks go from 02:00 to 03:00):
    // that day's meeting is at 03:00, the next weeks' at 02:00 as picked.
    let got = occurrences(
        date(2026, 3, 8).at(2, 0, 0, 0),
        "America/New_York",
        "FREQ=WEEKLY",
        None,
        at("2026-04-01T00:00:00Z"),
        3,
    )
    .unwrap();
    let tz = jiff::tz::TimeZone::get("America/New_York").unwrap();
    let local: Vec<String> = got
        .iter()
        .map(|t| t.to_zoned(tz.clone()).datetime().to_string())
        .collect();
    assert_eq!(
        local,
        ["2026-03-08T03:00:00", "2026-03-15T02:00:00", "2026-03-22T02:00:00"]
    );
}
