//! The clock: what time it is for this server, injectable so that tests (and the seed,
//! which writes two years of history) move time instead of rewriting dates in SQL.
//!
//! A server runs every request, every job and the mail worker inside the scope of its
//! clock ([`scoped`]); code below asks [`now`]. Outside any scope (a CLI command, a
//! unit test) [`now`] is the system's time. Deadlines are compared with [`now`] at the
//! instant of the write that would break them.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use time::{Duration, OffsetDateTime};

/// What time it is.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Now, in UTC (not yet truncated: [`now`] truncates).
    fn now(&self) -> OffsetDateTime;

    /// The clock as a movable one, if it is.
    fn manual(&self) -> Option<&ManualClock> {
        None
    }
}

/// The system's time.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// The system's time moved by an offset that tests and the seed set: time still flows,
/// from wherever it was put.
#[derive(Debug, Default)]
pub struct ManualClock {
    /// Offset from the system's time, in microseconds.
    offset_micros: AtomicI64,
}

impl ManualClock {
    pub fn new() -> ManualClock {
        ManualClock::default()
    }

    /// Moves time forward (or back, with a negative duration).
    pub fn advance(&self, by: Duration) {
        self.offset_micros
            .fetch_add(by.whole_microseconds() as i64, Ordering::SeqCst);
    }

    /// Puts the clock at `at` (it flows on from there).
    pub fn set(&self, at: OffsetDateTime) {
        let offset = at - OffsetDateTime::now_utc();
        self.offset_micros
            .store(offset.whole_microseconds() as i64, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + Duration::microseconds(self.offset_micros.load(Ordering::SeqCst))
    }

    fn manual(&self) -> Option<&ManualClock> {
        Some(self)
    }
}

tokio::task_local! {
    static CLOCK: Arc<dyn Clock>;
}

/// Now, in UTC, truncated to the microsecond so that both backends store it exactly:
/// the clock of the current scope, or the system's.
pub fn now() -> OffsetDateTime {
    let now = CLOCK
        .try_with(|c| c.now())
        .unwrap_or_else(|_| OffsetDateTime::now_utc());
    truncate(now)
}

/// `at` truncated to the microsecond.
pub fn truncate(at: OffsetDateTime) -> OffsetDateTime {
    at.replace_nanosecond(at.nanosecond() / 1000 * 1000).unwrap_or(at)
}

/// The same instant as a `jiff::Timestamp` (the domain's calendar rules take those),
/// through its unix nanoseconds: nothing is lost. `None` beyond jiff's range (years
/// -9999 to 9999), which `time` can exceed.
pub fn to_timestamp(at: OffsetDateTime) -> Option<jiff::Timestamp> {
    jiff::Timestamp::from_nanosecond(at.unix_timestamp_nanos()).ok()
}

/// The same instant as an `OffsetDateTime` in UTC (what is stored), from the domain's
/// `jiff::Timestamp`.
pub fn from_timestamp(at: jiff::Timestamp) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(at.as_nanosecond()).expect("jiff's range is within time's")
}

/// The clock of the current scope, to hand to work that runs elsewhere (another thread's
/// runtime); the system's outside any scope.
pub fn current() -> Arc<dyn Clock> {
    CLOCK.try_with(Arc::clone).unwrap_or_else(|_| Arc::new(SystemClock))
}

/// Inside the scope of a [`ManualClock`]: puts it at `at` (the seed writes each step of
/// its history at its date). Elsewhere it does nothing.
pub fn set_current(at: OffsetDateTime) {
    let _ = CLOCK.try_with(|c| c.manual().map(|m| m.set(at)));
}

/// Runs `work` with `clock` as the time of everything it calls.
pub async fn scoped<F: std::future::Future>(clock: Arc<dyn Clock>, work: F) -> F::Output {
    CLOCK.scope(clock, work).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_scope_sees_its_clock_and_others_the_system() {
        let clock = Arc::new(ManualClock::new());
        clock.advance(Duration::days(30));
        let inside = scoped(clock.clone(), async { now() }).await;
        let outside = now();
        assert!(inside - outside > Duration::days(29), "{inside} vs {outside}");
        let at = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        clock.set(at);
        let inside = scoped(clock.clone(), async { now() }).await;
        assert!((inside - at).abs() < Duration::seconds(5));
        assert_eq!(now().nanosecond() % 1000, 0, "truncated to the microsecond");
    }

    #[test]
    fn instants_convert_to_jiff_exactly() {
        let at = time::macros::datetime!(2024-02-29 18:00:00.123456789 +01:00);
        let ts = to_timestamp(at).unwrap();
        assert_eq!(ts.to_string(), "2024-02-29T17:00:00.123456789Z");
        assert_eq!(ts.as_nanosecond(), at.unix_timestamp_nanos());
    }
}
