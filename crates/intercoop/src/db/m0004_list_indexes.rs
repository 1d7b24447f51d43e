//! Indexes for the paginated lists at a federation's size (scale 100): the proposal
//! list sorted by date or by network priority, and the pledges of a campaign by status.

use super::migrations::{Step, index};

pub(crate) fn up() -> Vec<Step> {
    vec![
        index("proposals", &["network_id", "created_at"], false),
        index("proposals", &["network_id", "priority_rank"], false),
        index("pledges", &["campaign_id", "status"], false),
    ]
}
