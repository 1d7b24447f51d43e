//! Who gets each kind of notice, read at sending time, and what features tell each day
//! at the digest hour: registered by the features that own them.

use super::{Addressee, Kind, Notice, addresses};
use crate::error::AppResult;
use crate::jobs::BoxFuture;
use sea_orm::DatabaseTransaction;
use std::collections::BTreeMap;
use std::sync::Arc;

/// An audience: who gets a kind of notice, read at sending time.
pub type Audience =
    Arc<dyn for<'a> Fn(&'a DatabaseTransaction, &'a Notice) -> BoxFuture<'a, AppResult<Vec<Addressee>>> + Send + Sync>;

/// Makes an [`Audience`] of a function or closure.
pub fn audience<F>(f: F) -> Audience
where
    F: for<'a> Fn(&'a DatabaseTransaction, &'a Notice) -> BoxFuture<'a, AppResult<Vec<Addressee>>>
        + Send
        + Sync
        + 'static,
{
    Arc::new(f)
}

/// What a feature tells each day at the digest hour (17:00 in the network's time zone):
/// given the network, the notices to send then, each with its addressees (`to`). The
/// daily digest job makes them first, so that a person who gets a digest that day gets
/// them inside it, in one email, and the others get them on their own.
pub type DailySource = for<'a> fn(&'a DatabaseTransaction, i64) -> BoxFuture<'a, AppResult<Vec<Notice>>>;

/// The audiences of the kinds of notice, and the daily sources, registered by the
/// features that own them (assembled in `crate::app`).
#[derive(Clone, Default)]
pub struct Audiences {
    pub(super) by_kind: BTreeMap<Kind, Audience>,
    pub(super) by_address: BTreeMap<Kind, addresses::AddressAudience>,
    pub(super) daily: Vec<DailySource>,
}

impl Audiences {
    pub fn new() -> Audiences {
        Audiences::default()
    }

    /// Registers who gets `kind` (a kind registered twice is a bug: it panics).
    pub fn with(mut self, kind: Kind, a: Audience) -> Audiences {
        assert!(self.by_kind.insert(kind, a).is_none(), "two audiences for {kind}");
        self
    }

    /// Registers who gets `kind` when its readers are addresses, not people
    /// ([`addresses`]; a kind registered twice, or also for people, is a bug: it panics).
    pub fn with_addresses(mut self, kind: Kind, a: addresses::AddressAudience) -> Audiences {
        assert!(!self.by_kind.contains_key(&kind), "two audiences for {kind}");
        assert!(self.by_address.insert(kind, a).is_none(), "two audiences for {kind}");
        self
    }

    /// Registers notices made each day at the digest hour ([`DailySource`]).
    pub fn daily(mut self, source: DailySource) -> Audiences {
        self.daily.push(source);
        self
    }

    /// The kinds that have an audience (of people or of addresses).
    pub fn kinds(&self) -> impl Iterator<Item = &Kind> {
        self.by_kind.keys().chain(self.by_address.keys())
    }
}
