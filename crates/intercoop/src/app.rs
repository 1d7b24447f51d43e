//! The whole server's state: the shared part (`AppState`) and each feature's part,
//! handed to handlers through axum's `FromRef`.

use crate::funding::FundingState;
use crate::home::HomeState;
use crate::state::AppState;
use axum::extract::FromRef;

#[derive(Clone)]
pub struct App {
    pub shared: AppState,
    pub funding: FundingState,
    pub home: HomeState,
}

impl App {
    pub fn new(shared: AppState) -> App {
        App {
            funding: FundingState::new(&shared.db),
            home: HomeState::default(),
            shared,
        }
    }
}

/// Every kind of job and its handler, and the recurring jobs (see `crate::jobs`).
pub fn jobs() -> crate::jobs::Registry {
    let r = crate::jobs::Registry::new();
    let r = crate::proposals::jobs::register(r);
    let r = crate::funding::jobs::register(r);
    crate::polls::jobs::register(r)
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

impl FromRef<App> for HomeState {
    fn from_ref(app: &App) -> HomeState {
        app.home.clone()
    }
}
