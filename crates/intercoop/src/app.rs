//! The top-level wiring: the whole server's state (the shared part, `AppState`, and
//! each feature's part, handed to handlers through axum's `FromRef`), and every
//! feature's rebuild of derived columns, for the migrations.

use crate::db::migrations::Rebuild;
use crate::funding::FundingState;
use crate::home::HomeState;
use crate::state::AppState;
use axum::extract::FromRef;

#[derive(Clone)]
pub struct App {
    pub shared: AppState,
    pub funding: FundingState,
    pub home: HomeState,
    pub joining: crate::joining::JoiningState,
    pub newsletter: crate::newsletter::NewsletterState,
}

impl App {
    pub fn new(shared: AppState) -> App {
        App {
            funding: FundingState::new(&shared.db),
            home: HomeState::default(),
            joining: crate::joining::JoiningState::new(shared.clock.clone()),
            newsletter: crate::newsletter::NewsletterState::new(shared.clock.clone()),
            shared,
        }
    }
}

/// Every kind of job and its handler, and the recurring jobs (see `crate::jobs`).
pub fn jobs() -> crate::jobs::Registry {
    let r = crate::jobs::Registry::new();
    let r = crate::idempotency::register(r);
    let r = crate::events::register(
        r,
        crate::events::Subscriptions::new()
            .on(crate::events::POLL_CLOSED, crate::proposals::effects::ON_POLL_CLOSED)
            .on(crate::events::POLL_CLOSED, crate::assemblies::elections::ON_POLL_CLOSED)
            .on(crate::events::POLL_CLOSED, crate::joining::poll::ON_POLL_CLOSED)
            .on(
                crate::events::MEMBERSHIP_ENDED,
                crate::funding::leaving::ON_MEMBERSHIP_ENDED,
            ),
    );
    let r = crate::proposals::effects::register(r);
    let r = crate::proposals::jobs::register(r);
    let r = crate::funding::jobs::register(r);
    let r = crate::funding::leaving::register(r);
    let r = crate::polls::jobs::register(r);
    let r = crate::assemblies::jobs::register(r);
    let r = crate::assemblies::elections::register(r);
    let r = crate::joining::poll::register(r);
    let r = crate::money::jobs::register(r);
    let r = crate::pools::jobs::register(r);
    let r = crate::accounts::links::register(r);
    let r = crate::lists::delivery::register(r);
    crate::notifications::register(r, audiences())
}

/// Who gets each kind of notice, from the feature that owns the kind (see
/// `crate::notifications`). Security messages and the digest name their addressees.
pub fn audiences() -> crate::notifications::Audiences {
    let a = crate::notifications::Audiences::new();
    let a = crate::proposals::notifications::audiences(a);
    let a = crate::funding::notifications::audiences(a);
    let a = crate::polls::notifications::audiences(a);
    let a = crate::assemblies::notifications::audiences(a);
    let a = crate::pools::notifications::audiences(a);
    let a = crate::joining::notifications::audiences(a);
    let a = crate::work::notifications::audiences(a);
    let a = crate::newsletter::notifications::audiences(a);
    crate::money::notifications::audiences(a)
}

impl FromRef<App> for AppState {
    fn from_ref(app: &App) -> AppState {
        app.shared.clone()
    }
}

impl FromRef<App> for FundingState {
    fn from_ref(app: &App) -> FundingState {
        app.funding.clone()
    }
}

impl FromRef<App> for crate::joining::JoiningState {
    fn from_ref(app: &App) -> crate::joining::JoiningState {
        app.joining.clone()
    }
}

impl FromRef<App> for crate::newsletter::NewsletterState {
    fn from_ref(app: &App) -> crate::newsletter::NewsletterState {
        app.newsletter.clone()
    }
}

impl FromRef<App> for HomeState {
    fn from_ref(app: &App) -> HomeState {
        app.home.clone()
    }
}

/// Every feature's rebuild of the columns it derives from other rows, for
/// `db::migrations::run` (through `Db::migrate`): a migration asks for one by name
/// (`Step::Rebuild`), and it runs once every migration is applied. Every caller of
/// `Db::migrate` passes this list; a name missing from it fails the start.
pub fn rebuilds() -> Vec<Rebuild> {
    vec![
        crate::funding::summaries::REBUILD_SUMMARIES,
        crate::funding::digest::REBUILD_TOLD_SHARES,
    ]
}
