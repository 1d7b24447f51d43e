//! The life of a poll: draft → open → closed.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a poll is in its life. Ballots are accepted only while it is open; options and
/// method are frozen from opening (the electorate weight too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PollStatus {
    Draft,
    Open,
    Closed,
}

impl PollStatus {
    pub const ALL: [PollStatus; 3] = [PollStatus::Draft, PollStatus::Open, PollStatus::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            PollStatus::Draft => "draft",
            PollStatus::Open => "open",
            PollStatus::Closed => "closed",
        }
    }

    pub fn accepts_ballots(self) -> bool {
        self == PollStatus::Open
    }
}

impl fmt::Display for PollStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown poll status: {0}")]
pub struct UnknownPollStatus(pub String);

impl crate::TextEnum for PollStatus {
    const NAME: &'static str = "PollStatus";
    fn as_str(self) -> &'static str {
        PollStatus::as_str(self)
    }
    fn parse(s: &str) -> Option<Self> {
        s.parse().ok()
    }
}

impl FromStr for PollStatus {
    type Err = UnknownPollStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PollStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| UnknownPollStatus(s.to_string()))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a poll cannot go from {from} to {to}")]
pub struct PollTransitionError {
    pub from: PollStatus,
    pub to: PollStatus,
}

/// A poll only moves forward: draft → open → closed. Reopening a closed poll would let
/// ballots change a published result, so it is refused; so is skipping the open phase.
pub fn check_poll_transition(from: PollStatus, to: PollStatus) -> Result<(), PollTransitionError> {
    match (from, to) {
        (PollStatus::Draft, PollStatus::Open) | (PollStatus::Open, PollStatus::Closed) => Ok(()),
        _ => Err(PollTransitionError { from, to }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poll_status_round_trips_and_moves_forward_only() {
        for st in PollStatus::ALL {
            assert_eq!(st.as_str().parse::<PollStatus>().unwrap(), st);
            assert_eq!(serde_json::to_string(&st).unwrap(), format!("\"{st}\""));
        }
        assert!("ajar".parse::<PollStatus>().is_err());
        assert!(check_poll_transition(PollStatus::Draft, PollStatus::Open).is_ok());
        assert!(check_poll_transition(PollStatus::Open, PollStatus::Closed).is_ok());
        for (from, to) in [
            (PollStatus::Draft, PollStatus::Closed),
            (PollStatus::Open, PollStatus::Draft),
            (PollStatus::Closed, PollStatus::Open),
            (PollStatus::Closed, PollStatus::Draft),
            (PollStatus::Open, PollStatus::Open),
        ] {
            assert_eq!(check_poll_transition(from, to), Err(PollTransitionError { from, to }));
        }
        assert!(PollStatus::Open.accepts_ballots());
        assert!(!PollStatus::Closed.accepts_ballots());
    }
}

/// When the voters who have not voted are reminded: a day before the poll closes, but
/// never before half of its voting time has passed (a poll open for three hours reminds
/// after an hour and a half, not at its opening). `None` when it closes before it opens.
pub fn reminder_at(opened: jiff::Timestamp, closes: jiff::Timestamp) -> Option<jiff::Timestamp> {
    if closes <= opened {
        return None;
    }
    let length = closes.as_second() - opened.as_second();
    let day_before = closes.as_second() - 24 * 3600;
    let halfway = opened.as_second() + length / 2;
    jiff::Timestamp::from_second(day_before.max(halfway)).ok()
}

#[cfg(test)]
mod reminder_tests {
    use super::reminder_at;

    fn ts(s: &str) -> jiff::Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn a_day_before_closing_but_not_before_halfway() {
        let opened = ts("2026-12-01T09:00:00Z");
        assert_eq!(
            reminder_at(opened, ts("2026-12-08T19:00:00Z")),
            Some(ts("2026-12-07T19:00:00Z"))
        );
        assert_eq!(
            reminder_at(opened, ts("2026-12-01T12:00:00Z")),
            Some(ts("2026-12-01T10:30:00Z"))
        );
        assert_eq!(reminder_at(opened, opened), None);
    }
}
