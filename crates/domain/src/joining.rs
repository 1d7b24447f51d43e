//! Joining a network (issue 18, items 1, 2 and 5): the rules of an application's spam
//! resistance (the minimum fill time), of "one application per contact and
//! organisation", of the public map (an equirectangular projection of Europe) and of
//! the onboarding checklist.

use std::fmt;

/// A form sent sooner than this after it was shown is a robot's (seconds).
pub const MIN_FILL_SECONDS: i64 = 3;
/// A form older than this is refused as expired (seconds; a day): its signed time
/// cannot be reused forever.
pub const MAX_FILL_SECONDS: i64 = 86_400;

/// Why a form's fill time is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FillTimeError {
    /// Sent less than [`MIN_FILL_SECONDS`] after it was shown (or dated in the future).
    #[error("the form was sent too fast")]
    TooFast,
    /// Shown more than [`MAX_FILL_SECONDS`] ago.
    #[error("the form is too old")]
    Expired,
}

/// Checks the time between showing a form (`shown_at`, Unix seconds, as signed in the
/// form) and sending it (`now`).
pub fn fill_time(shown_at: i64, now: i64) -> Result<(), FillTimeError> {
    let elapsed = now.saturating_sub(shown_at);
    if elapsed < MIN_FILL_SECONDS {
        Err(FillTimeError::TooFast)
    } else if elapsed > MAX_FILL_SECONDS {
        Err(FillTimeError::Expired)
    } else {
        Ok(())
    }
}

/// What makes two applications the same: the contact's address (already lowercase, as
/// `text::Email` keeps it) and the organisation's name with case and spaces folded.
/// An application is open (unconfirmed or waiting for review) under this key; the same
/// contact applying again for the same organisation finds it.
pub fn open_key(email: &str, organisation_name: &str) -> String {
    let name: Vec<String> = organisation_name.split_whitespace().map(str::to_lowercase).collect();
    format!("{}\u{1f}{}", email.trim().to_lowercase(), name.join(" "))
}

/// The map's frame: longitudes and latitudes of Europe shown (degrees).
pub const WEST: f64 = -25.0;
pub const EAST: f64 = 45.0;
pub const SOUTH: f64 = 34.0;
pub const NORTH: f64 = 72.0;
/// The map's width in SVG units; its height keeps one degree the same length both ways.
pub const MAP_WIDTH: f64 = 700.0;
/// The map's height in SVG units.
pub const MAP_HEIGHT: f64 = MAP_WIDTH * (NORTH - SOUTH) / (EAST - WEST);

/// Where a place (millionths of a degree, as stored) falls on the map (SVG units, y
/// downwards), by an equirectangular projection; `None` outside the frame (the map
/// shows Europe; a member elsewhere is listed, not drawn).
pub fn project(latitude_e6: i64, longitude_e6: i64) -> Option<(f64, f64)> {
    let lat = latitude_e6 as f64 / 1e6;
    let lon = longitude_e6 as f64 / 1e6;
    if !(SOUTH..=NORTH).contains(&lat) || !(WEST..=EAST).contains(&lon) {
        return None;
    }
    let x = (lon - WEST) / (EAST - WEST) * MAP_WIDTH;
    let y = (NORTH - lat) / (NORTH - SOUTH) * MAP_HEIGHT;
    Some((x, y))
}

/// A stored coordinate is a latitude in [-90, 90] or a longitude in [-180, 180]
/// degrees, in millionths.
pub fn valid_coordinate(value_e6: i64, latitude: bool) -> bool {
    let max = if latitude { 90_000_000 } else { 180_000_000 };
    (-max..=max).contains(&value_e6)
}

/// Reads a coordinate typed in degrees ("50.8503", "-4,35") as millionths of a degree.
pub fn parse_degrees(input: &str, latitude: bool) -> Option<i64> {
    let s = input.trim().replace(',', ".");
    let (sign, s) = match s.strip_prefix('-') {
        Some(rest) => (-1, rest.to_string()),
        None => (1, s),
    };
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if whole.len() > 3 || frac.len() > 6 {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = format!("{frac:0<6}").parse().ok()?;
    let v = sign * (whole * 1_000_000 + frac);
    valid_coordinate(v, latitude).then_some(v)
}

/// The steps of a new member organisation's onboarding, in the order it usually
/// takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    /// Its representative opened the welcome booklet (the page or the PDF).
    BookletRead,
    /// Its representative used their invitation (logged in once).
    RepresentativeConfirmed,
    /// It declared at least one software it runs.
    SoftwareDeclared,
    /// A membership fee request of its was paid in full.
    FirstFeePaid,
    /// One of its people was marked present at an assembly.
    FirstAssemblyAttended,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::BookletRead,
        Step::RepresentativeConfirmed,
        Step::SoftwareDeclared,
        Step::FirstFeePaid,
        Step::FirstAssemblyAttended,
    ];

    /// The step's name in URLs, the API and Fluent ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::BookletRead => "booklet_read",
            Step::RepresentativeConfirmed => "representative_confirmed",
            Step::SoftwareDeclared => "software_declared",
            Step::FirstFeePaid => "first_fee_paid",
            Step::FirstAssemblyAttended => "first_assembly_attended",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The checklist: which steps the facts prove done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Checklist {
    pub booklet_read: bool,
    pub representative_confirmed: bool,
    pub software_declared: bool,
    pub first_fee_paid: bool,
    pub first_assembly_attended: bool,
}

impl Checklist {
    pub fn done(&self, step: Step) -> bool {
        match step {
            Step::BookletRead => self.booklet_read,
            Step::RepresentativeConfirmed => self.representative_confirmed,
            Step::SoftwareDeclared => self.software_declared,
            Step::FirstFeePaid => self.first_fee_paid,
            Step::FirstAssemblyAttended => self.first_assembly_attended,
        }
    }

    /// How many steps are done (of five).
    pub fn count(&self) -> usize {
        Step::ALL.iter().filter(|s| self.done(**s)).count()
    }

    /// Every step is done: the onboarding is over.
    pub fn complete(&self) -> bool {
        self.count() == Step::ALL.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fill_time_has_a_floor_and_a_ceiling() {
        assert_eq!(fill_time(100, 100), Err(FillTimeError::TooFast));
        assert_eq!(fill_time(100, 102), Err(FillTimeError::TooFast));
        assert_eq!(fill_time(100, 103), Ok(()));
        assert_eq!(fill_time(100, 100 + MAX_FILL_SECONDS), Ok(()));
        assert_eq!(fill_time(100, 101 + MAX_FILL_SECONDS), Err(FillTimeError::Expired));
        // A time in the future is not a way round the floor.
        assert_eq!(fill_time(200, 100), Err(FillTimeError::TooFast));
        assert_eq!(fill_time(i64::MIN, i64::MAX), Err(FillTimeError::Expired));
    }

    #[test]
    fn the_same_contact_and_organisation_make_one_key() {
        assert_eq!(
            open_key("Ana@Coop.example", "La  Louve"),
            open_key("ana@coop.example", " la louve ")
        );
        assert_ne!(
            open_key("ana@coop.example", "La Louve"),
            open_key("ana@coop.example", "Bees")
        );
        assert_ne!(open_key("ana@coop.example", "x"), open_key("bob@coop.example", "x"));
    }

    #[test]
    fn brussels_and_the_frame() {
        let (x, y) = project(50_850_300, 4_351_700).unwrap();
        assert!((x - (4.3517 + 25.0) / 70.0 * MAP_WIDTH).abs() < 1e-6);
        assert!((y - (72.0 - 50.8503) / 38.0 * MAP_HEIGHT).abs() < 1e-6);
        assert_eq!(project(40_712_800, -74_006_000), None);
        assert_eq!(project(0, 0), None);
    }

    #[test]
    fn degrees_read_as_millionths() {
        assert_eq!(parse_degrees("50.8503", true), Some(50_850_300));
        assert_eq!(parse_degrees("-4,35", false), Some(-4_350_000));
        assert_eq!(parse_degrees("91", true), None);
        assert_eq!(parse_degrees("179.5", false), Some(179_500_000));
        assert_eq!(parse_degrees("1.1234567", true), None);
        for bad in ["", "-", "abc", "1.2.3", "+5", ". 5"] {
            assert_eq!(parse_degrees(bad, true), None, "{bad:?}");
        }
    }

    #[test]
    fn the_checklist_counts_its_steps() {
        let mut c = Checklist::default();
        assert_eq!(c.count(), 0);
        c.booklet_read = true;
        c.first_fee_paid = true;
        assert_eq!(c.count(), 2);
        assert!(c.done(Step::FirstFeePaid) && !c.done(Step::SoftwareDeclared));
        c.representative_confirmed = true;
        c.software_declared = true;
        c.first_assembly_attended = true;
        assert!(c.complete());
    }

    proptest! {
        /// Every place in the frame is drawn inside the map, and the projection keeps
        /// the order of east–west and north–south.
        #[test]
        fn the_projection_stays_in_the_map_and_keeps_order(
            lat1 in 34_000_000i64..=72_000_000, lon1 in -25_000_000i64..=45_000_000,
            lat2 in 34_000_000i64..=72_000_000, lon2 in -25_000_000i64..=45_000_000,
        ) {
            let (x1, y1) = project(lat1, lon1).unwrap();
            let (x2, y2) = project(lat2, lon2).unwrap();
            prop_assert!((0.0..=MAP_WIDTH).contains(&x1) && (0.0..=MAP_HEIGHT).contains(&y1));
            if lon1 < lon2 { prop_assert!(x1 < x2); }
            if lat1 < lat2 { prop_assert!(y1 > y2); }
        }

        /// A sum of seconds below the floor is refused, above the ceiling too, and
        /// every time in between passes.
        #[test]
        fn fill_time_is_a_window(shown in -1_000_000_000i64..1_000_000_000, elapsed in -1_000i64..200_000) {
            let ok = fill_time(shown, shown + elapsed).is_ok();
            prop_assert_eq!(ok, (MIN_FILL_SECONDS..=MAX_FILL_SECONDS).contains(&elapsed));
        }

        /// Degrees written with six decimals read back exactly.
        #[test]
        fn degrees_round_trip(v in -90_000_000i64..=90_000_000) {
            let sign = if v < 0 { "-" } else { "" };
            let text = format!("{sign}{}.{:06}", v.abs() / 1_000_000, v.abs() % 1_000_000);
            prop_assert_eq!(parse_degrees(&text, true), Some(v));
        }
    }
}
